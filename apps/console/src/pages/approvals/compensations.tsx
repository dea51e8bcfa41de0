import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApproveCompensationDocument, PendingCompensationsQuery, RejectCompensationDocument } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded, type QueryLike } from '../../lib/states';
import { DecisionModal } from './decision-modal';

type Complaint = PendingCompensationsQuery['complaintInbox']['edges'][number]['node'];
type Row = Complaint['compensations'][number] & { complaint: Complaint };

/** The compensations waiting for a decision, with the complaint they belong to. */
export function pendingCompensations(data: PendingCompensationsQuery): Row[] {
  return data.complaintInbox.edges.flatMap(({ node }) =>
    node.compensations.filter((compensation) => compensation.status === 'PROPOSED').map((compensation) => ({ ...compensation, complaint: node })),
  );
}

const AFTER = { invalidates: ['PendingCompensations', 'ComplaintDetail', 'ComplaintInbox'] };

export function Compensations({ query }: { query: QueryLike<PendingCompensationsQuery> }) {
  const { t } = useTranslation('approvals');
  const { message } = App.useApp();
  const approve = useGraphQLMutation(ApproveCompensationDocument, AFTER);
  const reject = useGraphQLMutation(RejectCompensationDocument, AFTER);
  const [deciding, setDeciding] = useState<{ row: Row; approve: boolean }>();

  const decide = async (note: string | null) => {
    if (!deciding) return;
    try {
      if (deciding.approve) await approve.mutateAsync({ id: deciding.row.id, note });
      else await reject.mutateAsync({ id: deciding.row.id, note });
      message.success(t(deciding.approve ? 'compensations.approved' : 'compensations.rejected'));
      setDeciding(undefined);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <Loaded query={query} isEmpty={(data) => pendingCompensations(data).length === 0} empty={t('compensations.none')}>
        {(data) => (
          <ResponsiveList<Row>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={pendingCompensations(data)}
            data-testid="pending-compensations"
            columns={[
              {
                title: t('compensations.complaint'),
                key: 'complaint',
                render: (_, row) => <a href={href('complaints', row.complaint.id)}>{row.complaint.summary}</a>,
              },
              { title: t('compensations.amount'), dataIndex: 'amountCents', render: (cents: number) => <strong>{formatMoney(cents)}</strong> },
              { title: t('compensations.payer'), dataIndex: 'payer', render: (value: string) => <EnumLabel enum="CompensationPayer" value={value} /> },
              { title: t('compensations.reason'), dataIndex: 'reason' },
              {
                title: t('compensations.customer'),
                key: 'customer',
                render: (_, row) => <a href={href('customers', row.complaint.customerId)}>{t('compensations.open360')}</a>,
              },
              { title: t('compensations.proposedAt'), dataIndex: 'proposedAt', render: formatChinaDateTime },
              {
                title: t('common:table.actions'),
                key: 'decide',
                render: (_, row) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding({ row, approve: true })} data-testid="approve-compensation">
                      {t('common:actions.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ row, approve: false })} data-testid="reject-compensation">
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
        title={
          deciding ? t(deciding.approve ? 'compensations.approveTitle' : 'compensations.rejectTitle', { amount: formatMoney(deciding.row.amountCents) }) : ''
        }
        busy={approve.isPending || reject.isPending}
        error={approve.error ?? reject.error}
        onSubmit={(note) => void decide(note)}
        onClose={() => {
          approve.reset();
          reject.reset();
          setDeciding(undefined);
        }}
      />
    </>
  );
}
