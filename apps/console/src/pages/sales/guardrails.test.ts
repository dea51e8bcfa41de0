import { describe, expect, it } from 'vitest';
import { checkDraft, exceedsTemplate } from './guardrails';

const references = [
  { businessType: 'RESTAURANT', serviceItem: 'FILTER_SERVICE', referencePriceCents: 80000, floorCents: 68000 },
  { businessType: 'RESTAURANT', serviceItem: 'PEST_CONTROL', referencePriceCents: 60000, floorCents: 54000 },
  { businessType: 'OFFICE', serviceItem: 'DEEP_CLEAN', referencePriceCents: 120000, floorCents: 96000 },
];
const template = { visitsPerMonth: 2, qualityStandard: 'STANDARD' };

describe('the contract guardrails shown before submitting', () => {
  it('passes items at or above their floor within the template', () => {
    const check = checkDraft([{ item: 'filter_service', priceCents: 68000 }], references, 'RESTAURANT', template, template);
    expect(check).toMatchObject({
      free: [],
      belowFloor: [],
      unknown: [],
      overTemplate: false,
      blocked: false,
      monthlyCents: 68000,
      referenceMonthlyCents: 80000,
    });
  });

  it('names an item below its floor, a free bundled item and an item with no reference price', () => {
    const check = checkDraft(
      [
        { item: 'FILTER_SERVICE', priceCents: 50000 },
        { item: 'PEST_CONTROL', priceCents: 0 },
        { item: 'DEEP_CLEAN', priceCents: 100000 },
      ],
      references,
      'RESTAURANT',
      template,
      template,
    );
    expect(check.belowFloor).toEqual([{ item: 'FILTER_SERVICE', floorCents: 68000 }]);
    expect(check.free).toEqual(['PEST_CONTROL']);
    expect(check.unknown).toEqual(['DEEP_CLEAN']);
    expect(check.blocked).toBe(true);
  });

  it('needs an approval for more visits or a stricter standard than the template, and marks a cheap one special', () => {
    expect(exceedsTemplate({ visitsPerMonth: 3, qualityStandard: 'STANDARD' }, template)).toBe(true);
    expect(exceedsTemplate({ visitsPerMonth: 2, qualityStandard: 'PREMIUM' }, template)).toBe(true);
    expect(exceedsTemplate({ visitsPerMonth: 1, qualityStandard: 'BASIC' }, template)).toBe(false);
    const check = checkDraft(
      [{ item: 'FILTER_SERVICE', priceCents: 70000 }],
      references,
      'RESTAURANT',
      { visitsPerMonth: 4, qualityStandard: 'PREMIUM' },
      template,
    );
    expect(check.overTemplate).toBe(true);
    expect(check.special).toBe(true);
  });

  it('refuses the same item twice and a business type without a template', () => {
    const twice = checkDraft(
      [
        { item: 'FILTER_SERVICE', priceCents: 80000 },
        { item: 'filter_service', priceCents: 80000 },
      ],
      references,
      'RESTAURANT',
      template,
      template,
    );
    expect(twice.duplicates).toEqual(['FILTER_SERVICE']);
    expect(checkDraft([{ item: 'FILTER_SERVICE', priceCents: 80000 }], references, 'RESTAURANT', template, undefined).blocked).toBe(true);
  });
});
