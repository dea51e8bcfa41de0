import { Alert, Card, Col, DatePicker, Row, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SupervisorDashboardDocument, SupervisorDashboardQuery } from '../../gql/graphql';
import { categoryAxis, Chart } from '../../lib/chart';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { addDays, chinaToday, formatChinaDate, formatChinaDateTime, formatMoney, formatPercent } from '../../lib/format';
import { useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { ApprovalsSummary } from './approvals-summary';

type Dashboard = SupervisorDashboardQuery;

/** Axis labels in yuan from integer cents (no decimals on an axis). */
const yuanAxis = (value: number) => `¥${Math.round(value / 100)}`;

export default function SupervisorDashboardPage() {
  const { t } = useTranslation('supervisor');
  const [range, setRange] = useState<[string, string]>([addDays(chinaToday(), -56), chinaToday()]);
  const dashboard = useGraphQLQuery(SupervisorDashboardDocument, { from: range[0], to: range[1] }, { refetchInterval: 60000 });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ApprovalsSummary />
      <Card size="small">
        <Space wrap>
          <span id="period-label">{t('period')}</span>
          <DatePicker.RangePicker
            allowClear={false}
            aria-labelledby="period-label"
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])}
            style={{ maxWidth: '100%' }}
          />
        </Space>
      </Card>
      <Loaded query={dashboard}>{(data) => <Charts data={data} />}</Loaded>
    </Space>
  );
}

function Charts({ data }: { data: Dashboard }) {
  const { t } = useTranslation('supervisor');
  const kpis = data.complaintKpis;
  const funnel = data.valueAddedFunnel;

  const sla = useMemo(() => {
    const byClock = new Map<string, { met: number; total: number }>();
    for (const row of kpis.slaAttainment) {
      const sum = byClock.get(row.clock) ?? { met: 0, total: 0 };
      sum.met += row.met;
      sum.total += row.total;
      byClock.set(row.clock, sum);
    }
    // A clock that never ran in the period is left out, not drawn as 0 %.
    const rows = [...byClock.entries()].filter(([, { total }]) => total > 0);
    if (rows.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      xAxis: categoryAxis(rows.map(([clock]) => enumLabel('SlaClockKind', clock))),
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'top', formatter: '{c}%' },
          data: rows.map(([, { met, total }]) => {
            const rate = Math.round((met / total) * 100);
            return { value: rate, itemStyle: { color: rate >= 90 ? '#2e7d32' : rate >= 75 ? '#f9a825' : '#c62828' } };
          }),
        },
      ],
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
    };
  }, [kpis.slaAttainment]);

  const trend = useMemo(() => {
    if (data.complaintTrend.length === 0) return null;
    const periods = [...new Set(data.complaintTrend.map((point) => point.periodStart))].sort();
    const keys = [...new Set(data.complaintTrend.map((point) => point.key))];
    return {
      tooltip: { trigger: 'axis' },
      // The legend sits under the chart, scrolling when long, so it never covers the bars.
      legend: { type: 'scroll', bottom: 0 },
      xAxis: categoryAxis(periods.map((period) => t('weekOf', { date: formatChinaDate(period) }))),
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((key) => ({
        name: enumLabel('ComplaintCategory', key),
        type: 'bar',
        stack: 'complaints',
        data: periods.map((period) => data.complaintTrend.find((point) => point.periodStart === period && point.key === key)?.count ?? 0),
      })),
      grid: { left: 40, right: 20, top: 16, bottom: 80 },
    };
  }, [data.complaintTrend, t]);

  const callFunnel = useMemo(() => {
    const total = funnel.total;
    if (!total.tasks) return null;
    const steps = [
      [t('funnel.tasks'), total.tasks],
      [t('funnel.callsMade'), total.callsMade],
      [t('funnel.answered'), total.answered],
      [t('funnel.interested'), total.interested],
      [t('funnel.ordered'), total.ordered],
      [t('funnel.replaced'), total.replacementsDone],
    ] as const;
    // Bars rather than a funnel shape: every stage stays readable, also when a later one is still zero.
    return {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: steps.map(([name]) => name) },
      series: [{ type: 'bar', label: { show: true, position: 'right' }, data: steps.map(([, value]) => value), itemStyle: { color: '#00838f' } }],
      grid: { left: 16, right: 48, top: 10, bottom: 30, containLabel: true },
    };
  }, [funnel.total, t]);

  const revenue = useMemo(() => {
    // Agents who collected nothing yet make no chart: "no data yet", not a row of ¥0 bars.
    if (!funnel.agents.some((agent) => agent.revenueCollectedCents !== 0)) return null;
    const agents = [...funnel.agents].sort((a, b) => b.revenueCollectedCents - a.revenueCollectedCents);
    // Horizontal bars: agents' names read in full, however many there are.
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatMoney(value) },
      yAxis: { type: 'category', inverse: true, data: agents.map((agent) => agent.agentName ?? '—'), axisLabel: { width: 110, overflow: 'truncate' } },
      xAxis: { type: 'value', axisLabel: { formatter: yuanAxis, hideOverlap: true } },
      series: [{ type: 'bar', data: agents.map((agent) => agent.revenueCollectedCents), itemStyle: { color: '#1565c0' } }],
      grid: { left: 16, right: 24, top: 10, bottom: 30, containLabel: true },
    };
  }, [funnel.agents]);

  const batches = useMemo(
    () => [...data.payoutBatches.edges.map((edge) => edge.node)].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)),
    [data.payoutBatches],
  );
  const payouts = useMemo(
    () =>
      batches.length === 0
        ? null
        : {
            tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatMoney(value) },
            xAxis: categoryAxis(batches.map((batch) => formatChinaDate(batch.periodEnd))),
            yAxis: { type: 'value', axisLabel: { formatter: yuanAxis } },
            series: [{ type: 'bar', name: t('payouts.paid'), data: batches.map((batch) => batch.totalCents), itemStyle: { color: '#6a1b9a' } }],
            grid: { left: 16, right: 20, top: 20, bottom: 30, containLabel: true },
          },
    [batches, t],
  );

  const awaiting = data.settlementAwaitingPayout;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="supervisor-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('kpi.received')} value={kpis.received} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('kpi.reopenRate')} value={kpis.received ? formatPercent(kpis.reopenRate) : t('common:states.noDataYet')} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('kpi.ordered')} value={funnel.total.ordered} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('kpi.revenue')} value={formatMoney(funnel.total.revenueCollectedCents)} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('sla.title')} size="small">
            <Chart option={sla} height={260} testId="sla-chart" label={t('sla.title')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('trend.title')} size="small">
            <Chart option={trend} height={300} testId="trend-chart" label={t('trend.title')} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('funnel.title')} size="small">
            <Chart option={callFunnel} height={280} testId="funnel-chart" label={t('funnel.title')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('revenue.title')} size="small">
            <Chart option={revenue} height={Math.max(200, 40 * funnel.agents.length + 60)} testId="revenue-chart" label={t('revenue.title')} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('payouts.title')} size="small">
            <Chart option={payouts} height={240} testId="payout-chart" label={t('payouts.title')} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {/* Every unpaid line, whatever the period picked above: what the next batches owe and what blocks the rest. */}
          <Card title={t('awaiting.title')} size="small" data-testid="settlement-awaiting-payout">
            <Row gutter={[16, 16]}>
              <Col span={12}>
                <Statistic title={t('awaiting.due', { count: awaiting.dueLines })} value={formatMoney(awaiting.dueCents)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('awaiting.engineers')} value={awaiting.engineers} />
              </Col>
              <Col span={12}>
                <Statistic title={t('awaiting.held', { count: awaiting.heldLines })} value={formatMoney(awaiting.heldCents)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('awaiting.unpriced')} value={awaiting.unpricedLines} />
              </Col>
              <Col span={24}>
                <Statistic
                  title={t('awaiting.oldest')}
                  value={awaiting.oldestDueSince ? formatChinaDateTime(awaiting.oldestDueSince) : '—'}
                  valueStyle={{ fontSize: 18 }}
                />
              </Col>
              {awaiting.dueCents < 0 && (
                <Col span={24}>
                  {/* Clawbacks (a job reworked or refunded after it was paid) can outweigh the fees still due. */}
                  <Alert type="info" showIcon message={t('awaiting.negative')} data-testid="negative-due-explained" />
                </Col>
              )}
            </Row>
          </Card>
        </Col>
      </Row>
      <Card title={t('slaDetail.title')} size="small">
        <ResponsiveList
          rowKey={(row) => `${row.category}/${row.priority}/${row.clock}`}
          size="small"
          pagination={false}
          dataSource={kpis.slaAttainment}
          locale={{ emptyText: t('common:states.noDataYet') }}
          columns={[
            { title: t('slaDetail.category'), dataIndex: 'category', render: (value: string) => <EnumLabel enum="ComplaintCategory" value={value} /> },
            { title: t('slaDetail.priority'), dataIndex: 'priority', render: (value: string) => <EnumLabel enum="ComplaintPriority" value={value} /> },
            { title: t('slaDetail.clock'), dataIndex: 'clock', render: (value: string) => <EnumLabel enum="SlaClockKind" value={value} /> },
            { title: t('slaDetail.met'), key: 'met', render: (_, row) => `${row.met} / ${row.total}` },
            { title: t('slaDetail.rate'), dataIndex: 'rate', render: (rate: number, row) => (row.total ? formatPercent(rate) : t('common:states.noDataYet')) },
          ]}
        />
      </Card>
    </Space>
  );
}
