import { errorCodes, invalidFields, partner, rowCounts, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import type { StaffIdentity } from '@aftercare/identity';
import { salesService } from '../sales.definition';
import { SalespeopleService } from '../salespeople/salespeople.service';
import { admin, createCustomer, customerInput, registerSalesperson, salesperson, supervisor } from '../sales.spec-support';

const CREATE = `mutation ($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    id name phone region businessType scale influence grade key serviceContactId
    contacts { name phone position } sites { city address areaM2 } owner { id team }
    gradeHistory { fromGrade toGrade changedBy reason }
  }
}`;
const CHANGE_GRADE = `mutation ($input: ChangeProspectGradeInput!) { changeProspectGrade(input: $input) { grade gradeHistory { fromGrade toGrade changedBy reason changedAt } } }`;
const UPDATE = `mutation ($id: ID!, $input: CustomerProfileInput!) { updateCustomer(id: $id, input: $input) { id key scale region } }`;
const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id name } }`;
const SEARCH = `query ($first: Int!, $after: String, $grade: ProspectGrade, $region: String, $businessType: BusinessType, $ownerId: ID, $key: Boolean, $text: String) {
  customers(first: $first, after: $after, grade: $grade, region: $region, businessType: $businessType, ownerId: $ownerId, key: $key, text: $text) {
    edges { node { id name grade } } pageInfo { hasNextPage endCursor }
  }
}`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id owner { id name } } } }`;

describe('customer cards (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let rep: StaffIdentity;
  let otherRep: StaffIdentity;

  const stored = () => rowCounts(sales.service.dataSource, { customers: 'customer', grades: 'customer_grade_change' });

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    rep = salesperson(await registerSalesperson(sales));
    otherRep = salesperson(await registerSalesperson(sales));
  });

  afterAll(() => sales?.stop());

  it('opens a card with contacts, sites, profile and the SALES caller as owner, and starts the grade history', async () => {
    const input = customerInput({
      phone: '+86 138-0000-1111',
      serviceContactId: 'cs-li-na',
      key: true,
      contacts: [{ name: 'Manager Zhao', phone: '021-12345678', position: 'Store manager' }],
      sites: [{ city: 'Shanghai', address: '1 Nanjing Road, kitchen', areaM2: 320 }],
    });
    const response = await sales.graphql<{ createCustomer: Record<string, unknown> }>(CREATE, { input }, rep);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createCustomer).toMatchObject({
      phone: '13800001111',
      region: 'Shanghai',
      businessType: 'RESTAURANT',
      scale: 3,
      influence: 2,
      grade: 'C',
      key: true,
      serviceContactId: 'cs-li-na',
      contacts: [{ name: 'Manager Zhao', phone: '02112345678', position: 'Store manager' }],
      sites: [{ city: 'Shanghai', address: '1 Nanjing Road, kitchen', areaM2: 320 }],
      owner: { id: rep.userId, team: 'East' },
      gradeHistory: [{ fromGrade: null, toGrade: 'C', changedBy: rep.userId, reason: 'Card created' }],
    });
  });

  it('records who changed the grade, when and why', async () => {
    const id = await createCustomer(sales, rep, { grade: 'D' });
    const response = await sales.graphql<{ changeProspectGrade: { grade: string; gradeHistory: Record<string, unknown>[] } }>(
      CHANGE_GRADE,
      { input: { customerId: id, grade: 'A', reason: 'Asked for a quote for three sites' } },
      rep,
    );
    expect(response.data!.changeProspectGrade.grade).toBe('A');
    expect(response.data!.changeProspectGrade.gradeHistory).toEqual([
      expect.objectContaining({ fromGrade: null, toGrade: 'D' }),
      expect.objectContaining({
        fromGrade: 'D',
        toGrade: 'A',
        changedBy: rep.userId,
        reason: 'Asked for a quote for three sites',
        changedAt: expect.any(String),
      }),
    ]);
  });

  it('keeps the card current: only the given fields change', async () => {
    const id = await createCustomer(sales, rep);
    const response = await sales.graphql(UPDATE, { id, input: { key: true, scale: 5 } }, rep);
    expect(response.data).toEqual({ updateCustomer: { id, key: true, scale: 5, region: 'Shanghai' } });
  });

  it('lets a SALES person see and edit only their own cards; supervisors see all', async () => {
    const mine = await createCustomer(sales, rep);
    expect(errorCodes(await sales.graphql(CUSTOMER, { id: mine }, otherRep))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await sales.graphql(UPDATE, { id: mine, input: { key: true } }, otherRep))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await sales.graphql(CHANGE_GRADE, { input: { customerId: mine, grade: 'A', reason: 'x' } }, otherRep))).toEqual(['NOT_FOUND']);
    expect((await sales.graphql(CUSTOMER, { id: mine }, supervisor)).data).toMatchObject({ customer: { id: mine } });

    type Page = { customers: { edges: { node: { id: string } }[] } };
    const theirs = await sales.graphql<Page>(SEARCH, { first: 100, ownerId: rep.userId }, otherRep);
    expect(theirs.data!.customers.edges.map((edge) => edge.node.id)).not.toContain(mine);
    expect(errorCodes(await sales.graphql(CUSTOMER, { id: mine }, partner()))).toEqual(['FORBIDDEN']);
  });

  it('searches by grade, region, business type, owner, key flag and text, page by page', async () => {
    const owner = salesperson(await registerSalesperson(sales));
    const hotels: string[] = [];
    for (let i = 0; i < 5; i++)
      hotels.push(await createCustomer(sales, owner, { name: `Jade Hotel ${i}`, businessType: 'HOTEL', region: 'Pudong', grade: 'B', key: i % 2 === 0 }));
    await createCustomer(sales, owner, { businessType: 'OFFICE', region: 'Pudong', grade: 'B' });
    await createCustomer(sales, owner, { businessType: 'HOTEL', region: 'Minhang', grade: 'B' });

    type Page = { customers: { edges: { node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const response: Awaited<ReturnType<typeof sales.graphql<Page>>> = await sales.graphql<Page>(
        SEARCH,
        { first: 2, after, grade: 'B', region: 'Pudong', businessType: 'HOTEL' },
        owner,
      );
      seen.push(...response.data!.customers.edges.map((edge) => edge.node.id));
      expect(response.data!.customers.pageInfo.hasNextPage).toBe(page < 2);
      after = response.data!.customers.pageInfo.endCursor;
    }
    expect(seen).toEqual([...hotels].reverse());

    const keyOnes = await sales.graphql<Page>(SEARCH, { first: 100, ownerId: owner.userId, key: true }, supervisor);
    expect(keyOnes.data!.customers.edges.map((edge) => edge.node.id).sort()).toEqual([hotels[0], hotels[2], hotels[4]].sort());
    const byText = await sales.graphql<Page>(SEARCH, { first: 100, text: 'jade hotel 3' }, owner);
    expect(byText.data!.customers.edges.map((edge) => edge.node.id)).toEqual([hotels[3]]);
  });

  it('rejects bad input naming the field, storing nothing', async () => {
    const before = await stored();
    const badPhone = await sales.graphql(CREATE, { input: customerInput({ phone: '12345' }) }, rep);
    expect(errorCodes(badPhone)).toEqual(['BAD_USER_INPUT']);
    expect(invalidFields(badPhone)).toContain('phone');
    const badScale = await sales.graphql(CREATE, { input: customerInput({ scale: 9 }) }, rep);
    expect(invalidFields(badScale)).toContain('scale');
    const unknownOwner = await sales.graphql(CREATE, { input: customerInput({ ownerId: '00000000-0000-4000-8000-000000000000' }) }, admin);
    expect(invalidFields(unknownOwner)).toContain('ownerId');
    expect(await stored()).toEqual(before);
  });

  it('refuses a second card for the same phone number however it is typed', async () => {
    const input = customerInput();
    await sales.graphql(CREATE, { input }, rep);
    const again = await sales.graphql(CREATE, { input: { ...input, phone: `+86 ${input.phone}` } }, rep);
    expect(errorCodes(again)).toEqual(['CUSTOMER_PHONE_TAKEN']);
  });

  it('resolves customer references and their owners in one query per batch', async () => {
    const ids = [await createCustomer(sales, rep), await createCustomer(sales, otherRep), await createCustomer(sales, rep)];
    const findSalespeople = jest.spyOn(sales.service.container.get(SalespeopleService), 'findByIds');
    const response = await sales.graphql<{ _entities: { id: string; owner: { id: string } }[] }>(
      ENTITIES,
      { representations: ids.map((id) => ({ __typename: 'Customer', id })) },
      supervisor,
    );
    expect(response.data!._entities.map((entity) => entity.owner.id)).toEqual([rep.userId, otherRep.userId, rep.userId]);
    expect(findSalespeople).toHaveBeenCalledTimes(1);
    findSalespeople.mockRestore();
  });

  it("shows a partner only the basics of its order's customer", async () => {
    const registered = await sales.graphql<{ registerPartner: { partner: { id: string; code: string } } }>(
      `mutation { registerPartner(input: { code: "CARDS", name: "Cards Ltd" }) { partner { id code } } }`,
      {},
      admin,
    );
    const brand = partner(registered.data!.registerPartner.partner.id, 'CARDS');
    const submitted = await sales.graphql<{ submitInstallOrder: { id: string; customer: { name: string } } }>(
      `mutation { submitInstallOrder(input: { externalRef: "C-1", productModel: "X5", customer: { name: "Wu Hua", phone: "13700001234", city: "Hangzhou", address: "2 Lake Road" } }) { id customer { name } } }`,
      {},
      brand,
    );
    expect(submitted.data!.submitInstallOrder.customer).toEqual({ name: 'Wu Hua' });
    const nosy = await sales.graphql(
      `query ($id: ID!) { order(id: $id) { customer { contracts { id } } } }`,
      { id: submitted.data!.submitInstallOrder.id },
      brand,
    );
    expect(errorCodes(nosy)).toEqual(['FORBIDDEN']);
  });
});
