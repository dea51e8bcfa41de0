import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { rememberOperationsPerDocument } from './operation-cache';

const sdl = `type Query { order(id: ID!): Order } type Order { id: ID! status: String note: String }`;

describe('rememberOperationsPerDocument', () => {
  const schema = buildSchema(sdl);
  let builds: number;
  const counted: typeof operationFromDocument = (...args) => {
    builds++;
    return operationFromDocument(...args);
  };
  beforeEach(() => (builds = 0));

  /** As @apollo/gateway's executor calls it: a fresh document around the same operation and fragment nodes. */
  const executorCall = (build: typeof operationFromDocument, parsed: ReturnType<typeof parse>, onSchema = schema) =>
    build(onSchema, { kind: parsed.kind, definitions: [...parsed.definitions] } as never, { validate: false });

  it('builds the operation of a parsed document once, whatever the variables', () => {
    const build = rememberOperationsPerDocument(counted as never) as unknown as typeof operationFromDocument;
    const parsed = parse(`query Q($id: ID!, $withNote: Boolean!) { order(id: $id) { id ...F note @include(if: $withNote) } } fragment F on Order { status }`);
    const first = executorCall(build, parsed);
    const second = executorCall(build, parsed);
    expect(second).toBe(first);
    expect(builds).toBe(1);
    expect(first.toString()).toContain('note @include(if: $withNote)');
  });

  it('builds again for another parsed document of the same text, another schema, or other fragments', () => {
    const build = rememberOperationsPerDocument(counted as never) as unknown as typeof operationFromDocument;
    const text = `query Q { order(id: "1") { id status } }`;
    const parsed = parse(text);
    executorCall(build, parsed);
    executorCall(build, parse(text));
    executorCall(build, parsed, buildSchema(sdl));
    const withFragment = parse(`query Q { order(id: "1") { ...F } } fragment F on Order { id }`);
    executorCall(build, withFragment);
    const swapped = parse(`fragment F on Order { status }`).definitions[0]!;
    build(schema, { kind: withFragment.kind, definitions: [withFragment.definitions[0]!, swapped] } as never, { validate: false });
    expect(builds).toBe(5);
  });

  it('never remembers a validated build: the query planner still validates on a plan-cache miss', () => {
    const build = rememberOperationsPerDocument(counted as never) as unknown as typeof operationFromDocument;
    const parsed = parse(`query Q { order(id: "1") { id } }`);
    build(schema, parsed);
    build(schema, parsed);
    expect(builds).toBe(2);
    expect(() => build(schema, parse(`query Q { order(id: "1") { nope } }`))).toThrow(/nope/);
  });
});
