import { sign } from 'node:crypto';
import { generateGatewayKeyPair, parsePublicKey, parseSigningKey, verificationKeys } from './gateway-keys';
import { InvalidGatewaySignatureError, signGatewayIdentity, verifyGatewayIdentity } from './gateway-signature';
import { Identity } from './identity';

const gateway = generateGatewayKeyPair();
const trusted = verificationKeys([parsePublicKey(gateway.publicKey)]);
const ADMIN: Identity = { kind: 'staff', userId: 'u-1', name: 'Ada', roles: ['ADMIN'] };

function refusal(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidGatewaySignatureError);
    return (error as Error).message;
  }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('gateway identity tokens (Ed25519, audience per subgraph)', () => {
  it('round-trips the identity for the subgraph it was signed for', () => {
    expect(verifyGatewayIdentity(signGatewayIdentity(ADMIN, gateway.privateKey, 'sales'), trusted, 'sales')).toEqual(ADMIN);
  });

  it('refuses a token bound to another subgraph, or to none', () => {
    expect(refusal(() => verifyGatewayIdentity(signGatewayIdentity(ADMIN, gateway.privateKey, 'complaints'), trusted, 'sales'))).toMatch(/another subgraph/);
    expect(refusal(() => verifyGatewayIdentity(signGatewayIdentity(ADMIN, gateway.privateKey), trusted, 'sales'))).toMatch(/another subgraph/);
  });

  it('refuses a token from a key the subgraph does not trust', () => {
    const attacker = generateGatewayKeyPair();
    expect(refusal(() => verifyGatewayIdentity(signGatewayIdentity(ADMIN, attacker.privateKey, 'sales'), trusted, 'sales'))).toMatch(/does not trust/);
  });

  it('refuses a forged signature under the trusted key id', () => {
    const token = signGatewayIdentity(ADMIN, gateway.privateKey, 'sales');
    const [header, , signature] = token.split('.');
    const claims = b64({ iss: 'aftercare-gateway', aud: 'sales', nbf: 0, exp: 9e9, identity: { kind: 'system', service: 'x' } });
    expect(refusal(() => verifyGatewayIdentity(`${header}.${claims}.${signature}`, trusted, 'sales'))).toMatch(/bad signature/);
  });

  it('refuses alg none and HS256 tokens (the algorithm is pinned)', () => {
    const kid = parseSigningKey(gateway.privateKey).kid;
    const claims = b64({ iss: 'aftercare-gateway', aud: 'sales', nbf: 0, exp: 9e9, identity: ADMIN });
    expect(refusal(() => verifyGatewayIdentity(`${b64({ alg: 'none', kid })}.${claims}.`, trusted, 'sales'))).toMatch(/algorithm/);
    expect(refusal(() => verifyGatewayIdentity(`${b64({ alg: 'HS256', kid })}.${claims}.abc`, trusted, 'sales'))).toMatch(/algorithm/);
  });

  it('refuses expired, not-yet-valid and overlong tokens even when correctly signed', () => {
    const { kid, privateKey } = parseSigningKey(gateway.privateKey);
    const now = Math.floor(Date.now() / 1000);
    const mint = (claims: object) => {
      const input = `${b64({ alg: 'EdDSA', kid })}.${b64({ iss: 'aftercare-gateway', aud: 'sales', identity: ADMIN, ...claims })}`;
      return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    };
    expect(refusal(() => verifyGatewayIdentity(mint({ nbf: now - 100, exp: now - 60 }), trusted, 'sales'))).toMatch(/expired/);
    expect(refusal(() => verifyGatewayIdentity(mint({ nbf: now + 60, exp: now + 80 }), trusted, 'sales'))).toMatch(/not yet/);
    expect(refusal(() => verifyGatewayIdentity(mint({ nbf: now, exp: now + 3600 }), trusted, 'sales'))).toMatch(/lifetime/);
    expect(verifyGatewayIdentity(mint({ nbf: now, exp: now + 30 }), trusted, 'sales')).toEqual(ADMIN);
  });

  it('accepts the old and the new key during a rotation overlap, and only the new one after', () => {
    const next = generateGatewayKeyPair();
    const overlap = verificationKeys([parsePublicKey(gateway.publicKey), parsePublicKey(next.publicKey)]);
    expect(verifyGatewayIdentity(signGatewayIdentity(ADMIN, gateway.privateKey, 'sales'), overlap, 'sales')).toEqual(ADMIN);
    expect(verifyGatewayIdentity(signGatewayIdentity(ADMIN, next.privateKey, 'sales'), overlap, 'sales')).toEqual(ADMIN);
    const after = verificationKeys([parsePublicKey(next.publicKey)]);
    expect(refusal(() => verifyGatewayIdentity(signGatewayIdentity(ADMIN, gateway.privateKey, 'sales'), after, 'sales'))).toMatch(/does not trust/);
  });

  it.each(['', 'a.b', 'x.y.z', '....', `${'a'.repeat(9000)}.b.c`])('refuses malformed token %#', (token) => {
    expect(refusal(() => verifyGatewayIdentity(token, trusted, 'sales'))).not.toBe('accepted');
  });
});
