import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, rowCounts } from '@aftercare/testing';
import { dispatcher, DispatchDriver, engineerIdentity, inDays } from '../service-dispatch.spec-support';

const START = `mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { status } }`;
const COMPLETE = `mutation ($input: CompleteWorkOrderInput!) {
  completeWorkOrder(input: $input) {
    id status completedAt
    completion { installedSerial measuredAreaM2 replacedStages refusedAtDoor paymentCollectedCents paymentRefused refusedAmountCents removedMachine { brand reason } photoRefs notes }
  }
}`;
const RETURN_VISIT = `mutation ($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { id status engineerId } }`;
const DUE = `query ($day: Date!) { returnVisitsDue(onOrBefore: $day) { workOrderId dueOn outcome } }`;

describe('completion and return visit (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  /** A job the engineer is on site for. */
  async function onSite(overrides: Record<string, unknown> = {}) {
    const engineer = await dispatch.engineer();
    const workOrder = await dispatch.assigned(engineer.engineerId, overrides);
    const me = engineerIdentity(engineer.engineerId);
    await dispatch.ok(START, { id: workOrder.id }, me);
    return { engineer, workOrder, me };
  }

  it('records an install: serial, removed competitor machine, payment, photos; announces WorkOrderCompleted and opens a return visit', async () => {
    const { engineer, workOrder, me } = await onSite();
    const input = {
      workOrderId: workOrder.id,
      installedSerial: 'PX5-0001',
      paymentCollectedCents: 19900,
      removedMachine: { brand: 'Angel', reason: 'Leaked twice, slow service' },
      photoRefs: ['photos/wo/1.jpg', 'photos/wo/2.jpg'],
      notes: 'Mounted under the sink',
    };
    const { completeWorkOrder } = await dispatch.ok<{ completeWorkOrder: Record<string, unknown> }>(COMPLETE, { input }, me);
    expect(completeWorkOrder).toMatchObject({
      status: 'COMPLETED',
      completion: {
        installedSerial: 'PX5-0001',
        measuredAreaM2: null,
        replacedStages: [],
        paymentCollectedCents: 19900,
        paymentRefused: false,
        refusedAmountCents: 0,
        removedMachine: { brand: 'Angel', reason: 'Leaked twice, slow service' },
        photoRefs: ['photos/wo/1.jpg', 'photos/wo/2.jpg'],
        notes: 'Mounted under the sink',
      },
    });
    const [completed] = await dispatch.outbox('WorkOrderCompleted', workOrder.id);
    expect(completed!.payload).toMatchObject({
      workOrderId: workOrder.id,
      engineerId: engineer.engineerId,
      paymentCollectedCents: 19900,
      paymentRefused: false,
      measuredAreaM2: null,
      serial: 'PX5-0001',
      siteAddress: '1 Garden Road',
      replacedStages: [],
      refusedAtDoor: false,
    });
    const due = await dispatch.ok<{ returnVisitsDue: { workOrderId: string }[] }>(DUE, { day: inDays(1) });
    expect(due.returnVisitsDue).toContainEqual({ workOrderId: workOrder.id, dueOn: inDays(1), outcome: null });
  });

  it('records a partial consumable replacement and a refused payment', async () => {
    const { workOrder, me } = await onSite({ type: 'CONSUMABLE_REPLACEMENT', stages: ['sediment', 'carbon', 'membrane'] });
    const input = { workOrderId: workOrder.id, replacedStages: ['sediment'], paymentCollectedCents: 0, refusedAmountCents: 4500 };
    const { completeWorkOrder } = await dispatch.ok<{ completeWorkOrder: { completion: Record<string, unknown> } }>(COMPLETE, { input }, me);
    expect(completeWorkOrder.completion).toMatchObject({
      replacedStages: ['sediment'],
      paymentRefused: true,
      refusedAmountCents: 4500,
      paymentCollectedCents: 0,
    });
    const [completed] = await dispatch.outbox('WorkOrderCompleted', workOrder.id);
    expect(completed!.payload).toMatchObject({ paymentRefused: true, paymentCollectedCents: 0, replacedStages: ['sediment'], refusedAtDoor: false });
  });

  it('records a customer who refused at the door: nothing replaced, nothing collected, and says so to value-added', async () => {
    const { workOrder, me } = await onSite({ type: 'CONSUMABLE_REPLACEMENT', stages: ['sediment', 'carbon'] });
    const mixed = { workOrderId: workOrder.id, refusedAtDoor: true, replacedStages: ['sediment'], paymentCollectedCents: 0 };
    expect(invalidFields(await dispatch.sut.graphql(COMPLETE, { input: mixed }, me))).toEqual(['refusedAtDoor']);
    const { completeWorkOrder } = await dispatch.ok<{ completeWorkOrder: { completion: Record<string, unknown> } }>(
      COMPLETE,
      { input: { workOrderId: workOrder.id, refusedAtDoor: true, notes: 'Changed her mind at the door' } },
      me,
    );
    expect(completeWorkOrder.completion).toMatchObject({ refusedAtDoor: true, replacedStages: [], paymentCollectedCents: 0, paymentRefused: false });
    const [completed] = await dispatch.outbox('WorkOrderCompleted', workOrder.id);
    expect(completed!.payload).toMatchObject({ type: 'CONSUMABLE_REPLACEMENT', refusedAtDoor: true, replacedStages: [], paymentCollectedCents: 0 });
  });

  it('announces the area measured on a contract site for sales to compare with the signed area', async () => {
    const contractId = randomUUID();
    const { workOrder, me } = await onSite({ type: 'SCHEDULED_SERVICE_VISIT', contractId, brand: null, productModel: null });
    await dispatch.ok(COMPLETE, { input: { workOrderId: workOrder.id, measuredAreaM2: 612.5 } }, me);
    const [measured] = await dispatch.outbox('AreaMeasured', workOrder.id);
    expect(measured!.payload).toEqual({ workOrderId: workOrder.id, contractId, customerId: workOrder['customerId'], measuredAreaM2: 612.5 });
  });

  it('refuses an install without serial, bad amounts, and completing a job not started, storing nothing', async () => {
    const { workOrder, me } = await onSite();
    const notStarted = await dispatch.assigned((await dispatch.engineer()).engineerId);
    const stored = () => rowCounts(dispatch.dataSource, { records: 'completion_record', visits: 'return_visit', events: 'outbox_event' });
    const before = await stored();
    expect(invalidFields(await dispatch.sut.graphql(COMPLETE, { input: { workOrderId: workOrder.id } }, me))).toEqual(['installedSerial']);
    const negative = { workOrderId: workOrder.id, installedSerial: 'S', paymentCollectedCents: -1 };
    expect(invalidFields(await dispatch.sut.graphql(COMPLETE, { input: negative }, me))).toEqual(['paymentCollectedCents']);
    expect(errorCodes(await dispatch.sut.graphql(COMPLETE, { input: { workOrderId: notStarted.id, installedSerial: 'S' } }, dispatcher))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(await stored()).toEqual(before);
  });

  it('lets an engineer complete only their own work order', async () => {
    const { workOrder } = await onSite();
    const stranger = engineerIdentity((await dispatch.engineer()).engineerId);
    expect(errorCodes(await dispatch.sut.graphql(COMPLETE, { input: { workOrderId: workOrder.id, installedSerial: 'S' } }, stranger))).toEqual(['NOT_FOUND']);
  });

  it('verifies the work order on an OK return visit, which announces WorkOrderVerified (the engineer is paid)', async () => {
    const { engineer, workOrder, me } = await onSite({ distanceKm: 12 });
    await dispatch.ok(COMPLETE, { input: { workOrderId: workOrder.id, installedSerial: 'PX5-0002' } }, me);
    const verified = await dispatch.ok(RETURN_VISIT, { input: { workOrderId: workOrder.id, outcome: 'OK', notes: 'Happy, paid' } });
    expect(verified).toEqual({ recordReturnVisit: { id: workOrder.id, status: 'VERIFIED', engineerId: engineer.engineerId } });
    const [event] = await dispatch.outbox('WorkOrderVerified', workOrder.id);
    expect(event!.payload).toMatchObject({ workOrderId: workOrder.id, engineerId: engineer.engineerId, distanceKm: 12 });
    const due = await dispatch.ok<{ returnVisitsDue: { workOrderId: string }[] }>(DUE, { day: inDays(5) });
    expect(due.returnVisitsDue.map((visit) => visit.workOrderId)).not.toContain(workOrder.id);
    expect(errorCodes(await dispatch.sut.graphql(RETURN_VISIT, { input: { workOrderId: workOrder.id, outcome: 'OK' } }, dispatcher))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it.each(['PROBLEM', 'PAYMENT_DISPUTE'])(
    'reopens the work order for the same engineer on %s, without releasing pay; the redo is verified later',
    async (outcome) => {
      const { engineer, workOrder, me } = await onSite();
      await dispatch.ok(COMPLETE, { input: { workOrderId: workOrder.id, installedSerial: 'PX5-0003' } }, me);
      const reopened = await dispatch.ok(RETURN_VISIT, { input: { workOrderId: workOrder.id, outcome, notes: 'Drips at the joint' } });
      expect(reopened).toEqual({ recordReturnVisit: { id: workOrder.id, status: 'ASSIGNED', engineerId: engineer.engineerId } });
      expect(await dispatch.outbox('WorkOrderVerified', workOrder.id)).toHaveLength(0);

      await dispatch.ok(START, { id: workOrder.id }, me);
      await dispatch.ok(COMPLETE, { input: { workOrderId: workOrder.id, installedSerial: 'PX5-0003', notes: 'Joint resealed' } }, me);
      await dispatch.ok(RETURN_VISIT, { input: { workOrderId: workOrder.id, outcome: 'OK' } });
      expect(await dispatch.outbox('WorkOrderCompleted', workOrder.id)).toHaveLength(2);
      expect(await dispatch.outbox('WorkOrderVerified', workOrder.id)).toHaveLength(1);
    },
  );

  it('records the return visit for managers only', async () => {
    const { workOrder, me } = await onSite();
    await dispatch.ok(COMPLETE, { input: { workOrderId: workOrder.id, installedSerial: 'PX5-0004' } }, me);
    expect(errorCodes(await dispatch.sut.graphql(RETURN_VISIT, { input: { workOrderId: workOrder.id, outcome: 'OK' } }, me))).toEqual(['FORBIDDEN']);
  });
});
