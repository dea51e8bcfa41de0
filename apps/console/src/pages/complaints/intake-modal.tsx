import { Alert, App, Button, Checkbox, Empty, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FileComplaintDocument,
  IntakeCustomersDocument,
  IntakeCustomerWorkDocument,
  IntakeCustomerWorkOrdersDocument,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintPriority,
  type FileComplaintMutation,
} from '../../gql/graphql';
import { enumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDate } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { href, navigate } from '../../lib/route';

const CATEGORIES: ComplaintCategory[] = ['SERVICE', 'ENGINEER_CONDUCT', 'PRODUCT_QUALITY', 'PRODUCT', 'EXPRESS_DELIVERY', 'SHIPPING', 'HOTLINE'];
const CHANNELS: ComplaintChannel[] = ['HOTLINE', 'ONLINE', 'ON_SITE', 'REVIEW_SITE', 'PARTNER'];
const PRIORITIES: ComplaintPriority[] = ['NORMAL', 'URGENT'];

interface IntakeValues {
  orderId?: string;
  workOrderId?: string;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  priority: ComplaintPriority;
  summary: string;
  proposedSolution: string;
  involvesLiability: boolean;
}

type Filed = FileComplaintMutation['fileComplaint'];

/**
 * Taking a complaint on the phone: find the caller's card by phone or name, pick the order or work order it
 * is about, then what happened and what we offer. The same customer calling again about the same work order
 * joins the open complaint: the dialog says which.
 */
export function IntakeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [text, setText] = useState('');
  const [customerId, setCustomerId] = useState<string>();
  const [joined, setJoined] = useState<Filed>();
  const customers = useGraphQLQuery(IntakeCustomersDocument, { text }, { enabled: open && text.trim().length >= 2 });
  const orders = useGraphQLQuery(IntakeCustomerWorkDocument, { id: customerId ?? '' }, { enabled: !!customerId });
  const workOrders = useGraphQLQuery(IntakeCustomerWorkOrdersDocument, { id: customerId ?? '' }, { enabled: !!customerId });
  const file = useGraphQLMutation(FileComplaintDocument, { invalidates: ['ComplaintInbox'] });

  const reset = () => {
    form.resetFields();
    setText('');
    setCustomerId(undefined);
    setJoined(undefined);
    file.reset();
  };

  const submit = async (values: IntakeValues) => {
    if (!customerId) return;
    try {
      const result = await file.mutateAsync({
        input: {
          customerId,
          orderId: values.orderId ?? null,
          workOrderId: values.workOrderId ?? null,
          category: values.category,
          channel: values.channel,
          priority: values.priority,
          summary: values.summary.trim(),
          proposedSolution: values.proposedSolution.trim(),
          involvesLiability: !!values.involvesLiability,
        },
      });
      const complaint = result.fileComplaint;
      if (complaint.intakeCount > 1) {
        // A repeat intake: the service added this call to the open complaint instead of opening another.
        setJoined(complaint);
        return;
      }
      message.success(t('intake.filed'));
      reset();
      onClose();
      navigate('complaints', complaint.id);
    } catch {
      // shown in the dialog (file.error)
    }
  };

  const found = customers.data?.customers.edges.map((edge) => edge.node) ?? [];
  return (
    <Modal
      open={open}
      title={t('intake.title')}
      width={720}
      onCancel={() => {
        reset();
        onClose();
      }}
      okText={t('intake.file')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !customerId || !!joined }}
      confirmLoading={file.isPending}
      destroyOnClose
    >
      {joined ? (
        <Alert
          type="warning"
          showIcon
          data-testid="intake-joined"
          message={t('intake.joined', { count: joined.intakeCount })}
          description={
            <a
              href={href('complaints', joined.id)}
              onClick={() => {
                reset();
                onClose();
              }}
            >
              {t('intake.openJoined', { summary: joined.summary, status: enumLabel('ComplaintStatus', joined.status) })}
            </a>
          }
        />
      ) : (
        <>
          {file.error ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorNotice error={file.error} />
            </div>
          ) : null}
          <Typography.Text strong>{t('intake.step1')}</Typography.Text>
          <Input.Search
            style={{ margin: '8px 0' }}
            placeholder={t('intake.searchPlaceholder')}
            aria-label={t('intake.searchPlaceholder')}
            enterButton={t('common:actions.search')}
            onSearch={(value) => {
              setText(value.trim());
              setCustomerId(undefined);
            }}
            data-testid="intake-search"
            autoFocus
          />
          {text && customers.data && found.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.noCustomer', { text })} />}
          {found.length > 0 && (
            <Radio.Group
              value={customerId}
              onChange={(event) => setCustomerId(event.target.value as string)}
              aria-label={t('intake.pickCustomer')}
              style={{ width: '100%' }}
            >
              <Space direction="vertical" style={{ width: '100%' }} data-testid="intake-customers">
                {found.map((customer) => (
                  <Radio key={customer.id} value={customer.id}>
                    {customer.name} · {customer.phone} · {customer.city} {customer.address}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          )}
          {customerId && (
            <Form
              form={form}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(values) => void submit(values)}
              initialValues={{ channel: 'HOTLINE', priority: 'NORMAL', category: 'SERVICE', involvesLiability: false }}
              data-testid="intake-form"
            >
              <Typography.Text strong>{t('intake.step2')}</Typography.Text>
              <Form.Item name="workOrderId" label={t('intake.workOrder')} extra={t('intake.workOrderHint')}>
                <Select
                  allowClear
                  loading={workOrders.isLoading}
                  data-testid="intake-work-order"
                  options={(workOrders.data?.customer.workOrders ?? []).map((workOrder) => ({
                    value: workOrder.id,
                    label: t('intake.workOrderOption', {
                      type: enumLabel('WorkOrderType', workOrder.type),
                      product: workOrder.productModel ?? '—',
                      status: enumLabel('WorkOrderStatus', workOrder.status),
                      date: workOrder.appointmentDate ? formatChinaDate(workOrder.appointmentDate) : '—',
                    }),
                  }))}
                />
              </Form.Item>
              <Form.Item name="orderId" label={t('intake.order')}>
                <Select
                  allowClear
                  loading={orders.isLoading}
                  options={(orders.data?.customer.orders ?? []).map((order) => ({
                    value: order.id,
                    label: t('intake.orderOption', {
                      product: order.productModel,
                      reference: order.externalRef ?? '—',
                      date: formatChinaDate(order.createdAt),
                      status: enumLabel('OrderStatus', order.status),
                    }),
                  }))}
                />
              </Form.Item>
              <Typography.Text strong>{t('intake.step3')}</Typography.Text>
              <Space wrap style={{ width: '100%' }} size="middle">
                <Form.Item name="category" label={t('intake.category')} rules={[{ required: true }]}>
                  <Select style={{ width: 180 }} options={enumOptions('ComplaintCategory', CATEGORIES)} data-testid="intake-category" />
                </Form.Item>
                <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true }]}>
                  <Select style={{ width: 160 }} options={enumOptions('ComplaintChannel', CHANNELS)} />
                </Form.Item>
                <Form.Item name="priority" label={t('intake.priority')} rules={[{ required: true }]}>
                  <Select style={{ width: 120 }} options={enumOptions('ComplaintPriority', PRIORITIES)} />
                </Form.Item>
              </Space>
              <Form.Item name="summary" label={t('intake.summary')} rules={[{ required: true, whitespace: true, message: t('common:states.required') }]}>
                <Input.TextArea rows={2} data-testid="intake-summary" />
              </Form.Item>
              <Form.Item
                name="proposedSolution"
                label={t('intake.proposedSolution')}
                rules={[{ required: true, whitespace: true, message: t('common:states.required') }]}
              >
                <Input data-testid="intake-solution" />
              </Form.Item>
              <Form.Item name="involvesLiability" valuePropName="checked">
                <Checkbox>{t('intake.involvesLiability')}</Checkbox>
              </Form.Item>
            </Form>
          )}
        </>
      )}
      {joined && (
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          <Button onClick={reset}>{t('intake.another')}</Button>
        </div>
      )}
    </Modal>
  );
}
