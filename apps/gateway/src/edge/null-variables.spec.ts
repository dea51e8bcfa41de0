import { ApolloServer } from '@apollo/server';
import { buildSchema, parse } from 'graphql';
import type { Identity } from '@aftercare/identity';
import { edgePlugin, EdgeContext } from './edge-plugin';
import { nullableUsagesInNonNullPositions } from './null-variables';

const schema = buildSchema(`
  type Query { page(first: Int! = 20, after: String, filter: Filter): [Int!]! }
  input Filter { city: String!, tags: [String!] }
`);
const PARTNER: Identity = { kind: 'partner', partnerId: 'p-1', partnerCode: 'PHILIPS' };

async function run(query: string, variables: Record<string, unknown>) {
  const server = new ApolloServer<EdgeContext>({
    schema,
    rootValue: { page: ({ first }: { first: number }) => Array.from({ length: Math.min(first, 3) }, (_, index) => index) },
    plugins: [edgePlugin({ staffIntrospection: false, log: () => undefined })],
  });
  await server.start();
  try {
    const response = await server.executeOperation({ query, variables }, { contextValue: { identity: PARTNER, requestId: 'r-1' } });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, result: response.body.singleResult };
  } finally {
    await server.stop();
  }
}

describe('a null variable where the graph needs a value', () => {
  it.each([
    ['a variable with a default', 'query MyOrders($first: Int = 20) { page(first: $first) }', { first: null }, 'first', 'Int!'],
    ['a variable without a default, for an argument with one', 'query P($first: Int) { page(first: $first) }', { first: null }, 'first', 'Int!'],
    [
      'a variable in a non-null input field, inside a fragment',
      'query P($city: String = "x") { ...F } fragment F on Query { page(filter: { city: $city }) }',
      { city: null },
      'city',
      'String!',
    ],
  ])('is BAD_USER_INPUT naming the variable, never an internal error: %s', async (_case, query, variables, variable, required) => {
    const { status, result } = await run(query, variables);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: `$${variable} is null where a ${required} is required; send a value or leave it out`,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ field: variable, messages: [expect.any(String)] }] }),
      }),
    ]);
    expect(status).toBe(400);
  });

  it('takes the default when the variable is left out, and any value when one is sent', async () => {
    expect((await run('query MyOrders($first: Int = 20) { page(first: $first) }', {})).result).toEqual({ data: { page: [0, 1, 2] } });
    expect((await run('query MyOrders($first: Int = 20) { page(first: $first) }', { first: 2 })).result).toEqual({ data: { page: [0, 1] } });
    // A nullable position takes a null as it is.
    expect((await run('query P($after: String = "x") { page(after: $after) }', { after: null })).result).toEqual({ data: { page: [0, 1, 2] } });
  });

  it('finds only nullable variables in non-null positions, once each', () => {
    const document = parse(
      'query P($a: Int = 1, $b: Int! = 2, $c: String, $d: [String!]) { x: page(first: $a) y: page(first: $a, after: $c, filter: { city: "c", tags: $d }) z: page(first: $b) }',
    );
    const operation = document.definitions[0] as Parameters<typeof nullableUsagesInNonNullPositions>[2];
    expect(nullableUsagesInNonNullPositions(schema, document, operation)).toEqual([{ variable: 'a', declared: 'Int', required: 'Int!' }]);
  });
});
