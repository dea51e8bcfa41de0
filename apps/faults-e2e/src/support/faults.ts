import { Client } from 'pg';
import { DEFAULT_DATABASE_URL, urlForDatabase } from '@aftercare/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDayFromToday } from '@aftercare/business-time';
import { GraphqlResponse, Platform, WORKSPACE_ROOT } from '@aftercare/testing';

export const REGISTER_PARTNER = `mutation RegisterPartner($input: RegisterPartnerInput!) {
  registerPartner(input: $input) { apiKey partner { id code } }
}`;

/**
 * Partner keys may run only the published partner operations (trusted documents), sent here by id as a
 * brand's integration does.
 */
const PARTNER_MANIFEST = join(WORKSPACE_ROOT, 'apps/gateway/trusted-documents/partner.json');
const published = (JSON.parse(readFileSync(PARTNER_MANIFEST, 'utf8')) as { operations: { id: string; name: string; body: string }[] }).operations;

export function partnerDocumentId(name: string): string {
  const document = published.find((operation) => operation.name === name);
  if (!document) throw new Error(`no published partner operation named ${name} in ${PARTNER_MANIFEST}`);
  return `sha256:${document.id}`;
}

/** Runs a published partner operation by its id. */
export async function asPartnerById<T>(platform: Platform, apiKey: string, name: string, variables: Record<string, unknown>): Promise<GraphqlResponse<T>> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ documentId: partnerDocumentId(name), variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphqlResponse<T>, 'status'>) };
}

export function installOrderInput(externalRef: string) {
  return {
    externalRef,
    productModel: 'AquaPure X5',
    customer: { name: 'Zhao Lei', phone: '+8613912345678', city: 'Hangzhou', address: '12 West Lake Road' },
    preferredDate: chinaDayFromToday(6),
  };
}

export async function registerPartner(platform: Platform, code: string): Promise<string> {
  const registered = await platform.asStaff<{ registerPartner: { apiKey: string } }>(['ADMIN'], REGISTER_PARTNER, {
    input: { code, name: `${code} brand` },
  });
  if (!registered.data) throw new Error(`registerPartner failed: ${JSON.stringify(registered.errors)}`);
  return registered.data.registerPartner.apiKey;
}

export interface Submitted {
  /** Orders sales committed (the mutation answered with an id). */
  committed: string[];
  /** Submissions answered with an error (allowed while a dependency is down, never silently lost). */
  refused: number;
  /** The distinct errors of refused submissions, for the report. */
  reasons: string[];
}

/** Partner orders submitted `concurrency` at a time; every committed one must reach dispatch. */
export async function submitOrders(platform: Platform, apiKey: string, prefix: string, count: number, concurrency = 4): Promise<Submitted> {
  const result: Submitted = { committed: [], refused: 0, reasons: [] };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const ref = `${prefix}-${next++}`;
        const response = await asPartnerById<{ submitInstallOrder: { id: string } }>(platform, apiKey, 'SubmitInstallOrder', {
          input: installOrderInput(ref),
        }).catch((error: Error) => ({ data: undefined, errors: [{ message: error.message }] }));
        if (response.data?.submitInstallOrder) {
          result.committed.push(response.data.submitInstallOrder.id);
        } else {
          result.refused += 1;
          const reason = JSON.stringify(response.errors?.[0] ?? 'no data');
          if (!result.reasons.includes(reason)) result.reasons.push(reason);
        }
      }
    }),
  );
  return result;
}

/** A read-only connection to one service's database, to count effects where they are stored. */
export async function serviceDatabase(platform: Platform, service: string): Promise<Client> {
  const name = `${platform.env['DATABASE_PREFIX']}_${service}`.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase();
  const client = new Client({ connectionString: urlForDatabase(platform.env['DATABASE_URL'] || DEFAULT_DATABASE_URL, name) });
  await client.connect();
  return client;
}

export interface DeliveryFigures {
  committed: number;
  /** Committed orders without their install work order in dispatch. */
  lost: number;
  /** Orders whose OrderPlaced took effect more than once (extra work orders or inbox entries). */
  appliedTwice: number;
}

/** What dispatch holds for these orders: one install work order and one inbox entry per OrderPlaced. */
export async function deliveryFigures(dispatch: Client, orderIds: string[]): Promise<DeliveryFigures> {
  const { rows } = await dispatch.query<{ order_id: string; n: number }>(
    `SELECT order_id, count(*)::int AS n FROM work_order WHERE order_id = ANY($1::uuid[]) AND type = 'INSTALL' GROUP BY order_id`,
    [orderIds],
  );
  const perOrder = new Map(rows.map((row) => [row.order_id, row.n]));
  const { rows: inbox } = await dispatch.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inbox_event WHERE event_type = 'OrderPlaced' GROUP BY event_id HAVING count(*) > 1`,
  );
  return {
    committed: orderIds.length,
    lost: orderIds.filter((id) => !perOrder.has(id)).length,
    appliedTwice: [...perOrder.values()].filter((n) => n > 1).length + inbox.length,
  };
}

/** One line per scenario, the figures the suite asserts, in the test output and in CI logs. */
export function report(scenario: string, figures: Record<string, number | string>): void {
  const line = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  // eslint-disable-next-line no-console
  console.log(`[faults] ${scenario}: ${line}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
