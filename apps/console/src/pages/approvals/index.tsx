import { Badge, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContractsAwaitingReviewDocument, OpenDisputesDocument, PendingCompensationsDocument, PromiseRequestsAwaitingDocument } from '../../gql/graphql';
import { useGraphQLQuery } from '../../lib/graphql';
import { navigate, type PageProps } from '../../lib/route';
import { Compensations, pendingCompensations } from './compensations';
import { Contracts } from './contracts';
import { Disputes } from './disputes';
import { PromiseRequests } from './promise-requests';

const TABS = ['compensations', 'disputes', 'contracts', 'promises'] as const;

/** One inbox for everything that waits on a supervisor: compensations, disputes, contract reviews, promise requests. */
export default function ApprovalsPage({ params }: PageProps) {
  const { t } = useTranslation('approvals');
  const tab = (TABS as readonly string[]).includes(params[0] ?? '') ? params[0]! : 'compensations';
  const compensations = useGraphQLQuery(PendingCompensationsDocument, {}, { refetchInterval: 30000 });
  const disputes = useGraphQLQuery(OpenDisputesDocument, {}, { refetchInterval: 30000 });
  const contracts = useGraphQLQuery(ContractsAwaitingReviewDocument, {}, { refetchInterval: 30000 });
  const promises = useGraphQLQuery(PromiseRequestsAwaitingDocument, {}, { refetchInterval: 30000 });
  const counts: Record<(typeof TABS)[number], number | undefined> = {
    compensations: compensations.data ? pendingCompensations(compensations.data).length : undefined,
    disputes: disputes.data?.disputes.length,
    contracts: contracts.data?.contracts.edges.length,
    promises: promises.data?.promiseApprovalRequests.edges.length,
  };
  const label = (key: (typeof TABS)[number]) => (
    <span>
      {t(`tabs.${key}`)} <Badge count={counts[key] ?? 0} showZero={false} color="#d46b08" />
    </span>
  );
  // A segmented switch rather than Tabs: antd's tab list carries an overflow button on narrow screens, which a
  // tab list may not contain (axe: aria-required-children).
  const panels = {
    compensations: <Compensations query={compensations} />,
    disputes: <Disputes query={disputes} />,
    contracts: <Contracts query={contracts} />,
    promises: <PromiseRequests query={promises} />,
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="approvals">
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Segmented
          value={tab}
          onChange={(key) => navigate('approvals', String(key))}
          options={TABS.map((key) => ({ value: key, label: label(key) }))}
          data-testid="approvals-switch"
        />
      </div>
      {panels[tab as (typeof TABS)[number]]}
    </Space>
  );
}
