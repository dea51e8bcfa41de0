import { randomUUID } from 'node:crypto';
import { Topics, WorkOrderAssigned, WorkOrderUnassignable } from '@aftercare/event-contracts';
import { countRows, errorCodes, EventStream, eventually, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from '../engineer-network.definition';
import { todayInChina } from '@aftercare/business-time';

const REGISTER = `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`;
const ON_LEAVE = `mutation ($id: ID!) { changeEngineerProfile(engineerId: $id, input: { status: ON_LEAVE }) { id } }`;
const FIELDS = 'city brand productModel activeEngineers dailyCapacity jobs unplacedJobs busiestDayJobs gap';
const COVERAGE = `query { coverage(city: "Ningbo") { ${FIELDS} } }`;
const GAPS = `query { coverageGaps { ${FIELDS} } }`;

const supervisor = staff('SUPERVISOR');

function facts(brand: string, productModel: string) {
  const workOrderId = randomUUID();
  return { workOrderId, type: 'INSTALL' as const, orderId: randomUUID(), contractId: null, customerId: randomUUID(), city: 'Ningbo', brand, productModel };
}

describe('coverage and coverage gaps (real PostgreSQL and Kafka)', () => {
  let network: ServiceUnderTest;
  let events: EventStream;
  let phone = 13600000000 + Math.floor(Math.random() * 1_000_000);

  async function register(homeCity: string, cities: string[], brand: string, productModel: string, dailyCapacity: number): Promise<string> {
    const input = {
      name: 'Coverage Engineer',
      phone: String(phone++),
      employment: 'EMPLOYEE',
      homeCity,
      cities,
      dailyCapacity,
      skills: [{ brand, productModel, certifiedOn: '2026-01-01' }],
    };
    const response = await network.graphql<{ registerEngineer: { id: string } }>(REGISTER, { input }, supervisor);
    return response.data!.registerEngineer.id;
  }

  beforeAll(async () => {
    network = await startServiceUnderTest(engineerNetworkService);
    events = new EventStream(network.env);
    await network.service.consumer.ready();
  });

  afterAll(async () => {
    await events?.close();
    await network?.stop();
  });

  it('counts active skilled engineers per city against the jobs dispatch saw, and lists the gaps', async () => {
    await register('Shaoxing', ['Ningbo'], 'Philips', 'AquaPure X5', 2);
    const away = await register('Ningbo', [], 'Philips', 'AquaPure X5', 5);
    await network.graphql(ON_LEAVE, { id: away }, supervisor);
    await register('Ningbo', [], 'Xiaomi', 'MR-600', 3);

    const today = todayInChina();
    const assigned = [1, 2, 3].map(() =>
      WorkOrderAssigned.create(randomUUID(), { ...facts('Philips', 'AquaPure X5'), engineerId: randomUUID(), appointmentDate: today, manual: false }),
    );
    const nobody = WorkOrderUnassignable.create(randomUUID(), { ...facts('Midea', 'M1'), reason: 'NO_SUITABLE_ENGINEER', appointmentDate: today });
    await events.publish(Topics['service-dispatch'], ...assigned, nobody, WorkOrderAssigned.create(randomUUID(), assigned[0]!.payload));
    await eventually(async () => expect(await countRows(network.service.dataSource, 'inbox_event')).toBe(5));

    const { data } = await network.graphql<{ coverage: unknown[] }>(COVERAGE, {}, supervisor);
    const noEngineer = { city: 'Ningbo', brand: 'Midea', productModel: 'M1', activeEngineers: 0, dailyCapacity: 0, jobs: 1, unplacedJobs: 1, busiestDayJobs: 1, gap: 'NO_ENGINEER' };
    const overCapacity = { city: 'Ningbo', brand: 'Philips', productModel: 'AquaPure X5', activeEngineers: 1, dailyCapacity: 2, jobs: 3, unplacedJobs: 0, busiestDayJobs: 3, gap: 'OVER_CAPACITY' };
    expect(data!.coverage).toEqual([
      noEngineer,
      overCapacity,
      { city: 'Ningbo', brand: 'Xiaomi', productModel: 'MR-600', activeEngineers: 1, dailyCapacity: 3, jobs: 0, unplacedJobs: 0, busiestDayJobs: 0, gap: 'NONE' },
    ]);
    expect((await network.graphql(GAPS, {}, supervisor)).data).toEqual({ coverageGaps: [noEngineer, overCapacity] });
    expect(errorCodes(await network.graphql(GAPS, {}, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
  });
});
