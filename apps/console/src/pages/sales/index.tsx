import { Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyCustomersDocument, MyCustomersQuery, type ProspectGrade } from '../../gql/graphql';
import { EnumLabel, enumOptions } from '../../lib/enum-label';
import { href, navigate, type PageProps } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { useGraphQLQuery } from '../../lib/graphql';
import { CustomerCard } from './customer-card';
import { CustomerFormModal } from './customer-form-modal';

type Row = MyCustomersQuery['customers']['edges'][number]['node'];
export const GRADES: ProspectGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** My customers: find by name or phone, filter by grade, open a card, create a new one. */
export default function SalesPage({ params }: PageProps) {
  if (params[0]) return <CustomerCard customerId={params[0]} />;
  return <MyCustomers />;
}

function MyCustomers() {
  const { t } = useTranslation('sales');
  const [text, setText] = useState('');
  const [grade, setGrade] = useState<ProspectGrade>();
  const [creating, setCreating] = useState(false);
  const customers = useGraphQLQuery(MyCustomersDocument, { text: text.trim() || null, grade: grade ?? null });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          onSearch={setText}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="customer-search"
        />
        <Select
          allowClear
          placeholder={t('list.grade')}
          aria-label={t('list.grade')}
          value={grade}
          onChange={setGrade}
          options={enumOptions('ProspectGrade', GRADES)}
          style={{ width: 140 }}
          data-testid="grade-filter"
        />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-customer">
          {t('list.new')}
        </Button>
      </Space>
      <Loaded query={customers} isEmpty={(data) => data.customers.edges.length === 0} empty={text || grade ? t('list.noMatch') : t('list.none')}>
        {(data) => (
          <ResponsiveList<Row>
            rowKey="id"
            size="middle"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="my-customers"
            dataSource={data.customers.edges.map((edge) => edge.node)}
            columns={[
              {
                title: t('list.name'),
                key: 'name',
                render: (_, row) => (
                  <Space size={4} wrap>
                    <a href={href('sales', row.id)} data-testid="customer-link">
                      {row.name}
                    </a>
                    {row.key && <Tag color="gold">{t('list.key')}</Tag>}
                  </Space>
                ),
              },
              { title: t('list.phone'), dataIndex: 'phone' },
              { title: t('list.city'), dataIndex: 'city' },
              { title: t('list.grade'), dataIndex: 'grade', render: (value: string) => <EnumLabel enum="ProspectGrade" value={value} tag color="blue" /> },
              { title: t('list.businessType'), dataIndex: 'businessType', render: (value: string) => <EnumLabel enum="BusinessType" value={value} /> },
              { title: t('list.owner'), key: 'owner', render: (_, row) => row.owner?.name ?? '—' },
            ]}
          />
        )}
      </Loaded>
      {creating && <CustomerFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate('sales', id)} />}
    </Space>
  );
}
