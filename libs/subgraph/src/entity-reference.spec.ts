import { DomainError } from './errors';
import { FieldNode, OperationDefinitionNode, parse } from 'graphql';
import { batchedReference, loadOrNotFound, narrowedReference } from './entity-reference';
import { LoaderRegistry } from './loaders';
import { RequestContext } from './request-context';

// What the server builds per request (libs/subgraph-server): an identity and fresh loaders.
const contextFor = (requestId: string): RequestContext => ({ identity: { kind: 'anonymous' }, requestId, loaders: new LoaderRegistry() });

interface Thing {
  id: string;
  name: string;
}

const THINGS: Thing[] = [
  { id: 'a', name: 'first' },
  { id: 'b', name: 'second' },
];

describe('loadOrNotFound', () => {
  const key = Symbol('things');

  it('loads through the request loader that references use, in one batch', async () => {
    const context = contextFor('request-1');
    const loadByIds = jest.fn(async (ids: readonly string[]) => THINGS.filter((thing) => ids.includes(thing.id)));

    const [one, other] = await Promise.all([
      loadOrNotFound(context, key, 'Thing', 'a', loadByIds),
      batchedReference(key, loadByIds).__resolveReference({ id: 'b' }, context),
    ]);

    expect([one, other]).toEqual(THINGS);
    expect(loadByIds).toHaveBeenCalledTimes(1);
    expect(loadByIds.mock.calls[0][0]).toEqual(['a', 'b']);
  });

  it('throws NOT_FOUND naming the entity and id when there is no such row', async () => {
    const context = contextFor('request-2');
    const missing = loadOrNotFound(context, key, 'Thing', 'zzz', async () => THINGS);

    await expect(missing).rejects.toBeInstanceOf(DomainError);
    await expect(missing).rejects.toMatchObject({
      message: 'Thing zzz was not found',
      extensions: { code: 'NOT_FOUND', entity: 'Thing', id: 'zzz' },
    });
  });
});

describe('narrowedReference', () => {
  const key = Symbol('narrowed things');
  /** The `_entities` field of a fetch as __resolveReference's info sees it. */
  const infoOf = (selection: string) => {
    const operation = parse(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename ${selection} } }`).definitions[0] as OperationDefinitionNode;
    return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} };
  };

  it('tells the loader the fields the fetch asks of the type, one batch per set of fields, never shared with a wider one', async () => {
    const context = contextFor('request-3');
    const loadByIds = jest.fn(async (ids: readonly string[], _context: RequestContext, fields: ReadonlySet<string>) =>
      THINGS.filter((thing) => ids.includes(thing.id)).map((thing) => (fields.has('name') ? thing : { id: thing.id, name: '(not read)' })),
    );
    const { __resolveReference } = narrowedReference(key, loadByIds);
    const narrow = infoOf('... on Thing { id } ... on Other { name }');
    const wide = infoOf('... on Thing { id name }');

    const [a, b, wideA] = await Promise.all([
      __resolveReference({ id: 'a', __typename: 'Thing' }, context, narrow),
      __resolveReference({ id: 'b', __typename: 'Thing' }, context, narrow),
      __resolveReference({ id: 'a', __typename: 'Thing' }, context, wide),
    ]);

    expect(loadByIds).toHaveBeenCalledTimes(2);
    expect(loadByIds.mock.calls.map(([ids, , fields]) => [ids, [...fields].sort()])).toEqual([
      [
        ['a', 'b'],
        ['__typename', 'id'],
      ],
      [['a'], ['__typename', 'id', 'name']],
    ]);
    expect([a?.name, b?.name, wideA?.name]).toEqual(['(not read)', '(not read)', 'first']);
  });
});
