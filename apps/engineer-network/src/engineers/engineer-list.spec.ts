import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, partner, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from '../engineer-network.definition';

const REGISTER = `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`;
const CHANGE = `mutation ($id: ID!, $input: ChangeEngineerProfileInput!) { changeEngineerProfile(engineerId: $id, input: $input) { id status } }`;
const ENGINEERS = `query ($first: Int, $after: String, $city: String, $brand: String, $productModel: String, $status: EngineerStatus, $employment: EngineerEmployment, $text: String) {
  engineers(first: $first, after: $after, city: $city, brand: $brand, productModel: $productModel, status: $status, employment: $employment, text: $text) {
    edges { cursor node { id name homeCity status } } pageInfo { hasNextPage endCursor }
  }
}`;
const RUN_BATCH = `mutation ($periodEnd: Date!) { runPayoutBatch(periodEnd: $periodEnd) { id periodEnd } }`;
const BATCHES = `query ($first: Int, $after: String, $from: Date, $to: Date) {
  payoutBatches(first: $first, after: $after, from: $from, to: $to) { edges { node { id periodEnd totalCents } } pageInfo { hasNextPage endCursor } }
}`;

type Page<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const dispatcher = staff('DISPATCHER');
let nextPhone = 13600000000 + Math.floor(Math.random() * 1_000_000);

describe('engineer and payout batch lists (engineer-network, real PostgreSQL)', () => {
  let network: ServiceUnderTest;

  async function ok<T>(query: string, variables: Record<string, unknown>, identity = dispatcher): Promise<T> {
    const response = await network.graphql<T>(query, variables, identity);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  /** Every node, two per page, so each query's cursors are exercised. */
  async function all<T>(query: string, field: string, variables: Record<string, unknown>, identity = dispatcher): Promise<T[]> {
    const nodes: T[] = [];
    let after: string | null = null;
    do {
      const page: Page<T> = (await ok<Record<string, Page<T>>>(query, { ...variables, first: 2, after }, identity))[field]!;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  async function register(overrides: Record<string, unknown>): Promise<string> {
    const input = { name: 'Zhang Wei', phone: String(nextPhone++), employment: 'EMPLOYEE', homeCity: 'Hangzhou', dailyCapacity: 6, ...overrides };
    return (await ok<{ registerEngineer: { id: string } }>(REGISTER, { input })).registerEngineer.id;
  }

  beforeAll(async () => {
    network = await startServiceUnderTest(engineerNetworkService);
  });

  afterAll(() => network?.stop());

  describe('engineers', () => {
    it('finds engineers by covered city, skill, status, employment and name or phone, page by page', async () => {
      const city = `Lists-${randomUUID().slice(0, 6)}`;
      const elsewhere = `Far-${randomUUID().slice(0, 6)}`;
      const philips = { brand: 'PHILIPS', productModel: 'AquaPure X5', certifiedOn: '2026-01-10' };
      const xiaomi = { brand: 'XIAOMI', productModel: 'H1000G', certifiedOn: '2026-02-01' };
      const home = await register({ name: 'Wu Lan', homeCity: city, skills: [philips] });
      const covering = await register({ name: 'Ma Jun', homeCity: elsewhere, cities: [city.toUpperCase()], skills: [xiaomi], employment: 'PLATFORM_PARTNER' });
      const onLeave = await register({ name: 'Gao Yan', homeCity: city, skills: [philips, xiaomi] });
      const away = await register({ name: 'Lin Tao', homeCity: elsewhere, skills: [philips] });
      await ok(CHANGE, { id: onLeave, input: { status: 'ON_LEAVE' } });
      const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

      expect(ids(await all(ENGINEERS, 'engineers', { city: city.toLowerCase() }))).toEqual([home, covering, onLeave]);
      expect(ids(await all(ENGINEERS, 'engineers', { city, brand: 'philips' }))).toEqual([home, onLeave]);
      expect(ids(await all(ENGINEERS, 'engineers', { city, brand: 'PHILIPS', productModel: 'H1000G' }))).toEqual([]);
      expect(ids(await all(ENGINEERS, 'engineers', { city, productModel: 'h1000g' }))).toEqual([covering, onLeave]);
      expect(ids(await all(ENGINEERS, 'engineers', { city, status: 'ACTIVE' }))).toEqual([home, covering]);
      expect(ids(await all(ENGINEERS, 'engineers', { city, employment: 'PLATFORM_PARTNER' }))).toEqual([covering]);
      expect(ids(await all(ENGINEERS, 'engineers', { city: elsewhere }))).toEqual([covering, away]);
      expect(ids(await all(ENGINEERS, 'engineers', { city, text: 'wu l' }))).toEqual([home]);
    });

    it('is for dispatchers, supervisors and admins, and refuses forged cursors', async () => {
      expect((await network.graphql(ENGINEERS, {}, staff('SUPERVISOR'))).errors).toBeUndefined();
      for (const caller of [staff('ENGINEER'), staff('COMPLAINTS_AGENT'), partner()])
        expect(errorCodes(await network.graphql(ENGINEERS, {}, caller))).toEqual(['FORBIDDEN']);
      expect(invalidFields(await network.graphql(ENGINEERS, { after: 'Zm9yZ2Vk' }, dispatcher))).toEqual(['after']);
    });
  });

  describe('payoutBatches', () => {
    it('lists batches newest run first, by the day their period ends', async () => {
      const periods = ['2026-08-31', '2026-09-30', '2026-10-31'];
      const batches: string[] = [];
      for (const periodEnd of periods)
        batches.push((await ok<{ runPayoutBatch: { id: string } }>(RUN_BATCH, { periodEnd }, staff('SUPERVISOR'))).runPayoutBatch.id);
      type Batch = { id: string; periodEnd: string };
      expect((await all<Batch>(BATCHES, 'payoutBatches', {})).map((batch) => batch.id)).toEqual([...batches].reverse());
      expect((await all<Batch>(BATCHES, 'payoutBatches', { from: '2026-09-01', to: '2026-10-31' })).map((batch) => batch.periodEnd)).toEqual([
        '2026-10-31',
        '2026-09-30',
      ]);
      expect(errorCodes(await network.graphql(BATCHES, {}, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
    });
  });
});
