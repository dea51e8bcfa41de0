import { randomUUID } from 'node:crypto';
import { errorCodes, partner, ServiceUnderTest, staff, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';

const REGISTER = `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { partner { id } } }`;
const MY_PARTNER = `{ myPartner { id code name } }`;

/** The partner portal's header names the brand: a partner reads itself (code and name), only itself. */
describe('myPartner (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  const admin = staff('ADMIN');

  async function register(code: string, name: string): Promise<string> {
    const response = await sales.graphql<{ registerPartner: { partner: { id: string } } }>(REGISTER, { input: { code, name } }, admin);
    expect(response.errors).toBeUndefined();
    return response.data!.registerPartner.partner.id;
  }

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
  });

  afterAll(() => sales?.stop());

  it('answers the calling partner with its own name, never another brand', async () => {
    const suffix = randomUUID().slice(0, 6).toUpperCase();
    const mine = await register(`AQUA${suffix}`, 'Aqua Pure Water Co.');
    await register(`RIVAL${suffix}`, 'Rival Filters Ltd.');
    const response = await sales.graphql(MY_PARTNER, {}, partner(mine, `AQUA${suffix}`));
    expect(response.data).toEqual({ myPartner: { id: mine, code: `AQUA${suffix}`, name: 'Aqua Pure Water Co.' } });
  });

  it('is refused to staff (FORBIDDEN): it is the partner portal’s question', async () => {
    expect(errorCodes(await sales.graphql(MY_PARTNER, {}, admin))).toEqual(['FORBIDDEN']);
  });
});
