import { Button, Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SalesCustomerDocument, SalesCustomerQuery } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { formatChinaDate, formatChinaDateTime, formatMoney } from '../../lib/format';
import { useGraphQLQuery } from '../../lib/graphql';
import { href } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { ChurnPanel } from './churn-panel';
import { ContractModal } from './contract-modal';
import { CustomerFormModal } from './customer-form-modal';
import { GradeModal } from './grade-modal';
import { LogContactForm } from './log-contact-form';

type Customer = SalesCustomerQuery['customer'];
type Contact = Customer['maintenanceContacts'][number];
type Contract = Customer['contracts'][number];

/** One customer card: profile, contacts and sites, grade, maintenance trace, contracts, churn. */
export function CustomerCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('sales');
  const customer = useGraphQLQuery(SalesCustomerDocument, { id: customerId });
  const [open, setOpen] = useState<'edit' | 'grade' | 'contract'>();

  return (
    <Loaded query={customer}>
      {({ customer: card }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="sales-card">
          <a href={href('sales')}>← {t('card.back')}</a>
          <Card
            title={
              <Space wrap size={4} style={{ whiteSpace: 'normal' }}>
                <span data-testid="card-name">{card.name}</span>
                <EnumLabel enum="ProspectGrade" value={card.grade} tag color="blue" />
                {card.key && <Tag color="gold">{t('list.key')}</Tag>}
                {card.churn && <Tag color="red">{t('card.churned')}</Tag>}
              </Space>
            }
            extra={<a href={href('customers', card.id)}>{t('card.open360')}</a>}
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('list.phone')}>{card.phone}</Descriptions.Item>
              <Descriptions.Item label={t('form.city')}>{card.city}</Descriptions.Item>
              <Descriptions.Item label={t('form.address')}>
                <span style={{ overflowWrap: 'anywhere' }}>{card.address}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('form.businessType')}>
                <EnumLabel enum="BusinessType" value={card.businessType} />
              </Descriptions.Item>
              <Descriptions.Item label={t('card.scaleInfluence')}>
                {card.scale} / {card.influence}
              </Descriptions.Item>
              <Descriptions.Item label={t('list.owner')}>{card.owner?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('form.contacts')}>
                <span data-testid="card-contacts">
                  {card.contacts.length
                    ? card.contacts.map((contact) => `${contact.name} ${contact.phone}${contact.position ? `（${contact.position}）` : ''}`).join('；')
                    : '—'}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('form.sites')}>
                {card.sites.length
                  ? card.sites.map((site) => `${site.city} ${site.address}${site.areaM2 ? ` ${t('card.area', { area: site.areaM2 })}` : ''}`).join('；')
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('card.maintenance')}>
                {t('card.maintenanceSummary', {
                  contacts: card.maintenance.contactsLast90Days,
                  visits: card.maintenance.visitsLast90Days,
                  last: formatChinaDateTime(card.maintenance.lastContactAt),
                })}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap style={{ marginTop: 8 }}>
              <Button onClick={() => setOpen('edit')} data-testid="edit-customer">
                {t('card.edit')}
              </Button>
              <Button onClick={() => setOpen('grade')} data-testid="change-grade">
                {t('card.changeGrade')}
              </Button>
              <Button type="primary" onClick={() => setOpen('contract')} disabled={!!card.churn} data-testid="new-contract">
                {t('card.newContract')}
              </Button>
            </Space>
          </Card>
          <Tabs
            items={[
              {
                key: 'trace',
                label: t('card.trace'),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <LogContactForm customerId={card.id} />
                    <ResponsiveList<Contact>
                      rowKey="id"
                      size="small"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      data-testid="maintenance-trace"
                      dataSource={card.maintenanceContacts}
                      locale={{ emptyText: t('trace.none') }}
                      columns={[
                        { title: t('trace.when'), dataIndex: 'contactedAt', render: (value: string) => formatChinaDateTime(value) },
                        { title: t('trace.kind'), dataIndex: 'kind', render: (value: string) => <EnumLabel enum="MaintenanceContactKind" value={value} tag /> },
                        {
                          title: t('trace.initiatedBy'),
                          dataIndex: 'initiatedBy',
                          render: (value: string) => <EnumLabel enum="MaintenanceContactInitiator" value={value} />,
                        },
                        { title: t('trace.place'), dataIndex: 'place', render: (value: string | null) => value ?? '—' },
                        { title: t('trace.notes'), dataIndex: 'notes' },
                      ]}
                    />
                  </Space>
                ),
              },
              {
                key: 'contracts',
                label: t('card.contracts'),
                children: (
                  <ResponsiveList<Contract>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    data-testid="contracts"
                    dataSource={card.contracts}
                    locale={{ emptyText: t('contracts.none') }}
                    columns={[
                      { title: t('contracts.site'), dataIndex: 'siteAddress' },
                      { title: t('contracts.status'), dataIndex: 'status', render: (value: string) => <EnumLabel enum="ContractStatus" value={value} tag /> },
                      {
                        title: t('contracts.items'),
                        key: 'items',
                        render: (_, contract) => contract.serviceItems.map((item) => `${item.item} ${formatMoney(item.priceCents)}`).join('、'),
                      },
                      {
                        title: t('contracts.monthly'),
                        key: 'monthly',
                        render: (_, contract) =>
                          t('contracts.vsReference', {
                            price: formatMoney(contract.monthlyPriceCents),
                            reference: formatMoney(contract.referenceMonthlyCents),
                          }),
                      },
                      {
                        title: t('contracts.promise'),
                        key: 'promise',
                        render: (_, contract) => (
                          <span>
                            {t('contracts.visits', { count: contract.visitsPerMonth })} · <EnumLabel enum="QualityStandard" value={contract.qualityStandard} />
                          </span>
                        ),
                      },
                      { title: t('contracts.starts'), dataIndex: 'startsOn', render: (value: string) => formatChinaDate(value) },
                      {
                        title: t('contracts.flags'),
                        key: 'flags',
                        render: (_, contract) => (
                          <Space size={4} wrap>
                            {contract.specialCustomer && <Tag color="orange">{t('contracts.special')}</Tag>}
                            {contract.disputed && <Tag color="red">{t('contracts.disputed')}</Tag>}
                            {!contract.specialCustomer && !contract.disputed && '—'}
                          </Space>
                        ),
                      },
                    ]}
                  />
                ),
              },
              { key: 'churn', label: t('card.churn'), children: <ChurnPanel customerId={card.id} churn={card.churn ?? null} /> },
            ]}
          />
          {open === 'edit' && <CustomerFormModal card={card} onClose={() => setOpen(undefined)} />}
          {open === 'grade' && <GradeModal card={card} onClose={() => setOpen(undefined)} />}
          {open === 'contract' && <ContractModal card={card} onClose={() => setOpen(undefined)} />}
        </Space>
      )}
    </Loaded>
  );
}
