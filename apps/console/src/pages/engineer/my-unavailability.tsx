import { Button, DatePicker, Form, InputNumber, List, Select, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ClearMyDayOffDocument, RecordMyDayOffDocument, type EngineerDayQuery, type UnavailabilityReason } from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';

type Window = EngineerDayQuery['me']['unavailability'][number];
type Values = { firstDay: Dayjs; days: number; reason: UnavailabilityReason };

const REASONS: UnavailabilityReason[] = ['SICK', 'PERSONAL', 'LEAVE', 'TRAINING'];

/**
 * The days I am recorded as unavailable (dispatch assigns me nothing then). I record my own days off here and
 * clear one when I am back early; the graph accepts only my own engineer id.
 */
export function MyUnavailability({ engineerId, windows, loading }: { engineerId: string | undefined; windows: Window[]; loading: boolean }) {
  const { t } = useTranslation('engineer');
  const [form] = Form.useForm<Values>();
  const record = useGraphQLMutation(RecordMyDayOffDocument, { invalidates: ['EngineerDay'] });
  const clear = useGraphQLMutation(ClearMyDayOffDocument, { invalidates: ['EngineerDay'] });
  if (loading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const today = chinaToday();
  const current = windows.filter((window) => window.endsOn >= today);

  const submit = async (values: Values) => {
    if (!engineerId) return;
    const startsOn = values.firstDay.format('YYYY-MM-DD');
    await record.mutateAsync({ engineerId, input: { startsOn, endsOn: addDays(startsOn, values.days - 1), reason: values.reason } });
    form.resetFields();
  };

  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('off.recordTitle')}
      </Typography.Title>
      {record.error ? <ErrorNotice error={record.error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ days: 1, reason: 'PERSONAL' }} onFinish={submit} data-testid="day-off-form">
        <Form.Item name="firstDay" label={t('off.firstDay')} rules={[{ required: true, message: t('off.firstDayRequired') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(value) => value.format('YYYY-MM-DD') < today} data-testid="day-off-first" />
        </Form.Item>
        <Form.Item name="days" label={t('off.days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} style={{ width: '100%' }} data-testid="day-off-days" />
        </Form.Item>
        <Form.Item name="reason" label={t('off.reason')}>
          <Select options={enumOptions('UnavailabilityReason', REASONS)} data-testid="day-off-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={record.isPending} disabled={!engineerId} data-testid="record-day-off">
          {t('off.record')}
        </Button>
      </Form>
      {clear.error ? <ErrorNotice error={clear.error} /> : null}
      <List
        style={{ marginTop: 16 }}
        data-testid="my-unavailability"
        dataSource={current}
        locale={{ emptyText: t('off.none') }}
        renderItem={(window) => (
          <List.Item
            data-window-id={window.id}
            actions={[
              <Button key="clear" size="small" loading={clear.isPending} onClick={() => clear.mutate({ windowId: window.id })} data-testid="clear-day-off">
                {t('off.clear')}
              </Button>,
            ]}
          >
            <span>
              {t('off.range', { from: formatChinaDate(window.startsOn), to: formatChinaDate(window.endsOn) })} ·{' '}
              <EnumLabel enum="UnavailabilityReason" value={window.reason} />
            </span>
          </List.Item>
        )}
      />
    </>
  );
}
