import { App, Button, Card, DatePicker, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPayoutsDocument, AdminPayoutsQuery, RunPayoutBatchDocument, RunPayoutBatchMutation } from '../../gql/graphql';
import { ErrorNotice } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDate, formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Batch = AdminPayoutsQuery['payoutBatches']['edges'][number]['node'];

/** What is owed to engineers now, and paying it: a payout batch per period. */
export function PayoutsTab() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const payouts = useGraphQLQuery(AdminPayoutsDocument, {});
  const run = useGraphQLMutation(RunPayoutBatchDocument, { invalidates: ['AdminPayouts'] });
  const [periodEnd, setPeriodEnd] = useState<Dayjs>(dayjs(addDays(chinaToday(), -1)));
  const [last, setLast] = useState<RunPayoutBatchMutation['runPayoutBatch']>();

  const onRun = async () => {
    try {
      const result = await run.mutateAsync({ periodEnd: periodEnd.format('YYYY-MM-DD') });
      setLast(result.runPayoutBatch);
      message.success(t('payouts.ran', { count: result.runPayoutBatch.payouts.length }));
    } catch {
      // shown below
    }
  };

  return (
    <Loaded query={payouts}>
      {(data) => (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Card size="small" title={t('payouts.awaiting')}>
            <Space wrap size={24}>
              <Statistic title={t('payouts.due')} value={formatMoney(data.settlementAwaitingPayout.dueCents)} />
              <Statistic title={t('payouts.dueLines')} value={data.settlementAwaitingPayout.dueLines} />
              <Statistic title={t('payouts.held')} value={formatMoney(data.settlementAwaitingPayout.heldCents)} />
              <Statistic title={t('payouts.unpriced')} value={data.settlementAwaitingPayout.unpricedLines} />
              <Statistic title={t('payouts.engineers')} value={data.settlementAwaitingPayout.engineers} />
            </Space>
            {data.settlementAwaitingPayout.unpricedLines > 0 && <Typography.Paragraph type="warning">{t('payouts.unpricedHint')}</Typography.Paragraph>}
          </Card>
          <Card size="small" title={t('payouts.run')}>
            <Space wrap>
              <label htmlFor="period-end">{t('payouts.periodEnd')}</label>
              <DatePicker
                id="period-end"
                allowClear={false}
                value={periodEnd}
                onChange={(value) => value && setPeriodEnd(value)}
                disabledDate={(value) => value.format('YYYY-MM-DD') >= chinaToday()}
              />
              <Button type="primary" loading={run.isPending} onClick={() => void onRun()} data-testid="run-payout">
                {t('payouts.runButton')}
              </Button>
            </Space>
            {run.error ? <ErrorNotice error={run.error} /> : null}
            {last && (
              <Typography.Paragraph style={{ marginTop: 8 }} data-testid="payout-result">
                {t('payouts.result', { total: formatMoney(last.totalCents), lines: last.lineCount, engineers: last.payouts.length })}
              </Typography.Paragraph>
            )}
          </Card>
          <Card size="small" title={t('payouts.batches')}>
            <ResponsiveList<Batch>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="payout-batches"
              dataSource={data.payoutBatches.edges.map((edge) => edge.node)}
              locale={{ emptyText: t('payouts.none') }}
              columns={[
                { title: t('payouts.periodEnd'), dataIndex: 'periodEnd', render: (value: string) => formatChinaDate(value) },
                { title: t('payouts.total'), dataIndex: 'totalCents', render: (value: number) => formatMoney(value) },
                { title: t('payouts.lines'), dataIndex: 'lineCount' },
                { title: t('payouts.paidAt'), dataIndex: 'paidAt', render: (value: string) => formatChinaDateTime(value) },
              ]}
            />
          </Card>
        </Space>
      )}
    </Loaded>
  );
}
