import { App, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssignWorkOrderDocument, BoardWorkOrderFragment, EngineersForDocument } from '../../gql/graphql';
import { enumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { productOf } from './work-order-text';

/** Assign by hand, overriding the rules: engineers who cover the city and hold the skill first, anyone on a switch. */
export function OverrideModal({ workOrder, onClose }: { workOrder?: BoardWorkOrderFragment; onClose: () => void }) {
  const { t } = useTranslation('dispatch');
  const { message } = App.useApp();
  const assign = useGraphQLMutation(AssignWorkOrderDocument, { invalidates: ['DayBoard'] });
  const [form] = Form.useForm<{ engineerId: string; reason: string }>();
  const [anyEngineer, setAnyEngineer] = useState(false);
  const [search, setSearch] = useState('');
  const engineers = useGraphQLQuery(
    EngineersForDocument,
    anyEngineer || !workOrder
      ? { city: null, productModel: null, text: search || null }
      : { city: workOrder.city, productModel: workOrder.productModel ?? null, text: search || null },
    { enabled: !!workOrder },
  );

  const submit = async (values: { engineerId: string; reason: string }) => {
    if (!workOrder) return;
    try {
      await assign.mutateAsync({ input: { workOrderId: workOrder.id, engineerId: values.engineerId, reason: values.reason } });
      message.success(t('override.done'));
      form.resetFields();
      onClose();
    } catch {
      // shown in the dialog (assign.error)
    }
  };

  return (
    <Modal
      open={!!workOrder}
      title={t('override.title')}
      onCancel={() => {
        assign.reset();
        onClose();
      }}
      okText={t('override.ok')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      destroyOnClose
    >
      {workOrder && (
        <Typography.Paragraph>
          {t('override.what', {
            type: enumLabel('WorkOrderType', workOrder.type),
            city: workOrder.city,
            site: workOrder.siteAddress,
            product: productOf(workOrder),
          })}
        </Typography.Paragraph>
      )}
      {assign.error ? <ErrorNotice error={assign.error} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Space style={{ marginBottom: 8 }}>
          <Switch size="small" checked={anyEngineer} onChange={setAnyEngineer} id="any-engineer" />
          <label htmlFor="any-engineer">{t('override.any', { city: workOrder?.city ?? '' })}</label>
        </Space>
        {engineers.error ? <ErrorNotice error={engineers.error} /> : null}
        <Form.Item name="engineerId" label={t('override.engineer')} rules={[{ required: true, message: t('override.engineerRequired') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={engineers.isFetching}
            placeholder={t('override.search')}
            notFoundContent={engineers.isFetching ? t('common:states.loading') : t('override.noEngineer')}
            options={(engineers.data?.engineers.edges ?? []).map(({ node }) => ({
              value: node.id,
              label: t('override.option', {
                name: node.name,
                city: node.homeCity,
                employment: enumLabel('EngineerEmployment', node.employment),
                capacity: node.dailyCapacity,
              }),
            }))}
            data-testid="override-engineer"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('override.reason')} rules={[{ required: true, whitespace: true, message: t('override.reasonRequired') }]}>
          <Input.TextArea rows={2} placeholder={t('override.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
