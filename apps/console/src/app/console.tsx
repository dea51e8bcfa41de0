import { Button, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CallQueue } from '../screens/call-queue';
import { ComplaintDesk } from '../screens/complaint-desk';
import { Customer360 } from '../screens/customer-360';
import { DispatcherBoard } from '../screens/dispatcher-board';
import { PartnerPortal } from '../screens/partner-portal';
import { SignIn } from '../screens/sign-in';
import { SupervisorDashboard } from '../screens/supervisor-dashboard';
import { href, navigate, useRoute } from '../lib/route';
import { hasRole, loadSession, Session, SessionContext, StaffRole, storeSession } from '../lib/session';

interface Screen {
  path: string;
  title: string;
  /** Staff roles that work on this screen; `partner` for the partner portal. */
  for: (StaffRole | 'partner')[];
  render: (rest: string[]) => JSX.Element;
}

const SCREENS: Screen[] = [
  { path: 'dispatch', title: 'Dispatcher board', for: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'], render: () => <DispatcherBoard /> },
  { path: 'complaints', title: 'Complaint desk', for: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'], render: (rest) => <ComplaintDesk complaintId={rest[0]} /> },
  { path: 'calls', title: 'Call queue', for: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'], render: () => <CallQueue /> },
  { path: 'dashboard', title: 'Supervisor dashboard', for: ['SUPERVISOR', 'ADMIN'], render: () => <SupervisorDashboard /> },
  {
    path: 'customers',
    title: 'Customer 360',
    for: ['DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'SUPERVISOR', 'SALES', 'ADMIN'],
    render: (rest) => <Customer360 customerId={rest[0]} />,
  },
  { path: 'partner', title: 'Partner portal', for: ['partner'], render: () => <PartnerPortal /> },
];

function screensFor(session: Session): Screen[] {
  return SCREENS.filter((screen) => (session.kind === 'partner' ? screen.for.includes('partner') : screen.for.some((role) => role !== 'partner' && hasRole(session, role))));
}

export function Console() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const route = useRoute();
  const context = useMemo(
    () =>
      session && {
        session,
        signOut: () => {
          storeSession(null);
          setSession(null);
          navigate();
        },
      },
    [session],
  );

  if (!session || !context) {
    return (
      <SignIn
        onSignedIn={(signedIn) => {
          storeSession(signedIn);
          setSession(signedIn);
          const first = screensFor(signedIn)[0];
          if (first) navigate(first.path);
        }}
      />
    );
  }

  const mine = screensFor(session);
  const [path, ...rest] = route;
  const current = mine.find((screen) => screen.path === path) ?? mine[0];
  const who = session.kind === 'staff' ? session.name : 'Partner';

  return (
    <SessionContext.Provider value={context}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={210} theme="dark" breakpoint="lg" collapsedWidth={0}>
          <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '18px 20px' }}>Aftercare</div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            items={mine.map((screen) => ({ key: screen.path, label: <a href={href(screen.path)}>{screen.title}</a> }))}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '0 24px' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {current?.title ?? 'Aftercare console'}
            </Typography.Title>
            <Space>
              <span data-testid="signed-in-as">{who}</span>
              {session.kind === 'staff' ? session.roles.map((role) => <Tag key={role}>{role}</Tag>) : <Tag color="purple">API key</Tag>}
              <Button onClick={context.signOut}>Sign out</Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            {current ? (
              current.render(current.path === path ? rest : [])
            ) : (
              <Result status="403" title="No screen for your role" subTitle="Your roles have no screen in this console yet. Sign in with another role." />
            )}
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}
