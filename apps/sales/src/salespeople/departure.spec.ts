import { countRows, errorCodes, outboxEvents, ServiceUnderTest, sqlStatementsDuring, startServiceUnderTest } from '@aftercare/testing';
import type { SalespersonDepartedPayload } from '@aftercare/event-contracts';
import { salesService } from '../sales.definition';
import { createCustomer, customerInput, registerSalesperson, salesperson, supervisor } from '../sales.spec-support';

const DEPART = `mutation ($input: DepartSalespersonInput!) {
  departSalesperson(input: $input) { customersReassigned salesperson { id status departedAt } successors { id } }
}`;

describe('salesperson departure (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;

  /** Cards for the handover, written in one statement: the test is about the handover, not about creating cards. */
  let phoneBlock = 0;
  async function giveCustomers(ownerId: string, count: number): Promise<void> {
    phoneBlock += 1;
    await sales.service.dataSource.query(
      `INSERT INTO customer (name, phone, city, address, region, owner_id)
       SELECT 'Customer ' || n, '021' || lpad(($3 * 10000 + n)::text, 8, '0'), 'Shanghai', n || ' Huaihai Road', 'Shanghai', $1
       FROM generate_series(1, $2) AS n`,
      [ownerId, count, phoneBlock],
    );
  }

  const ownedBy = (ownerId: string) => countRows(sales.service.dataSource, 'customer', 'owner_id = $1', [ownerId]);

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
  });

  afterAll(() => sales?.stop());

  it('hands 1,000 customers to named successors in one call, keeping the history and announcing it', async () => {
    const leaving = await registerSalesperson(sales, 'North');
    const first = await registerSalesperson(sales, 'North');
    const second = await registerSalesperson(sales, 'South');
    await giveCustomers(leaving, 1000);

    type Departed = { departSalesperson: { customersReassigned: number; salesperson: { status: string } } };
    let response: Awaited<ReturnType<typeof sales.graphql<Departed>>> | undefined;
    const statements = await sqlStatementsDuring(sales.service.dataSource, async () => {
      response = await sales.graphql<Departed>(DEPART, { input: { salespersonId: leaving, successorIds: [first, second] } }, supervisor);
    });
    expect(response!.errors).toBeUndefined();
    expect(response!.data!.departSalesperson).toMatchObject({ customersReassigned: 1000, salesperson: { status: 'DEPARTED' } });
    // Set-based: a handful of statements for the whole handover, not one (or more) per customer.
    expect(statements.length).toBeLessThan(40);

    expect(await ownedBy(leaving)).toBe(0);
    expect(await ownedBy(first)).toBe(500);
    expect(await ownedBy(second)).toBe(500);
    expect(await countRows(sales.service.dataSource, 'customer_owner_change', 'from_owner_id = $1', [leaving])).toBe(1000);

    const [departed] = await outboxEvents(sales.service.dataSource, 'SalespersonDeparted', leaving);
    const payload = departed.payload as SalespersonDepartedPayload;
    expect(payload.salespersonId).toBe(leaving);
    expect(payload.reassignments).toHaveLength(1000);
    expect(new Set(payload.reassignments.map((reassignment) => reassignment.newOwnerId))).toEqual(new Set([first, second]));
  });

  it('spreads the customers over the rest of the team when no successor is named', async () => {
    const team = `Team-${Date.now()}`;
    const leaving = await registerSalesperson(sales, team);
    const mates = [await registerSalesperson(sales, team), await registerSalesperson(sales, team), await registerSalesperson(sales, team)];
    await giveCustomers(leaving, 9);
    const response = await sales.graphql(DEPART, { input: { salespersonId: leaving } }, supervisor);
    expect(response.data).toMatchObject({ departSalesperson: { customersReassigned: 9 } });
    for (const mate of mates) expect(await ownedBy(mate)).toBe(3);
  });

  it('makes the cards visible to their new owner only', async () => {
    const leaving = await registerSalesperson(sales);
    const successor = await registerSalesperson(sales);
    const card = await createCustomer(sales, salesperson(leaving));
    await sales.graphql(DEPART, { input: { salespersonId: leaving, successorIds: [successor] } }, supervisor);
    const query = `query ($id: ID!) { customer(id: $id) { owner { id } } }`;
    const seen = await sales.graphql(query, { id: card }, salesperson(successor));
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({ customer: { owner: { id: successor } } });
    expect(errorCodes(await sales.graphql(query, { id: card }, salesperson(leaving)))).toEqual(['NOT_FOUND']);
  });

  it('refuses a handover that would orphan customers, changing nothing', async () => {
    const loner = await registerSalesperson(sales, `Solo-${Date.now()}`);
    await giveCustomers(loner, 3);
    expect(errorCodes(await sales.graphql(DEPART, { input: { salespersonId: loner } }, supervisor))).toEqual(['NO_SUCCESSOR']);
    expect(errorCodes(await sales.graphql(DEPART, { input: { salespersonId: loner, successorIds: [loner] } }, supervisor))).toEqual(['BAD_USER_INPUT']);

    const gone = await registerSalesperson(sales);
    const heir = await registerSalesperson(sales);
    await sales.graphql(DEPART, { input: { salespersonId: gone, successorIds: [heir] } }, supervisor);
    expect(errorCodes(await sales.graphql(DEPART, { input: { salespersonId: loner, successorIds: [gone] } }, supervisor))).toEqual(['BAD_USER_INPUT']);
    expect(await ownedBy(loner)).toBe(3);
    expect(errorCodes(await sales.graphql(DEPART, { input: { salespersonId: loner, successorIds: [heir] } }, salesperson(loner)))).toEqual(['FORBIDDEN']);
  });

  it('leaves no card with the departed owner when cards are opened for them during the hand-over', async () => {
    const leaving = await registerSalesperson(sales);
    const successor = await registerSalesperson(sales);
    await giveCustomers(leaving, 200);
    const create = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
    const results = await Promise.all([
      sales.graphql(DEPART, { input: { salespersonId: leaving, successorIds: [successor] } }, supervisor),
      ...Array.from({ length: 10 }, () => sales.graphql(create, { input: customerInput() }, salesperson(leaving))),
    ]);
    expect(results[0].errors).toBeUndefined();
    for (const result of results.slice(1)) expect(errorCodes(result).filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
    expect(await ownedBy(leaving)).toBe(0);
  });
});
