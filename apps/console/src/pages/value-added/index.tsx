import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyCallQueueDocument, QueueTaskFragment, RecordCallOutcomeDocument, type CallOutcome } from '../../gql/graphql';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDate, formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

const OUTCOMES: CallOutcome[] = ['ORDERED', 'INTERESTED', 'NO_ANSWER', 'DECLINED', 'WRONG_NUMBER', 'DO_NOT_CALL'];

export default function CallQueuePage() {
  const { t } = useTranslation('value-added');
  const [includeLater, setIncludeLater] = useState(false);
  const queue = useGraphQLQuery(MyCallQueueDocument, { includeLater }, { refetchInterval: 30000 });
  const [calling, setCalling] = useState<QueueTaskFragment>();

  return (
    <Card
      title={t('queue.title')}
      extra={
        <Space>
          <Switch checked={includeLater} onChange={setIncludeLater} id="include-later" />
          <label htmlFor="include-later">{t('queue.includeLater')}</label>
        </Space>
      }
    >
      <Loaded query={queue} isEmpty={(data) => data.myCallQueue.length === 0} empty={includeLater ? t('queue.empty') : t('queue.nothingNow')}>
        {(data) => (
          <ResponsiveList<QueueTaskFragment>
            rowKey="id"
            size="middle"
            pagination={{ pageSize: 25, hideOnSinglePage: true }}
            dataSource={data.myCallQueue}
            data-testid="call-queue"
            columns={[
              { title: t('col.customer'), key: 'customer', render: (_, task) => <a href={href('customers', task.customer.id)}>{task.customer.name}</a> },
              { title: t('col.phone'), key: 'phone', render: (_, task) => <Typography.Text copyable>{task.customer.phone}</Typography.Text> },
              {
                title: t('col.machine'),
                key: 'machine',
                render: (_, task) =>
                  t('machine', { brand: task.device.brand, model: task.device.productModel, installed: formatChinaDate(task.device.installedOn) }),
              },
              {
                title: t('col.due'),
                key: 'due',
                render: (_, task) => (
                  <Space wrap>
                    {task.stages.map((stage) => (
                      <Tag key={stage}>{stage}</Tag>
                    ))}
                    <span>{formatChinaDate(task.dueOn)}</span>
                  </Space>
                ),
              },
              {
                title: t('col.kind'),
                dataIndex: 'kind',
                render: (kind: string) => <EnumLabel enum="CallTaskKind" value={kind} tag color={kind === 'FOLLOW_UP' ? 'purple' : 'blue'} />,
              },
              { title: t('col.attempts'), dataIndex: 'attempts' },
              { title: t('col.callAgain'), dataIndex: 'nextAttemptAt', render: formatChinaDateTime },
              {
                title: t('common:table.actions'),
                key: 'record',
                render: (_, task) => (
                  <Button type="primary" size="small" onClick={() => setCalling(task)} data-testid="record-call">
                    {t('record.button')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {calling && <OutcomeModal task={calling} onClose={() => setCalling(undefined)} />}
    </Card>
  );
}

interface OutcomeForm {
  notes?: string;
  stages?: string[];
  preferredDate?: { format: (pattern: string) => string };
}

function OutcomeModal({ task, onClose }: { task: QueueTaskFragment; onClose: () => void }) {
  const { t } = useTranslation('value-added');
  const { message } = App.useApp();
  const record = useGraphQLMutation(RecordCallOutcomeDocument, { invalidates: ['MyCallQueue'] });
  const [outcome, setOutcome] = useState<CallOutcome>('ORDERED');
  const [form] = Form.useForm<OutcomeForm>();

  const submit = async (values: OutcomeForm) => {
    try {
      await record.mutateAsync({
        input: {
          taskId: task.id,
          outcome,
          notes: values.notes || null,
          stages: outcome === 'ORDERED' && values.stages?.length ? values.stages : null,
          preferredDate: outcome === 'ORDERED' && values.preferredDate ? values.preferredDate.format('YYYY-MM-DD') : null,
        },
      });
      message.success(outcome === 'INTERESTED' ? t('record.handedOver') : t('record.done', { outcome: enumLabel('CallOutcome', outcome) }));
      onClose();
    } catch {
      // shown in the dialog (record.error)
    }
  };

  return (
    <Modal
      open
      title={t('record.title', { name: task.customer.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('record.ok')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={record.isPending}
    >
      {record.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorNotice error={record.error} />
        </div>
      ) : null}
      {task.calls.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('record.earlier')}{' '}
          {task.calls
            .map((call) => `${formatChinaDateTime(call.calledAt)} ${enumLabel('CallOutcome', call.outcome)}${call.notes ? ` (${call.notes})` : ''}`)
            .join('; ')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('record.outcome')} htmlFor="call-outcome">
          <Select
            id="call-outcome"
            value={outcome}
            onChange={setOutcome}
            options={OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}.label`) }))}
            data-testid="call-outcome"
          />
          <Typography.Text type="secondary">{t(`outcome.${outcome}.explain`)}</Typography.Text>
        </Form.Item>
        {outcome === 'ORDERED' && (
          <>
            <Form.Item name="stages" label={t('record.stages')}>
              <Select mode="multiple" options={task.stages.map((stage) => ({ value: stage, label: stage }))} />
            </Form.Item>
            <Form.Item name="preferredDate" label={t('record.preferredDate')}>
              <DatePicker disabledDate={(day) => day.format('YYYY-MM-DD') < chinaToday()} />
            </Form.Item>
          </>
        )}
        <Form.Item name="notes" label={t('record.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
