import { randomUUID } from 'node:crypto';
import { ReplacementOrdered, Topics } from '@aftercare/event-contracts';
import { dispatcher, DispatchDriver, engineerIdentity, inDays } from '../service-dispatch.spec-support';

const JOB = `query ($id: ID!) { workOrder(id: $id) { id type stages stagePrices { name priceCents } amountDueCents } }`;

describe('what the engineer collects on a paid consumable replacement (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  /** Value-added sold sediment and carbon for 98.00; the job is assigned to an engineer. */
  async function soldReplacement() {
    const engineer = await dispatch.engineer();
    const replacementOrderId = randomUUID();
    await dispatch.playAndApply(
      Topics['value-added'],
      ReplacementOrdered.create(replacementOrderId, {
        replacementOrderId,
        customerId: randomUUID(),
        brand: 'PHILIPS',
        productModel: 'AquaPure X5',
        stages: ['sediment', 'carbon'],
        city: 'Suzhou',
        address: '1 Garden Road',
        preferredDate: inDays(2),
        amountCents: 9800,
        deviceId: randomUUID(),
        serial: 'PX5-7781',
        stagePrices: [
          { name: 'sediment', priceCents: 3000 },
          { name: 'carbon', priceCents: 6800 },
        ],
      }),
    );
    const [{ id }] = (await dispatch.dataSource.query(`SELECT id FROM work_order WHERE source_ref = $1`, [`replacement:${replacementOrderId}`])) as {
      id: string;
    }[];
    await dispatch.schedule(id);
    await dispatch.ok(`mutation ($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { id } }`, {
      input: { workOrderId: id, engineerId: engineer.engineerId, reason: 'test setup' },
    });
    return { id, me: engineerIdentity(engineer.engineerId), engineerId: engineer.engineerId };
  }

  it('shows the engineer the stages ordered, their prices and the amount due', async () => {
    const { id, me } = await soldReplacement();
    const { workOrder } = await dispatch.ok<{ workOrder: Record<string, unknown> }>(JOB, { id }, me);
    expect(workOrder).toEqual({
      id,
      type: 'CONSUMABLE_REPLACEMENT',
      stages: ['sediment', 'carbon'],
      stagePrices: [
        { name: 'sediment', priceCents: 3000 },
        { name: 'carbon', priceCents: 6800 },
      ],
      amountDueCents: 9800,
    });
  });

  it('announces due against collected and ordered against replaced when a stage is refused on site, and again at verification', async () => {
    const { id, me, engineerId } = await soldReplacement();
    await dispatch.ok(`mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { status } }`, { id }, me);
    await dispatch.ok(
      `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { status } }`,
      { input: { workOrderId: id, replacedStages: ['sediment'], paymentCollectedCents: 3000, notes: 'Carbon refused: changed last month elsewhere' } },
      me,
    );
    const [completed] = await dispatch.outbox('WorkOrderCompleted', id);
    expect(completed!.payload).toMatchObject({
      engineerId,
      orderedStages: ['sediment', 'carbon'],
      replacedStages: ['sediment'],
      amountDueCents: 9800,
      paymentCollectedCents: 3000,
      paymentRefused: false,
    });

    await dispatch.ok(
      `mutation ($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { status } }`,
      { input: { workOrderId: id, outcome: 'OK' } },
      dispatcher,
    );
    const [verified] = await dispatch.outbox('WorkOrderVerified', id);
    expect(verified!.payload).toMatchObject({ engineerId, amountDueCents: 9800, amountCollectedCents: 3000 });
  });

  it('has nothing to collect on a job nobody sold', async () => {
    const created = await dispatch.createWorkOrder({ type: 'REPAIR' });
    const { workOrder } = await dispatch.ok<{ workOrder: Record<string, unknown> }>(JOB, { id: created.id });
    expect(workOrder).toMatchObject({ stagePrices: [], amountDueCents: null });
  });
});
