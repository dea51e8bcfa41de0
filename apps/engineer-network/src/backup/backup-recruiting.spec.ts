import { randomUUID } from 'node:crypto';
import {
  BackupEngineerFound,
  EventEnvelope,
  Topics,
  UnassignableReason,
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderUnassignable,
} from '@aftercare/event-contracts';
import { countRows, errorCodes, EventStream, eventually, staff, ServiceUnderTest } from '@aftercare/testing';
import { EngineerNetworkWorld } from '../engineer-network.spec-support';
import { todayInChina } from '@aftercare/business-time';

const REGISTER = `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`;
const SUSPEND = `mutation ($id: ID!) { changeEngineerProfile(engineerId: $id, input: { status: SUSPENDED }) { id } }`;
const NEIGHBOURS = `mutation { setNeighbouringCities(input: { city: "Jiaxing", neighbours: ["Hangzhou", "Jiaxing"] }) }`;
const OPEN_TASKS = `{ openBackupTasks { id workOrderId city brand productModel status deadline } }`;
const CANDIDATES = `query ($taskId: ID!) { backupCandidates(taskId: $taskId) { kind coversCity engineer { id name } } }`;
const FILL = `mutation ($taskId: ID!, $input: FillBackupTaskInput!) {
  fillBackupTask(taskId: $taskId, input: $input) { status hoursToFill engineer { id status cities skills { brand productModel } } }
}`;
const TIME_TO_FILL = `query ($day: Date!) { backupTimeToFill(from: $day, to: $day) { opened filled stillOpen averageHours medianHours maxHours } }`;

const dispatcher = staff('DISPATCHER');
const skill = { brand: 'Philips', productModel: 'AquaPure X5', certifiedOn: '2025-09-01' };
let phone = 13700000000 + Math.floor(Math.random() * 1_000_000);

function unassignable(reason: UnassignableReason = 'NO_SUITABLE_ENGINEER') {
  const workOrderId = randomUUID();
  return WorkOrderUnassignable.create(workOrderId, {
    workOrderId,
    type: 'INSTALL',
    orderId: randomUUID(),
    contractId: null,
    customerId: randomUUID(),
    city: 'Jiaxing',
    brand: 'Philips',
    productModel: 'AquaPure X5',
    reason,
    appointmentDate: '2026-12-05',
  });
}

describe('backup recruiting: unassignable work order → task → candidates → filled → assignable (real PostgreSQL and Kafka)', () => {
  let network: ServiceUnderTest;
  let events: EventStream;
  let published: { value: string }[];
  const publishedOf = (type: string, aggregateId: string) =>
    published.map((message) => JSON.parse(message.value) as EventEnvelope).filter((event) => event.type === type && event.aggregateId === aggregateId);

  async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, identity = dispatcher): Promise<T> {
    const response = await network.graphql<T>(query, variables, identity);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function register(name: string, employment: string, homeCity: string, skills: (typeof skill)[]): Promise<string> {
    const input = { name, phone: String(phone++), employment, homeCity, dailyCapacity: 4, skills };
    return (await ok<{ registerEngineer: { id: string } }>(REGISTER, { input })).registerEngineer.id;
  }

  let world: EngineerNetworkWorld;

  beforeAll(async () => {
    world = await EngineerNetworkWorld.start();
    ({ network, events, published } = world);
  });

  afterAll(() => world?.stop());

  it('opens one task per unassignable work order, none for a site beyond the radius, proposes candidates and fills it', async () => {
    await ok(NEIGHBOURS, {}, staff('SUPERVISOR'));
    const partner = await register('Hu Partner', 'PLATFORM_PARTNER', 'Hangzhou', [skill]);
    const local = await register('Xu Local', 'EMPLOYEE', 'Jiaxing', [{ ...skill, productModel: 'AquaPure X3' }]);
    const suspended = await register('Ma Suspended', 'PLATFORM_PARTNER', 'Jiaxing', [skill]);
    await ok(SUSPEND, { id: suspended });
    await register('Far Away', 'PLATFORM_PARTNER', 'Shanghai', [skill]);

    const stuck = unassignable();
    await events.publish(
      Topics['service-dispatch'],
      stuck,
      WorkOrderUnassignable.create(stuck.aggregateId, stuck.payload),
      unassignable('BEYOND_SERVICE_RADIUS'),
    );
    const [task] = await eventually(async () => {
      const tasks = (await ok<{ openBackupTasks: { id: string; workOrderId: string }[] }>(OPEN_TASKS)).openBackupTasks;
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    expect(task).toMatchObject({ workOrderId: stuck.payload.workOrderId, city: 'Jiaxing', brand: 'Philips', productModel: 'AquaPure X5', status: 'OPEN' });
    // The event beyond the radius has a key of its own, so another partition: it may be applied a moment later.
    await eventually(async () => expect(await countRows(network.service.dataSource, 'inbox_event')).toBe(3));

    const { backupCandidates } = await ok<{ backupCandidates: unknown[] }>(CANDIDATES, { taskId: task!.id });
    expect(backupCandidates).toEqual([
      { kind: 'NEARBY', coversCity: false, engineer: { id: partner, name: 'Hu Partner' } },
      { kind: 'TO_CERTIFY', coversCity: true, engineer: { id: local, name: 'Xu Local' } },
    ]);

    const filled = await ok<{ fillBackupTask: { status: string; hoursToFill: number; engineer: Record<string, unknown> } }>(FILL, {
      taskId: task!.id,
      input: { engineerId: local },
    });
    expect(filled.fillBackupTask.status).toBe('FILLED');
    expect(filled.fillBackupTask.hoursToFill).toBeGreaterThanOrEqual(0);
    expect(filled.fillBackupTask.engineer).toEqual({
      id: local,
      status: 'ACTIVE',
      cities: ['Jiaxing'],
      skills: [
        { brand: 'Philips', productModel: 'AquaPure X3' },
        { brand: 'Philips', productModel: 'AquaPure X5' },
      ],
    });

    // Dispatch learns the new skill first, then that the engineer was found: it can assign right away.
    const onEngineersPartition = await eventually(() => {
      const announced = published.map((message) => JSON.parse(message.value) as EventEnvelope).filter((event) => event.aggregateId === local);
      expect(announced.map((event) => event.type)).toEqual(['EngineerRegistered', 'EngineerProfileChanged', 'BackupEngineerFound']);
      return announced;
    });
    const [, profile, found] = onEngineersPartition;
    expect(profile!.payload).toMatchObject({
      status: 'ACTIVE',
      cities: ['Jiaxing'],
      skills: expect.arrayContaining([{ brand: 'Philips', productModel: 'AquaPure X5' }]),
    });
    expect(BackupEngineerFound.matches(found!)).toBe(true);
    expect(found!.payload).toEqual({
      backupTaskId: task!.id,
      workOrderId: stuck.payload.workOrderId,
      engineerId: local,
      hoursToFill: filled.fillBackupTask.hoursToFill,
    });

    expect(errorCodes(await network.graphql(FILL, { taskId: task!.id, input: { engineerId: partner } }, dispatcher))).toEqual(['BACKUP_TASK_NOT_OPEN']);
  });

  it('registers a newcomer covering the city with the skill, refuses suspended engineers, and measures time to fill', async () => {
    const suspended = await register('Gao Suspended', 'PLATFORM_PARTNER', 'Jiaxing', [skill]);
    await ok(SUSPEND, { id: suspended });
    const stuck = unassignable();
    await events.publish(Topics['service-dispatch'], stuck);
    const taskId = await eventually(async () => {
      const [row] = await network.service.dataSource.query('SELECT id FROM backup_task WHERE work_order_id = $1', [stuck.payload.workOrderId]);
      expect(row).toBeDefined();
      return row.id as string;
    });
    expect(errorCodes(await network.graphql(FILL, { taskId, input: { engineerId: suspended } }, dispatcher))).toEqual(['ENGINEER_SUSPENDED']);
    expect(errorCodes(await network.graphql(FILL, { taskId, input: {} }, dispatcher))).toEqual(['BAD_USER_INPUT']);

    const newcomer = { name: 'Tang New', phone: String(phone++), employment: 'PLATFORM_PARTNER', homeCity: 'Haining', dailyCapacity: 3 };
    const filled = await ok<{ fillBackupTask: { engineer: { id: string; cities: string[] } } }>(FILL, { taskId, input: { newEngineer: newcomer } });
    const newId = filled.fillBackupTask.engineer.id;
    expect(filled.fillBackupTask.engineer.cities).toEqual(['Haining', 'Jiaxing']);
    const registered = await eventually(() => {
      const [event] = publishedOf('EngineerRegistered', newId);
      expect(event).toBeDefined();
      return event!;
    });
    expect(registered.payload).toMatchObject({ status: 'ACTIVE', cities: ['Haining', 'Jiaxing'], skills: [{ brand: 'Philips', productModel: 'AquaPure X5' }] });
    await eventually(() => expect(publishedOf('BackupEngineerFound', newId)).toHaveLength(1));

    const { backupTimeToFill } = await ok<{ backupTimeToFill: Record<string, number> }>(TIME_TO_FILL, { day: todayInChina() });
    const hours: number[] = (await network.service.dataSource.query(`SELECT hours_to_fill FROM backup_task WHERE status = 'FILLED'`)).map(
      (row: { hours_to_fill: number }) => row.hours_to_fill,
    );
    expect(backupTimeToFill).toMatchObject({ opened: 2, filled: 2, stillOpen: 0, maxHours: Math.max(...hours) });
  });

  it('closes an open task when dispatch places or cancels the work order first', async () => {
    const placed = unassignable();
    const cancelled = unassignable();
    await events.publish(Topics['service-dispatch'], placed, cancelled);
    await eventually(async () =>
      expect(await countRows(network.service.dataSource, 'backup_task', 'work_order_id = ANY($1)', [[placed.aggregateId, cancelled.aggregateId]])).toBe(2),
    );
    await events.publish(
      Topics['service-dispatch'],
      WorkOrderAssigned.create(placed.aggregateId, { ...placed.payload, engineerId: randomUUID(), appointmentDate: '2026-12-05', manual: true }),
      WorkOrderCancelled.create(cancelled.aggregateId, { ...cancelled.payload, reason: 'customer refused at the door' }),
    );
    await eventually(async () =>
      expect(
        await countRows(network.service.dataSource, 'backup_task', `work_order_id = ANY($1) AND status = 'CANCELLED'`, [
          [placed.aggregateId, cancelled.aggregateId],
        ]),
      ).toBe(2),
    );
  });
});
