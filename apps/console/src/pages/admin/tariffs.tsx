import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AdminTariffsDocument, AdminTariffsQuery, DefineTariffDocument, type SettlementWorkType } from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { yuanToCents } from '../engineer/job-facts';

type Tariff = AdminTariffsQuery['tariffs'][number];
const WORK_TYPES: SettlementWorkType[] = ['INSTALL', 'REPAIR', 'CONSUMABLE_REPLACEMENT', 'UNINSTALL', 'SCHEDULED_SERVICE_VISIT', 'SITE_SURVEY', 'REWORK'];

interface TariffForm {
  workType: SettlementWorkType;
  brand?: string;
  distanceFromKm: number;
  feeYuan: number;
  effectiveFrom?: Dayjs;
}

/** What an engineer earns per job: by work type, brand and distance band, from a day on. */
export function TariffsTab() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const tariffs = useGraphQLQuery(AdminTariffsDocument, {});
  const define = useGraphQLMutation(DefineTariffDocument, { invalidates: ['AdminTariffs', 'AdminPayouts'] });
  const [form] = Form.useForm<TariffForm>();

  const onDefine = async (values: TariffForm) => {
    try {
      await define.mutateAsync({
        input: {
          workType: values.workType,
          brand: values.brand?.trim() ? values.brand.trim().toUpperCase() : null,
          distanceFromKm: values.distanceFromKm,
          feeCents: yuanToCents(values.feeYuan) ?? 0,
          effectiveFrom: values.effectiveFrom ? values.effectiveFrom.startOf('day').toISOString() : null,
        },
      });
      message.success(t('tariffs.defined'));
      form.resetFields();
    } catch {
      // shown above the form
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={t('tariffs.define')}>
        {define.error ? <ErrorNotice error={define.error} /> : null}
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{ workType: 'INSTALL', distanceFromKm: 0 }}
          onFinish={(values) => void onDefine(values)}
        >
          <Form.Item name="workType" label={t('tariffs.workType')}>
            <Select options={enumOptions('SettlementWorkType', WORK_TYPES)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="brand" label={t('tariffs.brand')} extra={t('tariffs.anyBrand')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="distanceFromKm" label={t('tariffs.fromKm')}>
            <InputNumber min={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="feeYuan" label={t('tariffs.fee')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 140 }} data-testid="tariff-fee" />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('tariffs.from')}>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={define.isPending} data-testid="define-tariff">
            {t('tariffs.defineButton')}
          </Button>
        </Form>
      </Card>
      <Loaded query={tariffs} isEmpty={(data) => data.tariffs.length === 0} empty={t('tariffs.none')}>
        {(data) => (
          <ResponsiveList<Tariff>
            rowKey="id"
            size="small"
            pagination={false}
            data-testid="tariffs"
            dataSource={data.tariffs}
            columns={[
              { title: t('tariffs.workType'), dataIndex: 'workType', render: (value: string) => <EnumLabel enum="SettlementWorkType" value={value} /> },
              { title: t('tariffs.brand'), dataIndex: 'brand', render: (value: string | null) => value ?? t('tariffs.allBrands') },
              { title: t('tariffs.fromKm'), dataIndex: 'distanceFromKm', render: (value: number) => t('tariffs.km', { km: value }) },
              { title: t('tariffs.fee'), dataIndex: 'feeCents', render: (value: number) => formatMoney(value) },
              { title: t('tariffs.from'), dataIndex: 'effectiveFrom', render: (value: string) => formatChinaDateTime(value) },
            ]}
          />
        )}
      </Loaded>
    </Space>
  );
}
