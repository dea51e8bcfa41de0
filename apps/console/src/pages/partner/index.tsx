import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { MyOrdersDocument, MyOrdersQuery, ProductIssueReportDocument, SubmitInstallOrderDocument } from '../gql/graphql';
import { Chart } from '../lib/chart';
import { ErrorNotice } from '../lib/errors';
import { useMutation, useQuery } from '../lib/graphql';
import { useSession } from '../lib/session';
import { Loaded } from '../lib/states';
import { addDays, chinaDate, formatTime, words } from '../lib/time';
import { StatusTag } from './dispatcher-board';

type Order = MyOrdersQuery['myOrders']['edges'][number]['node'];
const PAGE = 20;
/** The graph's page size limit; the portal shows the newest orders up to it. */
const MAX_PAGE = 100;

export function PartnerPortal() {
  return (
    <Tabs
      items={[
        { key: 'orders', label: 'Install orders', children: <Orders /> },
        { key: 'issues', label: 'Product issue report', children: <ProductIssues /> },
      ]}
    />
  );
}

interface OrderForm {
  externalRef: string;
  productModel: string;
  preferredDate?: Dayjs;
  name: string;
  phone: string;
  city: string;
  address: string;
}

function Orders() {
  const { session } = useSession();
  const { message } = App.useApp();
  const [size, setSize] = useState(PAGE);
  // Work orders appear a moment after an order (dispatch hears of it over Kafka): keep watching.
  const orders = useQuery(session, MyOrdersDocument, { first: size }, { pollMs: 4000 });
  const [submit, submitting] = useMutation(session, SubmitInstallOrderDocument);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<OrderForm>();
  const today = chinaDate();

  const onSubmit = async (values: OrderForm) => {
    setError(undefined);
    try {
      const result = await submit({
        input: {
          externalRef: values.externalRef.trim(),
          productModel: values.productModel.trim(),
          preferredDate: values.preferredDate ? values.preferredDate.format('YYYY-MM-DD') : null,
          customer: { name: values.name.trim(), phone: values.phone.trim(), city: values.city.trim(), address: values.address.trim() },
        },
      });
      message.success(`Order ${result.submitInstallOrder.externalRef} received (${words(result.submitInstallOrder.status)})`);
      form.resetFields();
      await orders.refetch();
    } catch (failure) {
      setError(failure);
    }
  };

  const rows = orders.data?.myOrders.edges.map((edge) => edge.node) ?? [];

  return (
    <Row gutter={24}>
      <Col xs={24} xl={8}>
        <Card title="Submit an install order">
          {error ? <div style={{ marginBottom: 12 }}><ErrorNotice error={error} /></div> : null}
          <Form form={form} layout="vertical" onFinish={(values) => void onSubmit(values)} data-testid="order-form">
            <Form.Item name="externalRef" label="Your order reference" rules={[{ required: true, whitespace: true }]} extra="Sending the same reference again returns the same order.">
              <Input placeholder="PH-2026-12-0001" />
            </Form.Item>
            <Form.Item name="productModel" label="Product model" rules={[{ required: true, whitespace: true }]}>
              <Input placeholder="AquaPure X5" />
            </Form.Item>
            <Form.Item name="preferredDate" label="Preferred install day (optional)">
              <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') < today} />
            </Form.Item>
            <Typography.Text strong>End customer</Typography.Text>
            <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label="Phone" rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="city" label="City" rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="address" label="Address" rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting.loading} data-testid="submit-order">
              Submit order
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card title="Your orders and their work orders">
          <Loaded query={orders} isEmpty={() => rows.length === 0} empty="No orders yet: submit your first install order">
            {(data) => (
              <>
                <Table<Order>
                  rowKey="id"
                  size="middle"
                  pagination={false}
                  dataSource={rows}
                  data-testid="my-orders"
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: 'Reference', dataIndex: 'externalRef' },
                    { title: 'Product', dataIndex: 'productModel' },
                    { title: 'Customer', render: (_, order) => `${order.customer.name}, ${order.city}` },
                    { title: 'Preferred', dataIndex: 'preferredDate', render: (value: string | null) => value ?? '—' },
                    { title: 'Status', dataIndex: 'status', render: (status: string) => <Tag>{words(status)}</Tag> },
                    { title: 'Received', dataIndex: 'createdAt', render: formatTime },
                    { title: 'Work orders', render: (_, order) => <OrderWorkOrders order={order} /> },
                  ]}
                />
                {data.myOrders.pageInfo.hasNextPage && size < MAX_PAGE && (
                  <Button style={{ marginTop: 12 }} onClick={() => setSize(Math.min(size + PAGE, MAX_PAGE))}>
                    Show more
                  </Button>
                )}
              </>
            )}
          </Loaded>
        </Card>
      </Col>
    </Row>
  );
}

function OrderWorkOrders({ order }: { order: Order }) {
  if (order.workOrders.length === 0) return <Typography.Text type="secondary">none yet: dispatch opens it within moments</Typography.Text>;
  return (
    <Space direction="vertical" size={2} data-testid="order-work-orders">
      {order.workOrders.map((workOrder) => (
        <Space key={workOrder.id} size={4} wrap>
          <span>{words(workOrder.type)} work order</span>
          <StatusTag status={workOrder.status} />
          <Typography.Text type="secondary">{workOrder.appointmentDate ? `${workOrder.appointmentDate} ${words(workOrder.appointmentSlot).toLowerCase()}` : 'not booked yet'}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

function ProductIssues() {
  const { session } = useSession();
  const [range, setRange] = useState<[string, string]>([addDays(chinaDate(), -90), chinaDate()]);
  const report = useQuery(session, ProductIssueReportDocument, { from: range[0], to: range[1] });
  const option = useMemo(() => {
    const issues = report.data?.productIssueReport.issues ?? [];
    const models = [...new Set(issues.map((issue) => issue.productModel))];
    const categories = [...new Set(issues.map((issue) => issue.category))];
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 160, right: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: models },
      series: categories.map((category) => ({
        name: words(category),
        type: 'bar',
        stack: 'issues',
        data: models.map((model) => issues.find((issue) => issue.productModel === model && issue.category === category)?.count ?? 0),
      })),
    };
  }, [report.data]);

  return (
    <Card
      title={report.data ? `Complaints about ${report.data.productIssueReport.brand} products` : 'Complaints about your products'}
      extra={
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])}
        />
      }
    >
      <Loaded query={report} isEmpty={(data) => data.productIssueReport.issues.length === 0} empty="No complaints about your products in this period">
        {(data) => (
          <>
            <Chart option={option} height={Math.max(220, 60 * new Set(data.productIssueReport.issues.map((issue) => issue.productModel)).size)} testId="issue-chart" />
            <Table
              rowKey={(issue) => `${issue.productModel}/${issue.category}`}
              size="small"
              pagination={false}
              dataSource={data.productIssueReport.issues}
              columns={[
                { title: 'Model', dataIndex: 'productModel' },
                { title: 'Category', dataIndex: 'category', render: words },
                { title: 'Complaints', dataIndex: 'count' },
              ]}
            />
          </>
        )}
      </Loaded>
    </Card>
  );
}
