import {
  buildSchema,
  CompositeType,
  isCompositeType,
  isListType,
  isNonNullType,
  operationFromDocument,
  possibleRuntimeTypes,
  SelectionSet,
  Type,
} from '@apollo/federation-internals';
import { parse } from 'graphql';
import { computeResponse, gatewayComputeResponse } from './result-shaping';

const schema = buildSchema(`
  scalar DateTime
  enum Status { OPEN CLOSED }
  interface Node { id: ID! }
  type Engineer implements Node { id: ID! name: String! rating: Float }
  type Customer implements Node {
    id: ID!
    name: String
    grade: Status!
    visits: Int
    since: DateTime
    vip: Boolean
    engineers: [Engineer!]
    tags: [[String!]]!
  }
  union Party = Customer | Engineer
  type Query {
    customer(id: ID!): Customer
    customers: [Customer!]!
    node(id: ID!): Node
    parties: [Party]
  }
`);

const introspectionHandling = () => ({ handled: true });

function shapeBoth(query: string, input: Record<string, unknown> | null, variables: Record<string, unknown> = {}) {
  const operation = operationFromDocument(schema, parse(query), { validate: true });
  const args = { operation, variables, input, introspectionHandling };
  const plain = (response: { data: unknown; errors: unknown[] }) =>
    JSON.parse(
      JSON.stringify({
        data: response.data ?? null,
        errors: response.errors.map(String),
        paths: response.errors.map((error) => (error as { path?: unknown }).path),
      }),
    );
  return { ours: plain(computeResponse(args)), gateway: plain(gatewayComputeResponse(args)), operation };
}

const QUERIES = [
  `{ customer(id: "1") { id name grade visits since vip engineers { id name rating } tags } }`,
  `{ c: customer(id: "1") { n: name ...Card name __typename t: __typename } } fragment Card on Customer { id name grade engineers { name } }`,
  `{ customers { id grade visits engineers { id } } }`,
  `{ node(id: "1") { id __typename ... on Customer { name grade } ... on Engineer { name rating } } }`,
  `{ parties { __typename ... on Customer { id vip } ... on Engineer { id name } ... on Node { id } } }`,
  `query Q($withName: Boolean!, $skipGrade: Boolean = false) { customer(id: "1") { id name @include(if: $withName) grade @skip(if: $skipGrade) vip @skip(if: true) visits @include(if: false) } }`,
  `{ __typename customer(id: "1") { id } __schema { queryType { name } } }`,
  `{ customer(id: "1") { __proto__: id toString: name constructor: engineers { valueOf: id hasOwnProperty: name } } }`,
];

/** A subgraph-like answer for a selection set: mostly right, sometimes null, sometimes a wrong value or __typename. */
function answerFor(selectionSet: SelectionSet | undefined, type: Type, random: () => number): unknown {
  if (random() < 0.08) return null;
  if (isNonNullType(type)) return answerFor(selectionSet, type.ofType, random);
  if (isListType(type)) return Array.from({ length: Math.floor(random() * 4) }, () => answerFor(selectionSet, type.ofType, random));
  if (isCompositeType(type)) return objectFor(selectionSet!, type, random);
  const wrong = random() < 0.05;
  switch (type.name) {
    case 'ID':
      return wrong ? true : random() < 0.5 ? String(Math.floor(random() * 100)) : Math.floor(random() * 100);
    case 'Int':
      return wrong ? 1.5 : Math.floor(random() * 100);
    case 'Float':
      return wrong ? 'x' : random() * 10;
    case 'Boolean':
      return wrong ? 'yes' : random() < 0.5;
    case 'Status':
      return wrong ? 'PENDING' : random() < 0.5 ? 'OPEN' : 'CLOSED';
    case 'DateTime':
      return '2026-12-06T00:00:00Z';
    default:
      return wrong ? 7 : `text ${Math.floor(random() * 100)}`;
  }
}

function objectFor(selectionSet: SelectionSet, type: CompositeType, random: () => number): Record<string, unknown> {
  const concrete = possibleRuntimeTypes(type);
  const runtime = concrete[Math.floor(random() * concrete.length)]!;
  const object: Record<string, unknown> = {};
  if (type.name !== runtime.name || random() < 0.5) object['__typename'] = random() < 0.03 ? 'Nonsense' : runtime.name;
  for (const selection of selectionSet.selections()) {
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      if (field.name === '__typename' || field.definition.isSchemaIntrospectionField()) continue;
      object[field.responseName()] = answerFor(selection.selectionSet, field.definition.type!, random);
    } else if (
      !selection.element.typeCondition ||
      selection.element.typeCondition.name === runtime.name ||
      selection.element.typeCondition.name === type.name
    ) {
      Object.assign(object, objectFor(selection.selectionSet, runtime, random));
    }
  }
  return object;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('result shaping by steps worked out once per selection set', () => {
  it.each(QUERIES)('answers exactly as @apollo/gateway for 300 answers, nulls and wrong values among them: %s', (query) => {
    const operation = operationFromDocument(schema, parse(query), { validate: true });
    const random = seeded(query.length);
    let errorsSeen = 0;
    for (let i = 0; i < 300; i++) {
      const input = objectFor(operation.selectionSet, schema.schemaDefinition.rootType('query')!, random);
      const variables = { withName: random() < 0.5, ...(random() < 0.5 ? { skipGrade: random() < 0.5 } : {}) };
      const { ours, gateway } = shapeBoth(query, input, variables);
      expect(ours).toEqual(gateway);
      errorsSeen += gateway.errors.length;
    }
    // The answers did exercise the error paths (null bubbling, invalid values and __typenames), not only the happy one.
    if (!query.includes('__schema')) expect(errorsSeen).toBeGreaterThan(0);
  });

  it('bubbles a null in a non-null field up to the nearest nullable field, with the error at its path', () => {
    const { ours, gateway } = shapeBoth(`{ customer(id: "1") { id grade engineers { id name } } }`, {
      customer: {
        id: '1',
        grade: 'OPEN',
        engineers: [
          { id: 'e1', name: 'Wang' },
          { id: 'e2', name: null },
        ],
      },
    });
    expect(ours).toEqual(gateway);
    expect(ours.data).toEqual({ customer: { id: '1', grade: 'OPEN', engineers: null } });
    expect(ours.paths).toEqual([['customer', 'engineers', 1, 'name']]);
  });

  it('keeps aliases named like what plain objects inherit as fields of the answer', () => {
    // As a subgraph's answer arrives: JSON.parse makes `__proto__` an own field.
    const answer = JSON.parse('{ "customer": { "__proto__": "1", "toString": "Li", "tags": [] } }') as Record<string, unknown>;
    const { ours, gateway } = shapeBoth(`{ customer(id: "1") { __proto__: id toString: name tags } }`, answer);
    expect(ours).toEqual(gateway);
    expect(ours.data).toEqual(answer);
  });

  it('keeps an answer with no data as it is', () => {
    const { ours, gateway } = shapeBoth(`{ customer(id: "1") { id } }`, null);
    expect(ours).toEqual(gateway);
  });
});
