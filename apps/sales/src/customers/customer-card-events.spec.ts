import { randomUUID } from 'node:crypto';
import { outboxEvents, partner, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { admin, createCustomer, uniquePhone } from '../sales.spec-support';

const UPDATE = `mutation ($id: ID!, $input: CustomerProfileInput!) { updateCustomer(id: $id, input: $input) { id city } }`;
const REGISTER = `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { partner { id code } } }`;
const SUBMIT = `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id customer { id } } }`;

describe('customer card events for the other services’ read models (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
  });

  afterAll(async () => {
    await sales?.stop();
  });

  it('announces a card created by staff, then its profile change as the whole card', async () => {
    const id = await createCustomer(sales, admin, { city: 'Hangzhou', address: '9 West Lake Road' });
    const [registered] = await outboxEvents(sales.service.dataSource, 'CustomerRegistered', id);
    expect(registered.payload).toEqual(
      expect.objectContaining({ customerId: id, city: 'Hangzhou', region: 'Hangzhou', address: '9 West Lake Road', key: false }),
    );

    const updated = await sales.graphql(UPDATE, { id, input: { city: 'Suzhou', key: true } }, admin);
    expect(updated.errors).toBeUndefined();
    const [changed] = await outboxEvents(sales.service.dataSource, 'CustomerProfileChanged', id);
    expect(changed.payload).toEqual(expect.objectContaining({ customerId: id, city: 'Suzhou', key: true, address: '9 West Lake Road' }));
  });

  it('announces a card created by a partner’s first order once, not again for the same phone', async () => {
    const registered = await sales.graphql<{ registerPartner: { partner: { id: string; code: string } } }>(
      REGISTER,
      { input: { code: `CARD${randomUUID().slice(0, 4)}`, name: 'Card Brand' } },
      admin,
    );
    const brand = partner(registered.data!.registerPartner.partner.id, registered.data!.registerPartner.partner.code);
    const phone = uniquePhone();
    const order = () => ({
      externalRef: `PO-${randomUUID().slice(0, 8)}`,
      productModel: 'AquaPure X5',
      customer: { name: 'Zhao Lei', phone, city: 'Nanjing', address: '1 Zhongshan Road' },
    });
    const first = await sales.graphql<{ submitInstallOrder: { customer: { id: string } } }>(SUBMIT, { input: order() }, brand);
    const second = await sales.graphql<{ submitInstallOrder: { customer: { id: string } } }>(SUBMIT, { input: order() }, brand);
    expect(first.errors ?? second.errors).toBeUndefined();
    const customerId = first.data!.submitInstallOrder.customer.id;
    expect(second.data!.submitInstallOrder.customer.id).toBe(customerId);
    expect(await outboxEvents(sales.service.dataSource, 'CustomerRegistered', customerId)).toHaveLength(1);
  });
});
