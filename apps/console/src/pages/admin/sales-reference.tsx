import { App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  AdminSalesReferenceDocument,
  AdminSalesReferenceQuery,
  RegisterSalespersonDocument,
  SetAreaToleranceDocument,
  SetPromiseTemplateDocument,
  SetReferencePriceDocument,
  type BusinessType,
  type QualityStandard,
} from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { yuanToCents } from '../engineer/job-facts';

type Price = AdminSalesReferenceQuery['referencePrices'][number];
type Template = AdminSalesReferenceQuery['promiseTemplates'][number];
type Salesperson = AdminSalesReferenceQuery['salespeople']['edges'][number]['node'];
export const BUSINESS_TYPES: BusinessType[] = ['HOUSEHOLD', 'RESTAURANT', 'HOTEL', 'OFFICE', 'FACTORY', 'HOSPITAL', 'SCHOOL', 'RETAIL', 'OTHER'];
export const QUALITY_STANDARDS: QualityStandard[] = ['BASIC', 'STANDARD', 'PREMIUM'];
const INVALIDATES = { invalidates: ['AdminSalesReference', 'ContractGuardrails', 'SalesTeam'] };

/** The contract guardrails' reference data (reference prices and floors, promise templates, area tolerance) and the sales team. */
export function SalesReferenceTab() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const reference = useGraphQLQuery(AdminSalesReferenceDocument, {});
  const setPrice = useGraphQLMutation(SetReferencePriceDocument, INVALIDATES);
  const setTemplate = useGraphQLMutation(SetPromiseTemplateDocument, INVALIDATES);
  const setTolerance = useGraphQLMutation(SetAreaToleranceDocument, INVALIDATES);
  const register = useGraphQLMutation(RegisterSalespersonDocument, INVALIDATES);
  const failure = setPrice.error ?? setTemplate.error ?? setTolerance.error ?? register.error;
  const saved = () => message.success(t('common:states.saved'));

  return (
    <Loaded query={reference}>
      {(data) => (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          {failure ? <ErrorNotice error={failure} /> : null}
          <Card size="small" title={t('reference.prices')}>
            <Form
              layout="inline"
              style={{ rowGap: 8, marginBottom: 12 }}
              initialValues={{ businessType: 'RESTAURANT', bandPercent: 15 }}
              onFinish={(values: { region: string; businessType: BusinessType; serviceItem: string; priceYuan: number; bandPercent: number }) =>
                void setPrice
                  .mutateAsync({
                    input: {
                      region: values.region.trim(),
                      businessType: values.businessType,
                      serviceItem: values.serviceItem.trim().toUpperCase(),
                      referencePriceCents: yuanToCents(values.priceYuan) ?? 0,
                      bandPercent: values.bandPercent,
                    },
                  })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="region" label={t('reference.region')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="businessType" label={t('reference.businessType')}>
                <Select options={enumOptions('BusinessType', BUSINESS_TYPES)} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="serviceItem" label={t('reference.item')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="priceYuan" label={t('reference.price')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} prefix="¥" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="bandPercent" label={t('reference.band')}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: 100 }} />
              </Form.Item>
              <Button htmlType="submit" loading={setPrice.isPending}>
                {t('common:actions.save')}
              </Button>
            </Form>
            <ResponsiveList<Price>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              dataSource={data.referencePrices}
              columns={[
                { title: t('reference.region'), dataIndex: 'region' },
                { title: t('reference.businessType'), dataIndex: 'businessType', render: (value: string) => <EnumLabel enum="BusinessType" value={value} /> },
                { title: t('reference.item'), dataIndex: 'serviceItem' },
                { title: t('reference.price'), dataIndex: 'referencePriceCents', render: (value: number) => formatMoney(value) },
                { title: t('reference.floor'), dataIndex: 'floorCents', render: (value: number) => formatMoney(value) },
              ]}
            />
          </Card>
          <Card size="small" title={t('reference.templates')}>
            <Form
              layout="inline"
              style={{ rowGap: 8, marginBottom: 12 }}
              initialValues={{ businessType: 'RESTAURANT', visitsPerMonth: 2, qualityStandard: 'STANDARD' }}
              onFinish={(values: { businessType: BusinessType; visitsPerMonth: number; qualityStandard: QualityStandard }) =>
                void setTemplate
                  .mutateAsync({ input: values })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="businessType" label={t('reference.businessType')}>
                <Select options={enumOptions('BusinessType', BUSINESS_TYPES)} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="visitsPerMonth" label={t('reference.visits')}>
                <InputNumber min={0} max={31} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name="qualityStandard" label={t('reference.standard')}>
                <Select options={enumOptions('QualityStandard', QUALITY_STANDARDS)} style={{ width: 120 }} />
              </Form.Item>
              <Button htmlType="submit" loading={setTemplate.isPending}>
                {t('common:actions.save')}
              </Button>
            </Form>
            <ResponsiveList<Template>
              rowKey="businessType"
              size="small"
              pagination={false}
              dataSource={data.promiseTemplates}
              columns={[
                { title: t('reference.businessType'), dataIndex: 'businessType', render: (value: string) => <EnumLabel enum="BusinessType" value={value} /> },
                { title: t('reference.visits'), dataIndex: 'visitsPerMonth' },
                { title: t('reference.standard'), dataIndex: 'qualityStandard', render: (value: string) => <EnumLabel enum="QualityStandard" value={value} /> },
              ]}
            />
          </Card>
          <Card size="small" title={t('reference.tolerance')}>
            <Form
              layout="inline"
              initialValues={{ percent: data.areaTolerancePercent }}
              onFinish={(values: { percent: number }) =>
                void setTolerance
                  .mutateAsync({ percent: values.percent })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="percent" label={t('reference.tolerancePercent')}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: 110 }} />
              </Form.Item>
              <Button htmlType="submit" loading={setTolerance.isPending}>
                {t('common:actions.save')}
              </Button>
            </Form>
          </Card>
          <Card size="small" title={t('reference.salespeople')}>
            <Form
              layout="inline"
              style={{ rowGap: 8, marginBottom: 12 }}
              onFinish={(values: { name: string; team: string; staffUserId?: string }) =>
                void register
                  .mutateAsync({ input: { name: values.name.trim(), team: values.team.trim(), staffUserId: values.staffUserId?.trim() || null } })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="name" label={t('reference.spName')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="team" label={t('reference.team')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="staffUserId" label={t('reference.staffUser')}>
                <Input style={{ width: 160 }} />
              </Form.Item>
              <Button htmlType="submit" loading={register.isPending}>
                {t('reference.registerSalesperson')}
              </Button>
            </Form>
            <ResponsiveList<Salesperson>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.salespeople.edges.map((edge) => edge.node)}
              columns={[
                { title: t('reference.spName'), dataIndex: 'name' },
                { title: t('reference.team'), dataIndex: 'team' },
                { title: t('reference.staffUser'), dataIndex: 'staffUserId' },
                { title: t('reference.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="SalespersonStatus" value={value} /> },
              ]}
            />
          </Card>
        </Space>
      )}
    </Loaded>
  );
}
