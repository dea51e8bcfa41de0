import { Card, Col, Descriptions, Empty, Input, List, Progress, Row, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Customer360Document, Customer360Query, CustomerSearchDocument } from '../gql/graphql';
import { Chart } from '../lib/chart';
import { useQuery } from '../lib/graphql';
import { href } from '../lib/route';
import { useSession } from '../lib/session';
import { Loaded } from '../lib/states';
import { formatMoney, formatTime, words } from '../lib/time';
import { StatusTag } from './dispatcher-board';

type Customer = Customer360Query['customer'];

export function Customer360({ customerId }: { customerId?: string }) {
  return customerId ? <CustomerPage id={customerId} /> : <CustomerSearch />;
}

function CustomerSearch() {
  const { session } = useSession();
  const [text, setText] = useState('');
  const found = useQuery(session, CustomerSearchDocument, { text: text || null, first: 50 });
  return (
    <Card title="Find a customer">
      <Input.Search placeholder="Part of the name or phone number" allowClear onSearch={setText} style={{ maxWidth: 420, marginBottom: 16 }} />
      <Loaded query={found} isEmpty={(data) => data.customers.edges.length === 0} empty={text ? `No customer matches “${text}”` : 'No customer cards yet'}>
        {(data) => (
          <List
            dataSource={data.customers.edges.map((edge) => edge.node)}
            renderItem={(customer) => (
              <List.Item>
                <a href={href('customers', customer.id)}>{customer.name}</a> · {customer.city} · {customer.phone} · grade {customer.grade} {customer.key && <Tag color="gold">key</Tag>}
              </List.Item>
            )}
          />
        )}
      </Loaded>
    </Card>
  );
}

function CustomerPage({ id }: { id: string }) {
  const { session } = useSession();
  const customer = useQuery(session, Customer360Document, { id });
  return <Loaded query={customer}>{(data) => <CustomerView customer={data.customer} />}</Loaded>;
}

// A = about to buy … F = not yet contacted: the chart rises as the customer gets closer to buying.
const GRADE_RANK: Record<string, number> = { F: 1, E: 2, D: 3, C: 4, B: 5, A: 6 };

function CustomerView({ customer }: { customer: Customer }) {
  const gradeOption = useMemo(() => {
    const history = [...customer.gradeHistory].sort((a, b) => a.changedAt.localeCompare(b.changedAt));
    const grades = Object.entries(GRADE_RANK).sort(([, a], [, b]) => a - b).map(([grade]) => grade);
    return {
      tooltip: {
        trigger: 'axis',
        formatter: ([point]: { data: [string, number]; dataIndex: number }[]) =>
          point ? `${formatTime(point.data[0])}<br/>grade ${grades[point.data[1] - 1] ?? ''}<br/>${history[point.dataIndex]?.reason ?? ''}` : '',
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 1, max: 6, interval: 1, axisLabel: { formatter: (value: number) => grades[value - 1] ?? '' } },
      series: [{ type: 'line', step: 'end', data: history.map((change) => [change.changedAt, GRADE_RANK[change.toGrade] ?? 0]) }],
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
    };
  }, [customer.gradeHistory]);

  // Newest last from the graph; a step line, since the index holds its value until the next recomputation moves it.
  const valueHistoryOption = useMemo(() => {
    const history = customer.valueHistory;
    return {
      tooltip: {
        trigger: 'axis',
        formatter: ([point]: { dataIndex: number }[]) => {
          const change = point ? history[point.dataIndex] : undefined;
          return change ? `${formatTime(change.changedAt)}<br/>index ${change.valueIndex} (tier ${change.tier})${change.previousValueIndex === null || change.previousValueIndex === undefined ? '' : `<br/>was ${change.previousValueIndex}`}` : '';
        },
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'line', step: 'end', data: history.map((change) => [change.changedAt, change.valueIndex]), itemStyle: { color: '#2e7d32' } }],
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
    };
  }, [customer.valueHistory]);

  const valueOption = useMemo(() => {
    const breakdown = customer.value?.breakdown;
    if (!breakdown) return null;
    return {
      tooltip: {},
      xAxis: { type: 'category', data: ['Economic', 'Loyalty', 'Service effect', 'Characteristics'] },
      yAxis: { type: 'value', max: 25 },
      series: [{ type: 'bar', data: [breakdown.economic, breakdown.loyalty, breakdown.serviceEffect, breakdown.characteristics], itemStyle: { color: '#1565c0' } }],
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
    };
  }, [customer.value]);

  const quality = customer.qualityFactor;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="customer-360">
      <Card>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="customer-name">
              {customer.name} {customer.key && <Tag color="gold">key customer</Tag>}
            </Typography.Title>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="Phone">{customer.phone}</Descriptions.Item>
              <Descriptions.Item label="Address">
                {customer.address}, {customer.city} ({customer.region})
              </Descriptions.Item>
              <Descriptions.Item label="Business">{words(customer.businessType)}</Descriptions.Item>
              <Descriptions.Item label="Customer since">{formatTime(customer.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title="Grade" value={customer.grade} />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title="Value index" value={customer.value?.valueIndex ?? '—'} suffix={customer.value?.tier ? <Tag>{words(customer.value.tier)}</Tag> : null} />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title="Next replacement due" value={customer.nextReplacementDue ?? '—'} />
          </Col>
        </Row>
      </Card>

      <Row gutter={24}>
        <Col xs={24} lg={8}>
          <Card title="Grade history" size="small">
            {customer.gradeHistory.length ? <Chart option={gradeOption} height={220} testId="grade-chart" /> : <Empty description="The grade has never changed" />}
            <Timeline
              style={{ marginTop: 12 }}
              items={customer.gradeHistory.map((change) => ({
                key: change.id,
                children: `${formatTime(change.changedAt)}: ${change.fromGrade ?? '—'} → ${change.toGrade} by ${change.changedBy} (${change.reason})`,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Value index history" size="small">
            {customer.valueHistory.length ? (
              <Chart option={valueHistoryOption} height={220} testId="value-history-chart" />
            ) : (
              <Empty description="No value index yet" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Value index breakdown" size="small">
            {valueOption ? (
              <>
                <Chart option={valueOption} height={220} testId="value-chart" />
                <Typography.Text type="secondary">
                  Annual value {formatMoney(customer.value?.breakdown?.annualValueCents)} · {customer.value?.breakdown?.completedJobs} jobs · {customer.value?.breakdown?.complaints} complaints · updated{' '}
                  {formatTime(customer.value?.updatedAt)}
                </Typography.Text>
              </>
            ) : (
              <Empty description="No value index yet (sales rates customers after their first jobs)" />
            )}
          </Card>
        </Col>
      </Row>

      <Row gutter={24}>
        <Col xs={24} lg={8}>
          <Card title="Service quality" size="small">
            {quality.factor === null || quality.factor === undefined ? (
              <Empty description="No quality data yet" />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Progress type="dashboard" percent={quality.factor} format={(value) => `${value}`} status={quality.doubtful ? 'exception' : 'normal'} />
                {quality.doubtful && <Tag color="orange">doubtful: {quality.doubtfulReason}</Tag>}
                <Typography.Text>
                  Evaluations {quality.evaluationScore ?? '—'} · inspections {quality.inspectionScore ?? '—'} · satisfaction {quality.satisfactionScore ?? '—'} · complaints {quality.complaintScore ?? '—'} ({quality.complaints})
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title="Consumables" size="small">
            {customer.consumables.length === 0 ? (
              <Empty description="No installed machines on record" />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={customer.consumables}
                columns={[
                  { title: 'Machine', render: (_, device) => `${device.brand} ${device.productModel}` },
                  { title: 'Serial', dataIndex: 'serial' },
                  { title: 'Installed', dataIndex: 'installedOn' },
                  { title: 'Warranty', render: (_, device) => (device.underWarranty ? <Tag color="green">until {device.warrantyEndsOn}</Tag> : <Tag>{device.warrantyEndsOn ? `ended ${device.warrantyEndsOn}` : 'no terms'}</Tag>) },
                  { title: 'Next change', render: (_, device) => device.stages.map((stage) => <div key={stage.stage}>{stage.stage}: {stage.nextDueOn}</div>) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card title="Complaints" size="small">
        {customer.complaints.length === 0 ? (
          <Empty description="No complaints" />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={customer.complaints}
            columns={[
              { title: 'Received', dataIndex: 'receivedAt', render: formatTime },
              { title: 'Summary', dataIndex: 'summary', render: (summary: string, complaint) => <a href={href('complaints', complaint.id)}>{summary}</a> },
              { title: 'Category', dataIndex: 'category', render: words },
              { title: 'Status', dataIndex: 'status', render: (status: string) => <Tag>{words(status)}</Tag> },
            ]}
          />
        )}
      </Card>

      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Card title="Orders" size="small">
            {customer.orders.length === 0 ? (
              <Empty description="No orders" />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={customer.orders}
                columns={[
                  { title: 'Placed', dataIndex: 'createdAt', render: formatTime },
                  { title: 'Channel', dataIndex: 'channel', render: words },
                  { title: 'Product', dataIndex: 'productModel' },
                  { title: 'Reference', dataIndex: 'externalRef', render: (value: string | null) => value ?? '—' },
                  { title: 'Status', dataIndex: 'status', render: (status: string) => <Tag>{words(status)}</Tag> },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Work orders" size="small">
            {customer.workOrders.length === 0 ? (
              <Empty description="No work orders" />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={customer.workOrders}
                columns={[
                  { title: 'Type', dataIndex: 'type', render: words },
                  { title: 'Product', dataIndex: 'productModel', render: (value: string | null) => value ?? '—' },
                  { title: 'Appointment', render: (_, workOrder) => (workOrder.appointmentDate ? `${workOrder.appointmentDate} ${words(workOrder.appointmentSlot)}` : '—') },
                  { title: 'Status', dataIndex: 'status', render: (status: string) => <StatusTag status={status} /> },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card title="Engineers who served this customer" size="small">
        {customer.engineersWhoServed.length === 0 ? (
          <Empty description="No completed jobs yet" />
        ) : (
          <Space wrap data-testid="engineers-who-served">
            {customer.engineersWhoServed.map((engineer) => (
              <Tag key={engineer.id} color="blue">
                {engineer.name} · {engineer.homeCity} · {words(engineer.employment).toLowerCase()}
              </Tag>
            ))}
          </Space>
        )}
      </Card>

      <Card title="Contracts" size="small">
        {customer.contracts.length === 0 ? (
          <Empty description="No service contracts" />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={customer.contracts}
            columns={[
              { title: 'Site', render: (_, contract) => `${contract.siteAddress}, ${contract.city}` },
              { title: 'Starts', dataIndex: 'startsOn' },
              { title: 'Visits / month', dataIndex: 'visitsPerMonth' },
              { title: 'Monthly', dataIndex: 'monthlyPriceCents', render: (value: number) => formatMoney(value) },
              { title: 'Status', render: (_, contract) => <Space><Tag>{words(contract.status)}</Tag>{contract.disputed && <Tag color="red">disputed</Tag>}</Space> },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
