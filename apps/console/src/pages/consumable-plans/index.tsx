import { App, Button, Card, Col, Row, Space, Switch, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OptBrandIntoRemindersDocument, RunDailyRemindersDocument, ValueAddedPlansDocument, ValueAddedPlansQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDate, formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import type { PageProps } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { hasRole, useSession } from '../../lib/session';
import { Loaded } from '../../lib/states';
import { DefinePlanModal, StagePriceModal, WarrantyModal } from './plan-modals';

type Plan = ValueAddedPlansQuery['consumablePlans'][number];
type Stage = Plan['stages'][number];

/** Consumable plans per model with each stage's price history, the brands' opt-in to reminders, warranty terms. */
export default function ConsumablePlansPage(_: PageProps) {
  const { t } = useTranslation('consumable-plans');
  const { message } = App.useApp();
  const { session } = useSession();
  const manager = hasRole(session, 'SUPERVISOR', 'ADMIN');
  const plans = useGraphQLQuery(ValueAddedPlansDocument, {});
  const optIn = useGraphQLMutation(OptBrandIntoRemindersDocument, { invalidates: ['ValueAddedPlans'] });
  const run = useGraphQLMutation(RunDailyRemindersDocument, { invalidates: ['MyCallQueue'] });
  const [open, setOpen] = useState<{ kind: 'plan' } | { kind: 'warranty' } | { kind: 'price'; plan: Plan; stage: Stage }>();

  return (
    <Loaded query={plans}>
      {(data) => (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Space wrap>
            <Button type="primary" onClick={() => setOpen({ kind: 'plan' })} data-testid="define-plan">
              {t('definePlan')}
            </Button>
            {manager && (
              <Button onClick={() => setOpen({ kind: 'warranty' })} data-testid="define-warranty">
                {t('defineWarranty')}
              </Button>
            )}
            {manager && (
              <Button
                loading={run.isPending}
                onClick={() =>
                  void run
                    .mutateAsync({})
                    .then((result) =>
                      message.success(t('ran', { opened: result.runDailyReminders.tasksOpened, assigned: result.runDailyReminders.tasksAssigned })),
                    )
                    .catch(() => undefined)
                }
                data-testid="run-reminders"
              >
                {t('runReminders')}
              </Button>
            )}
          </Space>
          {optIn.error || run.error ? <ErrorNotice error={optIn.error ?? run.error} /> : null}
          <Row gutter={[16, 16]}>
            {data.consumablePlans.map((plan) => (
              <Col xs={24} xl={12} key={plan.id}>
                <Card size="small" title={`${plan.brand} ${plan.productModel}`} data-testid="plan-card">
                  <ResponsiveList<Stage>
                    rowKey="name"
                    size="small"
                    pagination={false}
                    dataSource={plan.stages}
                    columns={[
                      { title: t('stage'), dataIndex: 'name' },
                      { title: t('interval'), dataIndex: 'intervalMonths', render: (value: number) => t('months', { count: value }) },
                      { title: t('price'), dataIndex: 'priceCents', render: (value: number) => <span data-testid="stage-price">{formatMoney(value)}</span> },
                      {
                        title: t('history'),
                        key: 'history',
                        render: (_, stage) =>
                          stage.priceHistory.length === 0 ? (
                            t('noChanges')
                          ) : (
                            <Timeline
                              style={{ marginBottom: -24 }}
                              items={stage.priceHistory.map((change) => ({
                                children: t('change', {
                                  from: formatMoney(change.previousPriceCents),
                                  to: formatMoney(change.priceCents),
                                  at: formatChinaDateTime(change.changedAt),
                                }),
                              }))}
                            />
                          ),
                      },
                      ...(manager
                        ? [
                            {
                              title: t('common:table.actions'),
                              key: 'reprice',
                              render: (_: unknown, stage: Stage) => (
                                <Button size="small" onClick={() => setOpen({ kind: 'price', plan, stage })} data-testid="change-price">
                                  {t('changePrice')}
                                </Button>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('brands')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {data.brandReminderServices.map((brand) => (
                <Space key={brand.brand} wrap>
                  <Switch
                    id={`opt-in-${brand.brand}`}
                    checked={brand.optedIn}
                    disabled={!manager || optIn.isPending}
                    onChange={(optedIn) => void optIn.mutateAsync({ input: { brand: brand.brand, optedIn } }).catch(() => undefined)}
                  />
                  <label htmlFor={`opt-in-${brand.brand}`}>{brand.brand}</label>
                  <Typography.Text type="secondary">{t(brand.optedIn ? 'optedIn' : 'optedOut', { at: formatChinaDateTime(brand.changedAt) })}</Typography.Text>
                </Space>
              ))}
              {data.brandReminderServices.length === 0 && <Typography.Text type="secondary">{t('noBrands')}</Typography.Text>}
            </Space>
          </Card>
          <Card size="small" title={t('warranty')}>
            {data.warrantyTerms.length === 0 ? (
              <Typography.Text type="secondary">{t('noWarranty')}</Typography.Text>
            ) : (
              data.warrantyTerms.map((term) => (
                <div key={`${term.brand}/${term.productModel ?? ''}`}>
                  {t('warrantyRow', {
                    brand: term.brand,
                    model: term.productModel ?? t('allModels'),
                    months: term.months,
                    at: formatChinaDate(term.definedAt),
                  })}
                </div>
              ))
            )}
          </Card>
          {open?.kind === 'plan' && <DefinePlanModal onClose={() => setOpen(undefined)} />}
          {open?.kind === 'warranty' && <WarrantyModal onClose={() => setOpen(undefined)} />}
          {open?.kind === 'price' && <StagePriceModal plan={open.plan} stage={open.stage} onClose={() => setOpen(undefined)} />}
        </Space>
      )}
    </Loaded>
  );
}
