import { App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartSalespersonDocument, SalesTeamDocument, SalesTeamQuery } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import type { PageProps } from '../../lib/route';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Salesperson = SalesTeamQuery['salespeople']['edges'][number]['node'];

/** When a salesperson leaves, a supervisor hands their customers over: to named successors, or spread over the team. */
function DepartModal({ leaving, team, onClose }: { leaving: Salesperson; team: Salesperson[]; onClose: () => void }) {
  const { t } = useTranslation('sales-team');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ successorIds?: string[] }>();
  const depart = useGraphQLMutation(DepartSalespersonDocument, { invalidates: ['SalesTeam', 'MyCustomers'] });
  const successors = team.filter((person) => person.status === 'ACTIVE' && person.id !== leaving.id);
  return (
    <Modal
      open
      title={t('depart.title', { name: leaving.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('depart.confirm')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-depart' } as Record<string, string>) }}
      confirmLoading={depart.isPending}
    >
      {depart.error ? <ErrorNotice error={depart.error} /> : null}
      <Typography.Paragraph>{t('depart.explain')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          void depart
            .mutateAsync({ input: { salespersonId: leaving.id, successorIds: values.successorIds?.length ? values.successorIds : null } })
            .then((result) => {
              message.success(
                t('depart.done', {
                  count: result.departSalesperson.customersReassigned,
                  names: result.departSalesperson.successors.map((person) => person.name).join('、'),
                }),
              );
              onClose();
            })
            .catch(() => undefined)
        }
      >
        <Form.Item name="successorIds" label={t('depart.successors')} extra={t('depart.spread')}>
          <Select
            mode="multiple"
            allowClear
            options={successors.map((person) => ({ value: person.id, label: `${person.name}（${person.team}）` }))}
            data-testid="successors"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The supervisor's view of the sales team: who is active, and the handover when someone leaves. */
export default function SalesTeamPage(_: PageProps) {
  const { t } = useTranslation('sales-team');
  const team = useGraphQLQuery(SalesTeamDocument, {});
  const [leaving, setLeaving] = useState<Salesperson>();
  return (
    <Loaded query={team} isEmpty={(data) => data.salespeople.edges.length === 0} empty={t('none')}>
      {(data) => {
        const people = data.salespeople.edges.map((edge) => edge.node);
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
            <ResponsiveList<Salesperson>
              rowKey="id"
              size="middle"
              pagination={false}
              data-testid="sales-team"
              dataSource={people}
              columns={[
                { title: t('name'), dataIndex: 'name' },
                { title: t('team'), dataIndex: 'team' },
                {
                  title: t('status'),
                  dataIndex: 'status',
                  render: (value: string) => <EnumLabel enum="SalespersonStatus" value={value} tag color={value === 'ACTIVE' ? 'green' : 'default'} />,
                },
                { title: t('departedAt'), dataIndex: 'departedAt', render: (value: string | null) => formatChinaDateTime(value) },
                {
                  title: t('common:table.actions'),
                  key: 'depart',
                  render: (_, person) =>
                    person.status === 'ACTIVE' ? (
                      <Button size="small" danger onClick={() => setLeaving(person)} data-testid="depart">
                        {t('depart.button')}
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
            {leaving && <DepartModal leaving={leaving} team={people} onClose={() => setLeaving(undefined)} />}
          </Space>
        );
      }}
    </Loaded>
  );
}
