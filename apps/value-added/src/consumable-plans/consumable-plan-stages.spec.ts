import { randomUUID } from 'node:crypto';
import { ServiceUnderTest, sqlStatementsDuring, staff, startServiceUnderTest } from '@aftercare/testing';
import { valueAddedService } from '../value-added.definition';

const DEFINE = `mutation ($input: DefineConsumablePlanInput!) { defineConsumablePlan(input: $input) { id } }`;
const PLANS = `{ consumablePlans { productModel stages { name } } }`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ConsumablePlan { productModel stages { name } } }
}`;

const agent = staff('VALUE_ADDED_AGENT');
const PLAN_COUNT = 4;

/**
 * Stages are fetched through a per-request DataLoader. The proof counts the SQL statements TypeORM
 * actually sends (every statement goes through the DataSource logger) while one request is served.
 */
describe('stages of many plans (value-added, real PostgreSQL)', () => {
  let valueAdded: ServiceUnderTest;
  const planIds: string[] = [];

  /** How many statements reading each table were sent while the request was served. */
  async function queriesDuring(request: () => Promise<unknown>): Promise<{ plan: number; stage: number }> {
    const statements = await sqlStatementsDuring(valueAdded.service.dataSource, request);
    const reading = (table: string) => statements.filter((sql) => sql.includes(`FROM "${table}"`)).length;
    return { plan: reading('consumable_plan'), stage: reading('consumable_stage') };
  }

  beforeAll(async () => {
    valueAdded = await startServiceUnderTest(valueAddedService);
    for (let i = 0; i < PLAN_COUNT; i++) {
      const stages = Array.from({ length: i + 1 }, (_, s) => ({ name: `stage ${i}.${s}`, intervalMonths: s + 1, priceCents: 1000 }));
      const response = await valueAdded.graphql<{ defineConsumablePlan: { id: string } }>(
        DEFINE,
        { input: { productModel: `model-${i}`, brand: 'Brand', stages } },
        agent,
      );
      planIds.push(response.data!.defineConsumablePlan.id);
    }
  });

  afterAll(() => valueAdded?.stop());

  it(`loads the stages of all ${PLAN_COUNT} listed plans with one query`, async () => {
    let plans: { productModel: string; stages: { name: string }[] }[] = [];
    const queries = await queriesDuring(async () => {
      const response = await valueAdded.graphql<{ consumablePlans: typeof plans }>(PLANS, {}, agent);
      plans = response.data!.consumablePlans;
    });
    expect(queries).toEqual({ plan: 1, stage: 1 });
    expect(plans.map((p) => [p.productModel, p.stages.length])).toEqual([
      ['model-0', 1],
      ['model-1', 2],
      ['model-2', 3],
      ['model-3', 4],
    ]);
    expect(plans[2]!.stages.map((s) => s.name)).toEqual(['stage 2.0', 'stage 2.1', 'stage 2.2']);
  });

  it('loads the plans and stages of many federation references with one query each', async () => {
    const representations = [...planIds, randomUUID()].map((id) => ({ __typename: 'ConsumablePlan', id }));
    let entities: ({ productModel: string; stages: unknown[] } | null)[] = [];
    const queries = await queriesDuring(async () => {
      const response = await valueAdded.graphql<{ _entities: typeof entities }>(ENTITIES, { representations }, agent);
      entities = response.data!._entities;
    });
    expect(queries).toEqual({ plan: 1, stage: 1 });
    expect(entities.map((e) => e && e.stages.length)).toEqual([1, 2, 3, 4, null]);
  });
});
