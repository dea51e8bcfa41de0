import type { Identity, StaffIdentity } from '@aftercare/identity';
import { hasAnyRole } from '@aftercare/identity';
import { DomainError, ErrorCodes } from '@aftercare/subgraph';
import { Customer } from './customer.entity';
import { SERVICE_ROLES } from '../roles';

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

/** The owner filter for reading lists of cards: staff who serve every customer see all; a salesperson only their own. */
export function readableOwner(identity: Identity): string | null {
  return identity.kind === 'staff' && hasAnyRole(identity, SERVICE_ROLES) ? null : ownCardsOnly(identity);
}

/**
 * The row rule for every path to a card (order.customer, contract.customer, `_entities`, a mutation's
 * answer): what a caller cannot open with `customer(id)` it cannot reach another way. A salesperson
 * reaches only their own cards; partners never reach a card (they see what they sent, see partnerView).
 */
export function reachable(identity: Identity, customer: Customer): boolean {
  if (identity.kind === 'system') return true;
  if (identity.kind !== 'staff') return false;
  if (hasAnyRole(identity, SERVICE_ROLES)) return true;
  return customer.ownerId === identity.userId;
}
