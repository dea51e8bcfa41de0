import { errorCodes, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import type { StaffIdentity } from '@aftercare/identity';
import { salesService } from '../sales.definition';
import { createCustomer, customerInput, registerSalesperson, salesperson } from '../sales.spec-support';

const CREATE = `mutation ($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id scale influence key businessType region contacts { name } sites { city } serviceContactId }
}`;
const UPDATE = `mutation ($id: ID!, $input: CustomerProfileInput!) {
  updateCustomer(id: $id, input: $input) { id name scale influence key businessType region contacts { name } sites { city } serviceContactId }
}`;

/**
 * An explicit null from a client is "not given" for a field the card always has a value for (scale, influence,
 * key, business type, region, name, contacts, sites: the default on create, unchanged on update) and "clear it" for
 * a field a card may lack (the service contact). Never an internal error.
 */
describe('explicit nulls in customer inputs (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let rep: StaffIdentity;

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    rep = salesperson(await registerSalesperson(sales));
  });

  afterAll(() => sales?.stop());

  it('creates a card with null optional fields as if they were not given', async () => {
    const input = customerInput({
      scale: null,
      influence: null,
      key: null,
      businessType: null,
      region: null,
      contacts: null,
      sites: null,
      serviceContactId: null,
    } as never);
    const response = await sales.graphql<{ createCustomer: Record<string, unknown> }>(CREATE, { input }, rep);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createCustomer).toMatchObject({
      scale: 1,
      influence: 1,
      key: false,
      businessType: 'HOUSEHOLD',
      contacts: [],
      sites: [],
      serviceContactId: null,
    });
    expect(response.data!.createCustomer['region']).toBe(input.city);
  });

  it('leaves always-present fields unchanged on a null and clears the service contact on a null', async () => {
    const id = await createCustomer(sales, rep, { serviceContactId: 'cs-wang' } as never);
    const before = await sales.graphql<{ updateCustomer: Record<string, unknown> }>(UPDATE, { id, input: { scale: 4, influence: 5 } }, rep);
    expect(before.errors).toBeUndefined();
    const response = await sales.graphql<{ updateCustomer: Record<string, unknown> }>(
      UPDATE,
      {
        id,
        input: { name: null, scale: null, influence: null, key: null, businessType: null, region: null, contacts: null, sites: null, serviceContactId: null },
      },
      rep,
    );
    expect(errorCodes(response)).toEqual([]);
    expect(response.data!.updateCustomer).toMatchObject({ ...before.data!.updateCustomer, serviceContactId: null });
  });
});
