import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RecordChurnDocument, SalesCardFragment, type ChurnReason } from '../../gql/graphql';
import { enumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';

const REASONS: ChurnReason[] = [
  'SERVICE_QUALITY',
  'PRICE',
  'CULTURE_MISMATCH',
  'SALESPERSON_LEFT',
  'CLOSED_DOWN',
  'BUSINESS_CHANGE',
  'NEEDS_NOT_MET',
  'RELATIONSHIP',
];

/** The churn record: why a customer left, when, in the salesperson's words (once recorded, shown instead). */
export function ChurnPanel({ customerId, churn }: { customerId: string; churn: SalesCardFragment['churn'] }) {
  const { t } = useTranslation('sales');
  const [form] = Form.useForm<{ reason: ChurnReason; churnedOn: Dayjs; notes: string }>();
  const record = useGraphQLMutation(RecordChurnDocument, { invalidates: ['SalesCustomer', 'MyCustomers'] });
  if (churn) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="churn-record"
        message={t('churn.recorded', { on: formatChinaDate(churn.churnedOn), reason: enumLabel('ChurnReason', churn.reason) })}
        description={`${churn.notes}${churn.controllable ? ` · ${t('churn.controllable')}` : ''}`}
      />
    );
  }
  return (
    <>
      {record.error ? <ErrorNotice error={record.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ churnedOn: dayjs(chinaToday()), reason: 'SERVICE_QUALITY' }}
        onFinish={(values) =>
          void record
            .mutateAsync({ input: { customerId, reason: values.reason, churnedOn: values.churnedOn.format('YYYY-MM-DD'), notes: values.notes.trim() } })
            .catch(() => undefined)
        }
        style={{ maxWidth: 480 }}
      >
        {/* Chosen from the start rather than `required` (antd would put aria-required on the select's wrapper). */}
        <Form.Item name="reason" label={t('churn.reason')}>
          <Select options={enumOptions('ChurnReason', REASONS)} data-testid="churn-reason" />
        </Form.Item>
        <Form.Item name="churnedOn" label={t('churn.on')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(value) => value.format('YYYY-MM-DD') > chinaToday()} />
        </Form.Item>
        <Form.Item name="notes" label={t('churn.notes')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="churn-notes" />
        </Form.Item>
        <Button danger htmlType="submit" loading={record.isPending} data-testid="record-churn">
          {t('churn.record')}
        </Button>
      </Form>
    </>
  );
}
