import { Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminEngineerFragment, AdminEngineersDocument, CancelEngineerUnavailabilityDocument, WithdrawEngineerSkillDocument } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { chinaToday, formatChinaDate } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { CertifyModal, ProfileModal, RegisterEngineerModal, UnavailableModal } from './engineer-modals';

type Open = { kind: 'register' } | { kind: 'certify' | 'profile' | 'unavailable'; engineer: AdminEngineerFragment };

/** Engineers: register, skills, cities, capacity, status and days off. */
export function EngineersTab() {
  const { t } = useTranslation('admin');
  const [text, setText] = useState('');
  const engineers = useGraphQLQuery(AdminEngineersDocument, { text: text.trim() || null });
  const withdraw = useGraphQLMutation(WithdrawEngineerSkillDocument, { invalidates: ['AdminEngineers'] });
  const cancel = useGraphQLMutation(CancelEngineerUnavailabilityDocument, { invalidates: ['AdminEngineers'] });
  const [open, setOpen] = useState<Open>();
  const today = chinaToday();
  const failure = withdraw.error ?? cancel.error;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('engineers.search')}
          aria-label={t('engineers.search')}
          onSearch={setText}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="engineer-search"
        />
        <Button type="primary" onClick={() => setOpen({ kind: 'register' })} data-testid="register-engineer">
          {t('engineers.register')}
        </Button>
      </Space>
      {failure ? <ErrorNotice error={failure} /> : null}
      <Loaded query={engineers} isEmpty={(data) => data.engineers.edges.length === 0} empty={t('engineers.none')}>
        {(data) => (
          <ResponsiveList<AdminEngineerFragment>
            rowKey="id"
            size="middle"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="engineers"
            dataSource={data.engineers.edges.map((edge) => edge.node)}
            columns={[
              { title: t('engineers.name'), key: 'name', render: (_, engineer) => <strong data-testid="engineer-name">{engineer.name}</strong> },
              { title: t('engineers.phone'), dataIndex: 'phone' },
              { title: t('engineers.employment'), dataIndex: 'employment', render: (value: string) => <EnumLabel enum="EngineerEmployment" value={value} /> },
              {
                title: t('engineers.status'),
                dataIndex: 'status',
                render: (value: string) => <EnumLabel enum="EngineerStatus" value={value} tag color={value === 'ACTIVE' ? 'green' : 'orange'} />,
              },
              { title: t('engineers.cities'), key: 'cities', render: (_, engineer) => engineer.cities.join('、') },
              { title: t('engineers.capacity'), dataIndex: 'dailyCapacity' },
              {
                title: t('engineers.skills'),
                key: 'skills',
                render: (_, engineer) => (
                  <Space wrap size={4} data-testid="engineer-skills">
                    {engineer.skills.map((skill) => (
                      <Tag
                        key={`${skill.brand}/${skill.productModel}`}
                        closable
                        closeIcon={<span aria-label={t('engineers.withdraw')}>×</span>}
                        onClose={(event) => {
                          event.preventDefault();
                          void withdraw.mutateAsync({ engineerId: engineer.id, brand: skill.brand, productModel: skill.productModel }).catch(() => undefined);
                        }}
                      >
                        {skill.brand} {skill.productModel}
                      </Tag>
                    ))}
                    {engineer.skills.length === 0 && <Typography.Text type="secondary">{t('engineers.noSkills')}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: t('engineers.unavailability'),
                key: 'off',
                render: (_, engineer) => {
                  const ahead = engineer.unavailability.filter((window) => window.endsOn >= today);
                  if (ahead.length === 0) return t('engineers.available');
                  return (
                    <Space direction="vertical" size={2}>
                      {ahead.map((window) => (
                        <Space key={window.id} wrap size={4}>
                          <span>
                            {formatChinaDate(window.startsOn)}–{formatChinaDate(window.endsOn)} <EnumLabel enum="UnavailabilityReason" value={window.reason} />
                          </span>
                          <Button size="small" type="link" onClick={() => void cancel.mutateAsync({ windowId: window.id }).catch(() => undefined)}>
                            {t('engineers.cancelOff')}
                          </Button>
                        </Space>
                      ))}
                    </Space>
                  );
                },
              },
              {
                title: t('common:table.actions'),
                key: 'actions',
                render: (_, engineer) => (
                  <Space wrap size={4}>
                    <Button size="small" onClick={() => setOpen({ kind: 'certify', engineer })} data-testid="certify-skill">
                      {t('engineers.certify')}
                    </Button>
                    <Button size="small" onClick={() => setOpen({ kind: 'profile', engineer })} data-testid="change-profile">
                      {t('engineers.profile')}
                    </Button>
                    <Button size="small" onClick={() => setOpen({ kind: 'unavailable', engineer })} data-testid="mark-unavailable">
                      {t('engineers.markOff')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {open?.kind === 'register' && <RegisterEngineerModal onClose={() => setOpen(undefined)} />}
      {open?.kind === 'certify' && <CertifyModal engineer={open.engineer} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'profile' && <ProfileModal engineer={open.engineer} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'unavailable' && <UnavailableModal engineer={open.engineer} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}
