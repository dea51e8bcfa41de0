import { Card, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EngineerPayDocument, EngineerPayQuery } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { addDays, chinaToday, formatChinaDate, formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Line = EngineerPayQuery['mySettlements'][number];
const DAYS = 30;

/** My settlement lines of the last 30 days with their holds, and the payouts made to me. */
export function MyPay() {
  const { t } = useTranslation('engineer');
  const to = chinaToday();
  const pay = useGraphQLQuery(EngineerPayDocument, { from: addDays(to, -(DAYS - 1)), to });
  return (
    <Loaded query={pay}>
      {(data) => {
        const sum = (status: string) => data.mySettlements.filter((line) => line.status === status).reduce((total, line) => total + line.amountCents, 0);
        return (
          <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="my-pay">
            <Space wrap size={24}>
              <Statistic title={t('pay.due')} value={formatMoney(sum('DUE'))} />
              <Statistic title={t('pay.held')} value={formatMoney(sum('HELD'))} />
              <Statistic title={t('pay.paid')} value={formatMoney(sum('PAID'))} />
            </Space>
            <Typography.Text type="secondary">{t('pay.period', { days: DAYS })}</Typography.Text>
            <ResponsiveList<Line>
              rowKey="id"
              size="small"
              dataSource={data.mySettlements}
              data-testid="settlement-lines"
              locale={{ emptyText: t('pay.noLines') }}
              columns={[
                { title: t('pay.earnedAt'), dataIndex: 'earnedAt', render: (value: string) => formatChinaDateTime(value) },
                { title: t('pay.work'), key: 'work', render: (_, line) => <EnumLabel enum="SettlementWorkType" value={line.workType} /> },
                { title: t('pay.kind'), dataIndex: 'kind', render: (value: string) => <EnumLabel enum="SettlementLineKind" value={value} /> },
                { title: t('pay.amount'), dataIndex: 'amountCents', render: (value: number) => formatMoney(value) },
                { title: t('pay.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="SettlementLineStatus" value={value} tag /> },
                {
                  title: t('pay.holds'),
                  key: 'holds',
                  render: (_, line) =>
                    line.holds.filter((hold) => !hold.releasedAt).length === 0 ? (
                      t('pay.noHold')
                    ) : (
                      <Space wrap size={4}>
                        {line.holds
                          .filter((hold) => !hold.releasedAt)
                          .map((hold) => (
                            <Tag key={hold.id} color="orange">
                              <EnumLabel enum="SettlementHoldSource" value={hold.source} /> · {formatChinaDate(hold.openedAt)}
                            </Tag>
                          ))}
                      </Space>
                    ),
                },
              ]}
            />
            <Card size="small" title={t('pay.payouts')}>
              {data.myPayouts.length === 0 ? (
                <Typography.Text type="secondary">{t('pay.noPayouts')}</Typography.Text>
              ) : (
                data.myPayouts.map((payout) => (
                  <div key={payout.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                    <span>{t('pay.payoutOf', { period: formatChinaDate(payout.batch.periodEnd), lines: payout.lineCount })}</span>
                    <strong>{formatMoney(payout.amountCents)}</strong>
                  </div>
                ))
              )}
            </Card>
          </Space>
        );
      }}
    </Loaded>
  );
}
