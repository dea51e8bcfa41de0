import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDayFromToday } from '@aftercare/business-time';
import { GraphqlResponse, WORKSPACE_ROOT } from '@aftercare/testing';

/** The operations a partner integration and an admin console send, as they would write them. */
export const REGISTER_PARTNER = `mutation RegisterPartner($input: RegisterPartnerInput!) {
  registerPartner(input: $input) { apiKey partner { id code name } }
}`;

/**
 * What a partner integration may send: only the operations the platform publishes for partners
 * (apps/gateway/trusted-documents/partner/*.graphql, ids in partner.json). These are their exact published
 * texts, so a test that sends the text runs the same document; `asPartnerById` sends the id, as integrations do.
 */
const PARTNER_MANIFEST = join(WORKSPACE_ROOT, 'apps/gateway/trusted-documents/partner.json');
const published = (JSON.parse(readFileSync(PARTNER_MANIFEST, 'utf8')) as { operations: { id: string; name: string; body: string }[] }).operations;

export function partnerDocument(name: string): { id: string; body: string } {
  const document = published.find((operation) => operation.name === name);
  if (!document) throw new Error(`no published partner operation named ${name} in ${PARTNER_MANIFEST}`);
  return document;
}

export const SUBMIT_INSTALL_ORDER = partnerDocument('SubmitInstallOrder').body;
export const ORDER_WITH_WORK_ORDERS = partnerDocument('Order').body;
/** `$first` defaults to 20. */
export const MY_ORDERS = partnerDocument('MyOrders').body;

/** Runs a published partner operation by its id, the way a brand's integration calls the graph. */
export function asPartnerById<T = Record<string, unknown>>(
  gatewayUrl: string,
  apiKey: string,
  name: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<T>> {
  return fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ documentId: `sha256:${partnerDocument(name).id}`, variables }),
  }).then(async (response) => ({ status: response.status, ...((await response.json()) as Omit<GraphqlResponse<T>, 'status'>) }));
}

export interface RegisteredPartner {
  registerPartner: { apiKey: string; partner: { id: string; code: string } };
}

export interface SubmittedOrder {
  submitInstallOrder: { id: string; externalRef: string; status: string; channel: string };
}

export interface OrderWithWorkOrders {
  order: {
    id: string;
    externalRef: string;
    status: string;
    channel: string;
    productModel: string;
    city: string;
    siteAddress: string;
    preferredDate: string | null;
    createdAt: string;
    customer: { name: string };
    workOrders: { id: string; type: string; status: string; appointmentDate: string | null; appointmentSlot: string | null; completedAt: string | null }[];
  };
}

export function installOrderInput(externalRef: string) {
  return {
    externalRef,
    productModel: 'AquaPure X5',
    customer: { name: 'Zhao Lei', phone: '+8613912345678', city: 'Hangzhou', address: '12 West Lake Road' },
    preferredDate: chinaDayFromToday(6),
  };
}
