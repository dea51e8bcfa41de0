import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, ApolloServerOptions, BaseContext } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { generateGatewayKeyPair, Identity } from '@aftercare/identity';
import { SignedSubgraphDataSource } from '../signed-subgraph-data-source';
import { persistedQueryRefusal } from './persisted-queries';
import { SubgraphTransports } from './subgraph-http-client';
import { subgraphTransportConfigFrom } from './transport-config';

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (@apollo/gateway does not export the enum from its entry point). */
const INCOMING = 'incoming operation' as Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>['kind'];
const keys = generateGatewayKeyPair();
const DISPATCHER: Identity = { kind: 'staff', userId: 'wang.fang', name: 'Wang Fang', roles: ['DISPATCHER'] };

const typeDefs = `
  type Query { workOrder(id: ID!): String }
  type Mutation { assignWorkOrder(id: ID!): String }
`;

/** One request as it reached the subgraph: with the query's text or only its hash. */
interface Arrival {
  text: boolean;
  hash: string | undefined;
}

/** A real Apollo Server subgraph whose persisted-query store the test can empty (a restart, an eviction). */
async function subgraph(options: { persistedQueries: boolean }) {
  const arrivals: Arrival[] = [];
  const store = new Map<string, string>();
  let assignments = 0;
  const apollo = new ApolloServer<BaseContext>({
    typeDefs,
    resolvers: {
      Query: { workOrder: (_: unknown, { id }: { id: string }) => `work order ${id}` },
      Mutation: {
        assignWorkOrder: (_: unknown, { id }: { id: string }) => {
          assignments += 1;
          return `assigned ${id}`;
        },
      },
    },
    persistedQueries: options.persistedQueries
      ? {
          cache: {
            get: async (key: string) => store.get(key),
            set: async (key: string, value: string) => void store.set(key, value),
            delete: async (key: string) => store.delete(key),
          },
        }
      : false,
    plugins: [
      {
        async requestDidStart({ request }) {
          const persisted = request.extensions?.['persistedQuery'] as { sha256Hash?: string } | undefined;
          arrivals.push({ text: typeof request.query === 'string', hash: persisted?.sha256Hash });
        },
      },
    ],
  } as ApolloServerOptions<BaseContext>);
  const { url } = await startStandaloneServer(apollo, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, arrivals, forget: () => store.clear(), assignments: () => assignments, stop: () => apollo.stop() };
}

function fetch(source: SignedSubgraphDataSource, query: string, variables: Record<string, unknown>) {
  return source.process({
    kind: INCOMING,
    request: { query, variables },
    context: { identity: DISPATCHER, requestId: 'r-1' },
    incomingRequestContext: {} as never,
  });
}

const WORK_ORDER = 'query($id: ID!) { workOrder(id: $id) }';
const ASSIGN = 'mutation($id: ID!) { assignWorkOrder(id: $id) }';

describe('subgraph fetches by persisted query hash', () => {
  let transports: SubgraphTransports;
  let stops: (() => Promise<void>)[];
  beforeEach(() => {
    transports = new SubgraphTransports(subgraphTransportConfigFrom({}));
    stops = [];
  });
  afterEach(async () => {
    transports.destroy();
    await Promise.all(stops.map((stop) => stop()));
  });
  async function start(options: { persistedQueries: boolean }) {
    const started = await subgraph(options);
    stops.push(started.stop);
    return started;
  }

  it('sends the text with the hash the first time, then only the hash; a subgraph that forgot the query is sent it again', async () => {
    const dispatch = await start({ persistedQueries: true });
    const source = new SignedSubgraphDataSource(dispatch.url, keys.privateKey, 'service-dispatch', transports);

    const first = await fetch(source, WORK_ORDER, { id: 'WO-1' });
    expect(first).toEqual({ data: { workOrder: 'work order WO-1' } });
    // One request: the text and its hash, which registers the query.
    expect(dispatch.arrivals).toEqual([{ text: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const hash = dispatch.arrivals[0]!.hash;

    const next = await Promise.all(['WO-2', 'WO-3', 'WO-4'].map((id) => fetch(source, WORK_ORDER, { id })));
    expect(next.map((answer) => answer.data?.['workOrder'])).toEqual(['work order WO-2', 'work order WO-3', 'work order WO-4']);
    expect(dispatch.arrivals.slice(1)).toEqual([0, 1, 2].map(() => ({ text: false, hash })));

    // Restarted, or evicted: the hash alone is refused (nothing runs), then the text goes again with it.
    dispatch.forget();
    const afterRestart = await fetch(source, WORK_ORDER, { id: 'WO-5' });
    expect(afterRestart).toEqual({ data: { workOrder: 'work order WO-5' } });
    expect(dispatch.arrivals.slice(4)).toEqual([
      { text: false, hash },
      { text: true, hash },
    ]);
  });

  it('runs a mutation once when the subgraph had forgotten its hash: the refused request ran nothing', async () => {
    const dispatch = await start({ persistedQueries: true });
    const source = new SignedSubgraphDataSource(dispatch.url, keys.privateKey, 'service-dispatch', transports);

    expect(await fetch(source, ASSIGN, { id: 'WO-9' })).toEqual({ data: { assignWorkOrder: 'assigned WO-9' } });
    dispatch.forget();
    expect(await fetch(source, ASSIGN, { id: 'WO-10' })).toEqual({ data: { assignWorkOrder: 'assigned WO-10' } });
    expect(await fetch(source, ASSIGN, { id: 'WO-11' })).toEqual({ data: { assignWorkOrder: 'assigned WO-11' } });
    expect(dispatch.assignments()).toBe(3);
    expect(dispatch.arrivals.map(({ text }) => text)).toEqual([true, false, true, false]);
  });

  it('falls back to the text for good when the subgraph does not support persisted queries', async () => {
    const plain = await start({ persistedQueries: false });
    const source = new SignedSubgraphDataSource(plain.url, keys.privateKey, 'complaints', transports);

    for (const id of ['WO-1', 'WO-2', 'WO-3']) expect(await fetch(source, WORK_ORDER, { id })).toEqual({ data: { workOrder: `work order ${id}` } });
    // Refused once (not supported, even with the text), then the text without a hash on every fetch.
    expect(plain.arrivals).toEqual([
      { text: true, hash: expect.any(String) },
      { text: true, hash: undefined },
      { text: true, hash: undefined },
      { text: true, hash: undefined },
    ]);
  });

  it('sends the text every time when switched off (GATEWAY_SUBGRAPH_PERSISTED_QUERIES=off)', async () => {
    const dispatch = await start({ persistedQueries: true });
    const off = new SubgraphTransports(subgraphTransportConfigFrom({ GATEWAY_SUBGRAPH_PERSISTED_QUERIES: 'off' }));
    try {
      const source = new SignedSubgraphDataSource(dispatch.url, keys.privateKey, 'service-dispatch', off);
      await fetch(source, WORK_ORDER, { id: 'WO-1' });
      await fetch(source, WORK_ORDER, { id: 'WO-2' });
      expect(dispatch.arrivals).toEqual([
        { text: true, hash: undefined },
        { text: true, hash: undefined },
      ]);
    } finally {
      off.destroy();
    }
  });
});

describe('persistedQueryRefusal', () => {
  it('reads only a lone persisted-query error as a refusal, never an answer that carries the same words', () => {
    expect(persistedQueryRefusal('{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}')).toBe('not-found');
    expect(persistedQueryRefusal('{"errors":[{"message":"PersistedQueryNotSupported","extensions":{"code":"PERSISTED_QUERY_NOT_SUPPORTED"}}]}')).toBe(
      'not-supported',
    );
    expect(persistedQueryRefusal('{"data":{"note":"PERSISTED_QUERY_NOT_FOUND"}}')).toBeUndefined();
    expect(persistedQueryRefusal('{"data":null,"errors":[{"message":"PERSISTED_QUERY_NOT_FOUND","extensions":{"code":"BAD_USER_INPUT"}}]}')).toBeUndefined();
    expect(persistedQueryRefusal('{"errors":[{"message":"x","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]')).toBeUndefined();
  });
});
