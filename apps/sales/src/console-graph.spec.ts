import { randomUUID } from 'node:crypto';
import { todayInChina } from '@aftercare/business-time';
import type { StaffIdentity } from '@aftercare/identity';
import { errorCodes, invalidFields, partner, rowCounts, ServiceUnderTest, staff, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from './sales.definition';
import { admin, createCustomer, registerSalesperson, salesperson, supervisor } from './sales.spec-support';

const CONTRACTS = `query ($first: Int, $after: String, $status: ContractStatus, $awaitingReview: Boolean, $customerId: ID, $specialCustomer: Boolean) {
  contracts(first: $first, after: $after, status: $status, awaitingReview: $awaitingReview, customerId: $customerId, specialCustomer: $specialCustomer) {
    edges { node { id status customer { id } } } pageInfo { hasNextPage endCursor }
  }
}`;
const SALESPEOPLE = `query ($first: Int, $after: String, $status: SalespersonStatus, $team: String, $text: String) {
  salespeople(first: $first, after: $after, status: $status, team: $team, text: $text) { edges { node { id name team status } } pageInfo { hasNextPage endCursor } }
}`;
const PARTNERS = `query ($first: Int, $after: String, $text: String) {
  partners(first: $first, after: $after, text: $text) { edges { node { id code name } } pageInfo { hasNextPage endCursor } }
}`;
const CREATE_CONTRACT = `mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }`;
const REVIEW = `mutation ($input: ReviewContractInput!) { reviewContract(input: $input) { id status } }`;
const REGISTER_PARTNER = `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { partner { id code } } }`;
const DEPART = `mutation ($input: DepartSalespersonInput!) { departSalesperson(input: $input) { customersReassigned } }`;
const CUSTOMER_BASICS = `query ($id: ID!) { customer(id: $id) { id name phone city address } }`;
const CUSTOMER_360 = `query ($id: ID!) { customer(id: $id) { id name grade key influence contacts { name } gradeHistory { toGrade } contracts { id } owner { id } } }`;
const SEARCH = `query ($text: String) { customers(first: 50, text: $text) { edges { node { id } } } }`;
const SUBMIT = `mutation ($input: SubmitInstallOrderInput!) { submitInstallOrder(input: $input) { id preferredDate } }`;
const PLACE = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;

type Page<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const chinaDay = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));

describe('the console graph in sales: lists, the customer 360 for serving roles, preferred dates (real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let rep: StaffIdentity;
  let otherRep: StaffIdentity;

  async function ok<T>(query: string, variables: Record<string, unknown>, identity: StaffIdentity = admin): Promise<T> {
    const response = await sales.graphql<T>(query, variables, identity);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  /** Every node of a list, page by page (two at a time), so the cursors are exercised on every query. */
  async function all<T>(query: string, field: string, variables: Record<string, unknown>, identity: StaffIdentity = admin): Promise<T[]> {
    const nodes: T[] = [];
    let after: string | null = null;
    do {
      const page: Page<T> = (await ok<Record<string, Page<T>>>(query, { ...variables, first: 2, after }, identity))[field]!;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    rep = salesperson(await registerSalesperson(sales, 'Contracts'));
    otherRep = salesperson(await registerSalesperson(sales, 'Contracts'));
    await ok(`mutation ($input: SetReferencePriceInput!) { setReferencePrice(input: $input) { floorCents } }`, {
      input: { region: 'Shanghai', businessType: 'RESTAURANT', serviceItem: 'COCKROACH', referencePriceCents: 50000, bandPercent: 20 },
    });
    await ok(`mutation ($input: SetPromiseTemplateInput!) { setPromiseTemplate(input: $input) { businessType } }`, {
      input: { businessType: 'RESTAURANT', visitsPerMonth: 2, qualityStandard: 'STANDARD' },
    });
  });

  afterAll(() => sales?.stop());

  async function contractFor(customerId: string, owner: StaffIdentity, priceCents = 50000): Promise<string> {
    const input = {
      customerId,
      siteAddress: '1 Nanjing Road',
      signedAreaM2: 100,
      serviceItems: [{ item: 'COCKROACH', priceCents }],
      visitsPerMonth: 2,
      qualityStandard: 'STANDARD',
      startsOn: chinaDay(10),
    };
    return (await ok<{ createContract: { id: string } }>(CREATE_CONTRACT, { input }, owner)).createContract.id;
  }

  describe('contracts', () => {
    it('lists the review queue oldest first, by status, customer and special flag, a salesperson only their own cards’', async () => {
      const mine = await createCustomer(sales, rep, { businessType: 'RESTAURANT', city: 'Shanghai' });
      const theirs = await createCustomer(sales, otherRep, { businessType: 'RESTAURANT', city: 'Shanghai' });
      const pending = await contractFor(mine, rep);
      const approved = await contractFor(mine, rep);
      const cheap = await contractFor(theirs, otherRep, 40000);
      await ok(REVIEW, { input: { contractId: approved, decision: 'APPROVE', findings: [] } }, supervisor);

      const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);
      const queue = ids(await all(CONTRACTS, 'contracts', { awaitingReview: true }, supervisor));
      expect(queue.filter((id) => [pending, approved, cheap].includes(id))).toEqual([pending, cheap]);
      expect(ids(await all(CONTRACTS, 'contracts', { status: 'ACTIVE', customerId: mine }, supervisor))).toEqual([approved]);
      expect(ids(await all(CONTRACTS, 'contracts', { awaitingReview: false, customerId: mine }, supervisor))).toEqual([approved]);
      // Special means low price AND more than the template; a cheap standard promise is not special.
      expect(ids(await all(CONTRACTS, 'contracts', { specialCustomer: false }, supervisor))).toEqual(expect.arrayContaining([pending, approved, cheap]));
      expect(ids(await all(CONTRACTS, 'contracts', { specialCustomer: true }, supervisor))).toEqual([]);
      expect(ids(await all(CONTRACTS, 'contracts', {}, rep))).toEqual([pending, approved]);
      expect(ids(await all(CONTRACTS, 'contracts', { customerId: theirs }, rep))).toEqual([]);
      const [first] = await all<{ customer: { id: string } }>(CONTRACTS, 'contracts', { customerId: mine }, rep);
      expect(first!.customer).toEqual({ id: mine });
    });

    it('is for sales, supervisors and admins', async () => {
      for (const caller of [staff('DISPATCHER'), staff('ENGINEER'), partner()])
        expect(errorCodes(await sales.graphql(CONTRACTS, {}, caller))).toEqual(['FORBIDDEN']);
      expect(invalidFields(await sales.graphql(CONTRACTS, { after: 'forged' }, supervisor))).toEqual(['after']);
    });
  });

  describe('promise approvals awaiting a supervisor', () => {
    const REQUEST = `mutation ($input: RequestPromiseApprovalInput!) { requestPromiseApproval(input: $input) { id status requestedBy } }`;
    const DECIDE = `mutation ($input: DecidePromiseApprovalInput!) { decidePromiseApproval(input: $input) { id status decidedBy decisionNote approvalId } }`;
    const REQUESTS = `query ($first: Int, $after: String, $status: PromiseApprovalRequestStatus, $customerId: ID) {
      promiseApprovalRequests(first: $first, after: $after, status: $status, customerId: $customerId) { edges { node { id status customerId } } pageInfo { hasNextPage endCursor } }
    }`;
    const ask = async (customerId: string, owner: StaffIdentity, visitsPerMonth = 4) =>
      (
        await ok<{ requestPromiseApproval: { id: string; status: string } }>(
          REQUEST,
          { input: { customerId, visitsPerMonth, qualityStandard: 'STANDARD', reason: 'Flagship restaurant' } },
          owner,
        )
      ).requestPromiseApproval;

    it('queues requests for supervisors oldest first; approving records an approval a contract can cite', async () => {
      const customerId = await createCustomer(sales, rep, { businessType: 'RESTAURANT', city: 'Shanghai' });
      const [first, second, third] = [await ask(customerId, rep), await ask(customerId, rep, 3), await ask(customerId, rep, 5)];
      expect(first.status).toBe('AWAITING_SUPERVISOR');
      const waiting = async () =>
        (await all<{ id: string }>(REQUESTS, 'promiseApprovalRequests', { status: 'AWAITING_SUPERVISOR', customerId }, supervisor)).map((node) => node.id);
      expect(await waiting()).toEqual([first.id, second.id, third.id]);

      const approved = (
        await ok<{ decidePromiseApproval: { status: string; approvalId: string } }>(DECIDE, { input: { requestId: first.id, approve: true } }, supervisor)
      ).decidePromiseApproval;
      expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: supervisor.userId, approvalId: expect.any(String) });
      await ok(DECIDE, { input: { requestId: second.id, approve: false, note: 'Twice a month is enough here' } }, supervisor);
      expect(await waiting()).toEqual([third.id]);

      const input = {
        customerId,
        siteAddress: '1 Nanjing Road',
        signedAreaM2: 100,
        serviceItems: [{ item: 'COCKROACH', priceCents: 50000 }],
        visitsPerMonth: 4,
        qualityStandard: 'STANDARD',
        startsOn: chinaDay(10),
      };
      expect(errorCodes(await sales.graphql(CREATE_CONTRACT, { input }, rep))).toEqual(['PROMISE_EXCEEDS_TEMPLATE']);
      expect((await sales.graphql(CREATE_CONTRACT, { input: { ...input, promiseApprovalId: approved.approvalId } }, rep)).errors).toBeUndefined();
    });

    it('answers a request once, a decline needs a note, and a salesperson sees only their own requests', async () => {
      const customerId = await createCustomer(sales, rep, { businessType: 'RESTAURANT', city: 'Shanghai' });
      const request = await ask(customerId, rep);
      expect(invalidFields(await sales.graphql(DECIDE, { input: { requestId: request.id, approve: false } }, supervisor))).toEqual(['note']);
      await ok(DECIDE, { input: { requestId: request.id, approve: true, note: 'Fine' } }, supervisor);
      expect(errorCodes(await sales.graphql(DECIDE, { input: { requestId: request.id, approve: false, note: 'No' } }, supervisor))).toEqual([
        'INVALID_STATE_TRANSITION',
      ]);
      expect(errorCodes(await sales.graphql(DECIDE, { input: { requestId: request.id, approve: true } }, rep))).toEqual(['FORBIDDEN']);
      expect((await all<{ id: string }>(REQUESTS, 'promiseApprovalRequests', { customerId }, rep)).map((node) => node.id)).toEqual([request.id]);
      expect(await all(REQUESTS, 'promiseApprovalRequests', { customerId }, otherRep)).toEqual([]);
      expect(
        errorCodes(await sales.graphql(REQUEST, { input: { customerId, visitsPerMonth: 4, qualityStandard: 'STANDARD', reason: 'x' } }, otherRep)),
      ).toEqual(['NOT_FOUND']);
    });
  });

  describe('salespeople', () => {
    it('lists the team by status, team and name, page by page: the successors to pick from', async () => {
      const team = `Team-${randomUUID().slice(0, 6)}`;
      const [a, b, c] = [await registerSalesperson(sales, team), await registerSalesperson(sales, team), await registerSalesperson(sales, team)];
      await ok(DEPART, { input: { salespersonId: b, successorIds: [a] } }, supervisor);
      type Person = { id: string; team: string; status: string; name: string };
      const everyone = await all<Person>(SALESPEOPLE, 'salespeople', { team: team.toLowerCase() }, rep);
      expect(everyone.map((person) => [person.id, person.status])).toEqual([
        [a, 'ACTIVE'],
        [b, 'DEPARTED'],
        [c, 'ACTIVE'],
      ]);
      expect((await all<Person>(SALESPEOPLE, 'salespeople', { team, status: 'ACTIVE' }, supervisor)).map((person) => person.id)).toEqual([a, c]);
      const named = everyone[2]!.name;
      expect((await all<Person>(SALESPEOPLE, 'salespeople', { text: named.slice(4).toUpperCase() })).map((person) => person.id)).toEqual([c]);
      expect(errorCodes(await sales.graphql(SALESPEOPLE, {}, staff('DISPATCHER')))).toEqual(['FORBIDDEN']);
    });
  });

  describe('partners', () => {
    it('lists partner brands by code or name, for supervisors and admins', async () => {
      const suffix = randomUUID().slice(0, 6).toUpperCase();
      const codes = [`AQ${suffix}`, `MI${suffix}`, `AQX${suffix}`];
      for (const [i, code] of codes.entries()) await ok(REGISTER_PARTNER, { input: { code, name: `Brand ${i} ${suffix}` } });
      type Brand = { code: string; name: string };
      expect((await all<Brand>(PARTNERS, 'partners', { text: suffix.toLowerCase() }, supervisor)).map((brand) => brand.code)).toEqual(codes);
      expect((await all<Brand>(PARTNERS, 'partners', { text: `AQ${suffix}` })).map((brand) => brand.code)).toEqual([`AQ${suffix}`]);
      expect((await all<Brand>(PARTNERS, 'partners', { text: '%' })).length).toBe(0);
      for (const caller of [staff('SALES'), staff('DISPATCHER'), partner()])
        expect(errorCodes(await sales.graphql(PARTNERS, {}, caller))).toEqual(['FORBIDDEN']);
    });
  });

  describe('the customer 360 for every role that serves the customer', () => {
    it('opens the card and its CRM side to dispatchers, complaints and value-added agents; a salesperson only their own', async () => {
      const id = await createCustomer(sales, rep, { name: 'Serving Test Ltd', grade: 'B' });
      for (const role of ['DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'] as const) {
        const card = await ok<{ customer: Record<string, unknown> }>(CUSTOMER_360, { id }, staff(role));
        expect(card.customer).toMatchObject({ id, name: 'Serving Test Ltd', grade: 'B', owner: { id: rep.userId }, gradeHistory: [{ toGrade: 'B' }] });
      }
      expect((await ok<{ customer: { id: string } }>(CUSTOMER_360, { id }, rep)).customer.id).toBe(id);
      expect(errorCodes(await sales.graphql(CUSTOMER_360, { id }, otherRep))).toEqual(['NOT_FOUND']);
    });

    it('shows an engineer the basics to find the customer, not the CRM fields', async () => {
      const id = await createCustomer(sales, rep, { name: 'On Site Ltd', city: 'Shanghai' });
      expect(await ok(CUSTOMER_BASICS, { id }, staff('ENGINEER'))).toMatchObject({ customer: { id, name: 'On Site Ltd', city: 'Shanghai' } });
      const crm = await sales.graphql(CUSTOMER_360, { id }, staff('ENGINEER'));
      expect(new Set(errorCodes(crm))).toEqual(new Set(['FORBIDDEN']));
      expect(errorCodes(await sales.graphql(CUSTOMER_BASICS, { id }, partner()))).toEqual(['FORBIDDEN']);
    });

    it('lets the serving roles search every card by name, a salesperson only their own', async () => {
      const name = `Searchable ${randomUUID().slice(0, 6)}`;
      const id = await createCustomer(sales, rep, { name });
      const found = async (identity: StaffIdentity) =>
        (await ok<{ customers: Page<{ id: string }> }>(SEARCH, { text: name }, identity)).customers.edges.map((edge) => edge.node.id);
      for (const role of ['DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'] as const) expect(await found(staff(role))).toEqual([id]);
      expect(await found(rep)).toEqual([id]);
      expect(await found(otherRep)).toEqual([]);
      expect(errorCodes(await sales.graphql(SEARCH, { text: name }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
    });
  });

  describe('a preferred date follows dispatch’s scheduling rule (not before today, China time)', () => {
    const stored = () => rowCounts(sales.service.dataSource, { orders: 'sales_order', customers: 'customer', events: 'outbox_event' });
    const order = (preferredDate: string | null) => ({
      externalRef: `PO-${randomUUID().slice(0, 8)}`,
      productModel: 'AquaPure X5',
      preferredDate,
      customer: { name: 'Wang Fang', phone: '13800138123', city: 'Shanghai', address: '88 Century Avenue' },
    });

    it('refuses a partner install order dated yesterday with BAD_USER_INPUT on preferredDate, storing nothing', async () => {
      const brand = partner();
      const before = await stored();
      const response = await sales.graphql(SUBMIT, { input: order(chinaDay(-1)) }, brand);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(response)).toEqual(['preferredDate']);
      expect(await stored()).toEqual(before);
    });

    it('takes today (China time), a later day or no day at all', async () => {
      const brand = partner();
      for (const day of [chinaDay(0), chinaDay(30), null]) {
        const response = await sales.graphql<{ submitInstallOrder: { preferredDate: string | null } }>(SUBMIT, { input: order(day) }, brand);
        expect(response.data!.submitInstallOrder.preferredDate).toBe(day);
      }
    });

    it('still answers a resubmission with the order already taken, and applies the same rule to staff orders', async () => {
      const brand = partner();
      const input = order(chinaDay(2));
      const first = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input }, brand);
      const again = await sales.graphql<{ submitInstallOrder: { id: string } }>(SUBMIT, { input: { ...input, preferredDate: chinaDay(-3) } }, brand);
      expect(again.data!.submitInstallOrder.id).toBe(first.data!.submitInstallOrder.id);

      const customerId = await createCustomer(sales, rep);
      const placed = await sales.graphql(PLACE, { input: { channel: 'PHONE', customerId, productModel: 'AquaPure X5', preferredDate: chinaDay(-1) } }, rep);
      expect(invalidFields(placed)).toEqual(['preferredDate']);
    });
  });
});
