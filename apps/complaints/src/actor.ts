import type { Identity } from '@aftercare/identity';

export interface Actor {
  id: string;
  name: string;
}

/** Who did a step, for the record: staff by id and name; events by the service that sent them. */
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
