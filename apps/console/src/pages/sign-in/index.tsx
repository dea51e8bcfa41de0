import { Alert, Button, Card, Col, Form, Input, Row, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { MyOrdersDocument } from '../gql/graphql';
import { errorCode, humanMessages } from '../lib/errors';
import { request } from '../lib/graphql';
import { Session, StaffRole, staffSessionFromToken } from '../lib/session';

/** The people `npm run seed` works with: one per role, as the seed names them (sub demo-<role>). */
const SEEDED_PEOPLE: { role: StaffRole; name: string; does: string }[] = [
  { role: 'DISPATCHER', name: 'Demo DISPATCHER', does: 'runs the day’s dispatch, overrides, backup engineers' },
  { role: 'COMPLAINTS_AGENT', name: 'Demo COMPLAINTS_AGENT', does: 'works the complaint inbox' },
  { role: 'VALUE_ADDED_AGENT', name: 'Demo VALUE_ADDED_AGENT', does: 'calls customers whose filters are due' },
  { role: 'SUPERVISOR', name: 'Demo SUPERVISOR', does: 'SLA, trends, funnel and payouts' },
  { role: 'SALES', name: 'Demo SALES', does: 'their own customer cards' },
  { role: 'ADMIN', name: 'Demo ADMIN', does: 'everything' },
];

const seededSub = (role: StaffRole) => `demo-${role.toLowerCase()}`;

/**
 * Development sign-in: the gateway mints a token for this machine only (POST /ide/dev-token, off in
 * production), so nobody pastes secrets while trying the console.
 */
async function developmentToken(role: StaffRole, name: string): Promise<Session> {
  let response: Response;
  try {
    response = await fetch('/ide/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: [role], sub: seededSub(role), name }),
    });
  } catch {
    throw new Error('The console cannot reach the platform. Is it running (npm start)?');
  }
  if (response.status === 404) throw new Error('Development sign-in is off on this platform (production). Paste a staff token instead.');
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The gateway refused a development token (HTTP ${response.status}).`);
  }
  const { token } = (await response.json()) as { token: string };
  return staffSessionFromToken(token);
}

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string[]>();
  const [busy, setBusy] = useState<string>();

  const attempt = async (label: string, signIn: () => Promise<Session>) => {
    setBusy(label);
    setError(undefined);
    try {
      onSignedIn(await signIn());
    } catch (failure) {
      setError(humanMessages(failure));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 760, maxWidth: '100%' }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          Aftercare console
        </Typography.Title>
        {error && <Alert type="error" showIcon message={error.join(' ')} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Tabs
          items={[
            {
              key: 'dev',
              label: 'Staff (development)',
              children: (
                <>
                  <Typography.Paragraph type="secondary">Pick a seeded person; the gateway mints a development token for this machine.</Typography.Paragraph>
                  <Row gutter={[12, 12]}>
                    {SEEDED_PEOPLE.map((person) => (
                      <Col span={12} key={person.role}>
                        <Button
                          block
                          style={{ height: 'auto', textAlign: 'left', padding: '8px 12px', whiteSpace: 'normal' }}
                          loading={busy === person.role}
                          data-testid={`sign-in-${person.role}`}
                          onClick={() => void attempt(person.role, () => developmentToken(person.role, person.name))}
                        >
                          <strong>{person.role.replace(/_/g, ' ').toLowerCase()}</strong>
                          <br />
                          <Typography.Text type="secondary">{person.does}</Typography.Text>
                        </Button>
                      </Col>
                    ))}
                  </Row>
                </>
              ),
            },
            {
              key: 'token',
              label: 'Staff token',
              children: (
                <Form layout="vertical" onFinish={({ token }: { token: string }) => void attempt('token', async () => staffSessionFromToken(token))}>
                  <Form.Item name="token" label="Bearer token (from your identity provider, npm run seed or npm run token)" rules={[{ required: true, message: 'Paste a token' }]}>
                    <Input.TextArea rows={4} placeholder="eyJhbGciOiJIUzI1NiIs…" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy === 'token'}>
                    Sign in
                  </Button>
                </Form>
              ),
            },
            {
              key: 'partner',
              label: 'Partner',
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
                        if (errorCode(failure) === 'UNAUTHENTICATED') throw new Error('That API key is not valid: check it, or ask us for a new one.');
                        throw failure;
                      }
                      return session;
                    })
                  }
                >
                  <Form.Item name="apiKey" label="Your API key" rules={[{ required: true, message: 'Paste your API key' }]}>
                    <Input.Password placeholder="The key you were given when your brand was registered" data-testid="partner-key" />
                  </Form.Item>
                  <Space>
                    <Button type="primary" htmlType="submit" loading={busy === 'partner'} data-testid="partner-sign-in">
                      Sign in
                    </Button>
                  </Space>
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
