import { Alert, Segmented, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineerDayDocument } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { addDays, chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLQuery } from '../../lib/graphql';
import type { PageProps } from '../../lib/route';
import { Loaded } from '../../lib/states';
import { JobCard } from './job-card';
import { MyPay } from './my-pay';
import { MyUnavailability } from './my-unavailability';

/**
 * The engineer's day on a phone (390 px first): today's jobs in visiting order, each with where, whom to
 * call, what to do and what to collect; start and complete on the spot; pay and days off one tab away.
 */
export default function EngineerPage(_: PageProps) {
  const { t } = useTranslation('engineer');
  const [offset, setOffset] = useState(0);
  const date = addDays(chinaToday(), offset);
  const day = useGraphQLQuery(EngineerDayDocument, { date }, { refetchInterval: 60000 });
  // A staff sign-in that is not an engineer's profile (the token's sub is the Engineer id): say so plainly.
  if (!day.data && errorCode(day.error) === 'NOT_FOUND') {
    return <Alert type="warning" showIcon data-testid="not-an-engineer" message={t('notLinked')} description={t('notLinkedHint')} />;
  }
  const me = day.data?.me;

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="engineer-day">
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {me ? t('hello', { name: me.name }) : t('title')}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'jobs',
            label: t('tabs.jobs'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Segmented
                    value={offset}
                    onChange={(value) => setOffset(Number(value))}
                    options={[
                      { value: 0, label: t('today') },
                      { value: 1, label: t('tomorrow') },
                    ]}
                    aria-label={t('whichDay')}
                  />
                  <Typography.Text type="secondary">{formatChinaDate(date)}</Typography.Text>
                </Space>
                <Loaded query={day} isEmpty={(data) => data.myWorkOrders.length === 0} empty={t('noJobs')}>
                  {(data) => (
                    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="my-jobs">
                      <Typography.Text>{t('jobCount', { count: data.myWorkOrders.length })}</Typography.Text>
                      {data.myWorkOrders.map((job, index) => (
                        <JobCard key={job.id} job={job} position={index + 1} />
                      ))}
                    </Space>
                  )}
                </Loaded>
              </>
            ),
          },
          { key: 'pay', label: t('tabs.pay'), children: <MyPay /> },
          {
            key: 'off',
            label: t('tabs.unavailability'),
            children: <MyUnavailability engineerId={me?.id} windows={me?.unavailability ?? []} loading={day.isLoading} />,
          },
        ]}
      />
    </div>
  );
}
