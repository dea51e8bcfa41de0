import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, outboxEvents, rowCounts, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from '../engineer-network.definition';
import { AvailabilityService } from './availability.service';
import { EngineersService } from './engineers.service';

const REGISTER = `mutation ($input: RegisterEngineerInput!) {
  registerEngineer(input: $input) { id name phone employment homeCity dailyCapacity status createdAt }
}`;
const ENGINEER = `query ($id: ID!) { engineer(id: $id) { id name } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Engineer { id homeCity } } }`;

const dispatcher = staff('DISPATCHER');
let nextPhone = 13900000000 + Math.floor(Math.random() * 1_000_000);

function engineer(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Zhang Wei',
    phone: String(nextPhone++),
    employment: 'EMPLOYEE',
    homeCity: 'Hangzhou',
    dailyCapacity: 6,
    ...overrides,
  };
}

describe('registering engineers (engineer-network, real PostgreSQL)', () => {
  let network: ServiceUnderTest;

  const stored = () => rowCounts(network.service.dataSource, { engineers: 'engineer', events: 'outbox_event' });

  async function register(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await network.graphql<{ registerEngineer: Record<string, unknown> }>(REGISTER, { input }, dispatcher);
    expect(response.errors).toBeUndefined();
    return response.data!.registerEngineer;
  }

  beforeAll(async () => {
    network = await startServiceUnderTest(engineerNetworkService);
  });

  afterAll(() => network?.stop());

  describe('registerEngineer', () => {
    it('registers an ACTIVE engineer with a normalised phone, and one EngineerRegistered in the outbox', async () => {
      const input = engineer({ name: ' Li Na ', phone: '+8613700137000', employment: 'PLATFORM_PARTNER', dailyCapacity: 20 });
      const registered = await register(input);
      expect(registered).toMatchObject({
        name: 'Li Na',
        phone: '13700137000',
        employment: 'PLATFORM_PARTNER',
        homeCity: 'Hangzhou',
        dailyCapacity: 20,
        status: 'ACTIVE',
      });
      const events = await outboxEvents(network.service.dataSource, 'EngineerRegistered', registered['id'] as string);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toEqual({
        engineerId: registered['id'],
        name: 'Li Na',
        employment: 'PLATFORM_PARTNER',
        status: 'ACTIVE',
        homeCity: 'Hangzhou',
        cities: ['Hangzhou'],
        skills: [],
        dailyCapacity: 20,
      });
    });

    it('registers the covered cities (home city first, once) and the certified skills, all in the event', async () => {
      const registered = await register(
        engineer({
          homeCity: 'Suzhou',
          cities: [' Wuxi ', 'Suzhou', 'Kunshan'],
          skills: [
            { brand: 'Philips', productModel: 'AquaPure X5', certifiedOn: '2026-03-01' },
            { brand: 'Xiaomi', productModel: 'MR-600', certifiedOn: '2025-11-20' },
          ],
        }),
      );
      const [event] = await outboxEvents(network.service.dataSource, 'EngineerRegistered', registered['id'] as string);
      expect(event.payload).toMatchObject({
        cities: ['Suzhou', 'Wuxi', 'Kunshan'],
        skills: [
          { brand: 'Philips', productModel: 'AquaPure X5' },
          { brand: 'Xiaomi', productModel: 'MR-600' },
        ],
      });
      const read = await network.graphql(
        `query ($id: ID!) { engineer(id: $id) { cities skills { brand productModel certifiedOn } } }`,
        { id: registered['id'] },
        dispatcher,
      );
      expect(read.data).toEqual({
        engineer: {
          cities: ['Suzhou', 'Wuxi', 'Kunshan'],
          skills: [
            { brand: 'Philips', productModel: 'AquaPure X5', certifiedOn: '2026-03-01' },
            { brand: 'Xiaomi', productModel: 'MR-600', certifiedOn: '2025-11-20' },
          ],
        },
      });
    });

    it('refuses a phone already registered, however it is written, with ENGINEER_PHONE_TAKEN', async () => {
      await register(engineer({ phone: '13600136000' }));
      const before = await stored();
      const again = await network.graphql(REGISTER, { input: engineer({ phone: '+8613600136000', name: 'Someone Else' }) }, dispatcher);
      expect(errorCodes(again)).toEqual(['ENGINEER_PHONE_TAKEN']);
      expect(again.errors![0].extensions!['phone']).toBe('13600136000');
      expect(await stored()).toEqual(before);
    });

    it('registers one engineer when the same phone is submitted concurrently; the others get ENGINEER_PHONE_TAKEN', async () => {
      const input = engineer();
      const responses = await Promise.all(Array.from({ length: 5 }, () => network.graphql(REGISTER, { input }, dispatcher)));
      expect(responses.map((response) => errorCodes(response)[0] ?? 'OK').sort()).toEqual([
        'ENGINEER_PHONE_TAKEN',
        'ENGINEER_PHONE_TAKEN',
        'ENGINEER_PHONE_TAKEN',
        'ENGINEER_PHONE_TAKEN',
        'OK',
      ]);
      const rows = await network.service.dataSource.query('SELECT id FROM engineer WHERE phone = $1', [input.phone]);
      expect(rows).toHaveLength(1);
    });

    it.each([
      ['a blank name', { name: ' ' }, 'name'],
      ['a phone that is no phone number', { phone: '12345' }, 'phone'],
      ['a blank home city', { homeCity: '' }, 'homeCity'],
      ['a daily capacity of 0', { dailyCapacity: 0 }, 'dailyCapacity'],
      ['a daily capacity above 20', { dailyCapacity: 21 }, 'dailyCapacity'],
      ['a blank covered city', { cities: ['Wuxi', ' '] }, 'cities'],
      ['a skill without a model', { skills: [{ brand: 'Philips', productModel: '', certifiedOn: '2026-01-01' }] }, 'skills.0.productModel'],
    ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_case, overrides, field) => {
      const before = await stored();
      const response = await network.graphql(REGISTER, { input: engineer(overrides) }, dispatcher);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(response)).toContain(field);
      expect(await stored()).toEqual(before);
    });

    it('is for dispatchers, supervisors and admins only', async () => {
      expect((await network.graphql(REGISTER, { input: engineer() }, staff('SUPERVISOR'))).errors).toBeUndefined();
      expect((await network.graphql(REGISTER, { input: engineer() }, staff('ADMIN'))).errors).toBeUndefined();
      const before = await stored();
      expect(errorCodes(await network.graphql(REGISTER, { input: engineer() }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await network.graphql(REGISTER, { input: engineer() }))).toEqual(['UNAUTHENTICATED']);
      expect(await stored()).toEqual(before);
    });
  });

  describe('reading engineers', () => {
    it('finds an engineer by id; unknown ids are NOT_FOUND, malformed ones BAD_USER_INPUT before any SQL', async () => {
      const registered = await register(engineer({ name: 'Chen Jie' }));
      expect((await network.graphql(ENGINEER, { id: registered['id'] }, staff('SUPERVISOR'))).data).toEqual({
        engineer: { id: registered['id'], name: 'Chen Jie' },
      });
      expect(errorCodes(await network.graphql(ENGINEER, { id: randomUUID() }, dispatcher))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await network.graphql(ENGINEER, { id: 'E-17' }, dispatcher))).toEqual(['BAD_USER_INPUT']);
    });

    it('is for dispatchers, supervisors and admins only, for now not even the engineer', async () => {
      const registered = await register(engineer());
      expect(errorCodes(await network.graphql(ENGINEER, { id: registered['id'] }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await network.graphql(ENGINEER, { id: registered['id'] }, staff('COMPLAINTS_AGENT')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await network.graphql(ENGINEER, { id: registered['id'] }))).toEqual(['UNAUTHENTICATED']);
    });

    it('resolves federation references, unknown ones as null', async () => {
      const first = await register(engineer({ homeCity: 'Suzhou' }));
      const second = await register(engineer({ homeCity: 'Ningbo' }));
      const representations = [first, second, { id: randomUUID() }].map(({ id }) => ({ __typename: 'Engineer', id }));
      expect((await network.graphql(ENTITIES, { representations }, dispatcher)).data).toEqual({
        _entities: [{ id: first['id'], homeCity: 'Suzhou' }, { id: second['id'], homeCity: 'Ningbo' }, null],
      });
      // A key that is no id at all never reaches SQL: the subgraph's edge refuses the request.
      const malformed = await network.graphql(ENTITIES, { representations: [{ __typename: 'Engineer', id: 'not-a-uuid' }] }, dispatcher);
      expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    });

    it('loads the skills and unavailability of many engineers in one query each', async () => {
      const skill = { brand: 'Philips', productModel: 'AquaPure X5', certifiedOn: '2026-01-01' };
      const engineers = [await register(engineer({ skills: [skill] })), await register(engineer()), await register(engineer({ skills: [skill] }))];
      const skillLookups = jest.spyOn(network.service.container.get(EngineersService), 'skillsOf');
      const windowLookups = jest.spyOn(network.service.container.get(AvailabilityService), 'windowsOf');
      const representations = engineers.map(({ id }) => ({ __typename: 'Engineer', id }));
      const response = await network.graphql<{ _entities: { skills: unknown[]; unavailability: unknown[] }[] }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Engineer { skills { brand } unavailability { id } } } }`,
        { representations },
        dispatcher,
      );
      expect(response.data!._entities.map((found) => found.skills.length)).toEqual([1, 0, 1]);
      expect(skillLookups).toHaveBeenCalledTimes(1);
      expect(windowLookups).toHaveBeenCalledTimes(1);
      skillLookups.mockRestore();
      windowLookups.mockRestore();
    });
  });
});
