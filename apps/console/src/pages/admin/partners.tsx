import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPartnersDocument, AdminPartnersQuery, RegisterPartnerDocument, RevokePartnerKeyDocument, RotatePartnerKeyDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';

type Partner = AdminPartnersQuery['partners']['edges'][number]['node'];

/** A key is shown once, at registration or rotation: the platform keeps only its hash. */
function ShownOnce({ apiKey, onClose }: { apiKey: string; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal
      open
      title={t('partners.keyTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('partners.keyStored')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon message={t('partners.keyOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: apiKey }} code data-testid="new-api-key" style={{ overflowWrap: 'anywhere' }}>
        {apiKey}
      </Typography.Paragraph>
    </Modal>
  );
}

export function PartnersTab() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const partners = useGraphQLQuery(AdminPartnersDocument, {});
  const register = useGraphQLMutation(RegisterPartnerDocument, { invalidates: ['AdminPartners'] });
  const rotate = useGraphQLMutation(RotatePartnerKeyDocument, { invalidates: ['AdminPartners'] });
  const revoke = useGraphQLMutation(RevokePartnerKeyDocument, { invalidates: ['AdminPartners'] });
  const [shown, setShown] = useState<string>();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const failure = register.error ?? rotate.error ?? revoke.error;

  const onRegister = async (values: { code: string; name: string }) => {
    try {
      const result = await register.mutateAsync({ input: { code: values.code.trim().toUpperCase(), name: values.name.trim() } });
      form.resetFields();
      setShown(result.registerPartner.apiKey);
    } catch {
      // shown above the list
    }
  };

  const onRotate = async (partner: Partner) => {
    try {
      const result = await rotate.mutateAsync({ input: { partnerId: partner.id } });
      setShown(result.rotatePartnerKey.apiKey);
    } catch {
      // shown above the list
    }
  };

  const onRevoke = async (partner: Partner, keyId: string) => {
    try {
      await revoke.mutateAsync({ partnerId: partner.id, keyId });
      message.success(t('partners.revoked'));
    } catch {
      // shown above the list
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={t('partners.register')}>
        <Form form={form} layout="inline" onFinish={(values) => void onRegister(values)} style={{ rowGap: 8 }}>
          <Form.Item name="code" label={t('partners.code')} rules={[{ required: true, whitespace: true, message: t('common:states.required') }]}>
            <Input style={{ width: 160 }} data-testid="partner-code" />
          </Form.Item>
          <Form.Item name="name" label={t('partners.name')} rules={[{ required: true, whitespace: true, message: t('common:states.required') }]}>
            <Input style={{ width: 260, maxWidth: '100%' }} data-testid="partner-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="register-partner">
            {t('partners.registerButton')}
          </Button>
        </Form>
      </Card>
      {failure ? <ErrorNotice error={failure} /> : null}
      <Loaded query={partners} isEmpty={(data) => data.partners.edges.length === 0} empty={t('partners.none')}>
        {(data) => (
          <ResponsiveList<Partner>
            rowKey="id"
            size="middle"
            pagination={false}
            data-testid="partners"
            dataSource={data.partners.edges.map((edge) => edge.node)}
            columns={[
              { title: t('partners.name'), key: 'name', render: (_, partner) => <strong>{partner.name}</strong> },
              { title: t('partners.code'), dataIndex: 'code' },
              { title: t('partners.since'), dataIndex: 'createdAt', render: (value: string) => formatChinaDateTime(value) },
              {
                title: t('partners.keys'),
                key: 'keys',
                render: (_, partner) => (
                  <Space direction="vertical" size={4}>
                    {partner.apiKeys.map((key) => (
                      <Space key={key.id} wrap size={4} data-testid="partner-key-row">
                        <Typography.Text code>{key.prefix}…</Typography.Text>
                        {key.active ? (
                          <Tag color="green">{t('partners.active')}</Tag>
                        ) : (
                          <Tag>{key.revokedAt ? t('partners.revokedTag') : t('partners.expired')}</Tag>
                        )}
                        {key.active && key.expiresAt && (
                          <Typography.Text type="secondary">{t('partners.expires', { at: formatChinaDateTime(key.expiresAt) })}</Typography.Text>
                        )}
                        {key.active && (
                          <Popconfirm
                            title={t('partners.revokeConfirm')}
                            onConfirm={() => void onRevoke(partner, key.id)}
                            okText={t('partners.revoke')}
                            cancelText={t('common:actions.cancel')}
                          >
                            <Button size="small" danger data-testid="revoke-key">
                              {t('partners.revoke')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('common:table.actions'),
                key: 'rotate',
                render: (_, partner) => (
                  <Popconfirm
                    title={t('partners.rotateConfirm')}
                    onConfirm={() => void onRotate(partner)}
                    okText={t('partners.rotate')}
                    cancelText={t('common:actions.cancel')}
                  >
                    <Button size="small" loading={rotate.isPending} data-testid="rotate-key">
                      {t('partners.rotate')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {shown && <ShownOnce apiKey={shown} onClose={() => setShown(undefined)} />}
    </Space>
  );
}
