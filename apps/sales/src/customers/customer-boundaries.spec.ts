import { errorCodes, partner, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import type { PartnerIdentity, StaffIdentity } from '@aftercare/identity';
import { salesService } from '../sales.definition';
import { admin, createCustomer, registerSalesperson, salesperson, supervisor, uniquePhone } from '../sales.spec-support';

const SUBMIT = `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id customer { id name phone city address } } }`;
const CRM = `query ($id: ID!) { order(id: $id) { customer { grade key influence contacts { name } } } }`;
const ORDER_CUSTOMER = `query ($id: ID!) { order(id: $id) { id customer { id name grade owner { id } orders { id } } } }`;
const PLACE = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id name } ... on Order { id externalRef } } }`;

describe('customer data stays inside its boundaries (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let rep: StaffIdentity;
  let otherRep: StaffIdentity;
  let brand: PartnerIdentity;
  let otherBrand: PartnerIdentity;

  async function registerBrand(code: string): Promise<PartnerIdentity> {
    const registered = await sales.graphql<{ registerPartner: { partner: { id: string } } }>(
      `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { partner { id } } }`,
      { input: { code, name: `${code} Ltd` } },
      admin,
    );
    return partner(registered.data!.registerPartner.partner.id, code);
  }

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    rep = salesperson(await registerSalesperson(sales));
    otherRep = salesperson(await registerSalesperson(sales));
    brand = await registerBrand(`BND${Date.now() % 100000}`);
    otherBrand = await registerBrand(`OTH${Date.now() % 100000}`);
  });

  afterAll(() => sales?.stop());

  it("answers a partner's intake with only what it sent, even when the phone is on a staff-owned key card", async () => {
    const phone = uniquePhone();
    const cardId = await createCustomer(sales, rep, { phone, name: 'Real Card Holder', key: true, influence: 5 });
    const sent = { name: 'Name The Partner Typed', phone, city: 'Suzhou', address: '9 Partner Street' };
    const response = await sales.graphql<{ submitInstallOrder: { id: string; customer: Record<string, unknown> } }>(
      SUBMIT,
      { input: { externalRef: `LEAK-${phone}`, productModel: 'X5', customer: sent } },
      brand,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.submitInstallOrder.customer).toEqual({ id: cardId, ...sent });
    // The order is linked to the existing card, which staff see in full.
    const staffView = await sales.graphql<{ order: { customer: { id: string; name: string } } }>(
      ORDER_CUSTOMER,
      { id: response.data!.submitInstallOrder.id },
      supervisor,
    );
    expect(staffView.data!.order.customer).toMatchObject({ id: cardId, name: 'Real Card Holder' });
    // A resubmission (idempotent) still shows the partner only its own submission.
    const again = await sales.graphql<{ submitInstallOrder: { customer: Record<string, unknown> } }>(
      SUBMIT,
      { input: { externalRef: `LEAK-${phone}`, productModel: 'X5', customer: sent } },
      brand,
    );
    expect(again.data!.submitInstallOrder.customer).toEqual({ id: cardId, ...sent });
    // CRM fields are refused to partners.
    const crm = await sales.graphql(CRM, { id: response.data!.submitInstallOrder.id }, brand);
    expect(new Set(errorCodes(crm))).toEqual(new Set(['FORBIDDEN']));
    expect(JSON.stringify(crm)).not.toContain('Real Card Holder');
  });

  it("keeps another salesperson's card closed through order.customer, as it is through customer(id)", async () => {
    const theirs = await createCustomer(sales, otherRep);
    const placed = await sales.graphql<{ placeOrder: { id: string } }>(
      PLACE,
      { input: { channel: 'PHONE', customerId: theirs, productModel: 'X5' } },
      otherRep,
    );
    const orderId = placed.data!.placeOrder.id;
    const nosy = await sales.graphql<{ order: unknown }>(ORDER_CUSTOMER, { id: orderId }, rep);
    expect(errorCodes(nosy)).toContain('NOT_FOUND');
    expect(JSON.stringify(nosy.data)).not.toContain(theirs);
    const own = await sales.graphql<{ order: { customer: { id: string } } }>(ORDER_CUSTOMER, { id: orderId }, otherRep);
    expect(own.data!.order.customer.id).toBe(theirs);
    expect((await sales.graphql<{ order: { customer: { id: string } } }>(ORDER_CUSTOMER, { id: orderId }, supervisor)).data!.order.customer.id).toBe(theirs);
  });

  it('holds the same row rules through _entities', async () => {
    const theirs = await createCustomer(sales, otherRep);
    const mine = await createCustomer(sales, rep);
    const asRep = await sales.graphql<{ _entities: ({ id: string } | null)[] }>(
      ENTITIES,
      { representations: [theirs, mine].map((id) => ({ __typename: 'Customer', id })) },
      rep,
    );
    expect(asRep.data!._entities).toEqual([null, { id: mine, name: expect.any(String) }]);

    const submitted = await sales.graphql<{ submitInstallOrder: { id: string } }>(
      SUBMIT,
      { input: { externalRef: `ENT-${Date.now()}`, productModel: 'X5', customer: { name: 'A', phone: uniquePhone(), city: 'Wuxi', address: '1 Road' } } },
      brand,
    );
    const orderRef = [{ __typename: 'Order', id: submitted.data!.submitInstallOrder.id }];
    expect((await sales.graphql<{ _entities: unknown[] }>(ENTITIES, { representations: orderRef }, otherBrand)).data!._entities).toEqual([null]);
    expect((await sales.graphql<{ _entities: unknown[] }>(ENTITIES, { representations: orderRef }, brand)).data!._entities).toEqual([
      { id: submitted.data!.submitInstallOrder.id, externalRef: expect.any(String) },
    ]);
  });
});
