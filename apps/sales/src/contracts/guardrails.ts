import { SalesErrorCodes } from '@aftercare/error-codes';
import { DomainError } from '@aftercare/subgraph';
import { formatFen } from '../money';
import { PromiseTemplate, QualityStandard, QualityStandards, ReferencePrice } from '../reference-data/reference-data.entities';

export interface PricedItem {
  item: string;
  priceCents: number;
}

export interface ServicePromise {
  visitsPerMonth: number;
  qualityStandard: QualityStandard;
}

/**
 * Every item priced, and none below its floor: a free item or a price under the band is a hidden
 * discount that service later cannot afford. Returns what the items cost at reference prices.
 */
export function checkPricing(items: PricedItem[], references: ReferencePrice[], where: { region: string; businessType: string }): number {
  const free = items.find((item) => item.priceCents === 0);
  if (free) {
    throw new DomainError(
      SalesErrorCodes.FREE_BUNDLED_ITEM,
      `${free.item} is priced at 0: every service item must be priced (a free item is a disguised discount)`,
      { item: free.item },
    );
  }
  const byItem = new Map(references.map((reference) => [reference.serviceItem, reference]));
  let referenceTotal = 0;
  for (const item of items) {
    const reference = byItem.get(item.item);
    if (!reference) {
      throw new DomainError(SalesErrorCodes.NO_REFERENCE_PRICE, `There is no reference price for ${item.item} in ${where.region} for ${where.businessType}`, {
        item: item.item,
        ...where,
      });
    }
    if (item.priceCents < reference.floorCents) {
      throw new DomainError(
        SalesErrorCodes.PRICE_BELOW_FLOOR,
        `${item.item} offered at ${formatFen(item.priceCents)} is below the floor of ${formatFen(reference.floorCents)} (reference ${formatFen(reference.referencePriceCents)}, band ${reference.bandPercent} %)`,
        { item: item.item, offeredCents: item.priceCents, floorCents: reference.floorCents, referencePriceCents: reference.referencePriceCents },
      );
    }
    referenceTotal += reference.referencePriceCents;
  }
  return referenceTotal;
}

const rank = (standard: QualityStandard) => QualityStandards.indexOf(standard);

/** More visits, or a stricter standard, than the business type's template. */
export function exceeds(promise: ServicePromise, template: ServicePromise): boolean {
  return promise.visitsPerMonth > template.visitsPerMonth || rank(promise.qualityStandard) > rank(template.qualityStandard);
}

export function requireTemplate(template: PromiseTemplate | null, businessType: string): PromiseTemplate {
  if (!template) throw new DomainError(SalesErrorCodes.NO_PROMISE_TEMPLATE, `There is no standard promise template for ${businessType}`, { businessType });
  return template;
}

/** Low price and high cost at once: the customer is assessed separately. */
export function specialReasons(monthlyPriceCents: number, referenceTotal: number, promise: ServicePromise, template: ServicePromise): string[] {
  const lowPrice = monthlyPriceCents < referenceTotal;
  const highCost = exceeds(promise, template);
  if (!lowPrice || !highCost) return [];
  return [
    `Priced ${formatFen(monthlyPriceCents)} against a reference of ${formatFen(referenceTotal)} a month`,
    `Promises ${promise.visitsPerMonth} visits/month at ${promise.qualityStandard} against a template of ${template.visitsPerMonth} at ${template.qualityStandard}`,
  ];
}
