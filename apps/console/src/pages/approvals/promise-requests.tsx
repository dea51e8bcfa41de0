import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecidePromiseApprovalDocument, PromiseRequestsAwaitingQuery } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded, type QueryLike } from '../../lib/states';
import { DecisionModal } from './decision-modal';

type Request = PromiseRequestsAwaitingQuery['promiseApprovalRequests']['edges'][number]['node'];

/** A salesperson asks to promise more than the template (visits, standard): the supervisor decides. */
export function PromiseRequests({ query }: { query: QueryLike<PromiseRequestsAwaitingQuery> }) {
  const { t } = useTranslation('approvals');
  const { message } = App.useApp();
  const decide = useGraphQLMutation(DecidePromiseApprovalDocument, { invalidates: ['PromiseRequestsAwaiting'] });
  const [deciding, setDeciding] = useState<{ request: Request; approve: boolean }>();

  const submit = async (note: string | null) => {
    if (!deciding) return;
    try {
      await decide.mutateAsync({ input: { requestId: deciding.request.id, approve: deciding.approve, note } });
      message.success(t(deciding.approve ? 'promises.approved' : 'promises.declined'));
      setDeciding(undefined);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <Loaded query={query} isEmpty={(data) => data.promiseApprovalRequests.edges.length === 0} empty={t('promises.none')}>
        {(data) => (
          <ResponsiveList<Request>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.promiseApprovalRequests.edges.map((edge) => edge.node)}
            data-testid="promise-requests"
            columns={[
              { title: t('promises.reason'), dataIndex: 'reason' },
              { title: t('promises.visits'), dataIndex: 'visitsPerMonth' },
              { title: t('promises.standard'), dataIndex: 'qualityStandard', render: (value: string) => <EnumLabel enum="QualityStandard" value={value} /> },
              { title: t('promises.customer'), dataIndex: 'customerId', render: (id: string) => <a href={href('customers', id)}>{t('promises.open360')}</a> },
              { title: t('promises.requestedBy'), dataIndex: 'requestedBy' },
              { title: t('promises.at'), dataIndex: 'createdAt', render: formatChinaDateTime },
              {
                title: t('common:table.actions'),
                key: 'decide',
                render: (_, request) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding({ request, approve: true })} data-testid="approve-promise">
                      {t('common:actions.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ request, approve: false })} data-testid="decline-promise">
                      {t('common:actions.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <DecisionModal
        open={!!deciding}
        approve={deciding?.approve ?? true}
        title={deciding ? t(deciding.approve ? 'promises.approveTitle' : 'promises.declineTitle') : ''}
        busy={decide.isPending}
        error={decide.error}
        onSubmit={(note) => void submit(note)}
        onClose={() => {
          decide.reset();
          setDeciding(undefined);
        }}
      />
    </>
  );
}
