import { describe, expect, it } from 'vitest';
import type { EngineerJobFragment } from '../../gql/graphql';
import { amountDueOf, amountForReplaced, completionFields, yuanToCents } from './job-facts';

const job = (extra: Partial<EngineerJobFragment>) =>
  ({
    id: 'w',
    type: 'INSTALL',
    status: 'ASSIGNED',
    city: 'Shanghai',
    siteAddress: 'x',
    stages: [],
    stagePrices: [],
    amountDueCents: null,
    ...extra,
  }) as EngineerJobFragment;

describe('the engineer job facts', () => {
  it('collects the amount due of a paid job, nothing otherwise', () => {
    expect(amountDueOf(job({ amountDueCents: 21800 }))).toBe(21800);
    expect(amountDueOf(job({ amountDueCents: 0 }))).toBeNull();
    expect(amountDueOf(job({}))).toBeNull();
  });

  it('takes the refused stages off what is due', () => {
    const replacement = job({
      type: 'CONSUMABLE_REPLACEMENT',
      amountDueCents: 19800,
      stagePrices: [
        { name: 'Sediment (PP cotton)', priceCents: 6900 },
        { name: 'Activated carbon', priceCents: 12900 },
      ],
    });
    expect(amountForReplaced(replacement, ['Sediment (PP cotton)', 'Activated carbon'])).toBe(19800);
    expect(amountForReplaced(replacement, ['sediment (pp cotton)'])).toBe(6900);
    expect(amountForReplaced(replacement, [])).toBe(0);
    expect(amountForReplaced(job({}), [])).toBeNull();
  });

  it('asks for the serial of an install, the stages and payment of a replacement, the area of a visit', () => {
    expect(completionFields('INSTALL')).toEqual({ serial: true, area: false, stages: false, payment: false });
    expect(completionFields('CONSUMABLE_REPLACEMENT')).toEqual({ serial: false, area: false, stages: true, payment: true });
    expect(completionFields('SCHEDULED_SERVICE_VISIT').area).toBe(true);
  });

  it('reads typed yuan as integer cents', () => {
    expect(yuanToCents('120.5')).toBe(12050);
    expect(yuanToCents('¥1,299.99')).toBe(129999);
    expect(yuanToCents(0.1 + 0.2)).toBe(30);
    expect(yuanToCents('')).toBeNull();
    expect(yuanToCents('abc')).toBeNull();
    expect(yuanToCents('-5')).toBeNull();
  });
});
