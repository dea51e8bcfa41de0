import express, { Express } from 'express';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mintStaffToken, StaffRole, StaffRoles } from '@aftercare/identity';

export const IDE_PATH = '/ide';

/**
 * The browser files of the IDE, served from the installed npm packages (never a CDN: our machines and many
 * corporate networks cannot reach one). Resolved from the working directory at run time.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** Everything the page loads comes from this gateway; the browser is told to refuse anything else. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

const page = (roles: readonly string[]) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Aftercare GraphQL IDE (development)</title>
  <link rel="stylesheet" href="${IDE_PATH}/assets/graphiql.css">
  <link rel="stylesheet" href="${IDE_PATH}/assets/ide.css">
</head>
<body>
  <header id="ide-bar">
    <strong>Aftercare</strong>
    <span>Call as:</span>
    ${roles.map((role) => `<button type="button" data-role="${role}">${role}</button>`).join('\n    ')}
    <label>partner key <input id="ide-partner-key" size="30" autocomplete="off"></label>
    <button type="button" id="ide-use-key">use key</button>
    <span id="ide-identity">anonymous: pick a role (a development token is minted for you) or paste a partner key</span>
  </header>
  <main id="graphiql"></main>
  <script src="${IDE_PATH}/assets/react.js"></script>
  <script src="${IDE_PATH}/assets/react-dom.js"></script>
  <script src="${IDE_PATH}/assets/graphiql.js"></script>
  <script src="${IDE_PATH}/assets/ide.js"></script>
</body>
</html>
`;

const IDE_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#ide-bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #ddd; font-size: 13px; }
#ide-bar button.active { background: #e10098; color: #fff; }
#ide-identity { color: #555; margin-left: 8px; }
#graphiql { flex: 1; min-height: 0; }
`;

/** The page's own script: one click on a role mints a development token and GraphiQL sends it from then on. */
const IDE_JS = `(function () {
  var auth = {};
  var identity = document.getElementById('ide-identity');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function render() {
    var headers = auth;
    // A new fetcher makes GraphiQL introspect again, now as the chosen caller.
    var fetcher = function (params, options) {
      return fetch('/graphql', {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers, (options && options.headers) || {}),
        body: JSON.stringify(params),
      }).then(function (response) { return response.json(); });
    };
    root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true }));
  }
  function activate(button) {
    document.querySelectorAll('#ide-bar button').forEach(function (other) { other.classList.toggle('active', other === button); });
  }
  document.querySelectorAll('#ide-bar button[data-role]').forEach(function (button) {
    button.addEventListener('click', function () {
      var role = button.getAttribute('data-role');
      fetch('${IDE_PATH}/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roles: [role] }) })
        .then(function (response) { if (!response.ok) throw new Error('HTTP ' + response.status); return response.json(); })
        .then(function (body) {
          auth = { authorization: 'Bearer ' + body.token };
          identity.textContent = 'as ' + role + ' (development token, valid ' + body.expiresIn + ')';
          activate(button);
          render();
        })
        .catch(function (error) { identity.textContent = 'could not mint a token: ' + error.message; });
    });
  });
  document.getElementById('ide-use-key').addEventListener('click', function () {
    var key = document.getElementById('ide-partner-key').value.trim();
    if (!key) return;
    auth = { 'x-api-key': key };
    identity.textContent = 'as the partner owning that key';
    activate(document.getElementById('ide-use-key'));
    render();
  });
  render();
})();
`;

const TOKEN_LIFETIME = '8h';

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * GraphiQL at /ide in development (GET /graphql from a browser lands there too), with one-click development
 * tokens for every staff role. Nothing is mounted when NODE_ENV is production: no page, no token minting.
 */
export function mountGraphqlIde(app: Express, options: { authJwtSecret: string; env?: NodeJS.ProcessEnv }): boolean {
  const env = options.env ?? process.env;
  if (env['NODE_ENV'] === 'production') return false;
  const resolveFrom = createRequire(join(process.cwd(), 'package.json'));
  const assets = new Map<string, { body: Buffer | string; type: string }>();
  const asset = (name: string) => {
    if (!assets.has(name)) {
      const spec = ASSETS[name];
      if (!spec) return undefined;
      // Through package.json: react's `exports` map does not list its UMD builds.
      assets.set(name, { body: readFileSync(join(dirname(resolveFrom.resolve(`${spec.pkg}/package.json`)), spec.file)), type: spec.type });
    }
    return assets.get(name);
  };
  assets.set('ide.js', { body: IDE_JS, type: 'text/javascript' });
  assets.set('ide.css', { body: IDE_CSS, type: 'text/css' });

  app.get(IDE_PATH, (_req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.type('html').send(page(StaffRoles));
  });
  app.get(`${IDE_PATH}/assets/:name`, (req, res, next) => {
    const found = asset(req.params.name);
    if (!found) return next();
    res.setHeader('cache-control', 'public, max-age=3600');
    res.type(found.type).send(found.body);
  });
  // Development tokens: only from this machine, only as JSON (a cross-site form post cannot send that).
  app.post(`${IDE_PATH}/dev-token`, express.json({ limit: '2kb' }), (req, res) => {
    if (!isLoopback(req.socket.remoteAddress) || !req.is('application/json')) {
      res.status(403).json({ error: 'development tokens are minted only for requests from this machine' });
      return;
    }
    const roles: unknown = req.body?.roles;
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => (StaffRoles as readonly unknown[]).includes(role))) {
      res.status(400).json({ error: `roles must be a non-empty list of: ${StaffRoles.join(', ')}` });
      return;
    }
    const staffRoles = roles as StaffRole[];
    // A console signing in as a seeded person names them, so queues keyed by the person (a call agent's) work.
    const person = (value: unknown, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : undefined);
    const sub = person(req.body?.sub, /^[\w.-]{1,64}$/) ?? `dev.${staffRoles.join('-').toLowerCase()}`;
    const name = person(req.body?.name, /^\P{Cc}{1,80}$/u) ?? `Dev ${staffRoles.join(' ')}`;
    res.json({ token: mintStaffToken({ sub, name, roles: staffRoles }, options.authJwtSecret, TOKEN_LIFETIME), expiresIn: TOKEN_LIFETIME });
  });
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && !req.query['query']) {
      res.redirect(302, IDE_PATH);
      return;
    }
    next();
  });
  return true;
}
