import express from 'express';
import { listen, ListeningServer } from '@aftercare/http-server';
import { verifyStaffToken } from '@aftercare/identity';
import { IDE_PATH, mountGraphqlIde } from './graphql-ide';

const SECRET = 'ide-spec-secret-with-enough-length-0123456789';

async function serve(env: NodeJS.ProcessEnv): Promise<{ base: string; server: ListeningServer }> {
  const app = express();
  mountGraphqlIde(app, { authJwtSecret: SECRET, env });
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));
  const server = await listen(app, '127.0.0.1', 0);
  return { base: `http://127.0.0.1:${server.port}`, server };
}

describe('the GraphQL IDE (development only)', () => {
  let base: string;
  let server: ListeningServer;

  beforeAll(async () => ({ base, server } = await serve({ NODE_ENV: 'development' })));
  afterAll(() => server?.close());

  it('serves the page and every asset it loads from this gateway, with no external URL to fetch', async () => {
    const response = await fetch(`${base}${IDE_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url as string);
    expect(loaded.sort()).toEqual(
      ['graphiql.css', 'graphiql.js', 'ide.css', 'ide.js', 'react-dom.js', 'react.js'].map((name) => `${IDE_PATH}/assets/${name}`).sort(),
    );
    expect(html).not.toMatch(/https?:\/\//);
    for (const url of loaded) {
      const asset = await fetch(`${base}${url}`);
      const body = await asset.text();
      expect({ url, status: asset.status, type: asset.headers.get('content-type')?.split(';')[0] }).toEqual({
        url,
        status: 200,
        type: url.endsWith('.css') ? 'text/css' : 'text/javascript',
      });
      expect(body.length).toBeGreaterThan(100);
      // Stylesheets pull nothing from the network (fonts, images): only data: URIs or nothing.
      if (url.endsWith('.css')) expect(body).not.toMatch(/url\(\s*['"]?https?:/);
    }
    expect((await fetch(`${base}${IDE_PATH}/assets/graphiql.js`)).headers.get('content-length')).not.toBe('0');
  });

  it('mints a development token for a role in one request, and refuses unknown roles', async () => {
    const minted = await fetch(`${base}${IDE_PATH}/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['DISPATCHER'] }),
    });
    expect(minted.status).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    expect(verifyStaffToken(token, SECRET)).toMatchObject({ roles: ['DISPATCHER'] });

    const asPerson = await fetch(`${base}${IDE_PATH}/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['VALUE_ADDED_AGENT'], sub: 'demo-li.na', name: 'Li Na' }),
    });
    const { token: personal } = (await asPerson.json()) as { token: string };
    expect(verifyStaffToken(personal, SECRET)).toMatchObject({ userId: 'demo-li.na', name: 'Li Na', roles: ['VALUE_ADDED_AGENT'] });

    const refused = await fetch(`${base}${IDE_PATH}/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['SYSTEM'] }),
    });
    expect(refused.status).toBe(400);
    const asForm = await fetch(`${base}${IDE_PATH}/dev-token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"roles":["ADMIN"]}' });
    expect(asForm.status).toBe(403);
  });

  it('sends a browser opening /graphql to the IDE', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(IDE_PATH);
  });

  it('is absent in production: no page, no assets, no tokens', async () => {
    const production = await serve({ NODE_ENV: 'production' });
    try {
      expect((await fetch(`${production.base}${IDE_PATH}`)).status).toBe(404);
      expect((await fetch(`${production.base}${IDE_PATH}/assets/graphiql.js`)).status).toBe(404);
      const token = await fetch(`${production.base}${IDE_PATH}/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ roles: ['ADMIN'] }),
      });
      expect(token.status).toBe(404);
    } finally {
      await production.server.close();
    }
  });
});
