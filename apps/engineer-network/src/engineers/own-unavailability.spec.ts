import type { StaffIdentity } from '@aftercare/identity';
import { errorCodes, rowCounts, staff, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from '../engineer-network.definition';

const REGISTER = `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`;
const UNAVAILABLE = `mutation ($id: ID!, $input: UnavailabilityInput!) {
  markEngineerUnavailable(engineerId: $id, input: $input) { id unavailability { id startsOn endsOn reason } }
}`;
const CANCEL = `mutation ($windowId: ID!) { cancelEngineerUnavailability(windowId: $windowId) { id unavailability { id } } }`;
const MY_DAYS_OFF = `{ me { id unavailability { startsOn endsOn reason } } }`;

/** The engineer's token carries their Engineer id as its sub (as dispatch's "my jobs" reads it). */
function engineerToken(engineerId: string): StaffIdentity {
  return { kind: 'staff', userId: engineerId, name: 'Engineer on the phone', roles: ['ENGINEER'] };
}

describe('an engineer records their own days off (engineer-network, real PostgreSQL)', () => {
  let network: ServiceUnderTest;
  const dispatcher = staff('DISPATCHER');
  const windows = () => rowCounts(network.service.dataSource, { windows: 'unavailability_window' });

  async function registerEngineer(phone: string): Promise<string> {
    const input = { name: 'Sun Hao', phone, employment: 'EMPLOYEE', homeCity: 'Wuhan', dailyCapacity: 4, skills: [] };
    const response = await network.graphql<{ registerEngineer: { id: string } }>(REGISTER, { input }, dispatcher);
    expect(response.errors).toBeUndefined();
    return response.data!.registerEngineer.id;
  }

  beforeAll(async () => {
    network = await startServiceUnderTest(engineerNetworkService);
  });

  afterAll(() => network?.stop());

  it('marks and clears their own unavailability, and reads it back as "me"', async () => {
    const id = await registerEngineer('13822220001');
    const me = engineerToken(id);
    const marked = await network.graphql<{ markEngineerUnavailable: { unavailability: { id: string }[] } }>(
      UNAVAILABLE,
      { id, input: { startsOn: '2026-12-21', endsOn: '2026-12-21', reason: 'PERSONAL' } },
      me,
    );
    expect(marked.errors).toBeUndefined();
    const mine = await network.graphql(MY_DAYS_OFF, {}, me);
    expect(mine.data).toEqual({ me: { id, unavailability: [{ startsOn: '2026-12-21', endsOn: '2026-12-21', reason: 'PERSONAL' }] } });

    const cleared = await network.graphql(CANCEL, { windowId: marked.data!.markEngineerUnavailable.unavailability[0]!.id }, me);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data).toEqual({ cancelEngineerUnavailability: { id, unavailability: [] } });
  });

  it("refuses another engineer's days with FORBIDDEN, marking and clearing nothing", async () => {
    const mine = await registerEngineer('13822220002');
    const colleague = await registerEngineer('13822220003');
    const byDispatcher = await network.graphql<{ markEngineerUnavailable: { unavailability: { id: string }[] } }>(
      UNAVAILABLE,
      { id: colleague, input: { startsOn: '2026-12-22', endsOn: '2026-12-23', reason: 'SICK' } },
      dispatcher,
    );
    const colleaguesWindow = byDispatcher.data!.markEngineerUnavailable.unavailability[0]!.id;
    const before = await windows();

    const mark = await network.graphql(
      UNAVAILABLE,
      { id: colleague, input: { startsOn: '2026-12-28', endsOn: '2026-12-28', reason: 'PERSONAL' } },
      engineerToken(mine),
    );
    expect(errorCodes(mark)).toEqual(['FORBIDDEN']);
    const cancel = await network.graphql(CANCEL, { windowId: colleaguesWindow }, engineerToken(mine));
    expect(errorCodes(cancel)).toEqual(['FORBIDDEN']);
    expect(await windows()).toEqual(before);
  });
});
