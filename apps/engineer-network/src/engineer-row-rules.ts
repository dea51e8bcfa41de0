import { hasAnyRole, Identity } from '@aftercare/identity';
import { DomainError, ErrorCodes } from '@aftercare/subgraph';
import { ENGINEER_MANAGERS } from './access-table';

/**
 * Row rule beside the access table: managers act on any engineer; an engineer (whose token's sub is their
 * Engineer id) only on themselves — their own days off, never a colleague's. The access table admits ENGINEER
 * to the operation; this decides which engineer.
 */
export function assertActsForEngineer(identity: Identity, engineerId: string): void {
  if (hasAnyRole(identity, ENGINEER_MANAGERS)) return;
  if (identity.kind === 'staff' && hasAnyRole(identity, ['ENGINEER']) && identity.userId === engineerId) return;
  throw new DomainError(ErrorCodes.FORBIDDEN, 'An engineer records and clears only their own unavailability', { engineerId });
}
