import type { Identity } from '@aftercare/identity';
import { actorOf, hasAnyRole } from '@aftercare/identity';
import { DomainError, ErrorCodes } from '@aftercare/subgraph';
import { Customer } from './customer.entity';
import { SERVICE_ROLES } from '../access-table';

/**
 * Which cards a caller reaches: every card, or the cards of one salesperson. `ownerId` is the salesperson
 * the caller's staff user maps to (see SalespeopleService.salespersonIdOf), null when the caller is no
 * salesperson at all — then no card is theirs. Never the token's `sub` itself: a `sub` is any string the
 * identity provider issues, an owner is a Salesperson id.
 */
export type CardScope = { every: true } | { every: false; ownerId: string | null };

export const EVERY_CARD: CardScope = { every: true };
export const NO_CARD: CardScope = { every: false, ownerId: null };

/** SUPERVISOR and ADMIN keep every card; anyone else (a SALES person) only the cards they own. */
export function keepsEveryCard(identity: Identity): boolean {
  return hasAnyRole(identity, ['SUPERVISOR', 'ADMIN']);
}

/** The staff roles who read every card (the customer 360) without owning any; the system (the gateway) too. */
export function readsEveryCard(identity: Identity): boolean {
  return identity.kind === 'system' || (identity.kind === 'staff' && hasAnyRole(identity, SERVICE_ROLES));
}

export function inScope(scope: CardScope, customer: Customer): boolean {
  return scope.every || (scope.ownerId !== null && customer.ownerId === scope.ownerId);
}

/** The acting staff member as sales' `…By` columns record them (libs/identity's actor); only staff act here. */
export function staffId(identity: Identity): string {
  if (identity.kind !== 'staff') throw new DomainError(ErrorCodes.FORBIDDEN, 'Only staff may do this');
  return actorOf(identity).id;
}
