import { App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import {
  ComplaintDetailDocument,
  ComplaintFullFragment,
  ComplaintInboxDocument,
  DetermineLiabilityDocument,
  GiveOpinionDocument,
  InboxComplaintFragment,
  ProposeCompensationDocument,
  RecordContactDocument,
  ResolveComplaintDocument,
  StartInvestigationDocument,
  type BreachRisk,
} from '../gql/graphql';
import { ErrorNotice } from '../lib/errors';
import { useMutation, useQuery } from '../lib/graphql';
import { href, navigate } from '../lib/route';
import { useSession } from '../lib/session';
import { Loaded } from '../lib/states';
import { formatCountdown, formatMoney, formatTime, useNow, words } from '../lib/time';

type Clock = InboxComplaintFragment['slaClocks'][number];

/** The running clock nearest its deadline: what this complaint breaches next (null when every clock stopped). */
function nextClock(complaint: InboxComplaintFragment): Clock | null {
  const running = complaint.slaClocks.filter((clock) => !clock.stoppedAt);
  return running.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
}

function riskOf(clock: Clock | null, now: number): 'breached' | 'at risk' | 'on time' | 'paused' | 'done' {
  if (!clock) return 'done';
  if (clock.breachedAt || Date.parse(clock.dueAt) <= now) return 'breached';
  if (clock.pausedAt) return 'paused';
  if (Date.parse(clock.warnAt) <= now) return 'at risk';
  return 'on time';
}

const RISK_COLOUR = { breached: 'red', 'at risk': 'orange', 'on time': 'green', paused: 'default', done: 'default' } as const;

export function Countdown({ clock }: { clock: Clock | null }) {
  const now = useNow();
  const risk = riskOf(clock, now);
  if (!clock) return <Tag>no clock running</Tag>;
  return (
    <Space size={4} data-testid="sla-countdown" style={{ whiteSpace: 'nowrap' }}>
      <Tag color={RISK_COLOUR[risk]}>{risk}</Tag>
      <Typography.Text type={risk === 'breached' ? 'danger' : risk === 'at risk' ? 'warning' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {words(clock.kind)} {clock.pausedAt ? 'paused' : formatCountdown(Date.parse(clock.dueAt) - now)}
      </Typography.Text>
    </Space>
  );
}

export function ComplaintDesk({ complaintId }: { complaintId?: string }) {
  const { session } = useSession();
  const [breachRisk, setBreachRisk] = useState<BreachRisk>();
  const inbox = useQuery(session, ComplaintInboxDocument, { first: 100, breachRisk }, { pollMs: 15000 });
  const rows = [...(inbox.data?.complaintInbox.edges.map((edge) => edge.node) ?? [])].sort((a, b) => {
    const left = nextClock(a)?.dueAt ?? '9999';
    const right = nextClock(b)?.dueAt ?? '9999';
    return left.localeCompare(right);
  });

  return (
    <Row gutter={24}>
      <Col xs={24} xxl={complaintId ? 10 : 24} xl={complaintId ? 11 : 24}>
        <Card
          title="Inbox — nearest deadline first"
          extra={
            <Select<BreachRisk | undefined>
              allowClear
              placeholder="Every open complaint"
              style={{ width: 200 }}
              value={breachRisk}
              onChange={setBreachRisk}
              options={[
                { value: 'AT_RISK', label: 'At risk of breaching' },
                { value: 'BREACHED', label: 'Breached' },
              ]}
            />
          }
        >
          <Loaded query={inbox} isEmpty={() => rows.length === 0} empty={breachRisk ? 'No complaint is in that state' : 'The inbox is empty: no open complaints'}>
            {() => (
              <Table<InboxComplaintFragment>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={rows}
                data-testid="complaint-inbox"
                onRow={(complaint) => ({ onClick: () => navigate('complaints', complaint.id), style: { cursor: 'pointer', background: complaint.id === complaintId ? '#e6f4ff' : undefined } })}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: 'SLA', width: 230, render: (_, complaint) => <Countdown clock={nextClock(complaint)} /> },
                  { title: 'Summary', dataIndex: 'summary', render: (summary: string, complaint) => <a href={href('complaints', complaint.id)}>{summary}</a> },
                  { title: 'Customer', render: (_, complaint) => complaint.customer.name },
                  // With a case open beside it, the inbox keeps what decides which one to take next.
                  ...(complaintId
                    ? []
                    : [
                        { title: 'Category', dataIndex: 'category', render: words },
                        { title: 'Priority', dataIndex: 'priority', render: (priority: string) => (priority === 'URGENT' ? <Tag color="red">urgent</Tag> : 'normal') },
                      ]),
                  { title: 'Status', dataIndex: 'status', render: (status: string) => <Tag>{words(status)}</Tag> },
                ]}
              />
            )}
          </Loaded>
        </Card>
      </Col>
      {complaintId && (
        <Col xs={24} xxl={14} xl={13}>
          <ComplaintCase id={complaintId} onChanged={() => void inbox.refetch()} />
        </Col>
      )}
    </Row>
  );
}

type Action = 'contact' | 'investigate' | 'liability' | 'opinion' | 'compensation' | 'resolve';

function ComplaintCase({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { session } = useSession();
  const detail = useQuery(session, ComplaintDetailDocument, { id });
  const [action, setAction] = useState<Action>();

  return (
    <Card title="Complaint" extra={<Button onClick={() => navigate('complaints')}>Close</Button>} data-testid="complaint-case">
      <Loaded query={detail}>
        {({ complaint }) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {complaint.summary}
            </Typography.Title>
            <Space wrap>
              <Tag color="blue">{words(complaint.status)}</Tag>
              <Tag>{words(complaint.category)}</Tag>
              <Tag>{words(complaint.channel)}</Tag>
              {complaint.priority === 'URGENT' && <Tag color="red">urgent</Tag>}
              {complaint.involvesLiability && <Tag color="orange">liability at stake: opinion due {formatTime(complaint.opinionDueAt)}</Tag>}
            </Space>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="Customer">
                <a href={href('customers', complaint.customer.id)} data-testid="open-customer-360">
                  {complaint.customer.name} — open 360
                </a>
              </Descriptions.Item>
              <Descriptions.Item label="Received">{formatTime(complaint.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="Proposed solution" span={2}>
                {complaint.proposedSolution}
              </Descriptions.Item>
              <Descriptions.Item label="Product">{[complaint.brand, complaint.productModel].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
              <Descriptions.Item label="Liability">{complaint.liability ? `${words(complaint.liability)} (${complaint.responsibleDepartment ?? '—'})` : 'not determined'}</Descriptions.Item>
              <Descriptions.Item label="Opinion" span={2}>
                {complaint.opinion ?? '—'}
              </Descriptions.Item>
              {complaint.resolution && (
                <Descriptions.Item label="Resolution" span={2}>
                  {complaint.resolution}
                </Descriptions.Item>
              )}
            </Descriptions>
            <div>
              <Typography.Text strong>SLA clocks</Typography.Text>
              <div>
                {complaint.slaClocks.map((clock) => (
                  <div key={clock.id}>{clock.stoppedAt ? (
                      <Tag color={clock.breachedAt ? 'red' : 'green'}>
                        {words(clock.kind)}: {clock.breachedAt ? 'breached, done' : 'met'} {formatTime(clock.stoppedAt)}
                      </Tag>
                    ) : (
                      <Countdown clock={clock} />
                    )}</div>
                ))}
              </div>
            </div>
            <Space wrap>
              <Button onClick={() => setAction('contact')} data-testid="action-contact">Record contact</Button>
              <Button onClick={() => setAction('investigate')}>Start investigation</Button>
              <Button onClick={() => setAction('liability')}>Determine liability</Button>
              <Button onClick={() => setAction('opinion')}>Give opinion</Button>
              <Button onClick={() => setAction('compensation')}>Propose compensation</Button>
              <Button type="primary" onClick={() => setAction('resolve')}>Resolve</Button>
            </Space>
            {complaint.compensations.length > 0 && (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={complaint.compensations}
                columns={[
                  { title: 'Compensation', render: (_, row) => formatMoney(row.amountCents, row.currency) },
                  { title: 'Payer', dataIndex: 'payer', render: words },
                  { title: 'Reason', dataIndex: 'reason' },
                  { title: 'Status', dataIndex: 'status', render: (status: string) => <Tag>{words(status)}</Tag> },
                ]}
              />
            )}
            <div>
              <Typography.Text strong>Timeline</Typography.Text>
              <Timeline
                style={{ marginTop: 12 }}
                data-testid="complaint-timeline"
                items={complaint.steps.map((step) => ({
                  key: step.id,
                  children: (
                    <>
                      <strong>{words(step.action)}</strong> · {step.actorName} · {formatTime(step.at)}
                      {step.note && <div>{step.note}</div>}
                      {step.proposedSolution && <div>Offered: {step.proposedSolution}</div>}
                    </>
                  ),
                }))}
              />
            </div>
            <ActionModal
              action={action}
              complaint={complaint}
              onClose={() => setAction(undefined)}
              onDone={() => {
                setAction(undefined);
                void detail.refetch();
                onChanged();
              }}
            />
          </Space>
        )}
      </Loaded>
    </Card>
  );
}

const TITLES: Record<Action, string> = {
  contact: 'Record a contact with the customer',
  investigate: 'Start the investigation',
  liability: 'Determine liability',
  opinion: 'Give the handling opinion',
  compensation: 'Propose compensation (a supervisor decides)',
  resolve: 'Resolve the complaint',
};

function ActionModal({ action, complaint, onClose, onDone }: { action?: Action; complaint: ComplaintFullFragment; onClose: () => void; onDone: () => void }) {
  const { session } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [contact] = useMutation(session, RecordContactDocument);
  const [investigate] = useMutation(session, StartInvestigationDocument);
  const [liability] = useMutation(session, DetermineLiabilityDocument);
  const [opinion] = useMutation(session, GiveOpinionDocument);
  const [compensation] = useMutation(session, ProposeCompensationDocument);
  const [resolve] = useMutation(session, ResolveComplaintDocument);
  const id = complaint.id;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const submit = async (values: any) => {
    setError(undefined);
    setBusy(true);
    try {
      if (action === 'contact') await contact({ id, input: { content: values.content, proposedSolution: values.proposedSolution || null } });
      if (action === 'investigate') await investigate({ id, note: values.note || null });
      if (action === 'liability')
        await liability({ id, input: { liability: values.liability, finding: values.finding, responsibleDepartment: values.responsibleDepartment || null, responsiblePerson: values.responsiblePerson || null } });
      if (action === 'opinion') await opinion({ id, input: { opinion: values.opinion, proposedSolution: values.proposedSolution || null } });
      if (action === 'compensation')
        await compensation({ complaintId: id, input: { amountCents: Math.round(Number(values.amount) * 100), currency: 'CNY', payer: values.payer, reason: values.reason } });
      if (action === 'resolve') await resolve({ id, input: { resolution: values.resolution, reviewWithdrawn: complaint.channel === 'REVIEW_SITE' ? !!values.reviewWithdrawn : null } });
      message.success('Saved');
      form.resetFields();
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: 'Required' }];
  return (
    <Modal open={!!action} title={action ? TITLES[action] : ''} onCancel={onClose} onOk={() => form.submit()} okText="Save" confirmLoading={busy} destroyOnClose>
      {error ? <div style={{ marginBottom: 12 }}><ErrorNotice error={error} /></div> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false}>
        {action === 'contact' && (
          <>
            <Form.Item name="content" label="What was said" rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="proposedSolution" label="Solution offered (if it changed)">
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'investigate' && (
          <Form.Item name="note" label="Note">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {action === 'liability' && (
          <>
            <Form.Item name="liability" label="Who is liable" rules={[{ required: true, message: 'Required' }]}>
              <Select options={['PRODUCT', 'INSTALLATION', 'SALES', 'LOGISTICS', 'CUSTOMER'].map((value) => ({ value, label: words(value) }))} />
            </Form.Item>
            <Form.Item name="finding" label="Finding" rules={required}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="responsibleDepartment" label="Responsible department (default by liability)">
              <Input />
            </Form.Item>
            <Form.Item name="responsiblePerson" label="Responsible person">
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'opinion' && (
          <>
            <Form.Item name="opinion" label="Handling opinion: what we will do, whether and how much we compensate" rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="proposedSolution" label="Solution offered (if it changed)">
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'compensation' && (
          <>
            <Form.Item name="amount" label="Amount (yuan)" rules={[{ required: true, message: 'Required' }]}>
              <InputNumber min={0.01} step={10} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="payer" label="Paid by" rules={[{ required: true, message: 'Required' }]}>
              <Select options={['COMPANY', 'BRAND', 'INSURER', 'ENGINEER'].map((value) => ({ value, label: words(value) }))} />
            </Form.Item>
            <Form.Item name="reason" label="Reason" rules={required}>
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'resolve' && (
          <>
            <Form.Item name="resolution" label="Resolution" rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
            {complaint.channel === 'REVIEW_SITE' && (
              <Form.Item name="reviewWithdrawn" label="The customer withdrew the review" valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

