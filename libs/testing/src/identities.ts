import { randomUUID } from 'node:crypto';
import type { PartnerIdentity, StaffIdentity, StaffRole, SystemIdentity } from '@aftercare/identity';

export function staff(...roles: StaffRole[]): StaffIdentity {
  return { kind: 'staff', userId: `user-${randomUUID()}`, name: `Test ${roles.join('/')}`, roles };
}

export function partner(partnerId: string = randomUUID(), partnerCode = 'TESTBRAND'): PartnerIdentity {
  return { kind: 'partner', partnerId, partnerCode };
}

export function system(service = 'gateway'): SystemIdentity {
  return { kind: 'system', service };
}
