import { randomUUID } from 'node:crypto';
import type { StaffIdentity } from '@aftercare/identity';
import { errorCodes, ServiceUnderTest, staff, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { admin, customerInput, REGISTER_SALESPERSON, registerSalesperson, supervisor } from '../sales.spec-support';

/** A staff token's `sub` is whatever the identity provider issues: "li.na", "demo-sales", an e-mail, a uuid. */
const sub = (name: string) => `${name}.${randomUUID().slice(0, 8)}`;
const asStaff = (userId: string, ...roles: Parameters<typeof staff>): StaffIdentity => ({ ...staff(...roles), userId });

const CREATE = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id owner { id staffUserId } } }`;
const CARD = `query ($id: ID!) { customer(id: $id) { id name owner { id } maintenance { contactsLast90Days } } }`;
const CARDS = `query ($ownerId: ID) { customers(first: 50, ownerId: $ownerId) { edges { node { id } } } }`;
const UPDATE = `mutation ($id: ID!) { updateCustomer(id: $id, input: { key: true }) { id key } }`;
const GRADE = `mutation ($id: ID!) { changeProspectGrade(input: { customerId: $id, grade: A, reason: "Asked for a quote" }) { grade gradeHistory { changedBy } } }`;
const CONTACT = `mutation ($id: ID!) { logContact(input: { customerId: $id, kind: CALL, notes: "Called about the next visit" }) { id } }`;
const ORDER = `mutation ($id: ID!) { placeOrder(input: { channel: PHONE, customerId: $id, productModel: "AquaPure X5" }) { id customer { id } } }`;
const ASK = `mutation ($id: ID!) { requestPromiseApproval(input: { customerId: $id, visitsPerMonth: 4, qualityStandard: STANDARD, reason: "Flagship site" }) { id requestedBy } }`;
const REQUESTS = `query { promiseApprovalRequests(first: 50) { edges { node { id } } } }`;
const CONTRACTS = `query { contracts(first: 50) { edges { node { id } } } }`;
const CHURN = `mutation ($id: ID!) { recordChurn(input: { customerId: $id, reason: PRICE, churnedOn: "2026-11-20", notes: "Cheaper competitor" }) { attribution } }`;
const TEAM = `query { salespeople(first: 100) { edges { node { id staffUserId } } } }`;

describe('staff users whose `sub` is not a uuid (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
  });

  afterAll(() => sales?.stop());

  const ok = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, identity: StaffIdentity): Promise<T> => {
    const response = await sales.graphql<T>(query, variables, identity);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  it('works every sales operation for a salesperson registered with a staff user such as "li.na"', async () => {
    const userId = sub('li.na');
    const salespersonId = await registerSalesperson(sales, 'East', userId);
    const rep = asStaff(userId, 'SALES');

    const { createCustomer } = await ok<{ createCustomer: { id: string; owner: { id: string; staffUserId: string } } }>(
      CREATE,
      { input: customerInput() },
      rep,
    );
    expect(createCustomer.owner).toEqual({ id: salespersonId, staffUserId: userId });
    const id = createCustomer.id;
    expect((await ok<{ customer: { owner: { id: string } } }>(CARD, { id }, rep)).customer.owner.id).toBe(salespersonId);
    expect((await ok<{ customers: { edges: { node: { id: string } }[] } }>(CARDS, {}, rep)).customers.edges.map((edge) => edge.node.id)).toEqual([id]);
    expect((await ok<{ updateCustomer: { key: boolean } }>(UPDATE, { id }, rep)).updateCustomer.key).toBe(true);
    expect(
      (await ok<{ changeProspectGrade: { gradeHistory: { changedBy: string }[] } }>(GRADE, { id }, rep)).changeProspectGrade.gradeHistory.map(
        (change) => change.changedBy,
      ),
    ).toEqual([userId, userId]);
    await ok(CONTACT, { id }, rep);
    expect((await ok<{ placeOrder: { customer: { id: string } } }>(ORDER, { id }, rep)).placeOrder.customer.id).toBe(id);
    expect((await ok<{ requestPromiseApproval: { requestedBy: string } }>(ASK, { id }, rep)).requestPromiseApproval.requestedBy).toBe(userId);
    expect((await ok<{ promiseApprovalRequests: { edges: unknown[] } }>(REQUESTS, {}, rep)).promiseApprovalRequests.edges).toHaveLength(1);
    await ok(CONTRACTS, {}, rep);
    expect(
      (await ok<{ salespeople: { edges: { node: { id: string; staffUserId: string } }[] } }>(TEAM, {}, rep)).salespeople.edges.map((edge) => edge.node),
    ).toContainEqual({ id: salespersonId, staffUserId: userId });
    expect((await ok<{ recordChurn: { attribution: string } }>(CHURN, { id }, rep)).recordChurn.attribution).toBeDefined();

    // Someone else's staff user, also not a uuid, finds none of it.
    const other = asStaff(sub('wang.wei'), 'SALES');
    await registerSalesperson(sales, 'East', other.userId);
    expect(errorCodes(await sales.graphql(CARD, { id }, other))).toEqual(['NOT_FOUND']);
    expect((await ok<{ customers: { edges: unknown[] } }>(CARDS, {}, other)).customers.edges).toEqual([]);
  });

  it('answers a SALES user who is no salesperson ("demo-sales") without an error where there is nothing of theirs, and refuses a card they could never own', async () => {
    const stranger = asStaff(sub('demo-sales'), 'SALES');
    const owned = await ok<{ createCustomer: { id: string } }>(CREATE, { input: customerInput() }, supervisor);
    expect((await ok<{ customers: { edges: unknown[] } }>(CARDS, {}, stranger)).customers.edges).toEqual([]);
    expect((await ok<{ contracts: { edges: unknown[] } }>(CONTRACTS, {}, stranger)).contracts.edges).toEqual([]);
    expect((await ok<{ promiseApprovalRequests: { edges: unknown[] } }>(REQUESTS, {}, stranger)).promiseApprovalRequests.edges).toEqual([]);
    expect(errorCodes(await sales.graphql(CARD, { id: owned.createCustomer.id }, stranger))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await sales.graphql(CREATE, { input: customerInput() }, stranger))).toEqual(['FORBIDDEN']);
    // An owner filter is a salesperson id, never a staff user: a clean refusal, not a database error.
    expect(errorCodes(await sales.graphql(CARDS, { ownerId: 'li.na' }, supervisor))).toEqual(['BAD_USER_INPUT']);
    // Registered afterwards, the same staff user is the salesperson at once (nothing remembered them as nobody).
    await registerSalesperson(sales, 'East', stranger.userId);
    const theirs = await ok<{ createCustomer: { id: string } }>(CREATE, { input: customerInput() }, stranger);
    expect((await ok<{ customers: { edges: { node: { id: string } }[] } }>(CARDS, {}, stranger)).customers.edges.map((edge) => edge.node.id)).toEqual([
      theirs.createCustomer.id,
    ]);
    // Office staff with a non-uuid sub read every card, as before.
    expect((await ok<{ customer: { id: string } }>(CARD, { id: owned.createCustomer.id }, asStaff(sub('zhang.min'), 'DISPATCHER'))).customer.id).toBe(
      owned.createCustomer.id,
    );
  });

  it('keeps one salesperson per staff user, and a salesperson registered without one is found by their id as before', async () => {
    const userId = sub('chen.jie');
    await registerSalesperson(sales, 'East', userId);
    const again = await sales.graphql(REGISTER_SALESPERSON, { input: { name: 'Chen Jie', team: 'West', staffUserId: userId } }, admin);
    expect(errorCodes(again)).toEqual(['STAFF_USER_TAKEN']);
    const legacy = await registerSalesperson(sales);
    const { createCustomer } = await ok<{ createCustomer: { owner: { id: string; staffUserId: string } } }>(
      CREATE,
      { input: customerInput() },
      asStaff(legacy, 'SALES'),
    );
    expect(createCustomer.owner).toEqual({ id: legacy, staffUserId: legacy });
  });
});
