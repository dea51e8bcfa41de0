import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { generateGatewayKeyPair, IDENTITY_HEADER, parsePublicKey, signGatewayIdentity, verificationKeys } from '@aftercare/identity';
import { createLogger } from '@aftercare/logging';
import type { RequestContext } from '@aftercare/subgraph';
import { RunningSubgraphServer, startSubgraphServer } from './subgraph-server';

const gateway = generateGatewayKeyPair();
const schema = buildSubgraphSchema([
  {
    typeDefs: parse(`type Query { whoAmI: String! }`),
    resolvers: { Query: { whoAmI: (_: unknown, __: unknown, context: RequestContext) => (context.identity as { name: string }).name } },
  },
]);

describe('subgraph server (real HTTP)', () => {
  let server: RunningSubgraphServer;
  const seen: string[] = [];
  let healthy = true;

  beforeAll(async () => {
    server = await startSubgraphServer({
      schema,
      host: '127.0.0.1',
      port: 0,
      gatewayKeys: verificationKeys([parsePublicKey(gateway.publicKey)]),
      audience: 'sales',
      logger: createLogger('subgraph-server-spec', undefined, 'error'),
      isReady: async () => healthy,
      observability: {
        routes: (app) => app.get('/metrics', (_req, res) => void res.type('text/plain').send('requests 1')),
        graphqlMiddleware: [(req, _res, next) => (seen.push(String((req.body as { query?: string } | undefined)?.query)), next())],
      },
    });
  });
  afterAll(() => server.stop());

  const signed = async (audience = 'sales') => ({
    'content-type': 'application/json',
    [IDENTITY_HEADER]: await signGatewayIdentity({ kind: 'staff', userId: 'u-1', name: 'Ada', roles: ['ADMIN'] }, gateway.privateKey, audience),
  });
  const post = (headers: Record<string, string>, body: string) => fetch(server.url, { method: 'POST', headers, body });

  it("answers an operation signed by the gateway for this subgraph, with the caller's identity, through the middleware, in compact JSON", async () => {
    const response = await post(await signed(), JSON.stringify({ query: '{ whoAmI }' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"data":{"whoAmI":"Ada"}}');
    expect(seen).toContain('{ whoAmI }');
  });

  it('refuses a request without the identity, or signed for another subgraph, with 401 UNAUTHENTICATED', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, await signed('complaints')]) {
      const response = await post(headers, JSON.stringify({ query: '{ whoAmI }' }));
      expect(response.status).toBe(401);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
    }
  });

  it('answers a body that is not JSON, or too large, with a GraphQL error and a stable code, never HTML or a stack', async () => {
    const broken = await post(await signed(), '{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('json');
    const brokenBody = await broken.text();
    expect(JSON.parse(brokenBody)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(brokenBody).not.toMatch(/at .*\.js|node_modules/);

    const huge = await post(await signed(), JSON.stringify({ query: '{ whoAmI }', variables: { padding: 'x'.repeat(1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves health, readiness and metrics beside GraphQL, and 404 elsewhere', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    healthy = false;
    expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    healthy = true;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toBe('requests 1');
    expect((await fetch(`${base}/graphqlx`, { method: 'POST' })).status).toBe(404);
  });

  it('answers a GET query as Apollo Server does (the query in the URL)', async () => {
    const headers = await signed();
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ whoAmI }')}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { whoAmI: 'Ada' } });
  });
});
