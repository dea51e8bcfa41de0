import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, outboxEvents, rowCounts, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { valueAddedService } from '../value-added.definition';

const DEFINE = `mutation ($input: DefineConsumablePlanInput!) {
  defineConsumablePlan(input: $input) { id productModel brand createdAt stages { name intervalMonths priceCents } }
}`;
const PLAN = `query ($productModel: String!) { consumablePlan(productModel: $productModel) { id productModel stages { name } } }`;
const PLANS = `{ consumablePlans { productModel } }`;

const agent = staff('VALUE_ADDED_AGENT');

function plan(overrides: Record<string, unknown> = {}) {
  return {
    productModel: `AquaPure ${randomUUID().slice(0, 8)}`,
    brand: 'AquaPure',
    stages: [
      { name: 'RO membrane', intervalMonths: 24, priceCents: 39900 },
      { name: 'PP sediment', intervalMonths: 3, priceCents: 3000 },
      { name: 'Activated carbon', intervalMonths: 6, priceCents: 4500 },
    ],
    ...overrides,
  };
}

describe('consumable plans (value-added, real PostgreSQL)', () => {
  let valueAdded: ServiceUnderTest;

  const stored = () => rowCounts(valueAdded.service.dataSource, { plans: 'consumable_plan', stages: 'consumable_stage', events: 'outbox_event' });

  async function define(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await valueAdded.graphql<{ defineConsumablePlan: Record<string, unknown> }>(DEFINE, { input }, agent);
    expect(response.errors).toBeUndefined();
    return response.data!.defineConsumablePlan;
  }

  beforeAll(async () => {
    valueAdded = await startServiceUnderTest(valueAddedService);
  });

  afterAll(() => valueAdded?.stop());

  describe('defineConsumablePlan', () => {
    it('stores the plan with its stages, soonest-due first, and one ConsumablePlanDefined in the outbox', async () => {
      const input = plan({ productModel: '  AquaPure X5 ', brand: ' AquaPure ' });
      const defined = await define(input);
      expect(defined).toMatchObject({
        productModel: 'AquaPure X5',
        brand: 'AquaPure',
        stages: [
          { name: 'PP sediment', intervalMonths: 3, priceCents: 3000 },
          { name: 'Activated carbon', intervalMonths: 6, priceCents: 4500 },
          { name: 'RO membrane', intervalMonths: 24, priceCents: 39900 },
        ],
      });
      const events = await outboxEvents(valueAdded.service.dataSource, 'ConsumablePlanDefined', defined['id'] as string);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toEqual({
        planId: defined['id'],
        productModel: 'AquaPure X5',
        brand: 'AquaPure',
        stages: input.stages,
      });
    });

    it('accepts a free stage (price 0), e.g. one included in a service package', async () => {
      const defined = await define(plan({ stages: [{ name: 'Inspection', intervalMonths: 12, priceCents: 0 }] }));
      expect(defined['stages']).toEqual([{ name: 'Inspection', intervalMonths: 12, priceCents: 0 }]);
    });

    it('refuses a second plan for the same model with CONSUMABLE_PLAN_EXISTS, also under concurrency', async () => {
      const input = plan();
      const responses = await Promise.all(Array.from({ length: 4 }, () => valueAdded.graphql(DEFINE, { input }, agent)));
      expect(responses.map((response) => errorCodes(response)[0] ?? 'OK').sort()).toEqual([
        'CONSUMABLE_PLAN_EXISTS',
        'CONSUMABLE_PLAN_EXISTS',
        'CONSUMABLE_PLAN_EXISTS',
        'OK',
      ]);
      const before = await stored();
      const again = await valueAdded.graphql(DEFINE, { input: plan({ productModel: ` ${input.productModel}` }) }, agent);
      expect(errorCodes(again)).toEqual(['CONSUMABLE_PLAN_EXISTS']);
      expect(await stored()).toEqual(before);
    });

    it.each([
      ['a blank product model', { productModel: ' ' }, 'productModel'],
      ['a blank brand', { brand: '' }, 'brand'],
      ['no stages', { stages: [] }, 'stages'],
      [
        'two stages of one name, whatever the case',
        {
          stages: [
            { name: 'Carbon', intervalMonths: 6, priceCents: 4500 },
            { name: 'carbon ', intervalMonths: 12, priceCents: 4500 },
          ],
        },
        'stages',
      ],
      ['a stage with a blank name', { stages: [{ name: '  ', intervalMonths: 3, priceCents: 3000 }] }, 'stages.0.name'],
      ['an interval under one month', { stages: [{ name: 'PP sediment', intervalMonths: 0, priceCents: 3000 }] }, 'stages.0.intervalMonths'],
      [
        'a negative price',
        {
          stages: [
            { name: 'PP sediment', intervalMonths: 3, priceCents: 3000 },
            { name: 'Carbon', intervalMonths: 6, priceCents: -1 },
          ],
        },
        'stages.1.priceCents',
      ],
    ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_case, overrides, field) => {
      const before = await stored();
      const response = await valueAdded.graphql(DEFINE, { input: plan(overrides) }, agent);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(response)).toContain(field);
      expect(await stored()).toEqual(before);
    });

    it('rejects fractional months or fen', async () => {
      const response = await valueAdded.graphql(DEFINE, { input: plan({ stages: [{ name: 'Carbon', intervalMonths: 6, priceCents: 45.5 }] }) }, agent);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });

    it('is for value-added agents, supervisors and admins only', async () => {
      expect((await valueAdded.graphql(DEFINE, { input: plan() }, staff('SUPERVISOR'))).errors).toBeUndefined();
      expect((await valueAdded.graphql(DEFINE, { input: plan() }, staff('ADMIN'))).errors).toBeUndefined();
      const before = await stored();
      expect(errorCodes(await valueAdded.graphql(DEFINE, { input: plan() }, staff('SALES', 'DISPATCHER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await valueAdded.graphql(DEFINE, { input: plan() }))).toEqual(['UNAUTHENTICATED']);
      expect(await stored()).toEqual(before);
    });
  });

  describe('reading plans', () => {
    it('finds the plan of a model, and null for a model without one', async () => {
      const defined = await define(plan());
      const found = await valueAdded.graphql(PLAN, { productModel: defined['productModel'] }, staff('DISPATCHER'));
      expect(found.data).toEqual({
        consumablePlan: {
          id: defined['id'],
          productModel: defined['productModel'],
          stages: [{ name: 'PP sediment' }, { name: 'Activated carbon' }, { name: 'RO membrane' }],
        },
      });
      expect((await valueAdded.graphql(PLAN, { productModel: 'No Such Model' }, agent)).data).toEqual({ consumablePlan: null });
    });

    it('lists every plan by product model', async () => {
      await define(plan({ productModel: 'zz-last' }));
      await define(plan({ productModel: '00-first' }));
      const models = (await valueAdded.graphql<{ consumablePlans: { productModel: string }[] }>(PLANS, {}, staff('SALES'))).data!.consumablePlans.map(
        (p) => p.productModel,
      );
      expect(models[0]).toBe('00-first');
      expect(models.at(-1)).toBe('zz-last');
      expect(models).toEqual([...models].sort());
    });

    it('is for staff who sell, schedule or edit consumables', async () => {
      expect(errorCodes(await valueAdded.graphql(PLANS, {}, staff('COMPLAINTS_AGENT')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await valueAdded.graphql(PLAN, { productModel: 'x' }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await valueAdded.graphql(PLANS))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
