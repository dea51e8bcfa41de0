import { once } from 'node:events';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import { buildSchema } from 'graphql';
import type { Identity } from '@aftercare/identity';
import { documentIdOf, PARTNER_MANIFEST_PATH, trustedDocuments, TrustedDocuments } from './trusted-documents';
import { buildManifest, partnerManifestFrom, serializeManifest } from './trusted-documents-manifest';

const ROOT = resolve(__dirname, '../../../..');
const PARTNER: Identity = { kind: 'partner', partnerId: 'p-1', partnerCode: 'PHILIPS' };
const STAFF: Identity = { kind: 'staff', userId: 'u-1', name: 'Li Na', roles: ['ADMIN'] };

const schema = buildSchema(
  `type Query { order(id: ID!): String, orders: [String!]!, page(first: Int! = 20, filter: Filter): [String!]! } input Filter { city: String! } type Mutation { submit(ref: String!): String }`,
);
const manifest = buildManifest(
  [
    { file: 'order.graphql', text: '# one order\nquery Order($id: ID!) {   order(id: $id) }' },
    { file: 'submit.graphql', text: 'mutation Submit($ref: String!) { submit(ref: $ref) }' },
  ],
  schema,
);
const order = manifest.operations.find((operation) => operation.name === 'Order')!;

/** The middleware in front of an echo of what would reach Apollo. */
async function edge(identity: Identity, enforceForPartners = true) {
  const app = express();
  app.use(express.json());
  app.use((_req, res, next) => {
    res.locals['identity'] = identity;
    next();
  });
  app.use(trustedDocuments(new TrustedDocuments(manifest), { enforceForPartners }));
  app.all('/graphql', (req, res) => void res.json({ reached: req.method === 'POST' ? req.body : req.query }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (body: unknown) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { reached?: Record<string, unknown>; errors?: { extensions: { code: string } }[] } };
  };
  const get = async (query: string) => {
    const response = await fetch(`${url}?query=${encodeURIComponent(query)}`);
    return { status: response.status, body: (await response.json()) as { errors?: { extensions: { code: string } }[] } };
  };
  return { post, get, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const codeOf = (answer: { body: { errors?: { extensions: { code: string } }[] } }) => answer.body.errors?.[0]?.extensions.code;

describe('trusted documents for partners', () => {
  it('checks in the manifest the published documents make (run the generator after changing one)', () => {
    // node tools/run-ts.js apps/gateway/src/edge/publish-partner-documents.ts
    expect(readFileSync(join(ROOT, PARTNER_MANIFEST_PATH), 'utf8')).toEqual(partnerManifestFrom(ROOT));
  });

  it('publishes what partners do: intake, own orders and their work orders, own brand reports, own brand opt-in, who they are', () => {
    const published = TrustedDocuments.fromFile(join(ROOT, PARTNER_MANIFEST_PATH));
    const names = (JSON.parse(readFileSync(join(ROOT, PARTNER_MANIFEST_PATH), 'utf8')) as { operations: { name: string }[] }).operations.map((o) => o.name);
    expect(names).toEqual([
      'BrandReminderServices',
      'BrandReplacementFigures',
      'MyOrders',
      'MyPartner',
      'Order',
      'ProductIssueReport',
      'SetBrandReminderService',
      'SubmitInstallOrder',
    ]);
    expect(published.size).toBe(8);
  });

  it('names each document by the SHA-256 of its printed body: comments and layout do not change the id', () => {
    expect(order.id).toBe(documentIdOf(order.body));
    expect(order.body).toBe('query Order($id: ID!) {\n  order(id: $id)\n}');
  });

  it.each([
    ['a field the graph does not have', 'query A { nope }', /Cannot query field "nope"/],
    ['two operations in one file', 'query A { orders } query B { orders }', /exactly one named operation/],
    ['an anonymous operation', '{ orders }', /exactly one named operation/],
    // Valid GraphQL (a default makes a nullable variable acceptable there), yet `{ "first": null }` fails at run time.
    [
      'a nullable variable with a default for a non-null argument',
      'query A($first: Int = 20) { page(first: $first) }',
      /\$first is declared Int but fills a Int!/,
    ],
    [
      'a nullable variable for a non-null argument that has a default',
      'query A($first: Int) { page(first: $first) }',
      /\$first is declared Int but fills a Int!/,
    ],
    [
      'a nullable variable for a non-null input field, in a fragment',
      'query A($city: String = "x") { ...F } fragment F on Query { page(filter: { city: $city }) }',
      /\$city is declared String but fills a String!/,
    ],
  ])('refuses to publish %s', (_case, text, message) => {
    expect(() => buildManifest([{ file: 'x.graphql', text }], schema)).toThrow(message);
  });

  it('publishes a non-null variable with a default for a non-null argument', () => {
    expect(() => buildManifest([{ file: 'x.graphql', text: 'query A($first: Int! = 20) { page(first: $first) }' }], schema)).not.toThrow();
  });

  it('refuses to publish two operations under one name', () => {
    const twice = [
      { file: 'a.graphql', text: 'query Same { orders }' },
      { file: 'b.graphql', text: 'query Same($id: ID!) { order(id: $id) }' },
    ];
    expect(() => buildManifest(twice, schema)).toThrow(/Same: published twice/);
  });

  it('does not load a manifest whose ids are not the hashes of their bodies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
    const tampered = { ...manifest, operations: [{ ...order, body: 'query Order($id: ID!) { order(id: $id) orders }' }] };
    writeFileSync(join(dir, 'm.json'), serializeManifest(tampered));
    expect(() => TrustedDocuments.fromFile(join(dir, 'm.json'))).toThrow(/not the SHA-256/);
  });

  describe('at the edge', () => {
    it('runs a published document for a partner by documentId, or by Apollo persistedQuery hash', async () => {
      const partner = await edge(PARTNER);
      try {
        const byId = await partner.post({ documentId: `sha256:${order.id}`, variables: { id: 'x' } });
        expect(byId.status).toBe(200);
        expect(byId.body.reached).toEqual({ query: order.body, variables: { id: 'x' } });
        const apollo = await partner.post({ extensions: { persistedQuery: { version: 1, sha256Hash: order.id } }, operationName: 'Order' });
        expect(apollo.body.reached).toEqual({ query: order.body, operationName: 'Order', extensions: {} });
      } finally {
        await partner.close();
      }
    });

    it('refuses a partner any free-form document with 403 PERSISTED_QUERY_NOT_ALLOWED (the exact published text is the same document)', async () => {
      const partner = await edge(PARTNER);
      try {
        for (const query of ['{ orders }', 'query Order($id: ID!) { order(id: $id) }', '{ __schema { types { name } } }']) {
          const refused = await partner.post({ query });
          expect([refused.status, codeOf(refused)]).toEqual([403, 'PERSISTED_QUERY_NOT_ALLOWED']);
        }
        expect((await partner.post({})).status).toBe(403);
        expect(codeOf(await partner.get('{ orders }'))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
        expect((await partner.post({ query: order.body })).body.reached).toEqual({ query: order.body });
      } finally {
        await partner.close();
      }
    });

    it('answers an unknown, malformed or contradicted id with a 400 and a stable code', async () => {
      const partner = await edge(PARTNER);
      try {
        const unknown = await partner.post({ documentId: `sha256:${'0'.repeat(64)}` });
        expect([unknown.status, codeOf(unknown)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
        for (const documentId of ['sha256:abc', 42, 'md5:' + order.id, `sha256:${order.id.toUpperCase()}`]) {
          expect(codeOf(await partner.post({ documentId }))).toBe('BAD_REQUEST');
        }
        const other = await partner.post({ documentId: order.id, query: '{ orders }' });
        expect([other.status, codeOf(other)]).toEqual([400, 'BAD_REQUEST']);
        const wrongName = await partner.post({ documentId: order.id, operationName: 'Submit' });
        expect([wrongName.status, codeOf(wrongName)]).toEqual([400, 'BAD_REQUEST']);
      } finally {
        await partner.close();
      }
    });

    it('lets staff send any document, or a published one by id', async () => {
      const staff = await edge(STAFF);
      try {
        expect((await staff.post({ query: '{ orders }' })).body.reached).toEqual({ query: '{ orders }' });
        expect((await staff.post({ documentId: order.id })).body.reached).toEqual({ query: order.body });
        expect((await staff.get('{ orders }')).status).toBe(200);
      } finally {
        await staff.close();
      }
    });

    it('lets partners send free-form documents only when enforcement is off (PARTNER_TRUSTED_DOCUMENTS=off, for tests)', async () => {
      const partner = await edge(PARTNER, false);
      try {
        expect((await partner.post({ query: '{ orders }' })).body.reached).toEqual({ query: '{ orders }' });
      } finally {
        await partner.close();
      }
    });
  });
});
