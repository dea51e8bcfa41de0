/**
 * Headers the gateway owns. Anything a client sends under these names is stripped at the edge,
 * so a subgraph can trust them only when the signature verifies.
 */
export const IDENTITY_HEADER = 'x-aftercare-identity';
export const REQUEST_ID_HEADER = 'x-request-id';
export const PARTNER_API_KEY_HEADER = 'x-api-key';
