/**
 * The stable `extensions.code` values of the platform, one typed catalogue per service. Messages are for people
 * and may change; codes may not. A service throws only codes of its catalogue (or the generic ones), and the
 * console keys its sentences by them (`common:errors.<CODE>`; a console test fails on a code without one in
 * each language). No node: modules here: the console imports this library in the browser.
 */
function catalogue<const Code extends string>(...codes: Code[]): { readonly [C in Code]: C } {
  return Object.freeze(Object.fromEntries(codes.map((code) => [code, code]))) as { readonly [C in Code]: C };
}

/** What any service (and the gateway) may answer, whatever the business. */
export const GenericErrorCodes = catalogue(
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE_TRANSITION',
  /** The service cannot reach its database right now; `extensions.retryable` says whether trying again is safe. */
  'DATABASE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
);

/** What the gateway answers before or instead of a subgraph (the edge, partner keys, trusted documents). */
export const GatewayErrorCodes = catalogue(
  'BAD_REQUEST',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_ALLOWED',
  /** The partner-key check could not be made just now (`retryable`). */
  'AUTHENTICATION_UNAVAILABLE',
  /** A subgraph did not answer; `extensions.service` names it. (A subgraph's DOWNSTREAM_SERVICE_ERROR is masked as INTERNAL_SERVER_ERROR.) */
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
);

export const SalesErrorCodes = catalogue(
  'CUSTOMER_ALREADY_CHURNED',
  'CUSTOMER_PHONE_TAKEN',
  'FREE_BUNDLED_ITEM',
  'NO_PROMISE_TEMPLATE',
  'NO_REFERENCE_PRICE',
  'NO_SUCCESSOR',
  'PARTNER_CODE_TAKEN',
  'PRICE_BELOW_FLOOR',
  'PROMISE_EXCEEDS_TEMPLATE',
  'STAFF_USER_TAKEN',
);

export const DispatchErrorCodes = catalogue('EVALUATION_EXISTS', 'SELF_INSTALL_NOT_OFFERED');

export const ComplaintsErrorCodes = catalogue(
  'ALREADY_WAITING_ON_CUSTOMER',
  'COMPENSATION_PENDING',
  'DISPUTE_ALREADY_OPEN',
  'EVIDENCE_MISSING',
  'LIABILITY_ALREADY_DETERMINED',
  'NOT_WAITING_ON_CUSTOMER',
  'OPINION_REQUIRED',
);

export const EngineerNetworkErrorCodes = catalogue(
  'BACKUP_TASK_NOT_OPEN',
  'ENGINEER_PHONE_TAKEN',
  'ENGINEER_SUSPENDED',
  'PAYOUT_BATCH_EXISTS',
  'UNAVAILABILITY_OVERLAPS',
);

export const ValueAddedErrorCodes = catalogue('AGENT_NOT_ON_TEAM', 'CONSUMABLE_PLAN_EXISTS');

/** Every catalogue by who answers with it. */
export const ErrorCatalogue = {
  generic: GenericErrorCodes,
  gateway: GatewayErrorCodes,
  sales: SalesErrorCodes,
  'service-dispatch': DispatchErrorCodes,
  complaints: ComplaintsErrorCodes,
  'engineer-network': EngineerNetworkErrorCodes,
  'value-added': ValueAddedErrorCodes,
} as const;

type CodesOf<T> = T[keyof T];
/** Any code a service or the gateway may put in `extensions.code`. */
export type ErrorCode = { [Source in keyof typeof ErrorCatalogue]: CodesOf<(typeof ErrorCatalogue)[Source]> }[keyof typeof ErrorCatalogue];
/** What a service may throw: the generic codes and its business codes. */
export type ServiceErrorCode = Exclude<ErrorCode, CodesOf<typeof GatewayErrorCodes>>;

/** Every catalogued code, once. */
export const ALL_ERROR_CODES: readonly ErrorCode[] = [...new Set(Object.values(ErrorCatalogue).flatMap((codes) => Object.values(codes) as ErrorCode[]))];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ALL_ERROR_CODES as readonly string[]).includes(code);
}
