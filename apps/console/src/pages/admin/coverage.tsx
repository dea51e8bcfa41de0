import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AdminBackupCandidatesDocument,
  AdminCoverageDocument,
  AdminCoverageQuery,
  AdminFillBackupTaskDocument,
  SetNeighbouringCitiesDocument,
} from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Gap = AdminCoverageQuery['coverageGaps'][number];
type Task = AdminCoverageQuery['openBackupTasks'][number];

function FillModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const candidates = useGraphQLQuery(AdminBackupCandidatesDocument, { taskId: task.id });
  const fill = useGraphQLMutation(AdminFillBackupTaskDocument, { invalidates: ['AdminCoverage', 'AdminEngineers'] });
  const [engineerId, setEngineerId] = useState<string>();
  return (
    <Modal
      open
      title={t('coverage.fillTitle', { city: task.city })}
      onCancel={onClose}
      okText={t('coverage.fill')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ disabled: !engineerId }}
      confirmLoading={fill.isPending}
      onOk={() =>
        engineerId &&
        void fill
          .mutateAsync({ taskId: task.id, input: { engineerId } })
          .then(() => {
            message.success(t('coverage.filled'));
            onClose();
          })
          .catch(() => undefined)
      }
    >
      {fill.error ? <ErrorNotice error={fill.error} /> : null}
      <Loaded query={candidates} isEmpty={(data) => data.backupCandidates.length === 0} empty={t('coverage.noCandidates')}>
        {(data) => (
          <Radio.Group value={engineerId} onChange={(event) => setEngineerId(event.target.value as string)}>
            <Space direction="vertical">
              {data.backupCandidates.map((candidate) => (
                <Radio key={candidate.engineer.id} value={candidate.engineer.id}>
                  {candidate.engineer.name}（{candidate.engineer.homeCity}）· <EnumLabel enum="BackupCandidateKind" value={candidate.kind} />
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        )}
      </Loaded>
    </Modal>
  );
}

function NeighboursCard() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const save = useGraphQLMutation(SetNeighbouringCitiesDocument, { invalidates: ['AdminCoverage'] });
  const [form] = Form.useForm<{ city: string; neighbours: string[] }>();
  return (
    <Card size="small" title={t('coverage.neighbours')}>
      <Typography.Paragraph type="secondary">{t('coverage.neighboursHint')}</Typography.Paragraph>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={(values) =>
          void save
            .mutateAsync({ input: { city: values.city.trim(), neighbours: (values.neighbours ?? []).map((city) => city.trim()).filter(Boolean) } })
            .then((result) => message.success(t('coverage.neighboursSaved', { cities: result.setNeighbouringCities.join('、') || '—' })))
            .catch(() => undefined)
        }
      >
        <Form.Item name="city" label={t('coverage.city')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="neighbours" label={t('coverage.neighbourCities')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} style={{ minWidth: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Where the network is thin (no engineer, or more work than capacity) and the backup searches still open. */
export function CoverageTab() {
  const { t } = useTranslation('admin');
  const coverage = useGraphQLQuery(AdminCoverageDocument, { days: 30 });
  const [filling, setFilling] = useState<Task>();
  return (
    <Loaded query={coverage}>
      {(data) => (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Card size="small" title={t('coverage.gaps')}>
            <ResponsiveList<Gap>
              rowKey={(gap) => `${gap.city}/${gap.brand}/${gap.productModel}`}
              size="small"
              pagination={false}
              data-testid="coverage-gaps"
              dataSource={data.coverageGaps}
              locale={{ emptyText: t('coverage.noGaps') }}
              columns={[
                { title: t('coverage.city'), dataIndex: 'city' },
                { title: t('coverage.skill'), key: 'skill', render: (_, gap) => `${gap.brand} ${gap.productModel}` },
                { title: t('coverage.gap'), dataIndex: 'gap', render: (value: string) => <EnumLabel enum="CoverageGap" value={value} tag color="red" /> },
                { title: t('coverage.engineers'), dataIndex: 'activeEngineers' },
                { title: t('coverage.capacity'), dataIndex: 'dailyCapacity' },
                { title: t('coverage.jobs'), dataIndex: 'jobs' },
                { title: t('coverage.unplaced'), dataIndex: 'unplacedJobs' },
              ]}
            />
          </Card>
          <Card size="small" title={t('coverage.backups')}>
            <ResponsiveList<Task>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="backup-tasks"
              dataSource={data.openBackupTasks}
              locale={{ emptyText: t('coverage.noBackups') }}
              columns={[
                { title: t('coverage.city'), dataIndex: 'city' },
                { title: t('coverage.work'), dataIndex: 'workType', render: (value: string) => <EnumLabel enum="SettlementWorkType" value={value} /> },
                { title: t('coverage.skill'), key: 'skill', render: (_, task) => [task.brand, task.productModel].filter(Boolean).join(' ') || '—' },
                { title: t('coverage.deadline'), dataIndex: 'deadline', render: (value: string) => formatChinaDateTime(value) },
                { title: t('coverage.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="BackupTaskStatus" value={value} tag /> },
                {
                  title: t('common:table.actions'),
                  key: 'fill',
                  render: (_, task) => (
                    <Button size="small" onClick={() => setFilling(task)} data-testid="fill-backup">
                      {t('coverage.fill')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
          <NeighboursCard />
          {filling && <FillModal task={filling} onClose={() => setFilling(undefined)} />}
        </Space>
      )}
    </Loaded>
  );
}
