import { randomUUID } from 'node:crypto';
import {
  errorCodes,
  invalidFields,
  outboxEvents,
  partner,
  postGraphql,
  rowCounts,
  staff,
  startServiceUnderTest,
  ServiceUnderTest,
  system,
} from '@aftercare/testing';
import { todayInChina } from '@aftercare/business-time';
import type { PartnerIdentity } from '@aftercare/identity';
import { salesService } from '../sales.definition';

const REGISTER = `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { apiKey partner { id code name } } }`;
const CREDENTIAL = `query ($apiKey: String!) { partnerCredential(apiKey: $apiKey) { partnerId partnerCode } }`;
const SUBMIT = `mutation ($input: SubmitInstallOrderInput!) {
  submitInstallOrder(input: $input) { id externalRef status channel productModel city siteAddress preferredDate customer { id name phone } partner { code } }
}`;
const ORDER = `query ($id: ID!) { order(id: $id) { id externalRef } }`;
const MY_ORDERS = `query ($first: Int!, $after: String) { myOrders(first: $first, after: $after) { edges { cursor node { externalRef } } pageInfo { hasNextPage endCursor } } }`;

const admin = staff('ADMIN');
/** A China-time day a few days ahead, so the preferred date is always bookable. */
const SOON = todayInChina(new Date(Date.now() + 3 * 86_400_000));

function installOrder(overrides: Record<string, unknown> = {}) {
  return {
    externalRef: `PO-${randomUUID().slice(0, 8)}`,
    productModel: 'AquaPure X5',
    customer: { name: 'Wang Fang', phone: '13800138000', city: 'Shanghai', address: '88 Century Avenue, Pudong' },
    preferredDate: SOON,
    ...overrides,
  };
}

describe('partner install orders (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let brand: PartnerIdentity;
  let otherBrand: PartnerIdentity;

  async function registerPartner(code: string): Promise<PartnerIdentity> {
    const response = await sales.graphql<{ registerPartner: { apiKey: string; partner: { id: string; code: string } } }>(
      REGISTER,
      { input: { code, name: `${code} Ltd` } },
      admin,
    );
    const { partner: registered } = response.data!.registerPartner;
    return partner(registered.id, registered.code);
  }

  const stored = () => rowCounts(sales.service.dataSource, { orders: 'sales_order', customers: 'customer', events: 'outbox_event' });

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    brand = await registerPartner('philips');
    otherBrand = await registerPartner('xiaomi');
  });

  afterAll(() => sales?.stop());

  describe('registerPartner', () => {
    it('returns an API key once, stores only its hash, and the key identifies the partner', async () => {
      const response = await sales.graphql<{ registerPartner: { apiKey: string; partner: { id: string; code: string } } }>(
        REGISTER,
        { input: { code: 'midea', name: 'Midea' } },
        admin,
      );
      const { apiKey, partner: registered } = response.data!.registerPartner;
      expect(registered.code).toBe('MIDEA');
      expect(apiKey).toMatch(/^ak_midea_[A-Za-z0-9_-]{43}$/);
      const stored = await sales.service.dataSource.query('SELECT key_hash, prefix FROM partner_api_key WHERE partner_id = $1', [registered.id]);
      expect(stored).toHaveLength(1);
      expect(stored[0].key_hash).not.toContain(apiKey);
      expect(apiKey.startsWith(stored[0].prefix)).toBe(true);

      const credential = await sales.graphql(CREDENTIAL, { apiKey }, system());
      expect(credential.data).toEqual({ partnerCredential: { partnerId: registered.id, partnerCode: 'MIDEA' } });
      const unknown = await sales.graphql(CREDENTIAL, { apiKey: 'ak_midea_not-a-key' }, system());
      expect(unknown.data).toEqual({ partnerCredential: null });
    });

    it('refuses a taken code, non-admins and anonymous callers', async () => {
      expect(errorCodes(await sales.graphql(REGISTER, { input: { code: 'PHILIPS', name: 'Again' } }, admin))).toEqual(['PARTNER_CODE_TAKEN']);
      expect(errorCodes(await sales.graphql(REGISTER, { input: { code: 'acme', name: 'Acme' } }, staff('SALES')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await sales.graphql(REGISTER, { input: { code: 'acme', name: 'Acme' } }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await sales.graphql(CREDENTIAL, { apiKey: 'x' }, brand))).toEqual(['FORBIDDEN']);
    });
  });

  describe('submitInstallOrder', () => {
    it('creates the order, the customer card and one OrderPlaced event in the outbox', async () => {
      const input = installOrder();
      const response = await sales.graphql<{ submitInstallOrder: Record<string, unknown> }>(SUBMIT, { input }, brand);
      expect(response.errors).toBeUndefined();
      const order = response.data!.submitInstallOrder;
      expect(order).toMatchObject({
        externalRef: input.externalRef,
        status: 'PLACED',
        channel: 'PARTNER',
        productModel: 'AquaPure X5',
        city: 'Shanghai',
        preferredDate: SOON,
        customer: { name: 'Wang Fang', phone: '13800138000' },
        partner: { code: 'PHILIPS' },
      });
      const events = await outboxEvents(sales.service.dataSource, 'OrderPlaced', order['id'] as string);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({
        orderId: order['id'],
        partnerCode: 'PHILIPS',
        externalRef: input.externalRef,
        customer: { city: 'Shanghai', address: '88 Century Avenue, Pudong' },
      });
    });

    it('returns the same order for the same externalRef, also under concurrent resubmission', async () => {
      const input = installOrder();
      const responses = await Promise.all(Array.from({ length: 6 }, () => sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input }, brand)));
      const ids = new Set(responses.map((response) => response.data?.submitInstallOrder.id));
      expect(ids.size).toBe(1);
      const rows = await sales.service.dataSource.query('SELECT id FROM sales_order WHERE external_ref = $1', [input.externalRef]);
      expect(rows).toHaveLength(1);
      const events = await sales.service.dataSource.query('SELECT 1 FROM outbox_event WHERE message_key = $1', [rows[0].id]);
      expect(events).toHaveLength(1);
    });

    it('lets two partners use the same reference independently', async () => {
      const input = installOrder();
      const mine = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input }, brand);
      const theirs = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input }, otherBrand);
      expect(mine.data!.submitInstallOrder.id).not.toEqual(theirs.data!.submitInstallOrder.id);
    });

    it.each([
      ['a blank customer name', { customer: { name: '  ', phone: '13800138000', city: 'Shanghai', address: 'x' } }, 'customer.name'],
      ['a malformed phone', { customer: { name: 'Li Lei', phone: '12345', city: 'Shanghai', address: 'x' } }, 'customer.phone'],
      ['a blank externalRef', { externalRef: '' }, 'externalRef'],
      ['a blank product model', { productModel: ' ' }, 'productModel'],
      [
        'a site latitude without its longitude',
        { customer: { name: 'Li Lei', phone: '13800138000', city: 'Shanghai', address: 'x', latitude: 31.6 } },
        'customer.longitude',
      ],
      [
        'a site latitude off the globe',
        { customer: { name: 'Li Lei', phone: '13800138000', city: 'Shanghai', address: 'x', latitude: 95, longitude: 121.4 } },
        'customer.latitude',
      ],
    ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_case, overrides, field) => {
      const before = await stored();
      const response = await sales.graphql(SUBMIT, { input: installOrder(overrides) }, brand);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(response)).toContain(field);
      expect(await stored()).toEqual(before);
    });

    it("passes the site's coordinates, when the partner sends them, on to dispatch with OrderPlaced", async () => {
      const site = { name: 'Chongming Farm', phone: '13800138000', city: 'Shanghai', address: '12 Bayi Road, Chongming', latitude: 31.623, longitude: 121.397 };
      const withPoint = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input: installOrder({ customer: site }) }, brand);
      const without = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input: installOrder() }, brand);
      const placed = async (orderId: string) =>
        (
          await sales.service.dataSource.query(
            `SELECT envelope->'payload'->'customer' AS customer FROM outbox_event WHERE event_type = 'OrderPlaced' AND message_key = $1`,
            [orderId],
          )
        )[0].customer;
      expect(await placed(withPoint.data!.submitInstallOrder.id)).toMatchObject({ address: '12 Bayi Road, Chongming', latitude: 31.623, longitude: 121.397 });
      expect(await placed(without.data!.submitInstallOrder.id)).not.toHaveProperty('latitude');
    });

    it('rejects a date that does not exist', async () => {
      const response = await sales.graphql(SUBMIT, { input: installOrder({ preferredDate: '2026-02-30' }) }, brand);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });

    it('is only for partners', async () => {
      expect(errorCodes(await sales.graphql(SUBMIT, { input: installOrder() }, staff('SALES')))).toEqual(['FORBIDDEN']);
    });
  });

  describe('reading orders', () => {
    it("hides another partner's order as not found, and shows it to staff", async () => {
      const input = installOrder();
      const submitted = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input }, brand);
      const id = submitted.data!.submitInstallOrder.id;
      expect((await sales.graphql(ORDER, { id }, brand)).data).toEqual({ order: { id, externalRef: input.externalRef } });
      expect(errorCodes(await sales.graphql(ORDER, { id }, otherBrand))).toEqual(['NOT_FOUND']);
      expect((await sales.graphql(ORDER, { id }, staff('DISPATCHER'))).data).toEqual({ order: { id, externalRef: input.externalRef } });
      expect(errorCodes(await sales.graphql(ORDER, { id: 'not-a-uuid' }, staff('SUPERVISOR')))).toEqual(['BAD_USER_INPUT']);
    });

    it("pages through the partner's own orders, newest first", async () => {
      const pager = await registerPartner(`pager${Date.now() % 100000}`);
      const refs: string[] = [];
      for (let i = 0; i < 5; i++) {
        const input = installOrder({ externalRef: `PAGE-${i}` });
        await sales.graphql(SUBMIT, { input }, pager);
        refs.push(input.externalRef as string);
      }
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        type Page = { myOrders: { edges: { node: { externalRef: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
        const response: Awaited<ReturnType<typeof sales.graphql<Page>>> = await sales.graphql<Page>(MY_ORDERS, { first: 2, after }, pager);
        seen.push(...response.data!.myOrders.edges.map((edge) => edge.node.externalRef));
        after = response.data!.myOrders.pageInfo.endCursor;
        expect(response.data!.myOrders.pageInfo.hasNextPage).toBe(page < 2);
      }
      expect(seen).toEqual([...refs].reverse());
    });
  });

  describe('the gateway signature', () => {
    it('is required: unsigned or forged requests are refused with 401', async () => {
      const unsigned = await postGraphql(sales.service.url, ORDER, { id: randomUUID() });
      expect(unsigned.status).toBe(401);
      expect(errorCodes(unsigned)).toEqual(['UNAUTHENTICATED']);
      const forged = await postGraphql(sales.service.url, ORDER, { id: randomUUID() }, { 'x-aftercare-identity': 'eyJhbGciOiJub25lIn0.e30.' });
      expect(forged.status).toBe(401);
    });
  });
});
