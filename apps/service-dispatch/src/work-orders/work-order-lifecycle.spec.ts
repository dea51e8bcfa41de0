import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, rowCounts, staff } from '@aftercare/testing';
import { dispatcher, DispatchDriver, engineerIdentity, inDays } from '../service-dispatch.spec-support';

const CREATE = `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id status } }`;
const SCHEDULE = `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id status appointmentDate appointmentSlot } }`;
const RESCHEDULE = `mutation ($input: RescheduleWorkOrderInput!) { rescheduleWorkOrder(input: $input) { id status appointmentDate engineerId } }`;
const CANCEL = `mutation ($input: CancelWorkOrderInput!) { cancelWorkOrder(input: $input) { id status cancellationReason } }`;
const START = `mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { id status } }`;
const HISTORY = `query ($id: ID!) { workOrder(id: $id) { history { fromStatus toStatus reason actor } } }`;
const MY_DAY = `query ($date: Date) { myWorkOrders(date: $date) { id status appointmentDate } }`;

describe('work order lifecycle (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;
  const stored = () => rowCounts(dispatch.dataSource, { workOrders: 'work_order', history: 'work_order_transition', events: 'outbox_event' });

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  describe('createWorkOrder', () => {
    it.each(['REPAIR', 'UNINSTALL', 'SITE_SURVEY', 'CONSUMABLE_REPLACEMENT'])('opens a %s work order CREATED and announces WorkOrderCreated', async (type) => {
      const created = await dispatch.createWorkOrder({ type, stages: type === 'CONSUMABLE_REPLACEMENT' ? ['sediment', 'carbon'] : null });
      expect(created).toMatchObject({ type, status: 'CREATED', city: 'Suzhou', preferredDate: inDays(3) });
      const [announced] = await dispatch.outbox('WorkOrderCreated', created.id);
      expect(announced!.payload).toMatchObject({ workOrderId: created.id, type, customerId: created['customerId'] });
    });

    it.each([
      ['a blank city', { city: ' ' }, 'city'],
      ['a customer id that is no id', { customerId: 'C-1' }, 'customerId'],
      ['a negative distance', { distanceKm: -1 }, 'distanceKm'],
      ['a preferred date in the past', { preferredDate: inDays(-1) }, 'preferredDate'],
    ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_case, overrides, field) => {
      const before = await stored();
      const input = { type: 'REPAIR', customerId: randomUUID(), city: 'Suzhou', siteAddress: '1 Garden Road', ...overrides };
      const response = await dispatch.sut.graphql(CREATE, { input }, dispatcher);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(response)).toContain(field);
      expect(await stored()).toEqual(before);
    });

    it('is for dispatchers, supervisors and admins', async () => {
      const input = { type: 'REPAIR', customerId: await dispatch.customer(), city: 'Suzhou', siteAddress: '1 Garden Road' };
      expect((await dispatch.sut.graphql(CREATE, { input }, staff('SUPERVISOR'))).errors).toBeUndefined();
      const before = await stored();
      expect(errorCodes(await dispatch.sut.graphql(CREATE, { input }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await dispatch.sut.graphql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
      expect(await stored()).toEqual(before);
    });
  });

  describe('scheduling', () => {
    it("books the customer's preferred date by default, or the date given", async () => {
      const first = await dispatch.createWorkOrder({ preferredDate: inDays(4) });
      const booked = await dispatch.ok<{ scheduleWorkOrder: unknown }>(SCHEDULE, { input: { workOrderId: first.id, slot: 'AFTERNOON' } });
      expect(booked.scheduleWorkOrder).toEqual({ id: first.id, status: 'SCHEDULED', appointmentDate: inDays(4), appointmentSlot: 'AFTERNOON' });

      const second = await dispatch.createWorkOrder({ preferredDate: inDays(4) });
      const moved = await dispatch.ok<{ scheduleWorkOrder: unknown }>(SCHEDULE, {
        input: { workOrderId: second.id, appointmentDate: inDays(6), slot: 'MORNING' },
      });
      expect(moved.scheduleWorkOrder).toMatchObject({ appointmentDate: inDays(6) });
    });

    it('needs a date when the customer gave none, and refuses a past one', async () => {
      const undated = await dispatch.createWorkOrder({ preferredDate: null });
      const before = await stored();
      const withoutDate = await dispatch.sut.graphql(SCHEDULE, { input: { workOrderId: undated.id, slot: 'MORNING' } }, dispatcher);
      expect(invalidFields(withoutDate)).toEqual(['appointmentDate']);
      const past = await dispatch.sut.graphql(SCHEDULE, { input: { workOrderId: undated.id, appointmentDate: inDays(-2), slot: 'MORNING' } }, dispatcher);
      expect(invalidFields(past)).toEqual(['appointmentDate']);
      expect(await stored()).toEqual(before);
    });
  });

  describe("the dispatcher's board", () => {
    it("lists a day's appointments morning to evening, optionally of one status", async () => {
      const day = inDays(40);
      const evening = await dispatch.createWorkOrder({ preferredDate: day });
      const morning = await dispatch.createWorkOrder({ preferredDate: day });
      const afternoon = await dispatch.createWorkOrder({ preferredDate: day });
      await dispatch.schedule(evening.id, day, 'EVENING');
      await dispatch.schedule(morning.id, day, 'MORNING');
      await dispatch.schedule(afternoon.id, day, 'AFTERNOON');
      await dispatch.ok(CANCEL, { input: { workOrderId: afternoon.id, reason: 'Moved house' } });

      const board = `query ($date: Date!, $status: WorkOrderStatus) { workOrdersOn(date: $date, status: $status) { id appointmentSlot } }`;
      const all = await dispatch.ok<{ workOrdersOn: { id: string }[] }>(board, { date: day });
      expect(all.workOrdersOn.map((workOrder) => workOrder.id)).toEqual([morning.id, afternoon.id, evening.id]);
      const waiting = await dispatch.ok<{ workOrdersOn: { id: string }[] }>(board, { date: day, status: 'SCHEDULED' });
      expect(waiting.workOrdersOn.map((workOrder) => workOrder.id)).toEqual([morning.id, evening.id]);
      expect(errorCodes(await dispatch.sut.graphql(board, { date: day }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
    });
  });

  describe('illegal transitions', () => {
    it('refuses to start a work order nobody was assigned to, or schedule it twice, with INVALID_STATE_TRANSITION', async () => {
      const created = await dispatch.createWorkOrder();
      const before = await stored();
      const start = await dispatch.sut.graphql(START, { id: created.id }, dispatcher);
      expect(errorCodes(start)).toEqual(['INVALID_STATE_TRANSITION']);
      expect(start.errors![0].extensions).toMatchObject({ status: 'CREATED', move: 'start' });
      expect(await stored()).toEqual(before);

      await dispatch.schedule(created.id);
      expect(errorCodes(await dispatch.sut.graphql(SCHEDULE, { input: { workOrderId: created.id, slot: 'MORNING' } }, dispatcher))).toEqual([
        'INVALID_STATE_TRANSITION',
      ]);
    });

    it('reports NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
      expect(errorCodes(await dispatch.sut.graphql(START, { id: randomUUID() }, dispatcher))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await dispatch.sut.graphql(START, { id: 'WO-1' }, dispatcher))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('reschedule and cancel before completion', () => {
    it('reschedules an assigned work order with its reason, releasing the engineer, and announces it', async () => {
      const engineer = await dispatch.engineer();
      const workOrder = await dispatch.assigned(engineer.engineerId);
      const input = { workOrderId: workOrder.id, appointmentDate: inDays(9), slot: 'EVENING', reason: 'Customer travels that week' };
      const moved = await dispatch.ok<{ rescheduleWorkOrder: unknown }>(RESCHEDULE, { input });
      expect(moved.rescheduleWorkOrder).toEqual({ id: workOrder.id, status: 'SCHEDULED', appointmentDate: inDays(9), engineerId: null });

      const [announced] = await dispatch.outbox('WorkOrderRescheduled', workOrder.id);
      expect(announced!.payload).toMatchObject({ appointmentDate: inDays(9), releasedEngineerId: engineer.engineerId, reason: 'Customer travels that week' });
      const { workOrder: history } = await dispatch.ok<{
        workOrder: { history: { fromStatus: string | null; toStatus: string; reason: string | null; actor: string }[] };
      }>(HISTORY, { id: workOrder.id });
      expect(history.history.map((step) => [step.fromStatus, step.toStatus])).toEqual([
        [null, 'CREATED'],
        ['CREATED', 'SCHEDULED'],
        ['SCHEDULED', 'ASSIGNED'],
        ['ASSIGNED', 'SCHEDULED'],
      ]);
      expect(history.history.at(-1)).toMatchObject({ reason: 'Customer travels that week', actor: dispatcher.userId });
    });

    it('needs a reason to reschedule or cancel', async () => {
      const workOrder = await dispatch.scheduled(inDays(5));
      const before = await stored();
      const reschedule = await dispatch.sut.graphql(
        RESCHEDULE,
        { input: { workOrderId: workOrder.id, appointmentDate: inDays(6), slot: 'MORNING', reason: ' ' } },
        dispatcher,
      );
      expect(invalidFields(reschedule)).toEqual(['reason']);
      expect(invalidFields(await dispatch.sut.graphql(CANCEL, { input: { workOrderId: workOrder.id, reason: '' } }, dispatcher))).toEqual(['reason']);
      expect(await stored()).toEqual(before);
    });

    it('cancels with the reason and announces WorkOrderCancelled; a cancelled work order moves no more', async () => {
      const workOrder = await dispatch.scheduled(inDays(5));
      const cancelled = await dispatch.ok<{ cancelWorkOrder: unknown }>(CANCEL, { input: { workOrderId: workOrder.id, reason: 'Refused at the door' } });
      expect(cancelled.cancelWorkOrder).toEqual({ id: workOrder.id, status: 'CANCELLED', cancellationReason: 'Refused at the door' });
      const [announced] = await dispatch.outbox('WorkOrderCancelled', workOrder.id);
      expect(announced!.payload).toMatchObject({ workOrderId: workOrder.id, type: 'INSTALL', brand: 'PHILIPS', reason: 'Refused at the door' });

      const before = await stored();
      expect(errorCodes(await dispatch.sut.graphql(CANCEL, { input: { workOrderId: workOrder.id, reason: 'again' } }, dispatcher))).toEqual([
        'INVALID_STATE_TRANSITION',
      ]);
      const reschedule = { workOrderId: workOrder.id, appointmentDate: inDays(6), slot: 'MORNING', reason: 'customer called back' };
      expect(errorCodes(await dispatch.sut.graphql(RESCHEDULE, { input: reschedule }, dispatcher))).toEqual(['INVALID_STATE_TRANSITION']);
      expect(await stored()).toEqual(before);
    });
  });

  describe('an engineer sees and acts on only their own work orders', () => {
    it("lists the engineer's day, lets them start their own, and hides others' as NOT_FOUND", async () => {
      const me = await dispatch.engineer();
      const colleague = await dispatch.engineer();
      const mine = await dispatch.assigned(me.engineerId);
      const theirs = await dispatch.assigned(colleague.engineerId);
      const asMe = engineerIdentity(me.engineerId);

      const day = await dispatch.ok<{ myWorkOrders: { id: string }[] }>(MY_DAY, { date: inDays(2) }, asMe);
      expect(day.myWorkOrders.map((workOrder) => workOrder.id)).toEqual([mine.id]);
      expect((await dispatch.workOrder(mine.id, asMe))['id']).toBe(mine.id);
      expect(errorCodes(await dispatch.sut.graphql(`query ($id: ID!) { workOrder(id: $id) { id } }`, { id: theirs.id }, asMe))).toEqual(['NOT_FOUND']);

      const before = await stored();
      expect(errorCodes(await dispatch.sut.graphql(START, { id: theirs.id }, asMe))).toEqual(['NOT_FOUND']);
      expect(await stored()).toEqual(before);
      expect(await dispatch.ok(START, { id: mine.id }, asMe)).toEqual({ startWorkOrder: { id: mine.id, status: 'IN_PROGRESS' } });
      expect(errorCodes(await dispatch.sut.graphql(CANCEL, { input: { workOrderId: mine.id, reason: 'tired' } }, asMe))).toEqual(['FORBIDDEN']);
    });
  });
});
