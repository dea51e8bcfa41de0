import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Tabs, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyOrdersDocument, MyOrdersQuery, MyPartnerDocument, ProductIssueReportDocument, SubmitInstallOrderDocument } from '../../gql/graphql';
import { Reminders } from './reminders';
import { categoryAxis, Chart } from '../../lib/chart';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDate, formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { WorkOrderStatusTag } from '../../lib/status-tags';

type Order = MyOrdersQuery['myOrders']['edges'][number]['node'];
const PAGE = 20;
/** The graph's page size limit; the portal shows the newest orders up to it. */
const MAX_PAGE = 100;

export default function PartnerPortal() {
  const { t } = useTranslation('partner');
  // The brand a partner key speaks for, by its name and code (the graph answers only the caller's own partner).
  const me = useGraphQLQuery(MyPartnerDocument, {}).data?.myPartner;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} data-testid="partner-brand">
        {me ? t('header', { name: me.name, code: me.code }) : t('headerAny')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'orders', label: t('tabs.orders'), children: <Orders /> },
          { key: 'issues', label: t('tabs.issues'), children: <ProductIssues /> },
          { key: 'reminders', label: t('tabs.reminders'), children: <Reminders /> },
        ]}
      />
    </>
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
  const { t } = useTranslation('partner');
  const { message } = App.useApp();
  const [size, setSize] = useState(PAGE);
  // Work orders appear a moment after an order (dispatch hears of it over Kafka): keep watching.
  const orders = useGraphQLQuery(MyOrdersDocument, { first: size }, { refetchInterval: 4000 });
  const submit = useGraphQLMutation(SubmitInstallOrderDocument, { invalidates: ['MyOrders'] });
  const [form] = Form.useForm<OrderForm>();
  const today = chinaToday();
  const required = [{ required: true, whitespace: true, message: t('common:states.required') }];

  const onSubmit = async (values: OrderForm) => {
    try {
      const result = await submit.mutateAsync({
        input: {
          externalRef: values.externalRef.trim(),
          productModel: values.productModel.trim(),
          preferredDate: values.preferredDate ? values.preferredDate.format('YYYY-MM-DD') : null,
          customer: { name: values.name.trim(), phone: values.phone.trim(), city: values.city.trim(), address: values.address.trim() },
        },
      });
      message.success(
        t('form.received', { reference: result.submitInstallOrder.externalRef, status: enumLabel('OrderStatus', result.submitInstallOrder.status) }),
      );
      form.resetFields();
    } catch {
      // shown above the form (submit.error)
    }
  };

  const rows = orders.data?.myOrders.edges.map((edge) => edge.node) ?? [];

  return (
    <Row gutter={[24, 16]}>
      {/* On a phone the orders and their work orders come first; the form follows. */}
      <Col xs={{ span: 24, order: 2 }} xl={{ span: 7, order: 1 }}>
        <Card title={t('form.title')}>
          {submit.error ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorNotice error={submit.error} />
            </div>
          ) : null}
          <Form form={form} layout="vertical" onFinish={(values) => void onSubmit(values)} data-testid="order-form">
            <Form.Item name="externalRef" label={t('form.reference')} rules={required} extra={t('form.referenceHint')}>
              <Input placeholder="PH-2026-12-0001" />
            </Form.Item>
            <Form.Item name="productModel" label={t('form.model')} rules={required}>
              <Input placeholder="AquaPure X5" />
            </Form.Item>
            <Form.Item
              name="preferredDate"
              label={t('form.preferred')}
              extra={t('form.preferredHint', { today: formatChinaDate(today) })}
              rules={[
                {
                  // A typed past day is said, not dropped: the picker would silently refuse it.
                  validator: (_, value: Dayjs | undefined) =>
                    value && value.format('YYYY-MM-DD') < today
                      ? Promise.reject(new Error(t('form.pastDate', { today: formatChinaDate(today) })))
                      : Promise.resolve(),
                },
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="preferred-date" />
            </Form.Item>
            <Typography.Text strong>{t('form.endCustomer')}</Typography.Text>
            <Form.Item name="name" label={t('form.name')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label={t('form.phone')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="city" label={t('form.city')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="address" label={t('form.address')} rules={required}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="submit-order">
              {t('form.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={{ span: 24, order: 1 }} xl={{ span: 17, order: 2 }}>
        <Card title={t('orders.title')}>
          <Loaded query={orders} isEmpty={() => rows.length === 0} empty={t('orders.empty')}>
            {(data) => (
              <>
                <ResponsiveList<Order>
                  rowKey="id"
                  size="middle"
                  pagination={false}
                  dataSource={rows}
                  data-testid="my-orders"
                  columns={[
                    { title: t('orders.reference'), dataIndex: 'externalRef' },
                    { title: t('orders.workOrders'), key: 'workOrders', render: (_, order) => <OrderWorkOrders order={order} /> },
                    {
                      title: t('orders.productCustomer'),
                      key: 'product',
                      render: (_, order) => (
                        <span>
                          {order.productModel}
                          <br />
                          <Typography.Text type="secondary">{`${order.customer.name}, ${order.city}`}</Typography.Text>
                        </span>
                      ),
                    },
                    { title: t('orders.preferred'), dataIndex: 'preferredDate', render: (value: string | null) => formatChinaDate(value) },
                    { title: t('orders.status'), dataIndex: 'status', render: (status: string) => <EnumLabel enum="OrderStatus" value={status} tag /> },
                    { title: t('orders.received'), dataIndex: 'createdAt', render: formatChinaDateTime, responsive: ['xxl'] },
                  ]}
                />
                {data.myOrders.pageInfo.hasNextPage && size < MAX_PAGE && (
                  <Button style={{ marginTop: 12 }} onClick={() => setSize(Math.min(size + PAGE, MAX_PAGE))}>
                    {t('orders.more')}
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
  const { t } = useTranslation('partner');
  if (order.workOrders.length === 0) return <Typography.Text type="secondary">{t('orders.noWorkOrder')}</Typography.Text>;
  return (
    <Space direction="vertical" size={2} data-testid="order-work-orders">
      {order.workOrders.map((workOrder) => (
        <Space key={workOrder.id} size={4} wrap>
          <span>{t('orders.workOrder', { type: enumLabel('WorkOrderType', workOrder.type) })}</span>
          <WorkOrderStatusTag status={workOrder.status} />
          <Typography.Text type="secondary">
            {workOrder.appointmentDate
              ? `${formatChinaDate(workOrder.appointmentDate)} ${enumLabel('AppointmentSlot', workOrder.appointmentSlot)}`
              : t('orders.notBooked')}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

function ProductIssues() {
  const { t } = useTranslation('partner');
  const [range, setRange] = useState<[string, string]>([addDays(chinaToday(), -90), chinaToday()]);
  const report = useGraphQLQuery(ProductIssueReportDocument, { from: range[0], to: range[1] });
  const option = useMemo(() => {
    const issues = report.data?.productIssueReport.issues ?? [];
    if (issues.length === 0) return null;
    const models = [...new Set(issues.map((issue) => issue.productModel))];
    const categories = [...new Set(issues.map((issue) => issue.category))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { ...categoryAxis(models), axisLabel: { width: 120, overflow: 'truncate' } },
      series: categories.map((category) => ({
        name: enumLabel('ComplaintCategory', category),
        type: 'bar',
        stack: 'issues',
        data: models.map((model) => issues.find((issue) => issue.productModel === model && issue.category === category)?.count ?? 0),
      })),
    };
  }, [report.data]);

  return (
    <Card
      title={report.data ? t('issues.title', { brand: report.data.productIssueReport.brand }) : t('issues.titleAny')}
      extra={
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t('issues.period')}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])}
        />
      }
    >
      <Loaded query={report} isEmpty={(data) => data.productIssueReport.issues.length === 0} empty={t('issues.empty')}>
        {(data) => (
          <>
            {/* The chart takes the card's width, never its own: a canvas drawn at one width must not widen the page at another. */}
            <div style={{ minWidth: 0, overflow: 'hidden' }}>
              <Chart
                option={option}
                height={Math.max(240, 60 * new Set(data.productIssueReport.issues.map((issue) => issue.productModel)).size)}
                testId="issue-chart"
                label={t('issues.titleAny')}
              />
            </div>
            <ResponsiveList
              rowKey={(issue) => `${issue.productModel}/${issue.category}`}
              size="small"
              pagination={false}
              dataSource={data.productIssueReport.issues}
              columns={[
                { title: t('issues.model'), dataIndex: 'productModel' },
                { title: t('issues.category'), dataIndex: 'category', render: (value: string) => <EnumLabel enum="ComplaintCategory" value={value} /> },
                { title: t('issues.count'), dataIndex: 'count' },
              ]}
            />
          </>
        )}
      </Loaded>
    </Card>
  );
}
