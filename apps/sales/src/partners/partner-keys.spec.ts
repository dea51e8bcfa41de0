import { errorCodes, invalidFields, partner, rowCounts, ServiceUnderTest, staff, startServiceUnderTest, system } from '@aftercare/testing';
import { salesService } from '../sales.definition';

const REGISTER = `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { apiKey partner { id } } }`;
const ROTATE = `mutation ($input: RotatePartnerKeyInput!) { rotatePartnerKey(input: $input) { apiKey key { id prefix expiresAt revokedAt active } partner { id } } }`;
const REVOKE = `mutation ($partnerId: ID!, $keyId: ID!) { revokePartnerKey(partnerId: $partnerId, keyId: $keyId) { id active revokedAt } }`;
const KEYS = `query { partners(first: 50) { edges { node { id apiKeys { id prefix createdAt expiresAt revokedAt active } } } } }`;
const CREDENTIAL = `query ($apiKey: String!) { partnerCredential(apiKey: $apiKey) { partnerId partnerCode } }`;

type Rotation = {
  rotatePartnerKey: { apiKey: string; key: { id: string; prefix: string; expiresAt: string | null; revokedAt: string | null; active: boolean } };
};
type Keys = { partners: { edges: { node: { id: string; apiKeys: { id: string; expiresAt: string | null; revokedAt: string | null; active: boolean }[] } }[] } };

describe('partner key rotation and revocation (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  const admin = staff('ADMIN');

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
  });
  afterAll(() => sales?.stop());

  async function register(code: string): Promise<{ partnerId: string; apiKey: string }> {
    const response = await sales.graphql<{ registerPartner: { apiKey: string; partner: { id: string } } }>(REGISTER, { input: { code, name: code } }, admin);
    return { partnerId: response.data!.registerPartner.partner.id, apiKey: response.data!.registerPartner.apiKey };
  }
  const identify = async (apiKey: string) =>
    (await sales.graphql<{ partnerCredential: { partnerId: string } | null }>(CREDENTIAL, { apiKey }, system())).data!.partnerCredential?.partnerId ?? null;
  const keysOf = async (partnerId: string) =>
    (await sales.graphql<Keys>(KEYS, {}, admin)).data!.partners.edges.find((edge) => edge.node.id === partnerId)!.node.apiKeys;

  it('issues a new key; the old one keeps working until the chosen expiry, then stops', async () => {
    const { partnerId, apiKey: oldKey } = await register('ROTA');
    const soon = new Date(Date.now() + 1500);
    const rotated = await sales.graphql<Rotation>(ROTATE, { input: { partnerId, oldKeysExpireAt: soon.toISOString() } }, admin);
    expect(rotated.errors).toBeUndefined();
    const { apiKey: newKey, key } = rotated.data!.rotatePartnerKey;
    expect(newKey).toMatch(/^ak_rota_[A-Za-z0-9_-]{43}$/);
    expect(newKey).not.toBe(oldKey);
    expect(key).toMatchObject({ expiresAt: null, revokedAt: null, active: true });
    expect(newKey.startsWith(key.prefix)).toBe(true);

    // The overlap: both keys identify the partner.
    expect(await identify(oldKey)).toBe(partnerId);
    expect(await identify(newKey)).toBe(partnerId);
    const during = await keysOf(partnerId);
    expect(during.map((k) => [k.id === key.id, k.expiresAt === null, k.active])).toEqual([
      [true, true, true],
      [false, false, true],
    ]);
    expect(new Date(during[1]!.expiresAt!).getTime()).toBe(soon.getTime());

    await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 100));
    expect(await identify(oldKey)).toBeNull();
    expect(await identify(newKey)).toBe(partnerId);
    expect((await keysOf(partnerId)).map((k) => k.active)).toEqual([true, false]);
  });

  it('keeps the old keys a day by default, and never lengthens an expiry already set', async () => {
    const { partnerId, apiKey: first } = await register('ROTB');
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await sales.graphql<Rotation>(ROTATE, { input: { partnerId, oldKeysExpireAt: inAnHour } }, admin);
    const second = (await sales.graphql<Rotation>(ROTATE, { input: { partnerId } }, admin)).data!.rotatePartnerKey.apiKey;
    const keys = await keysOf(partnerId);
    expect(keys).toHaveLength(3);
    const [, secondKey, firstKey] = keys;
    const dayAhead = Date.now() + 24 * 3_600_000;
    expect(Math.abs(new Date(secondKey!.expiresAt!).getTime() - dayAhead)).toBeLessThan(60_000);
    expect(new Date(firstKey!.expiresAt!).toISOString()).toBe(inAnHour);
    expect(await identify(first)).toBe(partnerId);
    expect(await identify(second)).toBe(partnerId);
  });

  it('revokes one key at once, leaving the others; revoking again changes nothing', async () => {
    const { partnerId, apiKey: oldKey } = await register('ROTC');
    const { apiKey: newKey } = (await sales.graphql<Rotation>(ROTATE, { input: { partnerId } }, admin)).data!.rotatePartnerKey;
    const oldKeyId = (await keysOf(partnerId))[1]!.id;
    const revoked = await sales.graphql<{ revokePartnerKey: { id: string; active: boolean; revokedAt: string } }>(
      REVOKE,
      { partnerId, keyId: oldKeyId },
      admin,
    );
    expect(revoked.data!.revokePartnerKey).toMatchObject({ id: oldKeyId, active: false });
    expect(await identify(oldKey)).toBeNull();
    expect(await identify(newKey)).toBe(partnerId);
    const again = await sales.graphql<{ revokePartnerKey: { revokedAt: string } }>(REVOKE, { partnerId, keyId: oldKeyId }, admin);
    expect(again.data!.revokePartnerKey.revokedAt).toBe(revoked.data!.revokePartnerKey.revokedAt);
  });

  it('refuses a bad expiry, an unknown partner or key, and anyone but an admin, changing nothing', async () => {
    const { partnerId } = await register('ROTD');
    const other = await register('ROTE');
    const before = await rowCounts(sales.service.dataSource, { keys: 'partner_api_key' });
    for (const oldKeysExpireAt of [new Date(Date.now() - 60_000).toISOString(), new Date(Date.now() + 31 * 86_400_000).toISOString()]) {
      const refused = await sales.graphql(ROTATE, { input: { partnerId, oldKeysExpireAt } }, admin);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(refused)).toEqual(['oldKeysExpireAt']);
    }
    expect(errorCodes(await sales.graphql(ROTATE, { input: { partnerId: '00000000-0000-4000-8000-000000000000' } }, admin))).toEqual(['NOT_FOUND']);
    const otherKeyId = (await keysOf(other.partnerId))[0]!.id;
    expect(errorCodes(await sales.graphql(REVOKE, { partnerId, keyId: otherKeyId }, admin))).toEqual(['NOT_FOUND']);
    for (const caller of [staff('SUPERVISOR'), staff('SALES'), partner(partnerId, 'ROTD')]) {
      expect(errorCodes(await sales.graphql(ROTATE, { input: { partnerId } }, caller))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await sales.graphql(REVOKE, { partnerId, keyId: otherKeyId }, caller))).toEqual(['FORBIDDEN']);
    }
    expect(await rowCounts(sales.service.dataSource, { keys: 'partner_api_key' })).toEqual(before);
    expect(await identify(other.apiKey)).toBe(other.partnerId);
  });
});
