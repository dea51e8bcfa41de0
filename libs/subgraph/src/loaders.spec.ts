import { FieldNode, OperationDefinitionNode, parse } from 'graphql';
import { groupLoader, LoaderRegistry, loaderKey, narrowedGroupLoader } from './loaders';

interface Stage {
  planId: string;
  name: string;
}

describe('groupLoader', () => {
  it('gives each key its rows, an empty list for a key without any, reading all keys of one tick in one batch', async () => {
    const rows: Stage[] = [
      { planId: 'p1', name: 'carbon' },
      { planId: 'p2', name: 'membrane' },
      { planId: 'p1', name: 'sediment' },
    ];
    const loadByKeys = jest.fn(async (keys: readonly string[]) => rows.filter((row) => keys.includes(row.planId)));
    const loaders = new LoaderRegistry();
    const key = Symbol('stagesByPlan');

    const lists = await Promise.all(
      ['p1', 'p2', 'p3'].map((planId) => groupLoader<string, Stage>(loaders, key, loadByKeys, (stage) => stage.planId).load(planId)),
    );

    expect(lists.map((list) => list.map((stage) => stage.name))).toEqual([['carbon', 'sediment'], ['membrane'], []]);
    expect(loadByKeys).toHaveBeenCalledTimes(1);
    expect(loadByKeys.mock.calls[0][0]).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('narrowedGroupLoader', () => {
  /** A list field's resolve info, as each of its parents' resolvers sees it. */
  const infoOf = (selection: string) => {
    const operation = parse(`{ plans { stages { ${selection} } } }`).definitions[0] as OperationDefinitionNode;
    const plans = operation.selectionSet.selections[0] as FieldNode;
    return { fieldNodes: [plans.selectionSet!.selections[0] as FieldNode], fragments: {} };
  };

  it('tells the batch the fields asked of each row, one batch per set of fields, never shared with a wider one', async () => {
    const rows: Stage[] = [
      { planId: 'p1', name: 'carbon' },
      { planId: 'p2', name: 'membrane' },
    ];
    const loadByKeys = jest.fn(async (keys: readonly string[], fields: ReadonlySet<string>) =>
      rows.filter((row) => keys.includes(row.planId)).map((row) => (fields.has('name') ? row : { planId: row.planId, name: '(not read)' })),
    );
    const loaders = new LoaderRegistry();
    const load = (planId: string, selection: string) =>
      narrowedGroupLoader<string, Stage>(loaders, 'stagesByPlan', infoOf(selection), loadByKeys, (stage) => stage.planId).load(planId);

    const [narrowP1, narrowP2, wideP1] = await Promise.all([load('p1', 'planId'), load('p2', 'planId'), load('p1', 'planId name')]);

    expect(loadByKeys.mock.calls.map(([keys, fields]) => [keys, [...fields].sort()])).toEqual([
      [['p1', 'p2'], ['planId']],
      [['p1'], ['name', 'planId']],
    ]);
    expect([narrowP1, narrowP2, wideP1].map((list) => list.map((stage) => stage.name))).toEqual([['(not read)'], ['(not read)'], ['carbon']]);
  });
});

describe('loader keys', () => {
  class Contract {
    constructor(
      readonly id: string,
      readonly customerId: string,
    ) {}
  }
  const contracts = [new Contract('c1', 'k1'), new Contract('c2', 'k1'), new Contract('c3', 'k2')];

  it('keeps a by-id loader and a by-customer group loader apart even when both are keyed by the entity class', async () => {
    const loaders = new LoaderRegistry();
    const byId = loaders.get<string, Contract | null>(Contract, async (ids) => ids.map((id) => contracts.find((contract) => contract.id === id) ?? null));
    const byCustomer = groupLoader<string, Contract>(
      loaders,
      Contract,
      async (customerIds) => contracts.filter((contract) => customerIds.includes(contract.customerId)),
      (contract) => contract.customerId,
    );

    const [one, ofCustomer] = await Promise.all([byId.load('c3'), byCustomer.load('k1')]);
    expect(one?.id).toBe('c3');
    expect(ofCustomer.map((contract) => contract.id)).toEqual(['c1', 'c2']);
  });

  it('gives each typed key its own loader for the request, and the same one when asked again', () => {
    const loaders = new LoaderRegistry();
    const first = loaderKey<string, number>('open workload by agent');
    const second = loaderKey<string, number>('open workload by agent');
    const batch = async (keys: readonly string[]) => keys.map((key) => key.length);
    expect(loaders.get(first, batch)).toBe(loaders.get(first, batch));
    expect(loaders.get(first, batch)).not.toBe(loaders.get(second, batch));
  });
});
