import { randomUUID } from 'node:crypto';
import { Topics, WorkOrderCompleted } from '@aftercare/event-contracts';
import { countRows, errorCodes, inOverlappingTransactions, partner, sqlStatementsDuring, staff } from '@aftercare/testing';
import { ReplacementsService } from '../replacements/replacements.service';
import { DevicesService } from './devices.service';
import { shiftDay, supervisor, today, ValueAddedDriver } from '../value-added.spec-support';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer { id nextReplacementDue consumables { serial stages { stage lastChangedOn nextDueOn } } }
    ... on Device { serial warrantyEndsOn underWarranty }
  }
}`;

describe('installed base: devices, stage clocks, warranty (value-added, real PostgreSQL and Kafka)', () => {
  let va: ValueAddedDriver;

  beforeAll(async () => {
    va = await ValueAddedDriver.start();
    await va.definePlan('AquaPure X5', 'Philips');
    await va.optIn('PHILIPS');
  });

  afterAll(() => va?.stop());

  it('turns a completed install into a device whose first reminder falls due three months later, for the first stage only', async () => {
    await va.install({ serial: 'PX5-FIRST', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-03-10' });
    const device = await va.device('PX5-FIRST');
    expect(device).toMatchObject({ serial: 'PX5-FIRST', installedOn: '2026-03-10', reminderDueOn: '2026-06-10', remindersActive: true });
    expect(device.stages).toEqual([
      { stage: 'PP sediment', intervalMonths: 3, lastChangedOn: '2026-03-10', nextDueOn: '2026-06-10' },
      { stage: 'Activated carbon', intervalMonths: 6, lastChangedOn: '2026-03-10', nextDueOn: '2026-09-10' },
      { stage: 'RO membrane', intervalMonths: 24, lastChangedOn: '2026-03-10', nextDueOn: '2028-03-10' },
    ]);
    expect((await va.runDay('2026-06-09')).tasksOpened).toBe(0);
    expect((await va.runDay('2026-06-10')).tasksOpened).toBe(1);
    const [task] = await va.tasksOf('PX5-FIRST');
    expect(task).toMatchObject({ kind: 'REMINDER', stages: ['PP sediment'], dueOn: '2026-06-10', status: 'OPEN' });
  });

  it('records an install once however often dispatch announces it', async () => {
    const install = va.installEvent({ serial: 'PX5-TWICE', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-04-01' });
    await va.playAndApply(Topics['service-dispatch'], install);
    await va.playAndApply(Topics['service-dispatch'], WorkOrderCompleted.create(install.aggregateId, install.payload));
    expect(await countRows(va.dataSource, 'installed_device', 'serial = $1', ['PX5-TWICE'])).toBe(1);
    expect(await countRows(va.dataSource, 'stage_clock', 'device_id = (SELECT id FROM installed_device WHERE serial = $1)', ['PX5-TWICE'])).toBe(3);
  });

  it('resets only the stages a replacement actually changed', async () => {
    await va.install({ serial: 'PX5-PART', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-01-15' });
    const workOrderId = randomUUID();
    await va.playAndApply(
      Topics['service-dispatch'],
      WorkOrderCompleted.create(workOrderId, {
        ...va.installEvent({ serial: 'PX5-PART', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-07-20' }).payload,
        workOrderId,
        type: 'CONSUMABLE_REPLACEMENT',
        orderId: null,
        replacedStages: ['pp sediment ', 'Activated carbon'],
        paymentCollectedCents: 7500,
      }),
    );
    const device = await va.device('PX5-PART');
    expect(device.stages).toEqual([
      expect.objectContaining({ stage: 'PP sediment', lastChangedOn: '2026-07-20', nextDueOn: '2026-10-20' }),
      expect.objectContaining({ stage: 'Activated carbon', lastChangedOn: '2026-07-20', nextDueOn: '2027-01-20' }),
      expect.objectContaining({ stage: 'RO membrane', lastChangedOn: '2026-01-15', nextDueOn: '2028-01-15' }),
    ]);
    expect(device.reminderDueOn).toBe('2026-10-20');
  });

  it('keeps the next reminder right when two replacements of one device are applied at the same moment (two partitions or two instances)', async () => {
    await va.install({ serial: 'PX5-TWO-JOBS', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-01-15' });
    const replacements = va.sut.service.container.get(ReplacementsService);
    const replacement = (stage: string) => ({
      ...va.installEvent({ serial: 'PX5-TWO-JOBS', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-07-20' }).payload,
      type: 'CONSUMABLE_REPLACEMENT' as const,
      orderId: null,
      replacedStages: [stage],
    });
    await inOverlappingTransactions(
      va.dataSource,
      [replacement('PP sediment'), replacement('Activated carbon')].map((completed) => (manager) => replacements.onCompleted(completed, manager)),
    );
    const device = await va.device('PX5-TWO-JOBS');
    expect(device.stages.map((clock) => clock.nextDueOn)).toEqual(['2026-10-20', '2027-01-20', '2028-01-15']);
    expect(device.reminderDueOn).toBe('2026-10-20');
  });

  it('gives no reminders to a model without a plan, until a plan is defined; nor to a brand that has not opted in or opted out', async () => {
    const day = today();
    const longAgo = shiftDay(day, { months: -4 });
    await va.install({ serial: 'NOPLAN-1', brand: 'PHILIPS', productModel: 'AquaPure Z9', installedOn: longAgo });
    await va.definePlan('Angel A7', 'Angel');
    await va.install({ serial: 'ANGEL-1', brand: 'Angel', productModel: 'Angel A7', installedOn: longAgo });
    await va.definePlan('Midea M3', 'Midea');
    await va.optIn('Midea', false);
    await va.install({ serial: 'MIDEA-1', brand: 'Midea', productModel: 'Midea M3', installedOn: longAgo });
    expect(await va.device('NOPLAN-1')).toMatchObject({ reminderDueOn: null, remindersActive: false, stages: [] });
    expect(await va.device('ANGEL-1')).toMatchObject({ remindersActive: false });
    await va.runDay(day);
    expect(await va.tasksOf('NOPLAN-1', 'ANGEL-1', 'MIDEA-1')).toEqual([]);

    // A plan defined later starts the clocks from the install day; the brand opting in starts the calls.
    await va.definePlan('AquaPure Z9', 'Philips');
    expect(await va.device('NOPLAN-1')).toMatchObject({ reminderDueOn: shiftDay(longAgo, { months: 3 }), remindersActive: true });
    await va.optIn('angel');
    await va.runDay(day);
    expect((await va.tasksOf('NOPLAN-1', 'ANGEL-1', 'MIDEA-1')).map((task) => task.device.serial).sort()).toEqual(['ANGEL-1', 'NOPLAN-1']);
  });

  it("starts the clocks of a machine installed while its model's plan is being defined (the install event and the definition at the same moment)", async () => {
    const devices = va.sut.service.container.get(DevicesService);
    const install = va.installEvent({ serial: 'R7-RACE', brand: 'PHILIPS', productModel: 'AquaPure R7', installedOn: '2026-02-01' });
    let definition: Promise<string> | undefined;
    // The install stays uncommitted while the plan is defined, so the definition cannot yet see the machine.
    await va.dataSource.transaction(async (manager) => {
      await devices.recordInstall(install.payload, manager);
      definition = va.definePlan('AquaPure R7', 'Philips');
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await definition;
    expect((await va.device('R7-RACE')).stages.map((clock) => clock.nextDueOn)).toEqual(['2026-05-01', '2026-08-01', '2028-02-01']);
  });

  it("answers warranty for any serial from the brand's terms: the model's own term before the brand's", async () => {
    const term = `mutation ($input: DefineWarrantyTermInput!) { defineWarrantyTerm(input: $input) { brand productModel months } }`;
    expect(await va.ok(term, { input: { brand: 'Philips', months: 12 } })).toEqual({
      defineWarrantyTerm: { brand: 'Philips', productModel: null, months: 12 },
    });
    await va.ok(term, { input: { brand: 'PHILIPS', productModel: 'AquaPure X5', months: 36 } });
    const recent = shiftDay(today(), { months: -13 });
    await va.install({ serial: 'W-X5', brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: recent });
    await va.install({ serial: 'W-Z9', brand: 'PHILIPS', productModel: 'AquaPure Z9', installedOn: recent });
    await va.install({ serial: 'W-HAIER', brand: 'Haier', productModel: 'H1', installedOn: recent });
    const response = await va.sut.graphql<{ _entities: unknown[] }>(
      ENTITIES,
      { representations: ['W-X5', 'W-Z9', 'W-HAIER', 'NEVER-SEEN'].map((serial) => ({ __typename: 'Device', serial })) },
      staff('COMPLAINTS_AGENT'),
    );
    expect(response.data!._entities).toEqual([
      { serial: 'W-X5', warrantyEndsOn: shiftDay(recent, { months: 36 }), underWarranty: true },
      { serial: 'W-Z9', warrantyEndsOn: shiftDay(recent, { months: 12 }), underWarranty: false },
      { serial: 'W-HAIER', warrantyEndsOn: null, underWarranty: false },
      null,
    ]);
  });

  it("shows each customer's consumables and next replacement, for many customers with one query per table", async () => {
    const [wang, li, zhao] = [randomUUID(), randomUUID(), randomUUID()];
    await va.install({ serial: 'C-WANG-1', customerId: wang, brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-02-01' });
    await va.install({ serial: 'C-WANG-2', customerId: wang, brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-05-01' });
    await va.install({ serial: 'C-LI-1', customerId: li, brand: 'PHILIPS', productModel: 'AquaPure X5', installedOn: '2026-03-05' });
    let data: { _entities: { id: string; nextReplacementDue: string | null; consumables: { serial: string; stages: unknown[] }[] }[] } | undefined;
    const statements = await sqlStatementsDuring(va.dataSource, async () => {
      const response = await va.sut.graphql<NonNullable<typeof data>>(
        ENTITIES,
        { representations: [wang, li, zhao].map((id) => ({ __typename: 'Customer', id })) },
        staff('SALES'),
      );
      data = response.data!;
    });
    expect(data!._entities.map((customer) => [customer.nextReplacementDue, customer.consumables.map((device) => device.serial)])).toEqual([
      ['2026-05-01', ['C-WANG-1', 'C-WANG-2']],
      ['2026-06-05', ['C-LI-1']],
      [null, []],
    ]);
    expect(data!._entities[0]!.consumables[0]!.stages).toHaveLength(3);
    expect(statements.filter((sql) => sql.includes('FROM "installed_device"'))).toHaveLength(1);
    expect(statements.filter((sql) => sql.includes('FROM "stage_clock"'))).toHaveLength(1);
  });

  it("lets a partner see and set only its own brand's reminder service", async () => {
    const set = `mutation ($input: SetBrandReminderServiceInput!) { setBrandReminderService(input: $input) { brand optedIn changedBy } }`;
    const haier = partner(randomUUID(), 'HAIER');
    expect((await va.ok(set, { input: { brand: 'Haier', optedIn: true } }, haier)).setBrandReminderService).toEqual({
      brand: 'Haier',
      optedIn: true,
      changedBy: `partner:${haier.partnerId}`,
    });
    expect(errorCodes(await va.sut.graphql(set, { input: { brand: 'Philips', optedIn: false } }, haier))).toEqual(['FORBIDDEN']);
    const seen = await va.ok<{ brandReminderServices: { brand: string }[] }>(`{ brandReminderServices { brand optedIn } }`, {}, haier);
    expect(seen.brandReminderServices).toEqual([{ brand: 'Haier', optedIn: true }]);
    expect(
      (await va.ok<{ brandReminderServices: unknown[] }>(`{ brandReminderServices { brand } }`, {}, supervisor)).brandReminderServices.length,
    ).toBeGreaterThan(1);
    expect(errorCodes(await va.sut.graphql(set, { input: { brand: 'Haier', optedIn: false } }, staff('VALUE_ADDED_AGENT')))).toEqual(['FORBIDDEN']);
  });

  it('keeps every price a stage has had', async () => {
    await va.definePlan('Price P1', 'Philips');
    const change = `mutation ($input: ChangeStagePriceInput!) { changeConsumableStagePrice(input: $input) { stages { name priceCents priceHistory { priceCents previousPriceCents } } } }`;
    await va.ok(change, { input: { productModel: 'Price P1', stage: 'pp SEDIMENT', priceCents: 3500 } });
    const data = await va.ok<{ changeConsumableStagePrice: { stages: { name: string; priceCents: number; priceHistory: unknown[] }[] } }>(change, {
      input: { productModel: 'Price P1', stage: 'PP sediment', priceCents: 3800 },
    });
    expect(data.changeConsumableStagePrice.stages[0]).toEqual({
      name: 'PP sediment',
      priceCents: 3800,
      priceHistory: [
        { priceCents: 3800, previousPriceCents: 3500 },
        { priceCents: 3500, previousPriceCents: 3000 },
        { priceCents: 3000, previousPriceCents: null },
      ],
    });
    expect(errorCodes(await va.sut.graphql(change, { input: { productModel: 'Price P1', stage: 'Nope', priceCents: 1 } }, supervisor))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await va.sut.graphql(change, { input: { productModel: 'Price P1', stage: 'PP sediment', priceCents: 1 } }, staff('VALUE_ADDED_AGENT'))),
    ).toEqual(['FORBIDDEN']);
  });
});
