import { App, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeConsumableStagePriceDocument, DefineConsumablePlanDocument, DefineWarrantyTermDocument, ValueAddedPlansQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { yuanToCents } from '../engineer/job-facts';

type Plan = ValueAddedPlansQuery['consumablePlans'][number];
type Stage = Plan['stages'][number];
const INVALIDATES = { invalidates: ['ValueAddedPlans'] };

function FormModal<T extends object>({
  title,
  onClose,
  onSubmit,
  busy,
  error,
  children,
  initialValues,
  testId,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  busy: boolean;
  error: unknown;
  children: ReactNode;
  initialValues?: Partial<T>;
  testId: string;
}) {
  const { t } = useTranslation('consumable-plans');
  const [form] = Form.useForm<T>();
  return (
    <Modal
      open
      width={620}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as Record<string, string>}
    >
      {error ? <ErrorNotice error={error} /> : null}
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) =>
          void onSubmit(values)
            .then(onClose)
            .catch(() => undefined)
        }
      >
        {children}
      </Form>
    </Modal>
  );
}

export function DefinePlanModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('consumable-plans');
  const define = useGraphQLMutation(DefineConsumablePlanDocument, INVALIDATES);
  type Values = { brand: string; productModel: string; stages: { name: string; intervalMonths: number; priceYuan: number }[] };
  return (
    <FormModal<Values>
      title={t('definePlan')}
      testId="define-plan"
      onClose={onClose}
      busy={define.isPending}
      error={define.error}
      initialValues={{ stages: [{ name: '', intervalMonths: 6, priceYuan: 0 }] }}
      onSubmit={(values) =>
        define.mutateAsync({
          input: {
            brand: values.brand.trim().toUpperCase(),
            productModel: values.productModel.trim(),
            stages: values.stages.map((stage) => ({
              name: stage.name.trim(),
              intervalMonths: stage.intervalMonths,
              priceCents: yuanToCents(stage.priceYuan) ?? 0,
            })),
          },
        })
      }
    >
      <Space wrap align="start">
        <Form.Item name="brand" label={t('brand')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="plan-brand" />
        </Form.Item>
        <Form.Item name="productModel" label={t('model')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="plan-model" />
        </Form.Item>
      </Space>
      <Form.List name="stages">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, fontWeight: 600 }}>{t('stages')}</legend>
            {fields.map((field) => (
              <Space key={field.key} wrap align="start">
                <Form.Item name={[field.name, 'name']} label={t('stage')} rules={[{ required: true, whitespace: true }]}>
                  <Input data-testid="stage-name" />
                </Form.Item>
                <Form.Item name={[field.name, 'intervalMonths']} label={t('intervalMonths')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={120} data-testid="stage-interval" />
                </Form.Item>
                <Form.Item name={[field.name, 'priceYuan']} label={t('price')} rules={[{ required: true }]}>
                  <InputNumber min={0} precision={2} prefix="¥" data-testid="stage-price-input" />
                </Form.Item>
                {fields.length > 1 && (
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('common:actions.remove')}
                  </Button>
                )}
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ name: '', intervalMonths: 12, priceYuan: 0 })}>
              {t('addStage')}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </FormModal>
  );
}

export function StagePriceModal({ plan, stage, onClose }: { plan: Plan; stage: Stage; onClose: () => void }) {
  const { t } = useTranslation('consumable-plans');
  const { message } = App.useApp();
  const change = useGraphQLMutation(ChangeConsumableStagePriceDocument, INVALIDATES);
  return (
    <FormModal<{ priceYuan: number }>
      title={t('changePriceTitle', { stage: stage.name, model: plan.productModel })}
      testId="stage-price"
      onClose={onClose}
      busy={change.isPending}
      error={change.error}
      initialValues={{ priceYuan: stage.priceCents / 100 }}
      onSubmit={(values) =>
        change
          .mutateAsync({ input: { productModel: plan.productModel, stage: stage.name, priceCents: yuanToCents(values.priceYuan) ?? 0 } })
          .then(() => message.success(t('priceChanged')))
      }
    >
      <Form.Item name="priceYuan" label={t('newPrice')} extra={t('currentPrice', { price: formatMoney(stage.priceCents) })} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} prefix="¥" data-testid="new-stage-price" />
      </Form.Item>
    </FormModal>
  );
}

export function WarrantyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('consumable-plans');
  const define = useGraphQLMutation(DefineWarrantyTermDocument, INVALIDATES);
  type Values = { brand: string; productModel?: string; months: number };
  return (
    <FormModal<Values>
      title={t('defineWarranty')}
      testId="warranty"
      onClose={onClose}
      busy={define.isPending}
      error={define.error}
      initialValues={{ months: 12 }}
      onSubmit={(values) =>
        define.mutateAsync({ input: { brand: values.brand.trim().toUpperCase(), productModel: values.productModel?.trim() || null, months: values.months } })
      }
    >
      <Form.Item name="brand" label={t('brand')} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="productModel" label={t('model')} extra={t('allModelsHint')}>
        <Input />
      </Form.Item>
      <Form.Item name="months" label={t('warrantyMonths')} rules={[{ required: true }]}>
        <InputNumber min={1} max={120} />
      </Form.Item>
    </FormModal>
  );
}
