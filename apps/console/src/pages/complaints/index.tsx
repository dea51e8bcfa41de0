import { Button, Card, Col, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintInboxDocument, InboxComplaintFragment, type BreachRisk } from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { useGraphQLQuery } from '../../lib/graphql';
import { href, navigate, type PageProps } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { ComplaintCase } from './complaint-case';
import { Countdown, nextClock } from './countdown';
import { IntakeModal } from './intake-modal';

const RISKS: BreachRisk[] = ['AT_RISK', 'BREACHED'];

export default function ComplaintDesk({ params }: PageProps) {
  const { t } = useTranslation('complaints');
  const [complaintId] = params;
  const [breachRisk, setBreachRisk] = useState<BreachRisk>();
  const [taking, setTaking] = useState(false);
  const inbox = useGraphQLQuery(ComplaintInboxDocument, { first: 100, breachRisk: breachRisk ?? null }, { refetchInterval: 15000 });
  const rows = [...(inbox.data?.complaintInbox.edges.map((edge) => edge.node) ?? [])].sort((a, b) =>
    (nextClock(a)?.dueAt ?? '9999').localeCompare(nextClock(b)?.dueAt ?? '9999'),
  );

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={complaintId ? 11 : 24} xxl={complaintId ? 10 : 24}>
        <Card
          title={t('inbox.title')}
          extra={
            <Button type="primary" onClick={() => setTaking(true)} data-testid="take-complaint">
              {t('intake.button')}
            </Button>
          }
        >
          <Space style={{ marginBottom: 12 }} wrap>
            <span id="risk-filter-label">{t('inbox.filter')}</span>
            <Select<BreachRisk | undefined>
              allowClear
              aria-labelledby="risk-filter-label"
              placeholder={t('inbox.everyOpen')}
              style={{ width: 200 }}
              value={breachRisk}
              onChange={setBreachRisk}
              options={enumOptions('BreachRisk', RISKS)}
            />
          </Space>
          <Loaded query={inbox} isEmpty={() => rows.length === 0} empty={breachRisk ? t('inbox.noneInState') : t('inbox.empty')}>
            {() => (
              <ResponsiveList<InboxComplaintFragment>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={rows}
                data-testid="complaint-inbox"
                onRow={(complaint) => ({
                  onClick: () => navigate('complaints', complaint.id),
                  style: { cursor: 'pointer', background: complaint.id === complaintId ? '#e6f4ff' : undefined },
                })}
                columns={[
                  {
                    title: t('inbox.summary'),
                    dataIndex: 'summary',
                    render: (summary: string, complaint) => <a href={href('complaints', complaint.id)}>{summary}</a>,
                  },
                  { title: t('inbox.sla'), key: 'sla', render: (_, complaint) => <Countdown clock={nextClock(complaint)} /> },
                  { title: t('inbox.customer'), key: 'customer', render: (_, complaint) => complaint.customer.name },
                  // With a case open beside it, the inbox keeps what decides which one to take next.
                  ...(complaintId
                    ? []
                    : [
                        { title: t('inbox.category'), dataIndex: 'category', render: (value: string) => <EnumLabel enum="ComplaintCategory" value={value} /> },
                        {
                          title: t('inbox.priority'),
                          dataIndex: 'priority',
                          render: (priority: string) => <EnumLabel enum="ComplaintPriority" value={priority} tag={priority === 'URGENT'} color="red" />,
                        },
                      ]),
                  { title: t('inbox.status'), dataIndex: 'status', render: (status: string) => <EnumLabel enum="ComplaintStatus" value={status} tag /> },
                ]}
              />
            )}
          </Loaded>
        </Card>
      </Col>
      {complaintId && (
        <Col xs={24} xl={13} xxl={14}>
          <ComplaintCase id={complaintId} />
        </Col>
      )}
      <IntakeModal open={taking} onClose={() => setTaking(false)} />
    </Row>
  );
}
