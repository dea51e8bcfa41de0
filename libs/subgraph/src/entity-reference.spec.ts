import { DomainError } from './errors';
import { batchedReference, loadOrNotFound } from './entity-reference';
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
