/**
 * The contract guardrails as sales applies them, shown while the salesperson types (the graph checks the same
 * again on createContract): every item priced and none below its floor, and a promise beyond the business
 * type's template needs a supervisor's approval first.
 */
export interface DraftItem {
  item: string;
  priceCents: number;
}

export interface ReferenceRow {
  businessType: string;
  serviceItem: string;
  referencePriceCents: number;
  floorCents: number;
}

export interface Promise {
  visitsPerMonth: number;
  qualityStandard: string;
}

export const QUALITY_ORDER = ['BASIC', 'STANDARD', 'PREMIUM'];

export interface DraftCheck {
  /** Items at 0: a free bundled item is a hidden discount (FREE_BUNDLED_ITEM). */
  free: string[];
  /** Items under their floor (PRICE_BELOW_FLOOR), with the floor. */
  belowFloor: { item: string; floorCents: number }[];
  /** Items with no reference price for this region and business type (NO_REFERENCE_PRICE). */
  unknown: string[];
  /** The same item twice. */
  duplicates: string[];
  monthlyCents: number;
  referenceMonthlyCents: number;
  /** More visits or a stricter standard than the template: needs an approved request. */
  overTemplate: boolean;
  /** Low price and high cost at once: the customer is assessed separately. */
  special: boolean;
  /** Nothing in the way of submitting (apart from an approval when over the template). */
  blocked: boolean;
}

export function exceedsTemplate(promise: Promise, template: Promise | undefined): boolean {
  if (!template) return false;
  return promise.visitsPerMonth > template.visitsPerMonth || QUALITY_ORDER.indexOf(promise.qualityStandard) > QUALITY_ORDER.indexOf(template.qualityStandard);
}

export function checkDraft(items: DraftItem[], references: ReferenceRow[], businessType: string, promise: Promise, template: Promise | undefined): DraftCheck {
  const normalised = items.filter((item) => item.item.trim()).map((item) => ({ item: item.item.trim().toUpperCase(), priceCents: item.priceCents }));
  const byItem = new Map(references.filter((row) => row.businessType === businessType).map((row) => [row.serviceItem.toUpperCase(), row]));
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const { item } of normalised) {
    if (seen.has(item)) duplicates.push(item);
    seen.add(item);
  }
  const free = normalised.filter((item) => item.priceCents === 0).map((item) => item.item);
  const unknown = normalised.filter((item) => !byItem.has(item.item)).map((item) => item.item);
  const belowFloor = normalised
    .filter((item) => item.priceCents > 0 && byItem.has(item.item) && item.priceCents < (byItem.get(item.item)?.floorCents ?? 0))
    .map((item) => ({ item: item.item, floorCents: byItem.get(item.item)?.floorCents ?? 0 }));
  const monthlyCents = normalised.reduce((sum, item) => sum + item.priceCents, 0);
  const referenceMonthlyCents = normalised.reduce((sum, item) => sum + (byItem.get(item.item)?.referencePriceCents ?? 0), 0);
  const overTemplate = exceedsTemplate(promise, template);
  return {
    free,
    belowFloor,
    unknown,
    duplicates,
    monthlyCents,
    referenceMonthlyCents,
    overTemplate,
    special: overTemplate && monthlyCents < referenceMonthlyCents,
    blocked: normalised.length === 0 || free.length > 0 || belowFloor.length > 0 || unknown.length > 0 || duplicates.length > 0 || !template,
  };
}
