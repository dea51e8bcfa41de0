import { Badge, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContractsAwaitingReviewDocument, OpenDisputesDocument, PendingCompensationsDocument, PromiseRequestsAwaitingDocument } from '../../gql/graphql';
import { useGraphQLQuery } from '../../lib/graphql';
import { href } from '../../lib/route';

/** The supervisor's home starts with what waits for their decision, each a link into the approvals inbox. */
export function ApprovalsSummary() {
  const { t } = useTranslation('supervisor');
  const compensations = useGraphQLQuery(PendingCompensationsDocument, {}, { refetchInterval: 30000 });
  const disputes = useGraphQLQuery(OpenDisputesDocument, {}, { refetchInterval: 30000 });
  const contracts = useGraphQLQuery(ContractsAwaitingReviewDocument, {}, { refetchInterval: 30000 });
  const promises = useGraphQLQuery(PromiseRequestsAwaitingDocument, {}, { refetchInterval: 30000 });
  const pending = compensations.data?.complaintInbox.edges.flatMap((edge) =>
    edge.node.compensations.filter((compensation) => compensation.status === 'PROPOSED'),
  ).length;
  const tiles = [
    { key: 'compensations', count: pending },
    { key: 'disputes', count: disputes.data?.disputes.length },
    { key: 'contracts', count: contracts.data?.contracts.edges.length },
    { key: 'promises', count: promises.data?.promiseApprovalRequests.edges.length },
  ];
  return (
    <Card size="small" title={t('waiting.title')} data-testid="approvals-summary">
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col xs={12} md={6} key={tile.key}>
            <a href={href('approvals', tile.key)} data-testid={`waiting-${tile.key}`}>
              <Statistic title={t(`waiting.${tile.key}`)} value={tile.count ?? '—'} prefix={tile.count ? <Badge status="warning" /> : null} />
            </a>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
