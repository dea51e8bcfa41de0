import { sign, verify } from 'node:crypto';
import { generateGatewayKeyPair, parsePublicKey, parseSigningKey, verificationKeys } from './gateway-keys';
import { InvalidGatewaySignatureError, signGatewayIdentity, verifyGatewayIdentity } from './gateway-signature';
import { Identity } from './identity';

const gateway = generateGatewayKeyPair();
const trusted = verificationKeys([parsePublicKey(gateway.publicKey)]);
const ADMIN: Identity = { kind: 'staff', userId: 'u-1', name: 'Ada', roles: ['ADMIN'] };

async function refusal(verifying: Promise<unknown>): Promise<string> {
  try {
    await verifying;
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidGatewaySignatureError);
    return (error as Error).message;
  }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token minted by hand with node:crypto, as the gateway signed before jose: the wire format both ends must keep. */
function handMinted(claims: object, privateKey = parseSigningKey(gateway.privateKey)): string {
  const input = `${b64({ alg: 'EdDSA', typ: 'JWT', kid: privateKey.kid })}.${b64({ iss: 'aftercare-gateway', aud: 'sales', identity: ADMIN, ...claims })}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey.privateKey).toString('base64url')}`;
}

describe('gateway identity tokens (Ed25519, audience per subgraph)', () => {
  it('round-trips the identity for the subgraph it was signed for', async () => {
    await expect(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales'), trusted, 'sales')).resolves.toEqual(ADMIN);
  });

  it('keeps the wire format: a compact JWS with EdDSA, the key id and the same claims, readable by the previous hand-written verifier', async () => {
    const token = await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales');
    const [headerPart, claimsPart, signaturePart] = token.split('.') as [string, string, string];
    expect(verify(null, Buffer.from(`${headerPart}.${claimsPart}`), parsePublicKey(gateway.publicKey), Buffer.from(signaturePart, 'base64url'))).toBe(true);
    const [header, claims] = [headerPart, claimsPart].map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: parseSigningKey(gateway.privateKey).kid });
    expect(claims).toMatchObject({ iss: 'aftercare-gateway', aud: 'sales', identity: ADMIN });
    expect((claims!['exp'] as number) - (claims!['nbf'] as number)).toBe(30);
    expect(claims!['iat']).toBe(claims!['nbf']);
    // And a token signed the old way (a gateway not yet upgraded during a rolling deploy) still verifies.
    const now = Math.floor(Date.now() / 1000);
    await expect(verifyGatewayIdentity(handMinted({ iat: now, nbf: now, exp: now + 30 }), trusted, 'sales')).resolves.toEqual(ADMIN);
  });

  it('refuses a token bound to another subgraph, or to none', async () => {
    expect(await refusal(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, gateway.privateKey, 'complaints'), trusted, 'sales'))).toMatch(
      /another subgraph/,
    );
    expect(await refusal(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, gateway.privateKey), trusted, 'sales'))).toMatch(/another subgraph/);
  });

  it('refuses a token from a key the subgraph does not trust, or naming no key', async () => {
    const attacker = generateGatewayKeyPair();
    expect(await refusal(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, attacker.privateKey, 'sales'), trusted, 'sales'))).toMatch(/does not trust/);
    const [, claims, signature] = (await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales')).split('.');
    expect(await refusal(verifyGatewayIdentity(`${b64({ alg: 'EdDSA' })}.${claims}.${signature}`, trusted, 'sales'))).toMatch(/does not trust/);
  });

  it('refuses a forged signature under the trusted key id', async () => {
    const token = await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales');
    const [header, , signature] = token.split('.');
    const claims = b64({ iss: 'aftercare-gateway', aud: 'sales', nbf: 0, exp: 9e9, identity: { kind: 'system', service: 'x' } });
    expect(await refusal(verifyGatewayIdentity(`${header}.${claims}.${signature}`, trusted, 'sales'))).toMatch(/bad signature/);
  });

  it('refuses alg none and HS256 tokens (the algorithm is pinned)', async () => {
    const kid = parseSigningKey(gateway.privateKey).kid;
    const claims = b64({ iss: 'aftercare-gateway', aud: 'sales', nbf: 0, exp: 9e9, identity: ADMIN });
    expect(await refusal(verifyGatewayIdentity(`${b64({ alg: 'none', kid })}.${claims}.`, trusted, 'sales'))).toMatch(/algorithm/);
    expect(await refusal(verifyGatewayIdentity(`${b64({ alg: 'HS256', kid })}.${claims}.abc`, trusted, 'sales'))).toMatch(/algorithm/);
  });

  it('refuses expired, not-yet-valid, overlong, foreign-issuer and identity-less tokens even when correctly signed', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now - 100, exp: now - 60 }), trusted, 'sales'))).toMatch(/expired/);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now + 60, exp: now + 80 }), trusted, 'sales'))).toMatch(/not yet/);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now, exp: now + 3600 }), trusted, 'sales'))).toMatch(/lifetime/);
    expect(await refusal(verifyGatewayIdentity(handMinted({ exp: now + 30 }), trusted, 'sales'))).toMatch(/nbf/);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now, exp: now + 30, iss: 'someone-else' }), trusted, 'sales'))).toMatch(/issuer/);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now, exp: now + 30, identity: 'ADMIN' }), trusted, 'sales'))).toMatch(/no identity/);
    await expect(verifyGatewayIdentity(handMinted({ nbf: now, exp: now + 30 }), trusted, 'sales')).resolves.toEqual(ADMIN);
  });

  it('tolerates 5 s of clock drift between gateway and subgraph, not more', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifyGatewayIdentity(handMinted({ nbf: now + 4, exp: now + 34 }), trusted, 'sales')).resolves.toEqual(ADMIN);
    await expect(verifyGatewayIdentity(handMinted({ nbf: now - 33, exp: now - 3 }), trusted, 'sales')).resolves.toEqual(ADMIN);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now + 8, exp: now + 38 }), trusted, 'sales'))).toMatch(/not yet/);
    expect(await refusal(verifyGatewayIdentity(handMinted({ nbf: now - 38, exp: now - 8 }), trusted, 'sales'))).toMatch(/expired/);
  });

  it('accepts the old and the new key during a rotation overlap, and only the new one after', async () => {
    const next = generateGatewayKeyPair();
    const overlap = verificationKeys([parsePublicKey(gateway.publicKey), parsePublicKey(next.publicKey)]);
    await expect(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales'), overlap, 'sales')).resolves.toEqual(ADMIN);
    await expect(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, next.privateKey, 'sales'), overlap, 'sales')).resolves.toEqual(ADMIN);
    const after = verificationKeys([parsePublicKey(next.publicKey)]);
    expect(await refusal(verifyGatewayIdentity(await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales'), after, 'sales'))).toMatch(/does not trust/);
  });

  it.each(['', 'a.b', 'x.y.z', '....', `${'a'.repeat(9000)}.b.c`])('refuses malformed token %#', async (token) => {
    expect(await refusal(verifyGatewayIdentity(token, trusted, 'sales'))).not.toBe('accepted');
  });
});
