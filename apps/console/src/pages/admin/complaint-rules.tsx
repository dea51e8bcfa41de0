import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  AdminComplaintRulesDocument,
  AdminComplaintRulesQuery,
  DefineSlaPolicyDocument,
  RemoveBusinessHolidayDocument,
  SetBrandInsuranceDocument,
  SetBusinessHolidayDocument,
  type ComplaintCategory,
  type ComplaintPriority,
  type SlaTimeBase,
} from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Policy = AdminComplaintRulesQuery['slaPolicies'][number];
type Holiday = AdminComplaintRulesQuery['businessHolidays'][number];
type Insurance = AdminComplaintRulesQuery['brandInsurances'][number];
const CATEGORIES: ComplaintCategory[] = ['EXPRESS_DELIVERY', 'SHIPPING', 'SERVICE', 'PRODUCT', 'PRODUCT_QUALITY', 'ENGINEER_CONDUCT', 'HOTLINE'];
const PRIORITIES: ComplaintPriority[] = ['NORMAL', 'URGENT'];
const TIME_BASES: SlaTimeBase[] = ['BUSINESS_HOURS', 'ELAPSED_HOURS'];
const INVALIDATES = { invalidates: ['AdminComplaintRules'] };

interface PolicyForm {
  category: ComplaintCategory;
  priority: ComplaintPriority;
  firstContactHours: number;
  opinionHours: number;
  resolutionHours: number;
  countedIn: SlaTimeBase;
  warnBeforeMinutes: number;
  backOfficeObservesHolidays: boolean;
}

/** The complaint desk's rules, which used to change only by migration: SLA targets, public holidays, brands' insurance. */
export function ComplaintRulesTab() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const today = chinaToday();
  const rules = useGraphQLQuery(AdminComplaintRulesDocument, { from: addDays(today, -30), to: addDays(today, 365) });
  const define = useGraphQLMutation(DefineSlaPolicyDocument, INVALIDATES);
  const setHoliday = useGraphQLMutation(SetBusinessHolidayDocument, INVALIDATES);
  const removeHoliday = useGraphQLMutation(RemoveBusinessHolidayDocument, INVALIDATES);
  const insure = useGraphQLMutation(SetBrandInsuranceDocument, INVALIDATES);
  const failure = define.error ?? setHoliday.error ?? removeHoliday.error ?? insure.error;
  const saved = () => message.success(t('common:states.saved'));

  return (
    <Loaded query={rules}>
      {(data) => (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          {failure ? <ErrorNotice error={failure} /> : null}
          <Card size="small" title={t('rules.sla')}>
            <Form<PolicyForm>
              layout="inline"
              style={{ rowGap: 8, marginBottom: 12 }}
              initialValues={{
                category: 'SERVICE',
                priority: 'NORMAL',
                firstContactHours: 2,
                opinionHours: 24,
                resolutionHours: 72,
                countedIn: 'BUSINESS_HOURS',
                warnBeforeMinutes: 30,
                backOfficeObservesHolidays: true,
              }}
              onFinish={(values) =>
                void define
                  .mutateAsync({ input: values })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="category" label={t('rules.category')}>
                <Select options={enumOptions('ComplaintCategory', CATEGORIES)} style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name="priority" label={t('rules.priority')}>
                <Select options={enumOptions('ComplaintPriority', PRIORITIES)} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="firstContactHours" label={t('rules.firstContact')}>
                <InputNumber min={1} style={{ width: 80 }} />
              </Form.Item>
              <Form.Item name="opinionHours" label={t('rules.opinion')}>
                <InputNumber min={1} style={{ width: 80 }} />
              </Form.Item>
              <Form.Item name="resolutionHours" label={t('rules.resolution')}>
                <InputNumber min={1} style={{ width: 80 }} data-testid="sla-resolution" />
              </Form.Item>
              <Form.Item name="countedIn" label={t('rules.countedIn')}>
                <Select options={enumOptions('SlaTimeBase', TIME_BASES)} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="warnBeforeMinutes" label={t('rules.warnBefore')}>
                <InputNumber min={0} max={10080} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name="backOfficeObservesHolidays" valuePropName="checked">
                <Checkbox>{t('rules.observesHolidays')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={define.isPending} data-testid="define-sla">
                {t('common:actions.save')}
              </Button>
            </Form>
            <ResponsiveList<Policy>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="sla-policies"
              dataSource={data.slaPolicies}
              columns={[
                { title: t('rules.category'), dataIndex: 'category', render: (value: string) => <EnumLabel enum="ComplaintCategory" value={value} /> },
                { title: t('rules.priority'), dataIndex: 'priority', render: (value: string) => <EnumLabel enum="ComplaintPriority" value={value} /> },
                { title: t('rules.firstContact'), dataIndex: 'firstContactHours' },
                { title: t('rules.opinion'), dataIndex: 'opinionHours' },
                { title: t('rules.resolution'), dataIndex: 'resolutionHours' },
                { title: t('rules.countedIn'), dataIndex: 'countedIn', render: (value: string) => <EnumLabel enum="SlaTimeBase" value={value} /> },
                { title: t('rules.warnBefore'), dataIndex: 'warnBeforeMinutes' },
                {
                  title: t('rules.observesHolidays'),
                  dataIndex: 'backOfficeObservesHolidays',
                  render: (value: boolean) => t(value ? 'common:states.yes' : 'common:states.no'),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('rules.holidays')}>
            <Form
              layout="inline"
              style={{ rowGap: 8, marginBottom: 12 }}
              onFinish={(values: { day: Dayjs; name: string }) =>
                void setHoliday
                  .mutateAsync({ input: { day: values.day.format('YYYY-MM-DD'), name: values.name.trim() } })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="day" label={t('rules.day')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="name" label={t('rules.holidayName')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 180 }} />
              </Form.Item>
              <Button htmlType="submit" loading={setHoliday.isPending}>
                {t('common:actions.add')}
              </Button>
            </Form>
            <ResponsiveList<Holiday>
              rowKey="day"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="holidays"
              dataSource={data.businessHolidays}
              columns={[
                { title: t('rules.day'), dataIndex: 'day', render: (value: string) => formatChinaDate(value) },
                { title: t('rules.holidayName'), dataIndex: 'name' },
                {
                  title: t('common:table.actions'),
                  key: 'remove',
                  render: (_, holiday) => (
                    <Popconfirm
                      title={t('rules.removeConfirm')}
                      okText={t('common:actions.remove')}
                      cancelText={t('common:actions.cancel')}
                      onConfirm={() => void removeHoliday.mutateAsync({ day: holiday.day }).catch(() => undefined)}
                    >
                      <Button size="small" danger>
                        {t('common:actions.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('rules.insurance')}>
            <Form
              layout="inline"
              style={{ rowGap: 8, marginBottom: 12 }}
              initialValues={{ insured: true }}
              onFinish={(values: { brand: string; insured: boolean; insurer?: string }) =>
                void insure
                  .mutateAsync({
                    input: {
                      brand: values.brand.trim().toUpperCase(),
                      insured: values.insured,
                      insurer: values.insured ? values.insurer?.trim() || null : null,
                    },
                  })
                  .then(saved)
                  .catch(() => undefined)
              }
            >
              <Form.Item name="brand" label={t('rules.brand')} rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="insured" label={t('rules.insured')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="insurer" label={t('rules.insurer')}>
                <Input style={{ width: 180 }} />
              </Form.Item>
              <Button htmlType="submit" loading={insure.isPending}>
                {t('common:actions.save')}
              </Button>
            </Form>
            <ResponsiveList<Insurance>
              rowKey="brand"
              size="small"
              pagination={false}
              data-testid="insurances"
              dataSource={data.brandInsurances}
              columns={[
                { title: t('rules.brand'), dataIndex: 'brand' },
                { title: t('rules.insured'), dataIndex: 'insured', render: (value: boolean) => t(value ? 'common:states.yes' : 'common:states.no') },
                { title: t('rules.insurer'), dataIndex: 'insurer', render: (value: string | null) => value ?? '—' },
              ]}
            />
          </Card>
        </Space>
      )}
    </Loaded>
  );
}
