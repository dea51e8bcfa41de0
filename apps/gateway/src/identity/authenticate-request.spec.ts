import { mintStaffToken, PartnerIdentity } from '@aftercare/identity';
import { authenticateRequest } from './authenticate-request';
import { PartnerCredentials } from './partner-credentials';

const SECRET = 'unit-test-secret';
const PARTNER: PartnerIdentity = { kind: 'partner', partnerId: 'p-1', partnerCode: 'PHILIPS' };

const VALID_KEY = `ak_philips_${'K'.repeat(43)}`;
const UNKNOWN_KEY = `ak_philips_${'G'.repeat(43)}`;
/** Every key the gateway asked sales about. */
const lookedUp: string[] = [];
/** Sales' answer for the one key it knows; the real lookup is covered end to end in platform-e2e. */
const partners = {
  identify: async (key: string) => {
    lookedUp.push(key);
    return key === VALID_KEY ? PARTNER : null;
  },
} as unknown as PartnerCredentials;

function headers(values: Record<string, string>) {
  return { header: (name: string) => values[name.toLowerCase()] };
}

function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );
}

describe('authenticateRequest', () => {
  it('admits staff with a valid bearer token, with their roles', async () => {
    const token = mintStaffToken({ sub: 'u-7', name: 'Li Na', roles: ['DISPATCHER'] }, SECRET);
    await expect(authenticateRequest(headers({ authorization: `Bearer ${token}` }), SECRET, partners)).resolves.toEqual({
      kind: 'staff',
      userId: 'u-7',
      name: 'Li Na',
      roles: ['DISPATCHER'],
    });
  });

  it('admits a partner by API key', async () => {
    await expect(authenticateRequest(headers({ 'x-api-key': VALID_KEY }), SECRET, partners)).resolves.toEqual(PARTNER);
  });

  it('treats a request without credentials as anonymous', async () => {
    await expect(authenticateRequest(headers({}), SECRET, partners)).resolves.toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['a token signed with another secret', { authorization: `Bearer ${mintStaffToken({ sub: 'u', name: 'u', roles: ['ADMIN'] }, 'other')}` }],
    ['an expired token', { authorization: `Bearer ${mintStaffToken({ sub: 'u', name: 'u', roles: ['ADMIN'] }, SECRET, -10)}` }],
    ['a token with an unknown role', { authorization: `Bearer ${mintStaffToken({ sub: 'u', name: 'u', roles: ['ROOT' as never] }, SECRET)}` }],
    ['a non-bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an unknown API key', { 'x-api-key': UNKNOWN_KEY }],
    ['both a token and a key', { authorization: `Bearer ${mintStaffToken({ sub: 'u', name: 'u', roles: ['ADMIN'] }, SECRET)}`, 'x-api-key': VALID_KEY }],
  ])('refuses %s as UNAUTHENTICATED', async (_case, values) => {
    await expect(codeOf(authenticateRequest(headers(values), SECRET, partners))).resolves.toBe('UNAUTHENTICATED');
  });

  it.each([
    ['over 4,000 characters', `ak_philips_${'a'.repeat(4_000)}`],
    ['3,990 characters', `ak_philips_${'a'.repeat(3_979)}`],
    ['one character too long', `${VALID_KEY}a`],
    ['one character too short', VALID_KEY.slice(0, -1)],
    ['characters a key never holds', `ak_philips_${'+'.repeat(43)}`],
    ['non-ASCII', `ak_philips_${'é'.repeat(43)}`],
    ['no ak_ prefix', 'K'.repeat(50)],
  ])('refuses a malformed key (%s) as UNAUTHENTICATED at once, without asking sales', async (_case, key) => {
    lookedUp.length = 0;
    const refusal = authenticateRequest(headers({ 'x-api-key': key }), SECRET, partners).catch(
      (error: { extensions?: Record<string, unknown> }) => error.extensions,
    );
    await expect(refusal).resolves.toEqual({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect(lookedUp).toEqual([]);
  });
});
