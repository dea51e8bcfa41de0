/**
 * First `npm start` on an installation: random secrets under .data/secrets/ (mode 0600, never committed),
 * reused on every later start. A value set in the environment always wins; NODE_ENV=production never
 * generates anything (the processes then refuse to start without configured secrets).
 */
const { generateKeyPairSync, randomBytes, createPrivateKey, createPublicKey } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../..');

function secretsDir(env) {
  return path.resolve(env.AFTERCARE_SECRETS_DIR || path.join(root, '.data', 'secrets'));
}

function readOrCreate(dir, name, create) {
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = create();
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (error) {
    if (error.code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function ensureInstallationSecrets(env = process.env) {
  if (env.NODE_ENV === 'production') {
    const missing = ['AUTH_JWT_SECRET', 'GATEWAY_SIGNING_KEY', 'GATEWAY_PUBLIC_KEYS'].filter((name) => !env[name]);
    if (missing.length) throw new Error(`production needs ${missing.join(', ')}; nothing is generated in production`);
    return { AUTH_JWT_SECRET: env.AUTH_JWT_SECRET, GATEWAY_SIGNING_KEY: env.GATEWAY_SIGNING_KEY, GATEWAY_PUBLIC_KEYS: env.GATEWAY_PUBLIC_KEYS };
  }
  const dir = secretsDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const authJwtSecret = env.AUTH_JWT_SECRET || readOrCreate(dir, 'AUTH_JWT_SECRET', () => randomBytes(48).toString('base64url'));
  const signingKey =
    env.GATEWAY_SIGNING_KEY ||
    readOrCreate(dir, 'GATEWAY_SIGNING_KEY', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  const derivedPublic = createPublicKey(
    signingKey.includes('BEGIN') ? createPrivateKey(signingKey) : createPrivateKey({ key: Buffer.from(signingKey, 'base64'), format: 'der', type: 'pkcs8' }),
  )
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
  const publicKeys = env.GATEWAY_PUBLIC_KEYS || derivedPublic;
  writeFileSync(path.join(dir, 'GATEWAY_PUBLIC_KEYS'), `${publicKeys}\n`, { mode: 0o644 });
  return { AUTH_JWT_SECRET: authJwtSecret, GATEWAY_SIGNING_KEY: signingKey, GATEWAY_PUBLIC_KEYS: publicKeys };
}

module.exports = { ensureInstallationSecrets, secretsDir };
