import { randomUUID } from 'node:crypto';
import { errorCodes, ServiceUnderTest, sqlStatementsDuring, staff, startServiceUnderTest } from '@aftercare/testing';
import { complaintsService } from '../complaints.service';

const FILE = `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;
const CUSTOMER_COMPLAINTS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Customer { id complaints { id summary } } }
}`;

type Entities = { _entities: { id: string; complaints: { id: string; summary: string }[] }[] };

/** Customer 360: the gateway asks complaints for the complaints of customers sales returned. */
describe('Customer.complaints (complaints, real PostgreSQL)', () => {
  let complaints: ServiceUnderTest;
  const agent = staff('COMPLAINTS_AGENT');
  const [wang, li, zhao] = [randomUUID(), randomUUID(), randomUUID()];

  async function file(customerId: string, summary: string): Promise<void> {
    const response = await complaints.graphql(FILE, { input: { category: 'SERVICE', customerId, summary, involvesLiability: false } }, agent);
    expect(response.errors).toBeUndefined();
  }

  beforeAll(async () => {
    complaints = await startServiceUnderTest(complaintsService);
    await file(wang, 'Engineer late');
    await file(li, 'Filter leaks');
    await file(wang, 'No callback after the repair');
  });

  afterAll(() => complaints?.stop());

  it("lists each customer's complaints newest first, for many customers in one query", async () => {
    const representations = [wang, li, zhao].map((id) => ({ __typename: 'Customer', id }));
    let response: Awaited<ReturnType<typeof complaints.graphql<Entities>>> | undefined;
    const statements = await sqlStatementsDuring(complaints.service.dataSource, async () => {
      response = await complaints.graphql<Entities>(CUSTOMER_COMPLAINTS, { representations }, agent);
    });
    expect(response!.data!._entities.map((customer) => customer.complaints.map((complaint) => complaint.summary))).toEqual([
      ['No callback after the repair', 'Engineer late'],
      ['Filter leaks'],
      [],
    ]);
    expect(statements.filter((sql) => sql.includes('FROM "complaint"'))).toHaveLength(1);
  });

  it('is for complaint handlers only', async () => {
    const response = await complaints.graphql(CUSTOMER_COMPLAINTS, { representations: [{ __typename: 'Customer', id: wang }] }, staff('ENGINEER'));
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});
