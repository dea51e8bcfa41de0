import type { Identity, StaffIdentity } from '@aftercare/identity';
import { hasAnyRole } from '@aftercare/identity';
import { DomainError, ErrorCodes } from '@aftercare/subgraph';
import { Customer } from './customer.entity';

/** SUPERVISOR and ADMIN see every card; a SALES person only the cards they own. */
export function ownCardsOnly(identity: Identity): string | null {
  return hasAnyRole(identity, ['SUPERVISOR', 'ADMIN']) ? null : (identity as StaffIdentity).userId;
}

export function canSee(identity: Identity, customer: Customer): boolean {
  const owner = ownCardsOnly(identity);
  return owner === null || customer.ownerId === owner;
}

export function staffId(identity: Identity): string {
  if (identity.kind !== 'staff') throw new DomainError(ErrorCodes.FORBIDDEN, 'Only staff may do this');
  return identity.userId;
}
