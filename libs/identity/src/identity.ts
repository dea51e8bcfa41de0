import { PARTNER_ROLE, Role, StaffRole, SYSTEM_ROLE } from './roles';

export interface StaffIdentity {
  kind: 'staff';
  userId: string;
  name: string;
  roles: StaffRole[];
}

export interface PartnerIdentity {
  kind: 'partner';
  partnerId: string;
  partnerCode: string;
}

export interface SystemIdentity {
  kind: 'system';
  service: string;
}

export interface AnonymousIdentity {
  kind: 'anonymous';
}

export type Identity = StaffIdentity | PartnerIdentity | SystemIdentity | AnonymousIdentity;

export const ANONYMOUS: AnonymousIdentity = { kind: 'anonymous' };

/** The roles an identity acts with, partners and the platform included. */
export function rolesOf(identity: Identity): Role[] {
  switch (identity.kind) {
    case 'staff':
      return identity.roles;
    case 'partner':
      return [PARTNER_ROLE];
    case 'system':
      return [SYSTEM_ROLE];
    case 'anonymous':
      return [];
  }
}

export function hasAnyRole(identity: Identity, roles: readonly Role[]): boolean {
  const held = rolesOf(identity);
  return roles.some((role) => held.includes(role));
}
