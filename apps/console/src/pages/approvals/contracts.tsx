import { App, Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractsAwaitingReviewQuery, ReviewContractDocument } from '../../gql/graphql';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { formatChinaDate, formatMoney } from '../../lib/format';
import { useGraphQLMutation } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded, type QueryLike } from '../../lib/states';
import { DecisionModal } from './decision-modal';

type Contract = ContractsAwaitingReviewQuery['contracts']['edges'][number]['node'];

/** Contracts waiting for their archive review: price against the reference, special terms, then approve or reject with findings. */
export function Contracts({ query }: { query: QueryLike<ContractsAwaitingReviewQuery> }) {
  const { t } = useTranslation('approvals');
  const { message } = App.useApp();
  const review = useGraphQLMutation(ReviewContractDocument, { invalidates: ['ContractsAwaitingReview'] });
  const [deciding, setDeciding] = useState<{ contract: Contract; approve: boolean }>();
  const [findings, setFindings] = useState('');

  const decide = async (note: string | null) => {
    if (!deciding) return;
    const lines = [...findings.split('\n'), note ?? ''].map((line) => line.trim()).filter(Boolean);
    try {
      await review.mutateAsync({ input: { contractId: deciding.contract.id, decision: deciding.approve ? 'APPROVE' : 'REJECT', findings: lines } });
      message.success(t(deciding.approve ? 'contracts.approved' : 'contracts.rejected'));
      setDeciding(undefined);
      setFindings('');
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <Loaded query={query} isEmpty={(data) => data.contracts.edges.length === 0} empty={t('contracts.none')}>
        {(data) => (
          <ResponsiveList<Contract>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.contracts.edges.map((edge) => edge.node)}
            data-testid="contracts-awaiting-review"
            columns={[
              {
                title: t('contracts.customer'),
                key: 'customer',
                render: (_, contract) => <a href={href('customers', contract.customer.id)}>{contract.customer.name}</a>,
              },
              { title: t('contracts.site'), key: 'site', render: (_, contract) => `${contract.siteAddress}, ${contract.city}` },
              {
                title: t('contracts.price'),
                key: 'price',
                render: (_, contract) => (
                  <span>
                    {formatMoney(contract.monthlyPriceCents)}
                    <br />
                    <Typography.Text type={contract.monthlyPriceCents < contract.referenceMonthlyCents ? 'danger' : 'secondary'}>
                      {t('contracts.reference', { price: formatMoney(contract.referenceMonthlyCents) })}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: t('contracts.terms'),
                key: 'terms',
                render: (_, contract) =>
                  t('contracts.termsValue', {
                    visits: contract.visitsPerMonth,
                    standard: enumLabel('QualityStandard', contract.qualityStandard),
                    starts: formatChinaDate(contract.startsOn),
                  }),
              },
              {
                title: t('contracts.special'),
                key: 'special',
                render: (_, contract) =>
                  contract.specialCustomer ? (
                    <Space wrap>
                      {contract.specialReasons.map((reason) => (
                        <Tag color="orange" key={reason}>
                          {reason}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              { title: t('contracts.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="ContractStatus" value={value} tag /> },
              {
                title: t('common:table.actions'),
                key: 'review',
                render: (_, contract) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding({ contract, approve: true })} data-testid="approve-contract">
                      {t('common:actions.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ contract, approve: false })} data-testid="reject-contract">
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
        title={deciding ? t(deciding.approve ? 'contracts.approveTitle' : 'contracts.rejectTitle', { customer: deciding.contract.customer.name }) : ''}
        busy={review.isPending}
        error={review.error}
        onSubmit={(note) => void decide(note)}
        onClose={() => {
          review.reset();
          setDeciding(undefined);
        }}
      >
        <label htmlFor="contract-findings">{t('contracts.findings')}</label>
        <Input.TextArea
          id="contract-findings"
          rows={3}
          value={findings}
          onChange={(event) => setFindings(event.target.value)}
          style={{ margin: '4px 0 12px' }}
        />
      </DecisionModal>
    </>
  );
}
