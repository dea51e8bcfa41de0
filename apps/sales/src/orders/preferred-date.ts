import { isPastChinaDay } from '@aftercare/business-time';
import { badInput } from '@aftercare/subgraph';

/**
 * Dispatch's scheduling rule, applied at intake: an order whose preferred day has already gone (China time)
 * would only stall when dispatch refuses to book it, so it is refused here, before anything is stored.
 */
export function assertPreferredDateBookable(preferredDate: string | null | undefined): void {
  if (preferredDate && isPastChinaDay(preferredDate)) {
    throw badInput(`preferredDate ${preferredDate} is in the past (China time); dispatch books only today or later`, 'preferredDate');
  }
}
