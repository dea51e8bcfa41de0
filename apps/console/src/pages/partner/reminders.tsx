import { Card, Space, Statistic, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrandReminderServicesDocument, BrandReplacementFiguresDocument, SetBrandReminderServiceDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { Loaded } from '../../lib/states';

/** The brand's consumable reminders: opt its customers in or out, and what the reminders brought in the last 90 days. */
export function Reminders() {
  const { t } = useTranslation('partner');
  const to = chinaToday();
  const services = useGraphQLQuery(BrandReminderServicesDocument, {});
  const figures = useGraphQLQuery(BrandReplacementFiguresDocument, { from: addDays(to, -89), to });
  const set = useGraphQLMutation(SetBrandReminderServiceDocument, { invalidates: ['BrandReminderServices', 'BrandReplacementFigures'] });
  return (
    <Loaded query={figures}>
      {(data) => {
        const own = data.brandReplacementFigures;
        const service = services.data?.brandReminderServices.find((row) => row.brand === own.brand);
        return (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small" title={t('reminders.service')}>
              {set.error ? <ErrorNotice error={set.error} /> : null}
              <Space wrap>
                <Switch
                  id="reminder-opt-in"
                  checked={own.optedIn}
                  loading={set.isPending}
                  onChange={(optedIn) => void set.mutateAsync({ input: { brand: own.brand, optedIn } }).catch(() => undefined)}
                />
                <label htmlFor="reminder-opt-in">{t(own.optedIn ? 'reminders.optedIn' : 'reminders.optedOut')}</label>
                {service && <Typography.Text type="secondary">{t('reminders.changed', { at: formatChinaDateTime(service.changedAt) })}</Typography.Text>}
              </Space>
            </Card>
            <Card size="small" title={t('reminders.figures')}>
              <Space wrap size={24}>
                <Statistic title={t('reminders.installed')} value={own.installedDevices} />
                <Statistic title={t('reminders.due')} value={own.remindersDue} />
                <Statistic title={t('reminders.ordered')} value={own.ordered} />
                <Statistic title={t('reminders.done')} value={own.replacementsDone} />
                <Statistic title={t('reminders.refused')} value={own.refusedOnSite} />
                <Statistic title={t('reminders.revenue')} value={formatMoney(own.revenueCollectedCents)} />
              </Space>
            </Card>
          </Space>
        );
      }}
    </Loaded>
  );
}
