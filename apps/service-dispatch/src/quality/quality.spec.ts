import { randomUUID } from 'node:crypto';
import { ComplaintFiled, Topics } from '@aftercare/event-contracts';
import { complaintFiled, errorCodes, inOverlappingTransactions, invalidFields, outboxEvents, staff } from '@aftercare/testing';
import { dispatcher, DispatchDriver, engineerIdentity } from '../service-dispatch.spec-support';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { QualityService } from './quality.service';

const EVALUATE = `mutation ($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { kind score timely engineerId customerId } }`;
const INSPECT = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { kind score } }`;
const SURVEY = `mutation ($input: RecordSurveyInput!) { recordSatisfactionSurvey(input: $input) { kind score } }`;
const FACTOR_FIELDS = `qualityFactor { factor completedJobs evaluations timelyEvaluationRate evaluationScore inspections inspectionScore surveys satisfactionScore complaints complaintScore doubtful doubtfulReason }`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer { id workOrders { id status } ${FACTOR_FIELDS} }
    ... on Engineer { id workOrders { id status } ${FACTOR_FIELDS} }
  }
}`;

type Factor = Record<string, unknown>;
type Entities = { _entities: { id: string; workOrders: { id: string }[]; qualityFactor: Factor }[] };

describe('quality data and quality factor (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;
  const supervisor = staff('SUPERVISOR');

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  /** A completed job of that customer by that engineer. */
  async function completedJob(customerId: string, engineerId: string): Promise<string> {
    const workOrder = await dispatch.assigned(engineerId, { customerId });
    const me = engineerIdentity(engineerId);
    await dispatch.ok(`mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { id } }`, { id: workOrder.id }, me);
    await dispatch.ok(
      `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { id } }`,
      { input: { workOrderId: workOrder.id, installedSerial: 'S-1' } },
      me,
    );
    return workOrder.id;
  }

  async function factorOf(typename: 'Customer' | 'Engineer', id: string): Promise<Factor> {
    const data = await dispatch.ok<Entities>(ENTITIES, { representations: [{ __typename: typename, id }] });
    return data._entities[0]!.qualityFactor;
  }

  it('records a timely evaluation once, announcing EvaluationSubmitted', async () => {
    const engineer = await dispatch.engineer();
    const customerId = randomUUID();
    const job = await completedJob(customerId, engineer.engineerId);
    const evaluated = await dispatch.ok(EVALUATE, { input: { workOrderId: job, rating: 4, comment: 'On time' } });
    expect(evaluated).toEqual({ submitEvaluation: { kind: 'EVALUATION', score: 75, timely: true, engineerId: engineer.engineerId, customerId } });
    const [event] = await dispatch.outbox('EvaluationSubmitted', job);
    expect(event!.payload).toMatchObject({ workOrderId: job, customerId, engineerId: engineer.engineerId, score: 4 });

    expect(errorCodes(await dispatch.sut.graphql(EVALUATE, { input: { workOrderId: job, rating: 5 } }, dispatcher))).toEqual(['EVALUATION_EXISTS']);
    expect(invalidFields(await dispatch.sut.graphql(EVALUATE, { input: { workOrderId: job, rating: 6 } }, dispatcher))).toEqual(['rating']);
    const notDone = await dispatch.scheduled('2099-01-01');
    expect(errorCodes(await dispatch.sut.graphql(EVALUATE, { input: { workOrderId: notDone.id, rating: 5 } }, dispatcher))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('keeps a late evaluation as data but leaves it out of the evaluation score', async () => {
    const engineer = await dispatch.engineer();
    const customerId = randomUUID();
    const job = await completedJob(customerId, engineer.engineerId);
    await dispatch.dataSource.query(`UPDATE work_order SET completed_at = now() - interval '10 days' WHERE id = $1`, [job]);
    expect(await dispatch.ok(EVALUATE, { input: { workOrderId: job, rating: 1 } })).toMatchObject({ submitEvaluation: { timely: false } });
    expect(await factorOf('Customer', customerId)).toMatchObject({ evaluations: 1, timelyEvaluationRate: 0, evaluationScore: null });
  });

  it('combines evaluation, inspection, survey and complaints into the factor of the customer and of the engineer, components visible', async () => {
    const engineer = await dispatch.engineer();
    const customerId = randomUUID();
    const first = await completedJob(customerId, engineer.engineerId);
    const second = await completedJob(customerId, engineer.engineerId);
    await dispatch.ok(EVALUATE, { input: { workOrderId: first, rating: 5 } });
    await dispatch.ok(EVALUATE, { input: { workOrderId: second, rating: 3 } });
    expect(await dispatch.ok(INSPECT, { input: { workOrderId: first, score: 70, findings: 'Hose not fixed' } }, supervisor)).toEqual({
      recordInspection: { kind: 'INSPECTION', score: 70 },
    });
    expect(await dispatch.ok(SURVEY, { input: { customerId, workOrderId: second, satisfaction: 4 } })).toEqual({
      recordSatisfactionSurvey: { kind: 'SURVEY', score: 75 },
    });
    const complaint = complaintFiled(customerId, { workOrderId: second });
    await dispatch.playAndApply(Topics.complaints, complaint);
    // Republished (a new event id) for the same complaint: still one complaint.
    await dispatch.playAndApply(Topics.complaints, ComplaintFiled.create(complaint.aggregateId, complaint.payload));

    const expected = {
      completedJobs: 2,
      evaluations: 2,
      timelyEvaluationRate: 1,
      evaluationScore: 75,
      inspections: 1,
      inspectionScore: 70,
      surveys: 1,
      satisfactionScore: 75,
      complaints: 1,
      complaintScore: 0,
      // (75×30 + 70×30 + 75×20 + 0×20) / 100
      factor: 59,
      doubtful: false,
      doubtfulReason: null,
    };
    expect(await factorOf('Customer', customerId)).toEqual(expected);
    expect(await factorOf('Engineer', engineer.engineerId)).toEqual(expected);

    const announced = await outboxEvents(dispatch.dataSource, 'CustomerQualityChanged', customerId);
    expect(announced.at(-1)!.payload).toEqual({ customerId, qualityFactor: 59, completedJobs: 2, complaints: 1, doubtful: false });
  });

  it('announces CustomerQualityChanged only when the factor changes', async () => {
    const engineer = await dispatch.engineer();
    const customerId = randomUUID();
    const first = await completedJob(customerId, engineer.engineerId);
    const second = await completedJob(customerId, engineer.engineerId);
    await dispatch.ok(EVALUATE, { input: { workOrderId: first, rating: 4 } });
    const afterFirst = (await outboxEvents(dispatch.dataSource, 'CustomerQualityChanged', customerId)).length;
    await dispatch.ok(EVALUATE, { input: { workOrderId: second, rating: 4 } });
    expect(await outboxEvents(dispatch.dataSource, 'CustomerQualityChanged', customerId)).toHaveLength(afterFirst);
    await dispatch.ok(SURVEY, { input: { customerId, satisfaction: 1 } });
    expect(await outboxEvents(dispatch.dataSource, 'CustomerQualityChanged', customerId)).toHaveLength(afterFirst + 1);
  });

  it('counts two complaints of one customer applied at the same moment (two partitions or two instances): the factor announced last has both', async () => {
    const engineer = await dispatch.engineer();
    const customerId = randomUUID();
    for (let i = 0; i < 4; i++) await completedJob(customerId, engineer.engineerId);
    const quality = dispatch.sut.service.container.get(QualityService);
    const complaint = () => complaintFiled(customerId);
    await inOverlappingTransactions(
      dispatch.dataSource,
      [complaint(), complaint()].map((filed) => (manager) => quality.complaintFiled(filed, manager)),
    );
    // Two complaints over four completed jobs: 100 − 200×2/4 = 0.
    const announced = await outboxEvents(dispatch.dataSource, 'CustomerQualityChanged', customerId);
    expect(announced.at(-1)!.payload).toEqual({ customerId, qualityFactor: 0, completedJobs: 4, complaints: 2, doubtful: false });
    const [kept] = await dispatch.dataSource.query('SELECT quality_factor FROM customer_quality WHERE customer_id = $1', [customerId]);
    expect(kept).toEqual({ quality_factor: 0 });
  });

  it('flags a perfect record over many ratings as doubtful data', async () => {
    const engineer = await dispatch.engineer({ dailyCapacity: 20 });
    const customerId = randomUUID();
    for (let i = 0; i < 10; i++) await dispatch.ok(EVALUATE, { input: { workOrderId: await completedJob(customerId, engineer.engineerId), rating: 5 } });
    expect(await factorOf('Engineer', engineer.engineerId)).toMatchObject({ factor: 100, doubtful: true, doubtfulReason: expect.stringContaining('10') });
    const announced = await outboxEvents(dispatch.dataSource, 'CustomerQualityChanged', customerId);
    expect(announced.at(-1)!.payload).toMatchObject({ qualityFactor: 100, doubtful: true });
  });

  it('lets only supervisors inspect, and keeps quality factors from partners and engineers', async () => {
    const engineer = await dispatch.engineer();
    const job = await completedJob(randomUUID(), engineer.engineerId);
    expect(errorCodes(await dispatch.sut.graphql(INSPECT, { input: { workOrderId: job, score: 90 } }, dispatcher))).toEqual(['FORBIDDEN']);
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Engineer { qualityFactor { factor } } } }`;
    const asEngineer = await dispatch.sut.graphql(
      query,
      { representations: [{ __typename: 'Engineer', id: engineer.engineerId }] },
      engineerIdentity(engineer.engineerId),
    );
    expect(errorCodes(asEngineer)).toEqual(['FORBIDDEN']);
  });

  it('resolves work orders and quality factors of many customers and engineers in one lookup each', async () => {
    const engineers = [await dispatch.engineer(), await dispatch.engineer()];
    const customers = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, customerId] of customers.entries()) await completedJob(customerId, engineers[i % 2]!.engineerId);
    const workOrders = dispatch.sut.service.container.get(WorkOrdersService);
    const byCustomer = jest.spyOn(workOrders, 'findByCustomerIds');
    const byEngineer = jest.spyOn(workOrders, 'findByEngineerIds');
    const factors = jest.spyOn(dispatch.sut.service.container.get(QualityService), 'factorsOf');
    const representations = [
      ...customers.map((id) => ({ __typename: 'Customer', id })),
      ...engineers.map((engineer) => ({ __typename: 'Engineer', id: engineer.engineerId })),
    ];
    const data = await dispatch.ok<Entities>(ENTITIES, { representations });
    expect(data._entities.map((entity) => entity.workOrders.length)).toEqual([1, 1, 1, 2, 1]);
    expect(data._entities.map((entity) => entity.qualityFactor['completedJobs'])).toEqual([1, 1, 1, 2, 1]);
    expect(byCustomer).toHaveBeenCalledTimes(1);
    expect(byEngineer).toHaveBeenCalledTimes(1);
    expect(factors).toHaveBeenCalledTimes(2);
    jest.restoreAllMocks();

    // An engineer looking at a customer sees only the work orders they did themselves.
    const asEngineer = await dispatch.ok<{ _entities: { workOrders: { id: string }[] }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { workOrders { id } } } }`,
      { representations: customers.map((id) => ({ __typename: 'Customer', id })) },
      engineerIdentity(engineers[0]!.engineerId),
    );
    expect(asEngineer._entities.map((entity) => entity.workOrders.length)).toEqual([1, 0, 1]);
  });
});
