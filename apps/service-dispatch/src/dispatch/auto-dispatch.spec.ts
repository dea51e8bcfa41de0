import { randomUUID } from 'node:crypto';
import { BackupEngineerFound, CustomerValueChanged, EngineerAvailabilityChanged, EngineerProfileChanged, Topics } from '@aftercare/event-contracts';
import { countRows, errorCodes, invalidFields, rowCounts } from '@aftercare/testing';
import { dispatcher, DispatchDriver, inDays } from '../service-dispatch.spec-support';

const ASSIGN = `mutation ($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { id status engineerId } }`;
const SELF_INSTALL = `mutation ($input: AcceptSelfInstallInput!) { acceptSelfInstall(input: $input) { id status cancellationReason } }`;
const DISPATCH_ONE = `mutation ($id: ID!) { dispatchWorkOrder(workOrderId: $id) { assignedWorkOrderIds } }`;

let nextDay = 10;
/** Every test dispatches its own day and city, so their queues never mix. */
function freshDay(): { date: string; city: string } {
  nextDay += 1;
  return { date: inDays(nextDay), city: `City-${randomUUID().slice(0, 8)}` };
}

describe('auto-dispatch (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  it('assigns the engineer who covers the city and holds the skill, announcing WorkOrderAssigned', async () => {
    const { date, city } = freshDay();
    await dispatch.engineer({ cities: [city], homeCity: city, skills: [{ brand: 'XIAOMI', productModel: 'MI-600' }] });
    await dispatch.engineer({ cities: ['Elsewhere'], homeCity: 'Elsewhere' });
    const right = await dispatch.engineer({ homeCity: 'Wuxi', cities: ['Wuxi', city] });
    const job = await dispatch.scheduled(date, { city });

    const run = await dispatch.dispatchDay(date);
    expect(run).toMatchObject({ considered: 1, assignedWorkOrderIds: [job.id], unassignableWorkOrderIds: [] });
    expect(await dispatch.workOrder(job.id)).toMatchObject({ status: 'ASSIGNED', engineerId: right.engineerId });
    const [assigned] = await dispatch.outbox('WorkOrderAssigned', job.id);
    expect(assigned!.payload).toEqual({
      workOrderId: job.id,
      type: 'INSTALL',
      orderId: null,
      contractId: null,
      customerId: job['customerId'],
      city,
      brand: 'PHILIPS',
      productModel: 'AquaPure X5',
      engineerId: right.engineerId,
      appointmentDate: date,
      manual: false,
    });
  });

  it('follows profile changes: a newly learnt skill makes an engineer eligible', async () => {
    const { date, city } = freshDay();
    const learner = await dispatch.engineer({ cities: [city], homeCity: city, skills: [] });
    const job = await dispatch.scheduled(date, { city });
    expect((await dispatch.dispatchDay(date)).unassignableWorkOrderIds).toEqual([job.id]);

    await dispatch.playAndApply(
      Topics['engineer-network'],
      EngineerProfileChanged.create(learner.engineerId, { ...learner, skills: [{ brand: 'Philips', productModel: 'AquaPure X5' }] }),
    );
    const second = await dispatch.scheduled(date, { city });
    expect((await dispatch.dispatchDay(date)).assignedWorkOrderIds).toEqual([second.id]);
  });

  it('leaves out engineers on leave or sick that day', async () => {
    const { date, city } = freshDay();
    const sick = await dispatch.engineer({ cities: [city], homeCity: city });
    await dispatch.playAndApply(
      Topics['engineer-network'],
      EngineerAvailabilityChanged.create(sick.engineerId, { engineerId: sick.engineerId, unavailable: [{ from: date, to: date, reason: 'SICK' }] }),
    );
    const healthy = await dispatch.engineer({ cities: [city], homeCity: city });
    const jobs = [await dispatch.scheduled(date, { city }), await dispatch.scheduled(date, { city })];
    const run = await dispatch.dispatchDay(date);
    expect(run.assignedWorkOrderIds.sort()).toEqual(jobs.map((job) => job.id).sort());
    for (const job of jobs) expect((await dispatch.workOrder(job.id))['engineerId']).toBe(healthy.engineerId);
  });

  it('keeps an availability change that overtakes the registration, and never dispatches to the placeholder', async () => {
    const { date, city } = freshDay();
    const engineerId = randomUUID();
    const window = { from: date, to: date, reason: 'PERSONAL' as const };
    await dispatch.playAndApply(Topics['engineer-network'], EngineerAvailabilityChanged.create(engineerId, { engineerId, unavailable: [window] }));
    const job = await dispatch.scheduled(date, { city });
    expect((await dispatch.dispatchDay(date)).unassignableWorkOrderIds).toEqual([job.id]);

    await dispatch.playAndApply(
      Topics['engineer-network'],
      EngineerProfileChanged.create(engineerId, {
        engineerId,
        name: 'Late Registration',
        employment: 'EMPLOYEE',
        status: 'ACTIVE',
        homeCity: city,
        cities: [city],
        skills: [{ brand: 'PHILIPS', productModel: 'AquaPure X5' }],
        dailyCapacity: 4,
      }),
    );
    const [roster] = await dispatch.dataSource.query(`SELECT status, unavailable FROM roster_engineer WHERE engineer_id = $1`, [engineerId]);
    expect(roster).toEqual({ status: 'ACTIVE', unavailable: [window] });
    const sameDay = await dispatch.scheduled(date, { city });
    expect((await dispatch.dispatchDay(date)).unassignableWorkOrderIds).toEqual([sameDay.id]);
  });

  it('stops at daily capacity, counting jobs assigned in earlier runs, and announces the rest as unassignable', async () => {
    const { date, city } = freshDay();
    const engineer = await dispatch.engineer({ cities: [city], homeCity: city, dailyCapacity: 2 });
    const first = await dispatch.scheduled(date, { city });
    expect((await dispatch.dispatchDay(date)).assignedWorkOrderIds).toEqual([first.id]);

    const later = [await dispatch.scheduled(date, { city }), await dispatch.scheduled(date, { city })];
    const run = await dispatch.dispatchDay(date);
    expect(run.assignedWorkOrderIds).toEqual([later[0]!.id]);
    expect(run.unassignableWorkOrderIds).toEqual([later[1]!.id]);
    expect(await dispatch.workOrder(later[1]!.id)).toMatchObject({ status: 'SCHEDULED', engineerId: null, awaitingBackup: true });
    const [unassignable] = await dispatch.outbox('WorkOrderUnassignable', later[1]!.id);
    expect(unassignable!.payload).toMatchObject({ workOrderId: later[1]!.id, reason: 'NO_SUITABLE_ENGINEER', appointmentDate: date, city });

    // Announced once: another run does not open a second backup task.
    expect((await dispatch.dispatchDay(date)).considered).toBe(0);
    expect(await dispatch.outbox('WorkOrderUnassignable', later[1]!.id)).toHaveLength(1);
    expect(await countRows(dispatch.dataSource, 'work_order', 'engineer_id = $1', [engineer.engineerId])).toBe(2);
  });

  it('serves the more valuable customer first when engineers are scarce, then the older order', async () => {
    const { date, city } = freshDay();
    await dispatch.engineer({ cities: [city], homeCity: city, dailyCapacity: 2 });
    const valued = randomUUID();
    await dispatch.playAndApply(Topics.sales, CustomerValueChanged.create(valued, { customerId: valued, valueIndex: 92, tier: 'A', previousValueIndex: 40 }));
    const oldest = await dispatch.scheduled(date, { city });
    const older = await dispatch.scheduled(date, { city });
    const newestButValued = await dispatch.scheduled(date, { city, customerId: valued });

    const run = await dispatch.dispatchDay(date);
    expect(run.assignedWorkOrderIds).toEqual([newestButValued.id, oldest.id]);
    expect(run.unassignableWorkOrderIds).toEqual([older.id]);
  });

  it('assigns the backup engineer the network found for an unassignable work order', async () => {
    const { date, city } = freshDay();
    const job = await dispatch.scheduled(date, { city });
    expect((await dispatch.dispatchDay(date)).unassignableWorkOrderIds).toEqual([job.id]);

    const backup = await dispatch.engineer({ employment: 'PLATFORM_PARTNER', cities: ['Somewhere'], homeCity: 'Somewhere', skills: [] });
    await dispatch.playAndApply(
      Topics['engineer-network'],
      BackupEngineerFound.create(randomUUID(), { backupTaskId: randomUUID(), workOrderId: job.id, engineerId: backup.engineerId, hoursToFill: 3 }),
    );
    expect(await dispatch.workOrder(job.id)).toMatchObject({ status: 'ASSIGNED', engineerId: backup.engineerId, awaitingBackup: false });
    expect(await dispatch.outbox('WorkOrderAssigned', job.id)).toHaveLength(1);
  });

  it('offers self-installation beyond the service radius; the customer accepting cancels the work order and announces SelfInstallAccepted', async () => {
    const { date, city } = freshDay();
    await dispatch.engineer({ cities: [city], homeCity: city });
    const remote = await dispatch.scheduled(date, { city, distanceKm: 180 });
    const run = await dispatch.dispatchDay(date);
    expect(run.beyondServiceRadiusWorkOrderIds).toEqual([remote.id]);
    expect(await dispatch.workOrder(remote.id)).toMatchObject({ status: 'SCHEDULED', selfInstallOffered: true });
    const [offered] = await dispatch.outbox('WorkOrderUnassignable', remote.id);
    expect(offered!.payload).toMatchObject({ reason: 'BEYOND_SERVICE_RADIUS' });

    const accepted = await dispatch.ok<{ acceptSelfInstall: { status: string } }>(SELF_INSTALL, { input: { workOrderId: remote.id, installFeeCents: 15000 } });
    expect(accepted.acceptSelfInstall.status).toBe('CANCELLED');
    const [event] = await dispatch.outbox('SelfInstallAccepted', remote.id);
    expect(event!.payload).toMatchObject({ workOrderId: remote.id, installFeeCents: 15000, distanceKm: 180 });

    const nearby = await dispatch.scheduled(date, { city });
    expect(errorCodes(await dispatch.sut.graphql(SELF_INSTALL, { input: { workOrderId: nearby.id, installFeeCents: 100 } }, dispatcher))).toEqual([
      'SELF_INSTALL_NOT_OFFERED',
    ]);
  });

  it('lets a dispatcher override the rules with a reason, announced as manual', async () => {
    const { date, city } = freshDay();
    const outOfTown = await dispatch.engineer({ cities: ['Elsewhere'], homeCity: 'Elsewhere', skills: [] });
    const job = await dispatch.scheduled(date, { city });
    const unscheduled = await dispatch.createWorkOrder({ city });
    const counts = () => rowCounts(dispatch.dataSource, { history: 'work_order_transition', events: 'outbox_event' });
    const before = await counts();
    const noReason = await dispatch.sut.graphql(ASSIGN, { input: { workOrderId: job.id, engineerId: outOfTown.engineerId, reason: '' } }, dispatcher);
    expect(invalidFields(noReason)).toEqual(['reason']);
    const unknown = await dispatch.sut.graphql(ASSIGN, { input: { workOrderId: job.id, engineerId: randomUUID(), reason: 'knows the site' } }, dispatcher);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const early = await dispatch.sut.graphql(
      ASSIGN,
      { input: { workOrderId: unscheduled.id, engineerId: outOfTown.engineerId, reason: 'early bird' } },
      dispatcher,
    );
    expect(errorCodes(early)).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await counts()).toEqual(before);

    const assigned = await dispatch.ok(ASSIGN, { input: { workOrderId: job.id, engineerId: outOfTown.engineerId, reason: 'Knows the site' } });
    expect(assigned).toEqual({ assignWorkOrder: { id: job.id, status: 'ASSIGNED', engineerId: outOfTown.engineerId } });
    const [event] = await dispatch.outbox('WorkOrderAssigned', job.id);
    expect(event!.payload).toMatchObject({ manual: true, engineerId: outOfTown.engineerId });
  });

  it('dispatches a single scheduled work order by the same rules, and refuses one not scheduled', async () => {
    const { date, city } = freshDay();
    await dispatch.engineer({ cities: [city], homeCity: city });
    const job = await dispatch.scheduled(date, { city });
    const other = await dispatch.scheduled(date, { city });
    expect(await dispatch.ok(DISPATCH_ONE, { id: job.id })).toEqual({ dispatchWorkOrder: { assignedWorkOrderIds: [job.id] } });
    expect((await dispatch.workOrder(other.id))['status']).toBe('SCHEDULED');
    expect(errorCodes(await dispatch.sut.graphql(DISPATCH_ONE, { id: job.id }, dispatcher))).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it('never books an engineer beyond capacity when two dispatch runs of one day race', async () => {
    const { date, city } = freshDay();
    const engineer = await dispatch.engineer({ cities: [city], homeCity: city, dailyCapacity: 3 });
    for (let i = 0; i < 6; i++) await dispatch.scheduled(date, { city });
    await Promise.all([dispatch.dispatchDay(date), dispatch.dispatchDay(date)]);
    const [{ n }] = await dispatch.dataSource.query(`SELECT count(*)::int AS n FROM work_order WHERE engineer_id = $1 AND appointment_date = $2`, [
      engineer.engineerId,
      date,
    ]);
    expect(n).toBe(3);
  });
});
