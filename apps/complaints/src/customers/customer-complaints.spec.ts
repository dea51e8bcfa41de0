import { errorCodes, sqlStatementsDuring, staff } from '@aftercare/testing';
import { complaintInput, ComplaintsWorld, FILE, Job } from '../complaints.spec-support';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer { id complaints { summary customer { id } } }
    ... on Order { id complaints { summary } }
    ... on WorkOrder { id complaints { summary } }
    ... on Engineer { id complaints { summary } }
  }
}`;

type Entities = { _entities: { id: string; complaints: { summary: string; customer?: { id: string } }[] }[] };

/** Customer 360 and the order, work order and engineer views: complaints for entities other services own, one query per kind. */
describe('complaints on customers, orders, work orders and engineers (complaints, real PostgreSQL)', () => {
  let world: ComplaintsWorld;
  let wang: Job;
  let li: Job;

  async function file(job: Job, summary: string, workOrder = true): Promise<void> {
    await world.ok(FILE, {
      input: complaintInput(job, {
        summary,
        involvesLiability: false,
        category: 'SERVICE',
        workOrderId: workOrder ? job.workOrderId : null,
        orderId: job.orderId,
      }),
    });
  }

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
    [wang, li] = await world.known({}, {});
    await file(wang, 'Engineer late');
    await file(li, 'Filter leaks');
    await file(wang, 'No callback after the repair', false);
  });

  afterAll(() => world?.stop());

  it('lists each entity’s complaints newest first, many entities of each kind in one query per kind', async () => {
    const representations = [
      ...[wang, li].map((job) => ({ __typename: 'Customer', id: job.customerId })),
      ...[wang, li].map((job) => ({ __typename: 'Order', id: job.orderId })),
      ...[wang, li].map((job) => ({ __typename: 'WorkOrder', id: job.workOrderId })),
      ...[wang, li].map((job) => ({ __typename: 'Engineer', id: job.engineerId })),
    ];
    let response: Entities | undefined;
    const statements = await sqlStatementsDuring(world.dataSource, async () => {
      response = await world.ok<Entities>(ENTITIES, { representations }, staff('DISPATCHER'));
    });
    expect(response!._entities.map((entity) => entity.complaints.map((complaint) => complaint.summary))).toEqual([
      ['No callback after the repair', 'Engineer late'],
      ['Filter leaks'],
      ['No callback after the repair', 'Engineer late'],
      ['Filter leaks'],
      ['Engineer late'],
      ['Filter leaks'],
      ['Engineer late'],
      ['Filter leaks'],
    ]);
    expect(response!._entities[0].complaints[0].customer).toEqual({ id: wang.customerId });
    expect(statements.filter((sql) => sql.includes('FROM "complaint"'))).toHaveLength(4);
  });

  it('is for complaint handlers, dispatch and sales', async () => {
    const response = await world.complaints.graphql(ENTITIES, { representations: [{ __typename: 'Customer', id: wang.customerId }] }, staff('ENGINEER'));
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(
      (await world.complaints.graphql(ENTITIES, { representations: [{ __typename: 'Customer', id: wang.customerId }] }, staff('SALES'))).errors,
    ).toBeUndefined();
  });
});
