import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MyCallQueueDocument, QueueTaskFragment, RecordCallOutcomeDocument, type CallOutcome } from '../gql/graphql';
import { ErrorNotice } from '../lib/errors';
import { useMutation, useQuery } from '../lib/graphql';
import { href } from '../lib/route';
import { useSession } from '../lib/session';
import { Loaded } from '../lib/states';
import { chinaDate, formatTime, words } from '../lib/time';

const OUTCOMES: { outcome: CallOutcome; label: string; explain: string }[] = [
  { outcome: 'ORDERED', label: 'Ordered', explain: 'The customer buys the replacement: a work order is opened.' },
  { outcome: 'INTERESTED', label: 'Interested — hand over', explain: 'Hand the customer to the sales tier for a follow-up call.' },
  { outcome: 'NO_ANSWER', label: 'No answer', explain: 'Call again later (default: 3 hotline hours).' },
  { outcome: 'DECLINED', label: 'Declined', explain: 'Not now; the task closes.' },
  { outcome: 'WRONG_NUMBER', label: 'Wrong number', explain: 'The number does not reach this customer.' },
  { outcome: 'DO_NOT_CALL', label: 'Do not call', explain: 'The customer asked not to be called again.' },
];

export function CallQueue() {
  const { session } = useSession();
  const [includeLater, setIncludeLater] = useState(false);
  const queue = useQuery(session, MyCallQueueDocument, { includeLater }, { pollMs: 30000 });
  const [calling, setCalling] = useState<QueueTaskFragment>();

  return (
    <Card
      title="My calls, in the order to make them"
      extra={
        <Space>
          <span>Include call-backs for later</span>
          <Switch checked={includeLater} onChange={setIncludeLater} />
        </Space>
      }
    >
      <Loaded
        query={queue}
        isEmpty={(data) => data.myCallQueue.length === 0}
        empty={includeLater ? 'Your queue is empty' : 'Nothing to call now. Switch on “include call-backs for later” to see the rest.'}
      >
        {(data) => (
          <Table<QueueTaskFragment>
            rowKey="id"
            size="middle"
            pagination={{ pageSize: 25, hideOnSinglePage: true }}
            dataSource={data.myCallQueue}
            data-testid="call-queue"
            columns={[
              { title: 'Customer', render: (_, task) => <a href={href('customers', task.customer.id)}>{task.customer.name}</a> },
              { title: 'Phone', render: (_, task) => <Typography.Text copyable>{task.customer.phone}</Typography.Text> },
              { title: 'Machine', render: (_, task) => `${task.device.brand} ${task.device.productModel} (installed ${task.device.installedOn})` },
              { title: 'Due', render: (_, task) => <Space wrap>{task.stages.map((stage) => <Tag key={stage}>{stage}</Tag>)}<span>{task.dueOn}</span></Space> },
              { title: 'Kind', dataIndex: 'kind', render: (kind: string) => <Tag color={kind === 'FOLLOW_UP' ? 'purple' : 'blue'}>{words(kind)}</Tag> },
              { title: 'Attempts', dataIndex: 'attempts' },
              { title: 'Call again', dataIndex: 'nextAttemptAt', render: formatTime },
              { title: '', render: (_, task) => <Button type="primary" size="small" onClick={() => setCalling(task)}>Record call</Button> },
            ]}
          />
        )}
      </Loaded>
      {calling && <OutcomeModal task={calling} onClose={() => setCalling(undefined)} onDone={() => void queue.refetch()} />}
    </Card>
  );
}

function OutcomeModal({ task, onClose, onDone }: { task: QueueTaskFragment; onClose: () => void; onDone: () => void }) {
  const { session } = useSession();
  const { message } = App.useApp();
  const [record, recording] = useMutation(session, RecordCallOutcomeDocument);
  const [outcome, setOutcome] = useState<CallOutcome>('ORDERED');
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const submit = async (values: any) => {
    setError(undefined);
    try {
      await record({
        input: {
          taskId: task.id,
          outcome,
          notes: values.notes || null,
          stages: outcome === 'ORDERED' && values.stages?.length ? values.stages : null,
          preferredDate: outcome === 'ORDERED' && values.preferredDate ? values.preferredDate.format('YYYY-MM-DD') : null,
        },
      });
      message.success(outcome === 'INTERESTED' ? 'Handed over to the sales tier' : `Recorded: ${words(outcome)}`);
      onDone();
      onClose();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal open title={`Call with ${task.customer.name}`} onCancel={onClose} onOk={() => form.submit()} okText="Record" confirmLoading={recording.loading}>
      {error ? <div style={{ marginBottom: 12 }}><ErrorNotice error={error} /></div> : null}
      {task.calls.length > 0 && (
        <Typography.Paragraph type="secondary">
          Earlier calls: {task.calls.map((call) => `${formatTime(call.calledAt)} ${words(call.outcome)}${call.notes ? ` (${call.notes})` : ''}`).join('; ')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label="Outcome">
          <Select value={outcome} onChange={setOutcome} options={OUTCOMES.map((option) => ({ value: option.outcome, label: option.label }))} />
          <Typography.Text type="secondary">{OUTCOMES.find((option) => option.outcome === outcome)?.explain}</Typography.Text>
        </Form.Item>
        {outcome === 'ORDERED' && (
          <>
            <Form.Item name="stages" label="Stages bought (default: the stages due)">
              <Select mode="multiple" options={task.stages.map((stage) => ({ value: stage, label: stage }))} />
            </Form.Item>
            <Form.Item name="preferredDate" label="Preferred visit day">
              <DatePicker disabledDate={(day) => day.format('YYYY-MM-DD') < chinaDate()} />
            </Form.Item>
          </>
        )}
        <Form.Item name="notes" label="Notes">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
