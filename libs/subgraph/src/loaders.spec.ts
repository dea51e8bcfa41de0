import { groupLoader, LoaderRegistry } from './loaders';

interface Stage {
  planId: string;
  name: string;
}

describe('groupLoader', () => {
  it("gives each key its rows, an empty list for a key without any, reading all keys of one tick in one batch", async () => {
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
