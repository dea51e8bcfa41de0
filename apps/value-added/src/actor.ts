import type { Identity } from '@aftercare/identity';

/** Who did it, as history records it: a staff user id, a partner, or the platform. */
export function actorOf(identity: Identity): string {
  switch (identity.kind) {
    case 'staff':
      return identity.userId;
    case 'partner':
      return `partner:${identity.partnerCode}`;
    case 'system':
      return identity.service;
    case 'anonymous':
      return 'anonymous';
  }
}

/** The staff user acting (their queue is keyed by it); other callers have no queue. */
export function actorOfStaff(identity: Identity): string {
  return identity.kind === 'staff' ? identity.userId : actorOf(identity);
}
