import { createContext, useContext } from 'react';

export type StaffRole = 'ADMIN' | 'SALES' | 'DISPATCHER' | 'COMPLAINTS_AGENT' | 'ENGINEER' | 'VALUE_ADDED_AGENT' | 'SUPERVISOR';

export const STAFF_ROLES: StaffRole[] = ['DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'SUPERVISOR', 'SALES', 'ADMIN', 'ENGINEER'];

export type Session = { kind: 'staff'; token: string; sub: string; name: string; roles: StaffRole[]; expiresAt?: number } | { kind: 'partner'; apiKey: string };

export function credentialHeaders(session: Session | null): Record<string, string> {
  if (!session) return {};
  return session.kind === 'staff' ? { authorization: `Bearer ${session.token}` } : { 'x-api-key': session.apiKey };
}

/**
 * What the console shows of a staff token (a refusal's message is a key of the sign-in catalogue's `token.*`): its claims, read without verifying (the gateway verifies every
 * request; the console only needs the name and roles to pick screens).
 */
export function staffSessionFromToken(token: string): Session {
  const [, payload, signature] = token.trim().split('.');
  if (!payload || signature === undefined) throw new Error('notAToken');
  let claims: { sub?: string; name?: string; roles?: string[]; exp?: number };
  try {
    // The payload is UTF-8 (a name like 演示销售): atob alone gives Latin-1 characters, one per byte.
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (character) => character.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('unreadable');
  }
  const roles = (claims.roles ?? []).filter((role): role is StaffRole => (STAFF_ROLES as string[]).includes(role));
  if (!claims.sub || roles.length === 0) throw new Error('noRole');
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('expired');
  return { kind: 'staff', token: token.trim(), sub: claims.sub, name: claims.name ?? claims.sub, roles, expiresAt: claims.exp ? claims.exp * 1000 : undefined };
}

// Per browser tab: closing the tab signs out, and two tabs may be two different people while testing.
const STORAGE_KEY = 'aftercare.console.session';

export function loadSession(): Session | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return null;
    const session = JSON.parse(stored) as Session;
    if (session.kind === 'staff' && session.expiresAt && session.expiresAt < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function storeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export const SessionContext = createContext<{ session: Session; signOut: () => void } | null>(null);

export function useSession(): { session: Session; signOut: () => void } {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}

export function hasRole(session: Session, ...roles: StaffRole[]): boolean {
  return session.kind === 'staff' && session.roles.some((role) => roles.includes(role));
}
