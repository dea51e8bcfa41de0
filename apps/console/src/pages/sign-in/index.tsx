import { Alert, Button, Card, Col, Form, Input, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../lib/language-switch';
import { MyOrdersDocument } from '../../gql/graphql';
import { EnumLabel } from '../../lib/enum-label';
import { errorCode, humanMessages } from '../../lib/errors';
import { request } from '../../lib/graphql';
import { Session, StaffRole, staffSessionFromToken } from '../../lib/session';

/** The people `npm run seed` works with: one per role, as the seed names them (sub demo-<role>). */
const SEEDED_ROLES: StaffRole[] = ['DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'SUPERVISOR', 'SALES', 'ADMIN', 'ENGINEER'];

const seededSub = (role: StaffRole) => `demo-${role.toLowerCase()}`;

class SignInRefused extends Error {}

/**
 * Development sign-in: the gateway mints a token for this machine only (POST /ide/dev-token, off in
 * production), so nobody pastes secrets while trying the console.
 */
async function developmentToken(role: StaffRole, name: string, t: (key: string, options?: Record<string, unknown>) => string): Promise<Session> {
  let response: Response;
  try {
    response = await fetch('/ide/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: [role], sub: seededSub(role), name }),
    });
  } catch {
    throw new SignInRefused(t('unreachable'));
  }
  if (response.status === 404) throw new SignInRefused(t('devOff'));
  if (!response.ok) throw new SignInRefused(t('devRefused', { status: response.status }));
  const { token } = (await response.json()) as { token: string };
  return staffSessionFromToken(token);
}

export default function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation('sign-in');
  const [error, setError] = useState<string[]>();
  const [busy, setBusy] = useState<string>();

  const attempt = async (label: string, signIn: () => Promise<Session>) => {
    setBusy(label);
    setError(undefined);
    try {
      onSignedIn(await signIn());
    } catch (failure) {
      setError(failure instanceof SignInRefused ? [failure.message] : humanMessages(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const tokenSession = async (token: string) => {
    try {
      return staffSessionFromToken(token);
    } catch (failure) {
      throw new SignInRefused(t(`token.${failure instanceof Error ? failure.message : 'unreadable'}`));
    }
  };

  return (
    <main style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 12 }}>
      <Card style={{ width: 760, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('common:app.name')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {error && <Alert type="error" showIcon role="alert" message={error.join(' ')} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Tabs
          items={[
            {
              key: 'dev',
              label: t('tabs.dev'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('devHint')}</Typography.Paragraph>
                  <Row gutter={[12, 12]}>
                    {SEEDED_ROLES.map((role) => (
                      <Col xs={24} sm={12} key={role}>
                        <Button
                          block
                          style={{ height: 'auto', textAlign: 'left', padding: '8px 12px', whiteSpace: 'normal' }}
                          loading={busy === role}
                          data-testid={`sign-in-${role}`}
                          onClick={() => void attempt(role, () => developmentToken(role, t(`people.${role}.name`), t))}
                        >
                          <span>
                            <strong>
                              <EnumLabel enum="StaffRole" value={role} />
                            </strong>
                            <br />
                            <Typography.Text type="secondary">{t(`people.${role}.does`)}</Typography.Text>
                          </span>
                        </Button>
                      </Col>
                    ))}
                  </Row>
                </>
              ),
            },
            {
              key: 'token',
              label: t('tabs.token'),
              children: (
                <Form layout="vertical" onFinish={({ token }: { token: string }) => void attempt('token', () => tokenSession(token))}>
                  <Form.Item name="token" label={t('tokenLabel')} rules={[{ required: true, message: t('tokenRequired') }]}>
                    <Input.TextArea rows={4} placeholder="eyJhbGciOiJIUzI1NiIs…" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy === 'token'} data-testid="token-sign-in">
                    {t('signIn')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'partner',
              label: t('tabs.partner'),
              children: (
                <Form
                  layout="vertical"
                  onFinish={({ apiKey }: { apiKey: string }) =>
                    void attempt('partner', async () => {
                      const session: Session = { kind: 'partner', apiKey: apiKey.trim() };
                      // The key is checked by the gateway on a real read of the partner's own orders.
                      try {
                        await request(session, MyOrdersDocument, { first: 1 });
                      } catch (failure) {
                        if (errorCode(failure) === 'UNAUTHENTICATED') throw new SignInRefused(t('badKey'));
                        throw failure;
                      }
                      return session;
                    })
                  }
                >
                  <Form.Item name="apiKey" label={t('keyLabel')} rules={[{ required: true, message: t('keyRequired') }]}>
                    <Input.Password placeholder={t('keyPlaceholder')} data-testid="partner-key" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy === 'partner'} data-testid="partner-sign-in">
                    {t('signIn')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </main>
  );
}
