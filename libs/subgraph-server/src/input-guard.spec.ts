import { buildSchema, parse } from 'graphql';
import { decodeCursor, encodeCursor } from '@aftercare/subgraph';
import { inputProblems, textProblem } from './input-guard';

const schema = buildSchema(`
  scalar DateTimeISO
  input LineInput { sku: String! }
  input SiteInput { ownerId: ID }
  input NoteInput { text: String!, tags: [String!], ownerId: ID, when: DateTimeISO, amount: Float, lines: [LineInput!], site: SiteInput }
  type Query { order(id: ID!): String, notes(input: NoteInput!): String, many(ids: [ID!]!): String }
`);
const ID = '0b5f2a5e-8c1e-4a57-9a51-1f0e1c2d3e4f';

const problems = (query: string, variables: Record<string, unknown> = {}) => inputProblems(schema, parse(query), variables).map((p) => p.field);

describe('the input guard at the edge of a subgraph', () => {
  it('lets clean input through', () => {
    expect(problems(`query($id: ID!) { order(id: $id) }`, { id: ID })).toEqual([]);
    expect(problems(`{ notes(input: { text: "王芳 😀 ok", tags: ["a"], ownerId: "${ID}", amount: 12.5 }) }`)).toEqual([]);
  });

  it.each([
    ['a NUL byte', { text: 'a\u0000b' }, 'text'],
    ['a lone high surrogate', { text: 'x\uD800' }, 'text'],
    ['a lone low surrogate in a list', { text: 'ok', tags: ['\uDC00'] }, 'tags'],
    ['over-long text', { text: 'x'.repeat(4001) }, 'text'],
    ['a non-UUID id inside an input', { text: 'ok', ownerId: "1' OR '1'='1" }, 'ownerId'],
    ['an out-of-range number', { text: 'ok', amount: 1e300 }, 'amount'],
    ['a NUL in an object of a list', { text: 'ok', lines: [{ sku: 'a' }, { sku: 'b\u0000' }] }, 'lines.1.sku'],
    ['a non-UUID id in a nested object', { text: 'ok', site: { ownerId: 'x' } }, 'site.ownerId'],
  ])('rejects %s', (_case, input, field) => {
    expect(problems(`query($input: NoteInput!) { notes(input: $input) }`, { input })).toEqual([field]);
  });

  it('names an input object argument from inside, as class-validator does (one convention for extensions.fields)', () => {
    expect(problems(`{ notes(input: { text: "a\\u0000" }) }`)).toEqual(['text']);
  });

  it('rejects non-UUID ids in literals and lists', () => {
    expect(problems(`{ order(id: "42") }`)).toEqual(['id']);
    expect(problems(`query($ids: [ID!]!) { many(ids: $ids) }`, { ids: [ID, 'nope'] })).toEqual(['ids']);
    expect(problems(`query($id: ID!) { order(id: $id) }`, { id: 'x' })).toEqual(['id']);
  });

  it('rejects the year 0000', () => {
    expect(problems(`query($input: NoteInput!) { notes(input: $input) }`, { input: { text: 'ok', when: new Date('0000-01-01T00:00:00Z') } })).toEqual(['when']);
  });

  it('finds no fault in control characters people type (tab, newline)', () => {
    expect(textProblem('line one\nline two\tend')).toBeNull();
  });

  it('refuses cursors it did not issue', () => {
    const cursor = encodeCursor({ createdAt: new Date('2026-01-01T00:00:00Z'), id: ID });
    expect(decodeCursor(cursor).id).toBe(ID);
    for (const forged of [
      Buffer.from('2026-01-01T00:00:00Z|not-a-uuid').toString('base64url'),
      Buffer.from(`0000-01-01T00:00:00Z|${ID}`).toString('base64url'),
      Buffer.from(`2026-01-01T00:00:00Z|${ID}|x`).toString('base64url'),
      'not base64 !',
      '\u0000',
    ]) {
      expect(() => decodeCursor(forged)).toThrow(/cursor/);
    }
  });
});
