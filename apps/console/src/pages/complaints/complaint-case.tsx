import { Alert, Button, Card, Descriptions, Grid, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintDetailDocument } from '../../gql/graphql';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLQuery } from '../../lib/graphql';
import { href, navigate } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { ActionModal } from './action-modal';
import { allowedActions, resolveBlockedBy, type ComplaintAction } from './allowed-actions';
import { Countdown } from './countdown';
import { stepNote } from './step-note';

/** One complaint: its facts, its clocks (countdown and absolute due time), the actions its state allows, its timeline. */
export function ComplaintCase({ id }: { id: string }) {
  const { t } = useTranslation('complaints');
  const detail = useGraphQLQuery(ComplaintDetailDocument, { id });
  const [action, setAction] = useState<ComplaintAction>();
  const narrow = !Grid.useBreakpoint().md;

  return (
    <Card title={t('case.title')} extra={<Button onClick={() => navigate('complaints')}>{t('common:actions.close')}</Button>} data-testid="complaint-case">
      <Loaded query={detail}>
        {({ complaint }) => {
          const actions = allowedActions(complaint);
          const blocked = resolveBlockedBy(complaint);
          return (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Title level={2} style={{ margin: 0, fontSize: 20, overflowWrap: 'anywhere' }}>
                {complaint.summary}
              </Typography.Title>
              <Space wrap data-testid="complaint-tags">
                <span data-testid="complaint-status">
                  <EnumLabel enum="ComplaintStatus" value={complaint.status} tag color="blue" />
                </span>
                <EnumLabel enum="ComplaintCategory" value={complaint.category} tag />
                <EnumLabel enum="ComplaintChannel" value={complaint.channel} tag />
                {complaint.priority === 'URGENT' && <EnumLabel enum="ComplaintPriority" value="URGENT" tag color="red" />}
                {complaint.waitingOnCustomerSince && (
                  <Tag color="purple">{t('case.waitingSince', { at: formatChinaDateTime(complaint.waitingOnCustomerSince) })}</Tag>
                )}
                {complaint.intakeCount > 1 && <Tag color="gold">{t('case.intakes', { count: complaint.intakeCount })}</Tag>}
                {complaint.reopenCount > 0 && <Tag color="volcano">{t('case.reopened', { count: complaint.reopenCount })}</Tag>}
              </Space>
              <Descriptions size="small" column={narrow ? 1 : 2} bordered>
                <Descriptions.Item label={t('case.customer')}>
                  <a href={href('customers', complaint.customer.id)} data-testid="open-customer-360">
                    {t('case.open360', { name: complaint.customer.name })}
                  </a>
                </Descriptions.Item>
                <Descriptions.Item label={t('case.received')}>{formatChinaDateTime(complaint.receivedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('case.proposedSolution')} span={narrow ? 1 : 2}>
                  {complaint.proposedSolution}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.product')}>{[complaint.brand, complaint.productModel].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.liability')}>
                  {complaint.liability
                    ? `${enumLabel('LiabilityParty', complaint.liability)}（${complaint.responsibleDepartment ?? '—'}）`
                    : t('case.notDetermined')}
                </Descriptions.Item>
                {complaint.involvesLiability && (
                  <Descriptions.Item label={t('case.opinionDue')} span={narrow ? 1 : 2}>
                    {formatChinaDateTime(complaint.opinionDueAt)}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('case.opinion')} span={narrow ? 1 : 2}>
                  {complaint.opinion ?? '—'}
                </Descriptions.Item>
                {complaint.resolution && (
                  <Descriptions.Item label={t('case.resolution')} span={narrow ? 1 : 2}>
                    {complaint.resolution}
                  </Descriptions.Item>
                )}
                {complaint.satisfaction !== null && complaint.satisfaction !== undefined && (
                  <Descriptions.Item label={t('case.satisfaction')} span={narrow ? 1 : 2}>
                    <span data-testid="complaint-satisfaction">{t('case.satisfactionValue', { score: complaint.satisfaction })}</span>
                  </Descriptions.Item>
                )}
              </Descriptions>
              <div>
                <Typography.Text strong>{t('case.clocks')}</Typography.Text>
                <div data-testid="complaint-clocks">
                  {complaint.slaClocks.map((clock) => (
                    <div key={clock.id} style={{ marginTop: 4 }}>
                      {clock.stoppedAt ? (
                        <Tag color={clock.breachedAt ? 'red' : 'green'}>
                          {t(clock.breachedAt ? 'case.clockBreached' : 'case.clockMet', {
                            clock: enumLabel('SlaClockKind', clock.kind),
                            at: formatChinaDateTime(clock.stoppedAt),
                          })}
                        </Tag>
                      ) : (
                        <Countdown clock={clock} />
                      )}
                    </div>
                  ))}
                </div>
              </div>
              <Space wrap data-testid="complaint-actions">
                {actions.map((name) => (
                  <Button
                    key={name}
                    type={name === 'resolve' || name === 'close' ? 'primary' : 'default'}
                    onClick={() => setAction(name)}
                    data-testid={`action-${name}`}
                  >
                    {t(`actions.${name}.button`)}
                  </Button>
                ))}
              </Space>
              {blocked && <Alert type="info" showIcon message={t(`case.blocked.${blocked}`)} />}
              {complaint.compensations.length > 0 && (
                <ResponsiveList
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={complaint.compensations}
                  data-testid="complaint-compensations"
                  columns={[
                    { title: t('compensation.amount'), dataIndex: 'amountCents', render: (cents: number) => formatMoney(cents) },
                    { title: t('compensation.payer'), dataIndex: 'payer', render: (value: string) => <EnumLabel enum="CompensationPayer" value={value} /> },
                    { title: t('compensation.reason'), dataIndex: 'reason' },
                    {
                      title: t('compensation.status'),
                      dataIndex: 'status',
                      render: (value: string) => <EnumLabel enum="CompensationStatus" value={value} tag />,
                    },
                  ]}
                />
              )}
              <div>
                <Typography.Text strong>{t('case.timeline')}</Typography.Text>
                <Timeline
                  style={{ marginTop: 12 }}
                  data-testid="complaint-timeline"
                  items={complaint.steps.map((step) => {
                    const note = stepNote(step.action, step.note);
                    return {
                      key: step.id,
                      children: (
                        <div style={{ overflowWrap: 'anywhere' }}>
                          <strong>{enumLabel('ComplaintAction', step.action)}</strong> · {step.actorName} · {formatChinaDateTime(step.at)}
                          {note && <div>{note}</div>}
                          {step.proposedSolution && <div>{t('case.offered', { solution: step.proposedSolution })}</div>}
                        </div>
                      ),
                    };
                  })}
                />
              </div>
              <ActionModal action={action} complaint={complaint} onClose={() => setAction(undefined)} />
            </Space>
          );
        }}
      </Loaded>
    </Card>
  );
}
