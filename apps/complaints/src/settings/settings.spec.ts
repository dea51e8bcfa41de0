import { countRows, errorCodes } from '@aftercare/testing';
import { agent, complaintInput, ComplaintsWorld, FILE, supervisor } from '../complaints.spec-support';
import { admin, DEFINE_POLICY, NORMAL_TARGETS } from './settings.spec-support';

const INSURE = `mutation ($input: SetBrandInsuranceInput!) { setBrandInsurance(input: $input) { brand insured insurer } }`;
const HOLIDAY = `mutation ($input: SetBusinessHolidayInput!) { setBusinessHoliday(input: $input) { day name } }`;
const REMOVE_HOLIDAY = `mutation ($day: Date!) { removeBusinessHoliday(day: $day) { day name } }`;
const HISTORY = `query ($kind: ComplaintSettingsKind) { complaintSettingsHistory(kind: $kind) { kind subject before after changedBy changedAt } }`;
const CONTACT = `mutation ($id: ID!) { recordContact(id: $id, input: { content: "Called the customer back." }) { id } }`;
const LIABILITY = `mutation ($id: ID!) { determineLiability(id: $id, input: { liability: PRODUCT, finding: "Cracked housing from the factory" }) { brandInsured } }`;
const CLOCKS = `query ($id: ID!) { complaint(id: $id) { slaClocks { kind dueAt } } }`;

type Change = {
  kind: string;
  subject: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changedBy: string;
  changedAt: string;
};

/** China time as an instant: `at('2027-01-01 10:00')`. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00.000+08:00`);

describe('the settings complaints runs on, kept by an ADMIN through the graph and on record (complaints, real PostgreSQL)', () => {
  let world: ComplaintsWorld;

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
  });

  afterAll(() => world?.stop());

  const history = async (kind: string) => (await world.ok<{ complaintSettingsHistory: Change[] }>(HISTORY, { kind }, supervisor)).complaintSettingsHistory;

  it('insures a brand registered through the graph, and product liability shows it', async () => {
    // A partner brand the migration never heard of: until an admin says so it is not insured.
    const [uninsured] = await world.known({ brand: 'AQUAFRESH' });
    const before = (await world.ok<{ fileComplaint: { id: string } }>(FILE, { input: complaintInput(uninsured, { category: 'PRODUCT_QUALITY' }) }))
      .fileComplaint.id;
    await world.ok(CONTACT, { id: before });
    expect((await world.ok<{ determineLiability: { brandInsured: boolean } }>(LIABILITY, { id: before })).determineLiability.brandInsured).toBe(false);

    const insured = await world.ok(INSURE, { input: { brand: ' AQUAFRESH ', insured: true, insurer: 'Ping An' } }, admin);
    expect(insured).toEqual({ setBrandInsurance: { brand: 'AQUAFRESH', insured: true, insurer: 'Ping An' } });
    const [job] = await world.known({ brand: 'AQUAFRESH' });
    const id = (await world.ok<{ fileComplaint: { id: string } }>(FILE, { input: complaintInput(job, { category: 'PRODUCT_QUALITY' }) })).fileComplaint.id;
    await world.ok(CONTACT, { id });
    expect((await world.ok<{ determineLiability: { brandInsured: boolean } }>(LIABILITY, { id })).determineLiability.brandInsured).toBe(true);

    expect(
      (await world.ok<{ brandInsurances: { brand: string }[] }>(`query { brandInsurances { brand insured } }`, {}, supervisor)).brandInsurances,
    ).toContainEqual({ brand: 'AQUAFRESH', insured: true });
    const [change] = await history('BRAND_INSURANCE');
    expect(change).toMatchObject({
      kind: 'BRAND_INSURANCE',
      subject: 'AQUAFRESH',
      before: null,
      after: { brand: 'AQUAFRESH', insured: true, insurer: 'Ping An' },
      changedBy: admin.userId,
    });
    expect(Date.now() - Date.parse(change.changedAt)).toBeLessThan(60_000);
  });

  it('lets only an ADMIN change settings, refuses nonsense, and stores nothing when refused', async () => {
    const stored = () => countRows(world.dataSource, 'settings_change');
    const before = await stored();
    const input = { brand: 'XIAOMI', insured: true, insurer: 'PICC' };
    expect(errorCodes(await world.complaints.graphql(INSURE, { input }, supervisor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(INSURE, { input }, agent))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(HOLIDAY, { input: { day: '2027-01-01', name: 'New Year' } }, supervisor))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await world.complaints.graphql(DEFINE_POLICY, { input: { category: 'SERVICE', priority: 'NORMAL', ...NORMAL_TARGETS } }, supervisor)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(INSURE, { input: { brand: 'XIAOMI', insured: false, insurer: 'PICC' } }, admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(
        await world.complaints.graphql(DEFINE_POLICY, { input: { category: 'SERVICE', priority: 'NORMAL', ...NORMAL_TARGETS, opinionHours: 200 } }, admin),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await world.complaints.graphql(DEFINE_POLICY, { input: { category: 'SERVICE', priority: 'NORMAL', ...NORMAL_TARGETS, firstContactHours: 0 } }, admin),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await world.complaints.graphql(HOLIDAY, { input: { day: '2027-02-30', name: 'Nowhere' } }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await world.complaints.graphql(REMOVE_HOLIDAY, { day: '2031-01-01' }, admin))).toEqual(['NOT_FOUND']);
    expect(await stored()).toBe(before);
  });

  it('changes an SLA policy for complaints filed from then on, with the old targets on record', async () => {
    const [job] = await world.known({});
    const file = async () =>
      (
        await world.ok<{ fileComplaint: { id: string } }>(FILE, {
          input: complaintInput(job, {
            workOrderId: null,
            category: 'HOTLINE',
            priority: 'URGENT',
            involvesLiability: false,
            receivedAt: at('2026-03-02 10:00').toISOString(),
          }),
        })
      ).fileComplaint.id;
    const firstContact = async (id: string) =>
      (await world.ok<{ complaint: { slaClocks: { kind: string; dueAt: string }[] } }>(CLOCKS, { id })).complaint.slaClocks.find(
        (clock) => clock.kind === 'FIRST_CONTACT',
      )!.dueAt;
    const earlier = await file();
    expect(new Date(await firstContact(earlier))).toEqual(at('2026-03-02 11:00'));
    const { defineSlaPolicy } = await world.ok<{ defineSlaPolicy: Record<string, unknown> }>(
      DEFINE_POLICY,
      { input: { category: 'HOTLINE', priority: 'URGENT', firstContactHours: 3, opinionHours: 8, resolutionHours: 26, warnBeforeMinutes: 15 } },
      admin,
    );
    expect(defineSlaPolicy).toMatchObject({ firstContactHours: 3, countedIn: 'BUSINESS_HOURS', backOfficeObservesHolidays: false });
    expect(new Date(await firstContact(await file()))).toEqual(at('2026-03-02 13:00'));
    // The complaint already running keeps the deadline its clock stored.
    expect(new Date(await firstContact(earlier))).toEqual(at('2026-03-02 11:00'));
    const [change] = await history('SLA_POLICY');
    expect(change).toMatchObject({ subject: 'HOTLINE/URGENT', before: { firstContactHours: 1 }, after: { firstContactHours: 3 }, changedBy: admin.userId });
  });

  it('declares and removes holidays, on record', async () => {
    expect(await world.ok(HOLIDAY, { input: { day: '2027-01-01', name: ' New Year ' } }, admin)).toEqual({
      setBusinessHoliday: { day: '2027-01-01', name: 'New Year' },
    });
    const listed = await world.ok<{ businessHolidays: { day: string }[] }>(
      `query { businessHolidays(from: "2026-12-01", to: "2027-01-31") { day name } }`,
      {},
      supervisor,
    );
    expect(listed.businessHolidays).toEqual([{ day: '2027-01-01', name: 'New Year' }]);
    expect(await world.ok(REMOVE_HOLIDAY, { day: '2027-01-01' }, admin)).toEqual({ removeBusinessHoliday: { day: '2027-01-01', name: 'New Year' } });
    expect(errorCodes(await world.complaints.graphql(REMOVE_HOLIDAY, { day: '2027-01-01' }, admin))).toEqual(['NOT_FOUND']);
    const changes = await history('BUSINESS_HOLIDAY');
    expect(changes.slice(0, 2)).toEqual([
      expect.objectContaining({ subject: '2027-01-01', before: { day: '2027-01-01', name: 'New Year' }, after: null, changedBy: admin.userId }),
      expect.objectContaining({ subject: '2027-01-01', before: null, after: { day: '2027-01-01', name: 'New Year' }, changedBy: admin.userId }),
    ]);
  });
});
