import { App, Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CallTeamDocument,
  CallTeamQuery,
  MarkAgentAbsentDocument,
  ReassignCallTaskDocument,
  TeamCallQueueDocument,
  TeamCallQueueQuery,
} from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Agent = CallTeamQuery['callTeam'][number];
type Task = TeamCallQueueQuery['teamCallQueue'][number];
const AFTER = { invalidates: ['CallTeam', 'TeamCallQueue', 'MyCallQueue'] };

/** The call team: who is in today, their open calls; mark someone absent (their calls go to the others), move one call. */
export default function CallTeamPage() {
  const { t } = useTranslation('call-team');
  const { message } = App.useApp();
  const team = useGraphQLQuery(CallTeamDocument, {}, { refetchInterval: 30000 });
  const [agentId, setAgentId] = useState<string>();
  const queue = useGraphQLQuery(TeamCallQueueDocument, { filter: { agentId: agentId ?? null, unassignedOnly: false, first: 200 } }, { refetchInterval: 30000 });
  const absent = useGraphQLMutation(MarkAgentAbsentDocument, AFTER);
  const [marking, setMarking] = useState<Agent>();
  const [moving, setMoving] = useState<Task>();
  const agents = (team.data?.callTeam ?? []).filter((agent) => agent.active);

  const markAbsent = async (agent: Agent, reason: string | null) => {
    try {
      const result = await absent.mutateAsync({ input: { agentId: agent.id, day: chinaToday(), reason } });
      message.success(t('absent.done', { name: agent.name, count: result.markAgentAbsent.tasksRedistributed }));
      setMarking(undefined);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('team.title')}>
        <Loaded query={team} isEmpty={(data) => data.callTeam.length === 0} empty={t('team.none')}>
          {() => (
            <ResponsiveList<Agent>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={agents}
              data-testid="call-team"
              columns={[
                { title: t('team.name'), dataIndex: 'name' },
                { title: t('team.tier'), dataIndex: 'tier', render: (value: string) => <EnumLabel enum="AgentTier" value={value} /> },
                { title: t('team.open'), dataIndex: 'openTasks' },
                { title: t('team.target'), dataIndex: 'dailyTarget' },
                {
                  title: t('team.today'),
                  dataIndex: 'absentToday',
                  render: (value: boolean) => (value ? <Tag color="orange">{t('team.absent')}</Tag> : <Tag color="green">{t('team.present')}</Tag>),
                },
                {
                  title: t('common:table.actions'),
                  key: 'actions',
                  render: (_, agent) => (
                    <Space wrap>
                      <Button size="small" onClick={() => setAgentId(agent.id)}>
                        {t('team.showCalls')}
                      </Button>
                      {!agent.absentToday && (
                        <Button size="small" danger onClick={() => setMarking(agent)} data-testid="mark-absent">
                          {t('absent.button')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Card
        title={t('queue.title')}
        extra={
          <Select
            allowClear
            aria-label={t('queue.agent')}
            placeholder={t('queue.everyAgent')}
            style={{ width: 200 }}
            value={agentId}
            onChange={setAgentId}
            options={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
          />
        }
      >
        <Loaded query={queue} isEmpty={(data) => data.teamCallQueue.length === 0} empty={t('queue.none')}>
          {(data) => (
            <ResponsiveList<Task>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={data.teamCallQueue}
              data-testid="team-call-queue"
              columns={[
                { title: t('queue.customer'), key: 'customer', render: (_, task) => <a href={href('customers', task.customer.id)}>{task.customer.name}</a> },
                { title: t('queue.city'), key: 'city', render: (_, task) => task.customer.city },
                { title: t('queue.kind'), dataIndex: 'kind', render: (value: string) => <EnumLabel enum="CallTaskKind" value={value} /> },
                { title: t('queue.due'), dataIndex: 'dueOn', render: formatChinaDate },
                { title: t('queue.agent'), key: 'agent', render: (_, task) => task.agent?.name ?? t('queue.unassigned') },
                {
                  title: t('common:table.actions'),
                  key: 'move',
                  render: (_, task) => (
                    <Button size="small" onClick={() => setMoving(task)} data-testid="reassign-call">
                      {t('reassign.button')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      {marking && (
        <AbsentModal
          agent={marking}
          busy={absent.isPending}
          error={absent.error}
          onSubmit={(reason) => void markAbsent(marking, reason)}
          onClose={() => {
            absent.reset();
            setMarking(undefined);
          }}
        />
      )}
      {moving && <ReassignModal task={moving} agents={agents} onClose={() => setMoving(undefined)} />}
    </Space>
  );
}

function AbsentModal({
  agent,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  agent: Agent;
  busy: boolean;
  error: unknown;
  onSubmit: (reason: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('call-team');
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      open
      title={t('absent.title', { name: agent.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('absent.ok')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
    >
      {error ? <ErrorNotice error={error} /> : null}
      <p>{t('absent.explain', { count: agent.openTasks })}</p>
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values.reason?.trim() || null)}>
        <Form.Item name="reason" label={t('absent.reason')}>
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReassignModal({ task, agents, onClose }: { task: Task; agents: Agent[]; onClose: () => void }) {
  const { t } = useTranslation('call-team');
  const { message } = App.useApp();
  const reassign = useGraphQLMutation(ReassignCallTaskDocument, AFTER);
  const [agentId, setAgentId] = useState<string>();
  const submit = async () => {
    if (!agentId) return;
    try {
      const result = await reassign.mutateAsync({ input: { taskId: task.id, agentId } });
      message.success(t('reassign.done', { name: result.reassignCallTask.agent?.name ?? '' }));
      onClose();
    } catch {
      // shown in the dialog
    }
  };
  // A task stays in its tier: a reminder call goes to a reminder agent, a follow-up to the sales tier.
  const candidates = agents.filter((agent) => agent.tier === task.tier && agent.id !== task.agentId && !agent.absentToday);
  return (
    <Modal
      open
      title={t('reassign.title', { name: task.customer.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !agentId }}
      okText={t('reassign.ok')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={reassign.isPending}
    >
      {reassign.error ? <ErrorNotice error={reassign.error} /> : null}
      <label htmlFor="reassign-agent">{t('reassign.to')}</label>
      <Select
        id="reassign-agent"
        style={{ width: '100%', marginTop: 4 }}
        value={agentId}
        onChange={setAgentId}
        options={candidates.map((agent) => ({ value: agent.id, label: t('reassign.option', { name: agent.name, count: agent.openTasks }) }))}
        notFoundContent={t('reassign.noAgent')}
        data-testid="reassign-agent"
      />
    </Modal>
  );
}
