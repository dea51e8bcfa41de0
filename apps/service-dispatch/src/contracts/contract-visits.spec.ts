import { randomUUID } from 'node:crypto';
import { ContractSigned, Topics } from '@aftercare/event-contracts';
import { errorCodes, invalidFields, staff } from '@aftercare/testing';
import { dispatcher, DispatchDriver } from '../service-dispatch.spec-support';

const PLAN = `mutation ($month: String!) { planContractVisits(month: $month) }`;

describe('scheduled service visits of contracts (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  const visitsOf = async (contractId: string): Promise<string[][]> =>
    (
      await dispatch.dataSource.query(
        `SELECT type, status, city, to_char(preferred_date, 'YYYY-MM-DD') AS day FROM work_order WHERE contract_id = $1 ORDER BY preferred_date`,
        [contractId],
      )
    ).map((row: Record<string, string>) => [row['type'], row['status'], row['city'], row['day']]);

  function signed(startsOn: string, visitsPerMonth = 2) {
    const contractId = randomUUID();
    return ContractSigned.create(contractId, {
      contractId,
      customerId: randomUUID(),
      city: 'Shanghai',
      siteAddress: '9 Harbour Street, kitchen',
      businessType: 'RESTAURANT',
      signedAreaM2: 600,
      areaTolerance: 0.1,
      serviceItems: [{ item: 'COCKROACH', priceCents: 80000 }],
      visitsPerMonth,
      qualityStandard: 'No live cockroach sighting',
      monthlyPriceCents: 80000,
      startsOn,
    });
  }

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  it("plans a signed contract's first month at once, as many visits as promised, once however often the event comes", async () => {
    const contract = signed('2099-03-01');
    await dispatch.playAndApply(Topics.sales, contract);
    await dispatch.playAndApply(Topics.sales, ContractSigned.create(contract.aggregateId, contract.payload));
    expect(await visitsOf(contract.payload.contractId)).toEqual([
      ['SCHEDULED_SERVICE_VISIT', 'CREATED', 'Shanghai', '2099-03-01'],
      ['SCHEDULED_SERVICE_VISIT', 'CREATED', 'Shanghai', '2099-03-16'],
    ]);
    const [created] = await dispatch.dataSource.query(`SELECT id FROM work_order WHERE contract_id = $1 LIMIT 1`, [contract.payload.contractId]);
    const [announced] = await dispatch.outbox('WorkOrderCreated', created.id);
    expect(announced!.payload).toMatchObject({ type: 'SCHEDULED_SERVICE_VISIT', customerId: contract.payload.customerId });
  });

  it('plans the next month for every running contract on request, and replanning adds nothing', async () => {
    const running = signed('2099-05-01');
    const notYet = signed('2099-07-10', 1);
    await dispatch.playAndApply(Topics.sales, running);
    await dispatch.playAndApply(Topics.sales, notYet);

    const added = await dispatch.ok<{ planContractVisits: number }>(PLAN, { month: '2099-06' });
    expect(added.planContractVisits).toBeGreaterThanOrEqual(2);
    expect((await visitsOf(running.payload.contractId)).map((visit) => visit[3])).toEqual(['2099-05-01', '2099-05-16', '2099-06-01', '2099-06-16']);
    expect((await visitsOf(notYet.payload.contractId)).map((visit) => visit[3])).toEqual(['2099-07-10']);
    expect(await dispatch.ok(PLAN, { month: '2099-06' })).toEqual({ planContractVisits: 0 });
  });

  it('refuses a month that is no month, and callers who do not manage work orders', async () => {
    expect(invalidFields(await dispatch.sut.graphql(PLAN, { month: '2099-13' }, dispatcher))).toEqual(['month']);
    expect(errorCodes(await dispatch.sut.graphql(PLAN, { month: '2099-06' }, staff('SALES')))).toEqual(['FORBIDDEN']);
  });
});
