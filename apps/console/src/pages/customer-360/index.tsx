import { Card, Col, Descriptions, Empty, Input, List, Row, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Customer360ComplaintsDocument,
  Customer360ConsumablesDocument,
  Customer360Document,
  Customer360Query,
  Customer360ServiceDocument,
  CustomerSearchDocument,
} from '../../gql/graphql';
import { Chart, categoryAxis, dateAxis } from '../../lib/chart';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { formatChinaDate, formatChinaDateTime, formatMoney } from '../../lib/format';
import { GraphqlErrorEntry, useGraphQLQuery } from '../../lib/graphql';
import { href, type PageProps } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded, PartialPanel, QueryPanel } from '../../lib/states';
import { WorkOrderStatusTag } from '../../lib/status-tags';

type Customer = Customer360Query['customer'];

export default function Customer360Page({ params }: PageProps) {
  const [id] = params;
  return id ? <CustomerPage id={id} /> : <CustomerSearch />;
}

function CustomerSearch() {
  const { t } = useTranslation('customer-360');
  const [text, setText] = useState('');
  const found = useGraphQLQuery(CustomerSearchDocument, { text: text || null, first: 50 });
  return (
    <Card title={t('search.title')}>
      <Input.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        allowClear
        onSearch={setText}
        style={{ maxWidth: 420, marginBottom: 16 }}
        data-testid="customer-search"
      />
      <Loaded query={found} isEmpty={(data) => data.customers.edges.length === 0} empty={text ? t('search.noMatch', { text }) : t('search.none')}>
        {(data) => (
          <List
            rowKey="id"
            dataSource={data.customers.edges.map((edge) => edge.node)}
            renderItem={(customer) => (
              <List.Item>
                <Space wrap size={4}>
                  <a href={href('customers', customer.id)}>{customer.name}</a>
                  <span>· {customer.city}</span>
                  <span>· {customer.phone}</span>
                  <span>
                    · {t('grade')} {enumLabel('ProspectGrade', customer.grade)}
                  </span>
                  {customer.key && <Tag color="gold">{t('keyCustomer')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Loaded>
    </Card>
  );
}

function CustomerPage({ id }: { id: string }) {
  const customer = useGraphQLQuery(Customer360Document, { id });
  return <Loaded query={customer}>{(data) => <CustomerView customer={data.customer} partialErrors={customer.partialErrors} />}</Loaded>;
}

// A = about to buy … F = not yet contacted: the chart rises as the customer gets closer to buying.
const GRADES = ['F', 'E', 'D', 'C', 'B', 'A'];

function CustomerView({ customer, partialErrors }: { customer: Customer; partialErrors: GraphqlErrorEntry[] }) {
  const { t } = useTranslation('customer-360');
  // A refused field arrives as null (or an empty list); its panel says so and the rest of the card stays.
  // Panels from other services come from their own queries: a refusal there hides that panel only.
  const section = (query: Parameters<typeof QueryPanel>[0]['query'], children: React.ReactNode) => <QueryPanel query={query}>{children}</QueryPanel>;
  const panel = (field: string, children: React.ReactNode) => (
    <PartialPanel partialErrors={partialErrors} path={['customer', field]}>
      {children}
    </PartialPanel>
  );

  const gradeHistory = useMemo(() => [...(customer.gradeHistory ?? [])].sort((a, b) => a.changedAt.localeCompare(b.changedAt)), [customer.gradeHistory]);
  const gradeOption = useMemo(
    () =>
      gradeHistory.length === 0
        ? null
        : {
            tooltip: {
              trigger: 'axis',
              formatter: ([point]: { dataIndex: number }[]) => {
                const change = point ? gradeHistory[point.dataIndex] : undefined;
                return change ? `${formatChinaDateTime(change.changedAt)}<br/>${t('grade')} ${change.toGrade}<br/>${change.reason}` : '';
              },
            },
            xAxis: dateAxis(),
            yAxis: { type: 'value', min: 1, max: 6, interval: 1, axisLabel: { formatter: (value: number) => GRADES[value - 1] ?? '' } },
            series: [{ type: 'line', step: 'end', data: gradeHistory.map((change) => [change.changedAt, GRADES.indexOf(change.toGrade) + 1]) }],
            grid: { left: 40, right: 24, top: 20, bottom: 30 },
          },
    [gradeHistory, t],
  );

  // Newest last from the graph; a step line, since the index holds its value until the next recomputation moves it.
  const valueHistory = customer.valueHistory ?? [];
  const valueHistoryOption = useMemo(
    () =>
      valueHistory.length === 0
        ? null
        : {
            tooltip: {
              trigger: 'axis',
              formatter: ([point]: { dataIndex: number }[]) => {
                const change = point ? valueHistory[point.dataIndex] : undefined;
                return change
                  ? `${formatChinaDateTime(change.changedAt)}<br/>${t('valueIndex')} ${change.valueIndex} (${enumLabel('CustomerValueTier', change.tier)})`
                  : '';
              },
            },
            xAxis: dateAxis(),
            yAxis: { type: 'value', min: 0, max: 100 },
            series: [{ type: 'line', step: 'end', data: valueHistory.map((change) => [change.changedAt, change.valueIndex]), itemStyle: { color: '#2e7d32' } }],
            grid: { left: 40, right: 24, top: 20, bottom: 30 },
          },
    [valueHistory, t],
  );

  const breakdown = customer.value?.breakdown;
  const valueOption = useMemo(
    () =>
      !breakdown
        ? null
        : {
            tooltip: {},
            xAxis: categoryAxis([t('breakdown.economic'), t('breakdown.loyalty'), t('breakdown.serviceEffect'), t('breakdown.characteristics')]),
            yAxis: { type: 'value', max: 25 },
            series: [
              {
                type: 'bar',
                data: [breakdown.economic, breakdown.loyalty, breakdown.serviceEffect, breakdown.characteristics],
                itemStyle: { color: '#1565c0' },
              },
            ],
            grid: { left: 40, right: 16, top: 20, bottom: 48 },
          },
    [breakdown, t],
  );

  const service = useGraphQLQuery(Customer360ServiceDocument, { id: customer.id });
  const complaints = useGraphQLQuery(Customer360ComplaintsDocument, { id: customer.id });
  const consumables = useGraphQLQuery(Customer360ConsumablesDocument, { id: customer.id });
  const quality = service.data?.customer.qualityFactor;
  const nextReplacementDue = consumables.data?.customer.nextReplacementDue;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="customer-360">
      <Card>
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }} data-testid="customer-name">
              {customer.name} {customer.key && <Tag color="gold">{t('keyCustomer')}</Tag>}
            </Typography.Title>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('phone')}>{customer.phone}</Descriptions.Item>
              <Descriptions.Item label={t('address')}>
                {customer.address}, {customer.city} ({customer.region})
              </Descriptions.Item>
              <Descriptions.Item label={t('business')}>
                <EnumLabel enum="BusinessType" value={customer.businessType} />
              </Descriptions.Item>
              <Descriptions.Item label={t('since')}>{formatChinaDate(customer.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title={t('grade')} value={customer.grade} />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic
              title={t('valueIndex')}
              value={customer.value?.valueIndex ?? '—'}
              suffix={customer.value?.tier ? <Tag>{enumLabel('CustomerValueTier', customer.value.tier)}</Tag> : null}
            />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title={t('nextReplacement')} value={nextReplacementDue ? formatChinaDate(nextReplacementDue) : '—'} valueStyle={{ fontSize: 18 }} />
          </Col>
        </Row>
      </Card>

      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('gradeHistory')} size="small">
            {panel(
              'gradeHistory',
              <>
                <Chart option={gradeOption} height={220} testId="grade-chart" label={t('gradeHistory')} />
                <Timeline
                  style={{ marginTop: 12 }}
                  items={gradeHistory.map((change) => ({
                    key: change.id,
                    children: t('gradeChange', {
                      at: formatChinaDate(change.changedAt),
                      from: change.fromGrade ?? '—',
                      to: change.toGrade,
                      by: change.changedBy,
                      reason: change.reason,
                    }),
                  }))}
                />
              </>,
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('valueHistory')} size="small">
            {panel('valueHistory', <Chart option={valueHistoryOption} height={220} testId="value-history-chart" label={t('valueHistory')} />)}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('valueBreakdown')} size="small">
            {panel(
              'value',
              <>
                <Chart option={valueOption} height={220} testId="value-chart" label={t('valueBreakdown')} />
                {breakdown && (
                  <Typography.Text type="secondary">
                    {t('breakdown.summary', {
                      annual: formatMoney(breakdown.annualValueCents),
                      jobs: breakdown.completedJobs,
                      complaints: breakdown.complaints,
                      at: formatChinaDate(customer.value?.updatedAt),
                    })}
                  </Typography.Text>
                )}
              </>,
            )}
          </Card>
        </Col>
      </Row>

      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('quality.title')} size="small">
            {section(
              service,
              !quality || quality.factor === null || quality.factor === undefined ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common:states.noDataYet')} />
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Statistic title={t('quality.factor')} value={quality.factor} suffix="/ 100" />
                  {quality.doubtful && <Tag color="orange">{t('quality.doubtful', { reason: quality.doubtfulReason ?? '' })}</Tag>}
                  <Typography.Text>
                    {t('quality.scores', {
                      evaluation: quality.evaluationScore ?? '—',
                      inspection: quality.inspectionScore ?? '—',
                      satisfaction: quality.satisfactionScore ?? '—',
                      complaint: quality.complaintScore ?? '—',
                      complaints: quality.complaints,
                    })}
                  </Typography.Text>
                </Space>
              ),
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('consumables.title')} size="small">
            {section(
              consumables,
              (consumables.data?.customer.consumables ?? []).length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consumables.none')} />
              ) : (
                <ResponsiveList
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={consumables.data?.customer.consumables ?? []}
                  columns={[
                    { title: t('consumables.machine'), key: 'machine', render: (_, device) => `${device.brand} ${device.productModel}` },
                    { title: t('consumables.serial'), dataIndex: 'serial' },
                    { title: t('consumables.installed'), dataIndex: 'installedOn', render: formatChinaDate },
                    {
                      title: t('consumables.warranty'),
                      key: 'warranty',
                      render: (_, device) =>
                        device.underWarranty ? (
                          <Tag color="green">{t('consumables.warrantyUntil', { date: formatChinaDate(device.warrantyEndsOn) })}</Tag>
                        ) : (
                          <Tag>
                            {device.warrantyEndsOn
                              ? t('consumables.warrantyEnded', { date: formatChinaDate(device.warrantyEndsOn) })
                              : t('consumables.noTerms')}
                          </Tag>
                        ),
                    },
                    {
                      title: t('consumables.nextChange'),
                      key: 'next',
                      render: (_, device) =>
                        device.stages.map((stage) => (
                          <div key={stage.stage}>
                            {stage.stage}: {formatChinaDate(stage.nextDueOn)}
                          </div>
                        )),
                    },
                  ]}
                />
              ),
            )}
          </Card>
        </Col>
      </Row>

      <Card title={t('complaints.title')} size="small">
        {section(
          complaints,
          (complaints.data?.customer.complaints ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.none')} />
          ) : (
            <ResponsiveList
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={complaints.data?.customer.complaints ?? []}
              columns={[
                {
                  title: t('complaints.summary'),
                  dataIndex: 'summary',
                  render: (summary: string, complaint) => <a href={href('complaints', complaint.id)}>{summary}</a>,
                },
                { title: t('complaints.received'), dataIndex: 'receivedAt', render: formatChinaDateTime },
                { title: t('complaints.category'), dataIndex: 'category', render: (value: string) => <EnumLabel enum="ComplaintCategory" value={value} /> },
                { title: t('complaints.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="ComplaintStatus" value={value} tag /> },
              ]}
            />
          ),
        )}
      </Card>

      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('orders.title')} size="small">
            {panel(
              'orders',
              (customer.orders ?? []).length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.none')} />
              ) : (
                <ResponsiveList
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={customer.orders ?? []}
                  columns={[
                    { title: t('orders.product'), dataIndex: 'productModel' },
                    { title: t('orders.placed'), dataIndex: 'createdAt', render: formatChinaDate },
                    { title: t('orders.channel'), dataIndex: 'channel', render: (value: string) => <EnumLabel enum="OrderChannel" value={value} /> },
                    { title: t('orders.reference'), dataIndex: 'externalRef', render: (value: string | null) => value ?? '—' },
                    { title: t('orders.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="OrderStatus" value={value} tag /> },
                  ]}
                />
              ),
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('workOrders.title')} size="small">
            {section(
              service,
              (service.data?.customer.workOrders ?? []).length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.none')} />
              ) : (
                <ResponsiveList
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={service.data?.customer.workOrders ?? []}
                  columns={[
                    { title: t('workOrders.type'), dataIndex: 'type', render: (value: string) => <EnumLabel enum="WorkOrderType" value={value} /> },
                    { title: t('workOrders.product'), dataIndex: 'productModel', render: (value: string | null) => value ?? '—' },
                    {
                      title: t('workOrders.appointment'),
                      key: 'appointment',
                      render: (_, workOrder) =>
                        workOrder.appointmentDate
                          ? `${formatChinaDate(workOrder.appointmentDate)} ${enumLabel('AppointmentSlot', workOrder.appointmentSlot)}`
                          : '—',
                    },
                    { title: t('workOrders.status'), dataIndex: 'status', render: (status: string) => <WorkOrderStatusTag status={status} /> },
                  ]}
                />
              ),
            )}
          </Card>
        </Col>
      </Row>

      <Card title={t('engineers.title')} size="small">
        {section(
          service,
          (service.data?.customer.engineersWhoServed ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('engineers.none')} />
          ) : (
            <Space wrap data-testid="engineers-who-served">
              {(service.data?.customer.engineersWhoServed ?? []).map((engineer) => (
                <Tag key={engineer.id} color="blue">
                  {engineer.name} · {engineer.homeCity} · {enumLabel('EngineerEmployment', engineer.employment)}
                </Tag>
              ))}
            </Space>
          ),
        )}
      </Card>

      <Card title={t('contracts.title')} size="small">
        {panel(
          'contracts',
          (customer.contracts ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.none')} />
          ) : (
            <ResponsiveList
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={customer.contracts ?? []}
              columns={[
                { title: t('contracts.site'), key: 'site', render: (_, contract) => `${contract.siteAddress}, ${contract.city}` },
                { title: t('contracts.starts'), dataIndex: 'startsOn', render: formatChinaDate },
                { title: t('contracts.visits'), dataIndex: 'visitsPerMonth' },
                { title: t('contracts.monthly'), dataIndex: 'monthlyPriceCents', render: (value: number) => formatMoney(value) },
                {
                  title: t('contracts.status'),
                  key: 'status',
                  render: (_, contract) => (
                    <Space>
                      <EnumLabel enum="ContractStatus" value={contract.status} tag />
                      {contract.disputed && <Tag color="red">{t('contracts.disputed')}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          ),
        )}
      </Card>
    </Space>
  );
}
