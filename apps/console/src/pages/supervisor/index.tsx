import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { SupervisorDashboardDocument, SupervisorDashboardQuery } from '../gql/graphql';
import { Chart } from '../lib/chart';
import { useQuery } from '../lib/graphql';
import { useSession } from '../lib/session';
import { Loaded } from '../lib/states';
import { addDays, chinaDate, formatMoney, formatTime, words } from '../lib/time';

type Dashboard = SupervisorDashboardQuery;

export function SupervisorDashboard() {
  const { session } = useSession();
  const [range, setRange] = useState<[string, string]>([addDays(chinaDate(), -56), chinaDate()]);
  const dashboard = useQuery(session, SupervisorDashboardDocument, { from: range[0], to: range[1] }, { pollMs: 60000 });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small">
        <Space>
          Period
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])}
          />
        </Space>
      </Card>
      <Loaded query={dashboard}>{(data) => <Charts data={data} />}</Loaded>
    </Space>
  );
}

function Charts({ data }: { data: Dashboard }) {
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
    const rows = [...byClock.entries()];
    return {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map(([clock]) => words(clock)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'top', formatter: '{c}%' },
          data: rows.map(([, { met, total }]) => {
            const rate = total ? Math.round((met / total) * 100) : 0;
            return { value: rate, itemStyle: { color: rate >= 90 ? '#2e7d32' : rate >= 75 ? '#f9a825' : '#c62828' } };
          }),
        },
      ],
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
    };
  }, [kpis.slaAttainment]);

  const trend = useMemo(() => {
    const periods = [...new Set(data.complaintTrend.map((point) => point.periodStart))].sort();
    const keys = [...new Set(data.complaintTrend.map((point) => point.key))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((key) => ({
        name: words(key),
        type: 'bar',
        stack: 'complaints',
        data: periods.map((period) => data.complaintTrend.find((point) => point.periodStart === period && point.key === key)?.count ?? 0),
      })),
      grid: { left: 40, right: 20, top: 40, bottom: 30 },
    };
  }, [data.complaintTrend]);

  const callFunnel = useMemo(() => {
    const total = funnel.total;
    const steps = [
      ['Tasks', total.tasks],
      ['Calls made', total.callsMade],
      ['Answered', total.answered],
      ['Interested', total.interested],
      ['Ordered', total.ordered],
      ['Replaced on site', total.replacementsDone],
    ] as const;
    // Bars rather than a funnel shape: every stage stays readable, also when a later one is still zero.
    return {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: steps.map(([name]) => name) },
      series: [{ type: 'bar', label: { show: true, position: 'right' }, data: steps.map(([, value]) => value), itemStyle: { color: '#00838f' } }],
      grid: { left: 110, right: 40, top: 10, bottom: 30 },
    };
  }, [funnel.total]);

  const revenue = useMemo(() => {
    const agents = [...funnel.agents].sort((a, b) => b.revenueCollectedCents - a.revenueCollectedCents);
    return {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: agents.map((agent) => agent.agentName ?? agent.agentId ?? '—'), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 100, axisLabel: { formatter: (value: number) => `¥${value / 100}` } },
      series: [{ type: 'bar', data: agents.map((agent) => agent.revenueCollectedCents), itemStyle: { color: '#1565c0' } }],
      grid: { left: 60, right: 20, top: 20, bottom: 60 },
    };
  }, [funnel.agents]);

  const batches = useMemo(() => [...data.payoutBatches.edges.map((edge) => edge.node)].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)), [data.payoutBatches]);
  const payouts = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: batches.map((batch) => batch.periodEnd) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `¥${value / 100}` } },
      series: [{ type: 'bar', name: 'Paid to engineers', data: batches.map((batch) => batch.totalCents), itemStyle: { color: '#6a1b9a' } }],
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
    }),
    [batches],
  );

  const awaiting = data.settlementAwaitingPayout;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="supervisor-dashboard">
      <Row gutter={16}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="Complaints received" value={kpis.received} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="Reopen rate" value={Math.round(kpis.reopenRate * 1000) / 10} suffix="%" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="Replacements ordered" value={funnel.total.ordered} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="Revenue collected" value={formatMoney(funnel.total.revenueCollectedCents)} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="SLA attainment by clock" size="small">
            {kpis.slaAttainment.length ? <Chart option={sla} height={260} testId="sla-chart" /> : <Empty description="No clock ran in this period" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Complaints per week by category" size="small">
            {data.complaintTrend.length ? <Chart option={trend} height={260} testId="trend-chart" /> : <Empty description="No complaints in this period" />}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="Call funnel" size="small">
            {funnel.total.tasks ? <Chart option={callFunnel} height={280} testId="funnel-chart" /> : <Empty description="No call tasks in this period" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Revenue collected per agent" size="small">
            {funnel.agents.length ? <Chart option={revenue} height={280} testId="revenue-chart" /> : <Empty description="No agent called in this period" />}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="Engineer payouts by period" size="small">
            {batches.length ? (
              <Chart option={payouts} height={240} testId="payout-chart" />
            ) : (
              <Empty description="No payout batch has run yet: engineers' verified jobs are waiting to be paid in the next batch" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {/* Every unpaid line, whatever the period picked above: what the next batches owe and what blocks the rest. */}
          <Card title="Settlement awaiting payout" size="small" data-testid="settlement-awaiting-payout">
            <Row gutter={[16, 16]}>
              <Col span={12}>
                <Statistic title={`Due (${awaiting.dueLines} lines)`} value={formatMoney(awaiting.dueCents)} />
              </Col>
              <Col span={12}>
                <Statistic title="Engineers to pay" value={awaiting.engineers} />
              </Col>
              <Col span={12}>
                <Statistic title={`Held by complaints or disputes (${awaiting.heldLines} lines)`} value={formatMoney(awaiting.heldCents)} />
              </Col>
              <Col span={12}>
                <Statistic title="Unpriced jobs (no tariff fits)" value={awaiting.unpricedLines} />
              </Col>
              <Col span={24}>
                <Statistic title="Oldest due since" value={awaiting.oldestDueSince ? formatTime(awaiting.oldestDueSince) : '—'} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <Card title="SLA attainment in detail" size="small">
        <Table
          rowKey={(row) => `${row.category}/${row.priority}/${row.clock}`}
          size="small"
          pagination={false}
          dataSource={kpis.slaAttainment}
          locale={{ emptyText: 'No clock ran in this period' }}
          columns={[
            { title: 'Category', dataIndex: 'category', render: words },
            { title: 'Priority', dataIndex: 'priority', render: words },
            { title: 'Clock', dataIndex: 'clock', render: words },
            { title: 'Met', render: (_, row) => `${row.met} / ${row.total}` },
            { title: 'Rate', dataIndex: 'rate', render: (rate: number) => `${Math.round(rate * 1000) / 10}%` },
          ]}
        />
      </Card>
    </Space>
  );
}
