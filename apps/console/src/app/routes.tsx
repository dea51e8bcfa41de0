import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageProps } from '../lib/route';
import type { StaffRole } from '../lib/session';

export type Audience = StaffRole | 'partner';

export interface RouteEntry {
  /** The first segment of the hash route: `#/<path>/…`. */
  path: string;
  /** `common:nav.<…>`: the menu's and the header's title (the page's own catalogue is not loaded yet). */
  titleKey: string;
  /** Who may open it (and sees it in the menu). */
  roles: Audience[];
  /** Whose home it is: where that role lands after signing in. */
  home?: Audience[];
  /** The page's chunk: `src/pages/<folder>/index.tsx`, default export. */
  load: () => Promise<{ default: ComponentType<PageProps> }>;
}

const SERVING_ROLES: Audience[] = ['DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'SUPERVISOR', 'SALES', 'ADMIN'];

/**
 * Every screen of the console, one line each. Pages load lazily (one chunk per folder), so a partner or an
 * engineer never downloads the staff pages. The order is the menu's order.
 */
export const ROUTES: RouteEntry[] = [
  { path: 'dashboard', titleKey: 'nav.dashboard', roles: ['SUPERVISOR', 'ADMIN'], home: ['SUPERVISOR'], load: () => import('../pages/supervisor') },
  { path: 'approvals', titleKey: 'nav.approvals', roles: ['SUPERVISOR', 'ADMIN'], load: () => import('../pages/approvals') },
  { path: 'call-team', titleKey: 'nav.callTeam', roles: ['SUPERVISOR', 'ADMIN'], load: () => import('../pages/call-team') },
  { path: 'dispatch', titleKey: 'nav.dispatch', roles: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'], home: ['DISPATCHER'], load: () => import('../pages/dispatch') },
  {
    path: 'complaints',
    titleKey: 'nav.complaints',
    roles: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    home: ['COMPLAINTS_AGENT'],
    load: () => import('../pages/complaints'),
  },
  { path: 'hotline', titleKey: 'nav.hotline', roles: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'], load: () => import('../pages/hotline') },
  { path: 'customers', titleKey: 'nav.customers', roles: SERVING_ROLES, load: () => import('../pages/customer-360') },
  {
    path: 'calls',
    titleKey: 'nav.calls',
    roles: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'],
    home: ['VALUE_ADDED_AGENT'],
    load: () => import('../pages/value-added'),
  },
  { path: 'partner', titleKey: 'nav.partner', roles: ['partner'], home: ['partner'], load: () => import('../pages/partner') },
  // console-B: engineer, admin, sales, value-added pages (one line each)
  { path: 'engineer', titleKey: 'nav.engineer', roles: ['ENGINEER'], home: ['ENGINEER'], load: () => import('../pages/engineer') },
  { path: 'sales', titleKey: 'nav.sales', roles: ['SALES', 'SUPERVISOR', 'ADMIN'], home: ['SALES'], load: () => import('../pages/sales') },
  { path: 'sales-team', titleKey: 'nav.salesTeam', roles: ['SUPERVISOR', 'ADMIN'], load: () => import('../pages/sales-team') },
  {
    path: 'consumable-plans',
    titleKey: 'nav.consumablePlans',
    roles: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'],
    load: () => import('../pages/consumable-plans'),
  },
  { path: 'quality', titleKey: 'nav.quality', roles: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'], load: () => import('../pages/quality') },
  { path: 'admin', titleKey: 'nav.admin', roles: ['ADMIN'], home: ['ADMIN'], load: () => import('../pages/admin') },
];

const components = new Map<string, LazyExoticComponent<ComponentType<PageProps>>>();

/** The lazy component of a route (one per route, made once). */
export function pageOf(route: RouteEntry): LazyExoticComponent<ComponentType<PageProps>> {
  let component = components.get(route.path);
  if (!component) {
    component = lazy(route.load);
    components.set(route.path, component);
  }
  return component;
}
