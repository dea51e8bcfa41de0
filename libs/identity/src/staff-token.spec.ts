import jwt from 'jsonwebtoken';
import { InvalidStaffTokenError, mintStaffToken, STAFF_TOKEN_AUDIENCE, STAFF_TOKEN_ISSUER, verifyStaffToken } from './staff-token';
import { installationSecret, MissingSecretError } from './installation-secrets';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const base = { name: 'Ada', roles: ['ADMIN'] };
const options = { algorithm: 'HS256' as const, subject: 'u-1', issuer: STAFF_TOKEN_ISSUER, audience: STAFF_TOKEN_AUDIENCE };

describe('staff tokens', () => {
  it('accepts a token minted for this graph', () => {
    expect(verifyStaffToken(mintStaffToken({ sub: 'u-1', name: 'Ada', roles: ['ADMIN'] }, SECRET), SECRET).userId).toBe('u-1');
  });

  it.each([
    ['no expiry', () => jwt.sign(base, SECRET, options)],
    ['expired', () => jwt.sign(base, SECRET, { ...options, expiresIn: -10 })],
    ['not yet valid', () => jwt.sign(base, SECRET, { ...options, expiresIn: '1h', notBefore: 600 })],
    ['another issuer', () => jwt.sign(base, SECRET, { ...options, issuer: 'someone-else', expiresIn: '1h' })],
    ['another audience', () => jwt.sign(base, SECRET, { ...options, audience: 'another-api', expiresIn: '1h' })],
    ['no issuer', () => jwt.sign(base, SECRET, { algorithm: 'HS256', subject: 'u-1', audience: STAFF_TOKEN_AUDIENCE, expiresIn: '1h' })],
    ['alg none', () => jwt.sign(base, '', { ...options, algorithm: 'none', expiresIn: '1h' } as jwt.SignOptions)],
    ['HS512', () => jwt.sign(base, SECRET, { ...options, algorithm: 'HS512', expiresIn: '1h' })],
    ['a week long', () => jwt.sign(base, SECRET, { ...options, expiresIn: '7d' })],
    ['another secret', () => jwt.sign(base, `${SECRET}x`, { ...options, expiresIn: '1h' })],
  ])('refuses a token with %s', (_case, mint) => {
    expect(() => verifyStaffToken(mint(), SECRET)).toThrow(InvalidStaffTokenError);
  });
});

describe('installation secrets', () => {
  it('never falls back to a value in the source', () => {
    expect(() => installationSecret({ AFTERCARE_SECRETS_DIR: '/nonexistent/aftercare' }, 'AUTH_JWT_SECRET')).toThrow(MissingSecretError);
    expect(() => installationSecret({ NODE_ENV: 'production' }, 'GATEWAY_SIGNING_KEY')).toThrow(/production/);
    expect(installationSecret({ AUTH_JWT_SECRET: 'configured' }, 'AUTH_JWT_SECRET')).toBe('configured');
  });
});
