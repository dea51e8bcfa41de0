import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReturnVisitsDueDocument, ReturnVisitsDueQuery } from '../../gql/graphql';
import { chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLQuery } from '../../lib/graphql';
import type { PageProps } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { QualityActions } from './quality-actions';

type Visit = ReturnVisitsDueQuery['returnVisitsDue'][number];

/**
 * After the work: the return visits due (a call to ask whether all is well), and for any finished work order
 * a supervisor's inspection, a satisfaction survey or an evaluation.
 */
export default function QualityPage(_: PageProps) {
  const { t } = useTranslation('quality');
  const due = useGraphQLQuery(ReturnVisitsDueDocument, { onOrBefore: chinaToday() });
  const [workOrderId, setWorkOrderId] = useState<string>();
  const [typed, setTyped] = useState('');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={t('due')}>
        <Loaded query={due} isEmpty={(data) => data.returnVisitsDue.length === 0} empty={t('noneDue')}>
          {(data) => (
            <ResponsiveList<Visit>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="return-visits"
              dataSource={data.returnVisitsDue}
              columns={[
                { title: t('dueOn'), dataIndex: 'dueOn', render: (value: string) => formatChinaDate(value) },
                { title: t('workOrder'), dataIndex: 'workOrderId', render: (value: string) => <Typography.Text code>{value.slice(0, 8)}</Typography.Text> },
                {
                  title: t('common:table.actions'),
                  key: 'open',
                  render: (_, visit) => (
                    <Button size="small" onClick={() => setWorkOrderId(visit.workOrderId)} data-testid="open-return-visit">
                      {t('open')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Card size="small" title={t('anyWorkOrder')}>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input
            placeholder={t('workOrderId')}
            aria-label={t('workOrderId')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            data-testid="work-order-id"
          />
          <Button type="primary" onClick={() => typed.trim() && setWorkOrderId(typed.trim())} data-testid="find-work-order">
            {t('common:actions.open')}
          </Button>
        </Space.Compact>
      </Card>
      {workOrderId && <QualityActions workOrderId={workOrderId} onClose={() => setWorkOrderId(undefined)} />}
    </Space>
  );
}
