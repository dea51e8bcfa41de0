import { EngineerAvailabilityChanged, EngineerProfileChanged, EventEnvelope } from '@aftercare/event-contracts';
import { errorCodes, eventually, rowCounts, staff, ServiceUnderTest } from '@aftercare/testing';
import { EngineerNetworkWorld } from '../engineer-network.spec-support';

const REGISTER = `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`;
const CHANGE = `mutation ($id: ID!, $input: ChangeEngineerProfileInput!) {
  changeEngineerProfile(engineerId: $id, input: $input) { id status cities dailyCapacity }
}`;
const CERTIFY = `mutation ($id: ID!, $skill: SkillInput!) { certifyEngineerSkill(engineerId: $id, skill: $skill) { skills { brand productModel certifiedOn } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawEngineerSkill(engineerId: $id, brand: "Philips", productModel: "AquaPure X5") { id } }`;
const UNAVAILABLE = `mutation ($id: ID!, $input: UnavailabilityInput!) {
  markEngineerUnavailable(engineerId: $id, input: $input) { unavailability { id startsOn endsOn reason } }
}`;
const CANCEL = `mutation ($windowId: ID!) { cancelEngineerUnavailability(windowId: $windowId) { unavailability { id } } }`;
const ME = `{ me { id name skills { brand } unavailability { reason } } }`;

const dispatcher = staff('DISPATCHER');

describe('engineer profile and availability reach dispatch as events (real PostgreSQL and Kafka)', () => {
  let network: ServiceUnderTest;
  let published: { value: string }[];

  const ofEngineer = (type: string, engineerId: string): EventEnvelope[] =>
    published.map((message) => JSON.parse(message.value) as EventEnvelope).filter((event) => event.type === type && event.aggregateId === engineerId);

  async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await network.graphql<T>(query, variables, dispatcher);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function registerEngineer(phone: string): Promise<string> {
    const data = await ok<{ registerEngineer: { id: string } }>(REGISTER, {
      input: {
        name: 'Zhao Lei',
        phone,
        employment: 'EMPLOYEE',
        homeCity: 'Hangzhou',
        dailyCapacity: 5,
        skills: [{ brand: 'Philips', productModel: 'AquaPure X5', certifiedOn: '2026-01-10' }],
      },
    });
    return data.registerEngineer.id;
  }

  let world: EngineerNetworkWorld;

  beforeAll(async () => {
    world = await EngineerNetworkWorld.start();
    ({ network, published } = world);
  });

  afterAll(() => world?.stop());

  it('publishes the full profile after every change of status, coverage, capacity and skills, in order', async () => {
    const id = await registerEngineer('13811110001');
    await ok(CHANGE, { id, input: { cities: ['Shaoxing', 'Hangzhou'], dailyCapacity: 8 } });
    await ok(CERTIFY, { id, skill: { brand: 'Xiaomi', productModel: 'MR-600', certifiedOn: '2026-02-01' } });
    await ok(CHANGE, { id, input: { status: 'ON_LEAVE' } });
    await ok(WITHDRAW, { id });

    const changes = await eventually(() => {
      const found = ofEngineer('EngineerProfileChanged', id);
      expect(found).toHaveLength(4);
      return found;
    });
    expect(changes.every((event) => EngineerProfileChanged.matches(event))).toBe(true);
    expect(changes.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        cities: ['Hangzhou', 'Shaoxing'],
        dailyCapacity: 8,
        skills: [{ brand: 'Philips', productModel: 'AquaPure X5' }],
      }),
      expect.objectContaining({
        skills: [
          { brand: 'Philips', productModel: 'AquaPure X5' },
          { brand: 'Xiaomi', productModel: 'MR-600' },
        ],
      }),
      expect.objectContaining({ status: 'ON_LEAVE', cities: ['Hangzhou', 'Shaoxing'], dailyCapacity: 8 }),
      {
        engineerId: id,
        name: 'Zhao Lei',
        employment: 'EMPLOYEE',
        status: 'ON_LEAVE',
        homeCity: 'Hangzhou',
        cities: ['Hangzhou', 'Shaoxing'],
        skills: [{ brand: 'Xiaomi', productModel: 'MR-600' }],
        dailyCapacity: 8,
      },
    ]);
  });

  it('publishes the complete set of unavailability windows after each change', async () => {
    const id = await registerEngineer('13811110002');
    await ok(UNAVAILABLE, { id, input: { startsOn: '2026-12-10', endsOn: '2026-12-11', reason: 'SICK' } });
    const second = await ok<{ markEngineerUnavailable: { unavailability: { id: string }[] } }>(UNAVAILABLE, {
      id,
      input: { startsOn: '2026-12-01', endsOn: '2026-12-01', reason: 'PERSONAL' },
    });
    const personal = second.markEngineerUnavailable.unavailability[0]!.id;
    await ok(CANCEL, { windowId: personal });

    const changes = await eventually(() => {
      const found = ofEngineer('EngineerAvailabilityChanged', id);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(changes.every((event) => EngineerAvailabilityChanged.matches(event))).toBe(true);
    expect(changes.map((event) => event.payload)).toEqual([
      { engineerId: id, unavailable: [{ from: '2026-12-10', to: '2026-12-11', reason: 'SICK' }] },
      {
        engineerId: id,
        unavailable: [
          { from: '2026-12-01', to: '2026-12-01', reason: 'PERSONAL' },
          { from: '2026-12-10', to: '2026-12-11', reason: 'SICK' },
        ],
      },
      { engineerId: id, unavailable: [{ from: '2026-12-10', to: '2026-12-11', reason: 'SICK' }] },
    ]);
  });

  it('refuses overlapping or reversed windows and unknown engineers, storing and publishing nothing', async () => {
    const id = await registerEngineer('13811110003');
    await ok(UNAVAILABLE, { id, input: { startsOn: '2026-12-10', endsOn: '2026-12-12', reason: 'LEAVE' } });
    const before = await rowCounts(network.service.dataSource, { windows: 'unavailability_window', events: 'outbox_event' });
    const overlap = await network.graphql(UNAVAILABLE, { id, input: { startsOn: '2026-12-12', endsOn: '2026-12-14', reason: 'SICK' } }, dispatcher);
    expect(errorCodes(overlap)).toEqual(['UNAVAILABILITY_OVERLAPS']);
    const reversed = await network.graphql(UNAVAILABLE, { id, input: { startsOn: '2026-12-20', endsOn: '2026-12-19', reason: 'SICK' } }, dispatcher);
    expect(errorCodes(reversed)).toEqual(['BAD_USER_INPUT']);
    const unknown = await network.graphql(CHANGE, { id: '7f0c2a55-0000-4000-8000-000000000000', input: { status: 'SUSPENDED' } }, dispatcher);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(await rowCounts(network.service.dataSource, { windows: 'unavailability_window', events: 'outbox_event' })).toEqual(before);
  });

  it('lets an engineer read their own profile through me, and nobody else change it', async () => {
    const id = await registerEngineer('13811110004');
    const me = await network.graphql(ME, {}, { kind: 'staff', userId: id, name: 'Zhao Lei', roles: ['ENGINEER'] });
    expect(me.data).toEqual({ me: { id, name: 'Zhao Lei', skills: [{ brand: 'Philips' }], unavailability: [] } });
    expect(errorCodes(await network.graphql(ME, {}, dispatcher))).toEqual(['FORBIDDEN']);
    const selfService = await network.graphql(
      CHANGE,
      { id, input: { dailyCapacity: 20 } },
      { kind: 'staff', userId: id, name: 'Zhao Lei', roles: ['ENGINEER'] },
    );
    expect(errorCodes(selfService)).toEqual(['FORBIDDEN']);
  });
});
