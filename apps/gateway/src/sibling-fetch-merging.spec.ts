import type { Server } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { IDENTITY_HEADER, mintStaffToken } from '@aftercare/identity';
import { RunningGateway } from './gateway-server';
import { startGatewayOver, startTestSubgraph } from './gateway-over-subgraphs.spec-support';

/**
 * A customer 360 in small: sales resolves the customer and its orders; dispatch adds the customer's
 * engineers and each order's work orders — two fetches to dispatch at one plan level, which the gateway sends
 * as one subgraph request per caller, each fetch getting exactly its own data and errors back.
 */
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const salesSdl = `${FEDERATION}
  type Query { customer(id: ID!): Customer }
  type Customer @key(fields: "id") { id: ID!  name: String!  orders: [Order!]! }
  type Order @key(fields: "id") { id: ID!  status: String! }`;
const dispatchSdl = `${FEDERATION}
  type Customer @key(fields: "id") { id: ID!  engineersWhoServed(limit: Int): [String!]! }
  type Order @key(fields: "id") { id: ID!  workOrders: [String!]! }`;

const salesSchema = buildSubgraphSchema([
  {
    typeDefs: parse(salesSdl),
    resolvers: {
      Query: {
        customer: (_: unknown, { id }: { id: string }) => ({
          id,
          name: `Customer ${id}`,
          orders: [{ id: `${id}-o1`, status: 'OPEN' }, { id: `${id}-o2`, status: 'DONE' }, ...(id === 'c3' ? [{ id: `${id}-gone`, status: 'DONE' }] : [])],
        }),
      },
    },
  },
]);
const dispatchSchema = buildSubgraphSchema([
  {
    typeDefs: parse(dispatchSdl),
    resolvers: {
      Customer: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        engineersWhoServed: ({ id }: { id: string }, { limit }: { limit?: number }) => {
          if (id === 'refused') throw new GraphQLError('Not yours', { extensions: { code: 'FORBIDDEN' } });
          return ['zhao.lei', 'sun.li', 'qian.yu'].slice(0, limit ?? 3);
        },
      },
      // An order dispatch does not hold is not answered (null), as our services do.
      Order: { __resolveReference: ({ id }: { id: string }) => (id.endsWith('-gone') ? null : { id, workOrders: [`${id}-install`] }) },
    } as never,
  },
]);

describe('sibling fetches to one subgraph are one request per caller', () => {
  const SECRET = 'sibling-fetch-merging-secret';
  let gateway: RunningGateway;
  const servers: Server[] = [];
  let dispatchRequests: { query: string; identity: string }[] = [];
  const ask = async (query: string, variables: Record<string, unknown> = {}, sub = 'li.na') => {
    const token = mintStaffToken({ sub, name: sub, roles: ['ADMIN'] }, SECRET);
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
  };

  beforeAll(async () => {
    const sales = await startTestSubgraph(salesSchema);
    const dispatch = await startTestSubgraph(dispatchSchema, {
      seen: (query, headers) => dispatchRequests.push({ query, identity: String(headers[IDENTITY_HEADER]) }),
    });
    servers.push(sales.server, dispatch.server);
    gateway = await startGatewayOver('sibling-fetches', SECRET, [
      { name: 'sales', sdl: salesSdl, url: sales.url },
      { name: 'dispatch', sdl: dispatchSdl, url: dispatch.url },
    ]);
  });
  beforeEach(() => (dispatchRequests = []));

  afterAll(async () => {
    await gateway?.stop();
    servers.forEach((server) => server.close());
  });

  const CUSTOMER_360 = `query C($id: ID!, $limit: Int) { customer(id: $id) { name engineersWhoServed(limit: $limit) orders { id status workOrders } } }`;

  it('answers the customer with one dispatch request carrying both fetches', async () => {
    const answer = await ask(CUSTOMER_360, { id: 'c1', limit: 2 });
    expect(answer.data).toEqual({
      customer: {
        name: 'Customer c1',
        engineersWhoServed: ['zhao.lei', 'sun.li'],
        orders: [
          { id: 'c1-o1', status: 'OPEN', workOrders: ['c1-o1-install'] },
          { id: 'c1-o2', status: 'DONE', workOrders: ['c1-o2-install'] },
        ],
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(dispatchRequests).toHaveLength(1);
    expect(dispatchRequests[0]!.query).toMatch(
      /_entities0: _entities\(representations: \$representations0\)[\s\S]*_entities1: _entities\(representations: \$representations1\)/,
    );
  });

  it('still explains an entity the subgraph did not resolve, at its own path', async () => {
    const answer = await ask(CUSTOMER_360, { id: 'c3' });
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['customer', 'orders', 2], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect(dispatchRequests).toHaveLength(1);
  });

  it("hands an error to the fetch it belongs to, at that fetch's path", async () => {
    const answer = await ask(CUSTOMER_360, { id: 'refused' });
    expect(answer.data?.customer).toBeNull();
    expect(answer.errors?.map((error) => [error.path, error.extensions?.['code']])).toContainEqual([['customer', 'engineersWhoServed'], 'FORBIDDEN']);
    expect(dispatchRequests).toHaveLength(1);
  });

  it('never puts two callers in one request, even asking the same thing at the same moment', async () => {
    const [first, second] = await Promise.all([ask(CUSTOMER_360, { id: 'c1' }, 'li.na'), ask(CUSTOMER_360, { id: 'c1' }, 'wang.wei')]);
    expect(first).toEqual(second);
    expect(dispatchRequests).toHaveLength(2);
    expect(new Set(dispatchRequests.map((request) => request.identity)).size).toBe(2);
  });

  it('sends a lone fetch as it is', async () => {
    const answer = await ask(`query O($id: ID!) { customer(id: $id) { orders { workOrders } } }`, { id: 'c2' });
    expect(answer.data?.customer.orders[0]).toEqual({ workOrders: ['c2-o1-install'] });
    expect(dispatchRequests).toHaveLength(1);
    expect(dispatchRequests[0]!.query).toMatch(/\{_entities\(representations:\$representations\)/);
  });
});
