import { MenuOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../lib/enum-label';
import { href, navigate, useRoute } from '../lib/route';
import { hasRole, loadSession, Session, SessionContext, storeSession } from '../lib/session';
import { pageOf, ROUTES, type RouteEntry } from './routes';
import { LanguageSwitch } from '../lib/language-switch';

// Signed-in people never need the sign-in screen's forms: it is a chunk of its own too.
const SignIn = lazy(() => import('../pages/sign-in'));

export function routesFor(session: Session): RouteEntry[] {
  return ROUTES.filter((route) =>
    session.kind === 'partner' ? route.roles.includes('partner') : route.roles.some((role) => role !== 'partner' && hasRole(session, role)),
  );
}

/** Where a person lands: the first screen that is home to one of their roles, else their first screen. */
export function homeFor(session: Session): RouteEntry | undefined {
  const mine = routesFor(session);
  const home = mine.find((route) =>
    session.kind === 'partner' ? route.home?.includes('partner') : route.home?.some((role) => role !== 'partner' && hasRole(session, role)),
  );
  return home ?? mine[0];
}

/** The shell: the menu of the signed-in person's screens (a drawer under 992 px), a header that fits 390 px. */
export function Console() {
  const { t } = useTranslation('common');
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [menuOpen, setMenuOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const route = useRoute();
  const context = useMemo(
    () =>
      session && {
        session,
        signOut: () => {
          storeSession(null);
          queryClient.clear();
          setSession(null);
          navigate();
        },
      },
    [session, queryClient],
  );

  if (!session || !context) {
    return (
      <Suspense fallback={<Skeleton active data-testid="loading" />}>
        <SignIn
          onSignedIn={(signedIn) => {
            storeSession(signedIn);
            setSession(signedIn);
            const home = homeFor(signedIn);
            if (home) navigate(home.path);
          }}
        />
      </Suspense>
    );
  }

  const mine = routesFor(session);
  const [path, ...rest] = route;
  const current = mine.find((entry) => entry.path === path) ?? homeFor(session);
  const Page = current ? pageOf(current) : undefined;
  const who = session.kind === 'staff' ? session.name : t('nav.partnerKey');
  const roles = session.kind === 'staff' ? session.roles.map((role) => enumLabel('StaffRole', role)).join('、') : enumLabel('StaffRole', 'partner');

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={current ? [current.path] : []}
      onClick={() => setMenuOpen(false)}
      items={mine.map((entry) => ({ key: entry.path, label: <a href={href(entry.path)}>{t(entry.titleKey)}</a> }))}
    />
  );

  return (
    <SessionContext.Provider value={context}>
      <Layout style={{ minHeight: '100vh' }}>
        {wide && (
          <Layout.Sider width={210} theme="dark" style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
            <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '18px 20px' }}>{t('app.brand')}</div>
            <nav aria-label={t('nav.menu')}>{menu}</nav>
          </Layout.Sider>
        )}
        {!wide && (
          <Drawer
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            width={260}
            title={t('app.brand')}
            styles={{ body: { padding: 0, background: '#001529' } }}
          >
            <nav aria-label={t('nav.menu')}>{menu}</nav>
          </Drawer>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header
            style={{
              background: '#fff',
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              padding: wide ? '0 24px' : '0 8px',
              height: 'auto',
              minHeight: 56,
              lineHeight: 'normal',
              flexWrap: 'nowrap',
            }}
          >
            {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setMenuOpen(true)} data-testid="open-menu" />}
            <Typography.Title
              level={1}
              style={{ margin: 0, fontSize: wide ? 20 : 16, flex: '1 1 auto', minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            >
              {current ? t(current.titleKey) : t('app.name')}
            </Typography.Title>
            {wide && <LanguageSwitch />}
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'who', label: <span>{roles}</span>, disabled: true },
                  ...(!wide ? [{ key: 'language', label: <LanguageSwitch /> }] : []),
                  { type: 'divider' as const },
                  { key: 'sign-out', label: t('nav.signOut'), onClick: context.signOut },
                ],
              }}
            >
              <Button data-testid="account-menu" style={{ maxWidth: wide ? 260 : 120, overflow: 'hidden', textOverflow: 'ellipsis', flex: '0 0 auto' }}>
                <span data-testid="signed-in-as" style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {who}
                </span>
              </Button>
            </Dropdown>
          </Layout.Header>
          <Layout.Content style={{ padding: wide ? 24 : 8, minWidth: 0 }}>
            <main>
              {Page && current ? (
                <Suspense fallback={<Skeleton active data-testid="loading" />}>
                  <Page params={current.path === path ? rest : []} />
                </Suspense>
              ) : (
                <Result status="403" title={t('nav.noScreen')} subTitle={t('nav.noScreenHint')} />
              )}
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}
