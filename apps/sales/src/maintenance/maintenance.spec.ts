import type { StaffIdentity } from '@aftercare/identity';
import { errorCodes, invalidFields, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { createCustomer, registerSalesperson, salesperson, supervisor } from '../sales.spec-support';

const LOG = `mutation ($input: LogContactInput!) { logContact(input: $input) { id kind initiatedBy contactedAt place notes loggedBy } }`;
const TRACE = `query ($id: ID!) {
  customer(id: $id) {
    maintenance { lastContactAt contactsLast90Days visitsLast90Days contactsPerMonth }
    maintenanceContacts { kind place notes contactedAt }
  }
}`;
const MANY = `query ($ownerId: ID!) { customers(first: 10, ownerId: $ownerId) { edges { node { id maintenance { contactsLast90Days } } } } }`;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('sales maintenance trace (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let rep: StaffIdentity;

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    rep = salesperson(await registerSalesperson(sales));
  });

  afterAll(() => sales?.stop());

  it('logs calls, online contacts and visits with time, place and notes, and sums them up per customer', async () => {
    const id = await createCustomer(sales, rep);
    const visit = await sales.graphql<{ logContact: Record<string, unknown> }>(
      LOG,
      { input: { customerId: id, kind: 'VISIT', contactedAt: daysAgo(3), place: 'Kitchen, 1 Nanjing Road', notes: 'Checked bait stations with the chef' } },
      rep,
    );
    expect(visit.data!.logContact).toMatchObject({ kind: 'VISIT', initiatedBy: 'SALES', place: 'Kitchen, 1 Nanjing Road', loggedBy: rep.userId });
    await sales.graphql(LOG, { input: { customerId: id, kind: 'CALL', contactedAt: daysAgo(20), notes: 'Renewal reminder' } }, rep);
    await sales.graphql(LOG, { input: { customerId: id, kind: 'ONLINE', contactedAt: daysAgo(40), place: 'WeChat', notes: 'Sent the monthly report' } }, rep);
    await sales.graphql(LOG, { input: { customerId: id, kind: 'CALL', contactedAt: daysAgo(200), notes: 'First call' } }, rep);

    const response = await sales.graphql<{ customer: { maintenance: Record<string, unknown>; maintenanceContacts: { kind: string }[] } }>(TRACE, { id }, rep);
    expect(response.data!.customer.maintenance).toEqual({
      lastContactAt: visit.data!.logContact['contactedAt'],
      contactsLast90Days: 3,
      visitsLast90Days: 1,
      contactsPerMonth: 1,
    });
    expect(response.data!.customer.maintenanceContacts.map((contact) => contact.kind)).toEqual(['VISIT', 'CALL', 'ONLINE', 'CALL']);
  });

  it('shows a never-contacted customer as such, and summarises a page of customers', async () => {
    const owner = salesperson(await registerSalesperson(sales));
    const quiet = await createCustomer(sales, owner);
    const busy = await createCustomer(sales, owner);
    await sales.graphql(LOG, { input: { customerId: busy, kind: 'CALL', notes: 'Hello' } }, owner);
    const response = await sales.graphql<{ customers: { edges: { node: { id: string; maintenance: { contactsLast90Days: number } } }[] } }>(
      MANY,
      { ownerId: owner.userId },
      supervisor,
    );
    const counts = Object.fromEntries(response.data!.customers.edges.map((edge) => [edge.node.id, edge.node.maintenance.contactsLast90Days]));
    expect(counts).toEqual({ [quiet]: 0, [busy]: 1 });
  });

  it("refuses future contacts, blank notes and other people's customers", async () => {
    const id = await createCustomer(sales, rep);
    const future = await sales.graphql(LOG, { input: { customerId: id, kind: 'CALL', contactedAt: daysAgo(-1), notes: 'x' } }, rep);
    expect(invalidFields(future)).toEqual(['contactedAt']);
    expect(invalidFields(await sales.graphql(LOG, { input: { customerId: id, kind: 'CALL', notes: ' ' } }, rep))).toEqual(['notes']);
    const stranger = salesperson(await registerSalesperson(sales));
    expect(errorCodes(await sales.graphql(LOG, { input: { customerId: id, kind: 'CALL', notes: 'x' } }, stranger))).toEqual(['NOT_FOUND']);
  });
});
