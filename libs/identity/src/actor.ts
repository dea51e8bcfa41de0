import { Identity } from './identity';

/**
 * Who did something, as every service's records name them. One meaning per kind of caller, so a `…By` column
 * reads the same in each service's database and in every event that carries it.
 */
export interface Actor {
  /**
   * What `…By` columns store: a staff user's id; `partner:<partnerId>` for a partner (its id, never its code,
   * which is a business name); the service's name for the platform; `anonymous`.
   */
  id: string;
  /** For people reading the record: the staff member's name, the partner's code, the service's name. */
  name: string;
}

export function actorOf(identity: Identity): Actor {
  switch (identity.kind) {
    case 'staff':
      return { id: identity.userId, name: identity.name };
    case 'partner':
      return { id: `partner:${identity.partnerId}`, name: identity.partnerCode };
    case 'system':
      return { id: identity.service, name: identity.service };
    case 'anonymous':
      return { id: 'anonymous', name: 'anonymous' };
  }
}
