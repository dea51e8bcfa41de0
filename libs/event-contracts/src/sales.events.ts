import { defineEvent } from './define-event';

export const OrderChannels = ['ECOMMERCE', 'STORE', 'PHONE', 'PARTNER', 'VALUE_ADDED'] as const;
export type OrderChannel = (typeof OrderChannels)[number];

export interface OrderPlacedPayload {
  orderId: string;
  channel: OrderChannel;
  partnerId: string | null;
  partnerCode: string | null;
  externalRef: string | null;
  productModel: string;
  customer: {
    customerId: string;
    name: string;
    phone: string;
    city: string;
    address: string;
    /** The site's coordinates (WGS-84 degrees) when the partner sent them; dispatch measures the distance from them. Optional. */
    latitude?: number;
    longitude?: number;
  };
  /** ISO date (YYYY-MM-DD) the customer asked for, if any. */
  preferredDate: string | null;
}

export const OrderPlaced = defineEvent<OrderPlacedPayload>()({
  type: 'OrderPlaced',
  version: 1,
  source: 'sales',
  aggregateType: 'Order',
});

export interface ContractSignedPayload {
  contractId: string;
  customerId: string;
  city: string;
  siteAddress: string;
  businessType: string;
  signedAreaM2: number;
  /** Allowed deviation of a measured area, e.g. 0.1 for 10 %. */
  areaTolerance: number;
  serviceItems: { item: string; priceCents: number }[];
  visitsPerMonth: number;
  qualityStandard: string;
  monthlyPriceCents: number;
  startsOn: string;
}

/** A reviewed, active contract: dispatch schedules its visits. */
export const ContractSigned = defineEvent<ContractSignedPayload>()({
  type: 'ContractSigned',
  version: 1,
  source: 'sales',
  aggregateType: 'Contract',
});

export const ContractDisputeReasons = ['AREA_MISMATCH', 'BUNDLED_ITEM', 'OVER_PROMISE'] as const;
export type ContractDisputeReason = (typeof ContractDisputeReasons)[number];

export interface ContractDisputedPayload {
  contractId: string;
  customerId: string;
  reason: ContractDisputeReason;
  signedAreaM2: number | null;
  measuredAreaM2: number | null;
  workOrderId: string | null;
}

/** Complaints opens the investigation; service to the customer continues meanwhile. */
export const ContractDisputed = defineEvent<ContractDisputedPayload>()({
  type: 'ContractDisputed',
  version: 1,
  source: 'sales',
  aggregateType: 'Contract',
});

export interface SalespersonDepartedPayload {
  salespersonId: string;
  /** Customer id → the salesperson who now owns the card. */
  reassignments: { customerId: string; newOwnerId: string }[];
}

export const SalespersonDeparted = defineEvent<SalespersonDepartedPayload>()({
  type: 'SalespersonDeparted',
  version: 1,
  source: 'sales',
  aggregateType: 'Salesperson',
});

export const CustomerValueTiers = ['A', 'B', 'C', 'D'] as const;
export type CustomerValueTier = (typeof CustomerValueTiers)[number];

/** Dispatch serves higher values first when engineers are scarce. */
export interface CustomerValueChangedPayload {
  customerId: string;
  /** 0–100. */
  valueIndex: number;
  tier: CustomerValueTier;
  previousValueIndex: number | null;
}

export const CustomerValueChanged = defineEvent<CustomerValueChangedPayload>()({
  type: 'CustomerValueChanged',
  version: 1,
  source: 'sales',
  aggregateType: 'Customer',
});

export const ChurnAttributions = ['SERVICE', 'SALES', 'PRICE', 'UNCONTROLLABLE'] as const;
export type ChurnAttribution = (typeof ChurnAttributions)[number];

export interface CustomerChurnedPayload {
  customerId: string;
  reason: string;
  controllable: boolean;
  attribution: ChurnAttribution;
  churnedOn: string;
}

export const CustomerChurned = defineEvent<CustomerChurnedPayload>()({
  type: 'CustomerChurned',
  version: 1,
  source: 'sales',
  aggregateType: 'Customer',
});

/**
 * A customer card as other services may keep it in their read models: enough to check that a customer
 * exists and to show where they are. Contact details stay in sales; consumers ask the graph for them.
 */
export interface CustomerCardPayload {
  customerId: string;
  name: string;
  city: string;
  region: string;
  address: string;
  ownerId: string | null;
  key: boolean;
}

/** A new card, whichever path created it (a salesperson, or the first order from a new phone number). */
export const CustomerRegistered = defineEvent<CustomerCardPayload>()({
  type: 'CustomerRegistered',
  version: 1,
  source: 'sales',
  aggregateType: 'Customer',
});

/** The card's profile or owner changed; the payload is the whole card as above, not a diff. */
export const CustomerProfileChanged = defineEvent<CustomerCardPayload>()({
  type: 'CustomerProfileChanged',
  version: 1,
  source: 'sales',
  aggregateType: 'Customer',
});
