import type { Server } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { mintStaffToken } from '@aftercare/identity';
import { RunningGateway } from './gateway-server';
import { startGatewayOver, startTestSubgraph } from './gateway-over-subgraphs.spec-support';

/**
 * The gateway's response path with two small subgraphs, shaped like complaints (a complaint references its
 * customer) and sales (resolves the customer, or null for a card this caller may not see, as sales does).
 */
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const complaintsSdl = `${FEDERATION}
  type Query { complaint(id: ID!): Complaint!  refused: String  broken: Complaint }
  type Complaint @key(fields: "id") { id: ID!  summary: String!  customer: Customer! }
  type Customer @key(fields: "id", resolvable: false) { id: ID! }`;
const salesSdl = `${FEDERATION}
  type Customer @key(fields: "id") { id: ID!  name: String! }`;

const complaintsSchema = buildSubgraphSchema([
  {
    typeDefs: parse(complaintsSdl),
    resolvers: {
      Query: {
        complaint: (_: unknown, { id }: { id: string }) => ({ id, summary: 'Leaks', customer: { id: id === 'c-own' ? 'card-own' : 'card-other' } }),
        refused: () => {
          throw new GraphQLError('This operation needs one of the roles: ADMIN', { extensions: { code: 'FORBIDDEN' } });
        },
      },
    },
  },
]);
const salesSchema = buildSubgraphSchema([
  {
    typeDefs: parse(salesSdl),
    resolvers: {
      // Like sales' reference resolver: a card the caller may not reach is simply not answered.
      Customer: { __resolveReference: ({ id }: { id: string }) => (id === 'card-own' ? { id, name: 'Wang Fang' } : null) },
    } as never,
  },
]);

interface Answer {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

describe('the gateway never nulls a field without an error saying why', () => {
  const SECRET = 'nulled-fields-test-secret';
  let gateway: RunningGateway;
  const servers: Server[] = [];
  const token = mintStaffToken({ sub: 'li.na', name: 'Li Na', roles: ['SALES'] }, SECRET);
  const answerText = async (query: string): Promise<string> => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return response.text();
  };
  const ask = async (query: string): Promise<Answer> => JSON.parse(await answerText(query)) as Answer;

  beforeAll(async () => {
    const complaints = await startTestSubgraph(complaintsSchema, {
      // A subgraph breaking its own schema: null in a non-null field, and no error.
      canned: (query) => (query.includes('broken') ? { data: { broken: { __typename: 'Complaint', id: 'c-9', summary: null } } } : undefined),
    });
    const sales = await startTestSubgraph(salesSchema);
    servers.push(complaints.server, sales.server);
    gateway = await startGatewayOver('nulled-fields', SECRET, [
      { name: 'complaints', sdl: complaintsSdl, url: complaints.url },
      { name: 'sales', sdl: salesSdl, url: sales.url },
    ]);
  });

  afterAll(async () => {
    await gateway?.stop();
    servers.forEach((server) => server.close());
  });

  it('answers a reference the caller may see, in compact JSON', async () => {
    expect(await answerText('{ complaint(id: "c-own") { id customer { name } } }')).toBe(
      '{"data":{"complaint":{"id":"c-own","customer":{"name":"Wang Fang"}}}}',
    );
  });

  it('explains a reference the owning subgraph did not resolve (a card the salesperson does not own) with NOT_FOUND at the nulled field', async () => {
    const answer = await ask('{ complaint(id: "c-other") { id customer { name } } }');
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      {
        message: 'This Customer does not exist or is not visible to you',
        path: ['complaint', 'customer'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      },
    ]);
    expect(answer.extensions?.['valueCompletion']).toBeUndefined();
  });

  it('explains it too when another field of the same request failed (the gateway drops its own completion errors then)', async () => {
    const answer = await ask('{ refused complaint(id: "c-other") { customer { name } } }');
    expect(answer.data).toBeNull();
    expect(answer.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual(
      expect.arrayContaining([
        [['refused'], 'FORBIDDEN'],
        [['complaint', 'customer'], 'NOT_FOUND'],
      ]),
    );
  });

  it('turns a null a subgraph put in a non-null field without an error into an internal error in `errors`, not extensions.valueCompletion', async () => {
    const answer = await ask('{ broken { id summary } }');
    expect(answer.data).toEqual({ broken: null });
    expect(answer.errors).toEqual([
      { message: 'Internal server error', path: ['broken', 'summary'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } },
    ]);
    expect(answer.extensions).toBeUndefined();
  });
});
