import { countRows, errorCodes, outboxEvents, staff } from '@aftercare/testing';
import { agent, complaintInput, ComplaintsWorld, FILE, Job, supervisor } from '../complaints.spec-support';

const FIELDS =
  'id status liability responsibleDepartment responsiblePerson brandInsured involvesLiability opinion resolution satisfaction customerAccepted reopenCount reviewWithdrawn';
const op = (name: string, args: string, input = '') => `mutation ($id: ID!${args}) { ${name}(id: $id${input}) { ${FIELDS} } }`;
const CONTACT = op('recordContact', ', $input: RecordContactInput!', ', input: $input');
const INVESTIGATE = op('startInvestigation', ', $note: String', ', note: $note');
const LIABILITY = op('determineLiability', ', $input: DetermineLiabilityInput!', ', input: $input');
const OPINION = op('giveOpinion', ', $input: GiveOpinionInput!', ', input: $input');
const RESOLVE = op('resolveComplaint', ', $input: ResolveComplaintInput!', ', input: $input');
const CLOSE = op('closeComplaint', ', $input: CloseComplaintInput!', ', input: $input');
const REOPEN = op('reopenComplaint', ', $reason: String!', ', reason: $reason');
const PROPOSE = `mutation ($complaintId: ID!, $input: ProposeCompensationInput!) { proposeCompensation(complaintId: $complaintId, input: $input) { id status amountCents currency payer } }`;
const APPROVE = `mutation ($id: ID!) { approveCompensation(id: $id, note: "Fair for a wet floor") { id status decidedBy } }`;
const REJECT = `mutation ($id: ID!) { rejectCompensation(id: $id) { id status } }`;
const STEPS = `query ($id: ID!) { complaint(id: $id) { steps { action fromStatus toStatus actorId note } compensations { status } } }`;

describe('a complaint handled end to end (complaints, real PostgreSQL)', () => {
  let world: ComplaintsWorld;
  let job: Job;

  const file = async (input: Record<string, unknown>) => (await world.ok<{ fileComplaint: { id: string } }>(FILE, { input })).fileComplaint.id;
  const act = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, identity = agent) =>
    Object.values(await world.ok<Record<string, T>>(query, variables, identity))[0];

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
    [job] = await world.known({ brand: 'XIAOMI', productModel: 'MR-600' });
  });

  afterAll(() => world?.stop());

  it('goes received → contacted → investigating → opinion → resolved → closed → reopened, every step on record with its events', async () => {
    const id = await file(complaintInput(job));
    await act(CONTACT, { id, input: { content: 'Called Ms Wang; floor is wet under the sink.', proposedSolution: 'Engineer visit tomorrow 09:00' } });
    await act(INVESTIGATE, { id, note: 'Photos requested' });
    const liable = await act(LIABILITY, { id, input: { liability: 'INSTALLATION', finding: 'The inlet fitting was not tightened.' } });
    expect(liable).toMatchObject({
      status: 'INVESTIGATING',
      liability: 'INSTALLATION',
      responsibleDepartment: 'Field service',
      responsiblePerson: job.engineerId,
      brandInsured: null,
    });

    const compensation = await act<{ id: string }>(PROPOSE, {
      complaintId: id,
      input: { amountCents: 30000, payer: 'ENGINEER', reason: 'Floor mat replaced' },
    });
    expect(compensation).toMatchObject({ status: 'PROPOSED', currency: 'CNY' });
    expect(errorCodes(await world.complaints.graphql(APPROVE, { id: compensation.id }, agent))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(RESOLVE, { id, input: { resolution: 'Fixed' } }, agent))).toEqual(['OPINION_REQUIRED']);

    await act(OPINION, { id, input: { opinion: 'Installation fault: rework free of charge, 300 CNY for the floor mat, paid by the engineer.' } });
    await act(RESOLVE, { id, input: { resolution: 'Rework done, leak stopped.' } });
    expect(errorCodes(await world.complaints.graphql(CLOSE, { id, input: { satisfaction: 4, customerAccepted: true } }, agent))).toEqual([
      'COMPENSATION_PENDING',
    ]);
    expect(await act(APPROVE, { id: compensation.id }, supervisor)).toMatchObject({ status: 'APPROVED', decidedBy: supervisor.userId });
    expect(errorCodes(await world.complaints.graphql(APPROVE, { id: compensation.id }, supervisor))).toEqual(['INVALID_STATE_TRANSITION']);

    expect(await act(CLOSE, { id, input: { satisfaction: 4, customerAccepted: true, note: 'Thanked us' } })).toMatchObject({
      status: 'CLOSED',
      satisfaction: 4,
      customerAccepted: true,
    });
    expect(await act(REOPEN, { id, reason: 'Leaking again a week later' })).toMatchObject({ status: 'INVESTIGATING', reopenCount: 1 });

    const record = await world.ok<{ complaint: { steps: { action: string; fromStatus: string | null; toStatus: string; actorId: string }[] } }>(STEPS, { id });
    expect(record.complaint.steps.map((step) => [step.action, step.fromStatus, step.toStatus])).toEqual([
      ['FILED', null, 'RECEIVED'],
      ['CONTACTED', 'RECEIVED', 'CONTACTED'],
      ['INVESTIGATION_STARTED', 'CONTACTED', 'INVESTIGATING'],
      ['LIABILITY_DETERMINED', 'INVESTIGATING', 'INVESTIGATING'],
      ['COMPENSATION_PROPOSED', 'INVESTIGATING', 'INVESTIGATING'],
      ['OPINION_GIVEN', 'INVESTIGATING', 'OPINION_GIVEN'],
      ['RESOLVED', 'OPINION_GIVEN', 'RESOLVED'],
      ['COMPENSATION_APPROVED', 'RESOLVED', 'RESOLVED'],
      ['CLOSED', 'RESOLVED', 'CLOSED'],
      ['REOPENED', 'CLOSED', 'INVESTIGATING'],
    ]);
    expect(record.complaint.steps[7].actorId).toBe(supervisor.userId);

    const [liability] = await outboxEvents(world.dataSource, 'LiabilityDetermined', id);
    expect(liability.payload).toMatchObject({
      complaintId: id,
      workOrderId: job.workOrderId,
      liability: 'INSTALLATION',
      engineerId: job.engineerId,
      reworkRequired: true,
      brand: 'XIAOMI',
      productModel: 'MR-600',
    });
    const [approved] = await outboxEvents(world.dataSource, 'CompensationApproved', id);
    // Every field engineer-network's clawback reads.
    expect(approved.payload).toMatchObject({
      complaintId: id,
      workOrderId: job.workOrderId,
      engineerId: job.engineerId,
      payer: 'ENGINEER',
      amountCents: 30000,
      approvedAt: expect.any(String),
      currency: 'CNY',
    });
    const [resolved] = await outboxEvents(world.dataSource, 'ComplaintResolved', id);
    expect(resolved.payload).toMatchObject({ complaintId: id, workOrderId: job.workOrderId, resolvedAt: expect.any(String) });
    const [reopened] = await outboxEvents(world.dataSource, 'ComplaintReopened', id);
    expect(reopened.payload).toMatchObject({ complaintId: id, workOrderId: job.workOrderId, engineerId: job.engineerId, reason: 'Leaking again a week later' });
    expect(await countRows(world.dataSource, 'sla_clock', 'complaint_id = $1 AND kind = $2', [id, 'RESOLUTION'])).toBe(2);
  });

  it('refuses illegal moves with INVALID_STATE_TRANSITION and changes nothing', async () => {
    const id = await file(complaintInput(job, { category: 'SERVICE', workOrderId: null, involvesLiability: false }));
    const steps = () => countRows(world.dataSource, 'complaint_step', 'complaint_id = $1', [id]);
    const before = await steps();
    for (const [query, variables] of [
      [INVESTIGATE, { id }],
      [OPINION, { id, input: { opinion: 'x' } }],
      [RESOLVE, { id, input: { resolution: 'x' } }],
      [CLOSE, { id, input: { satisfaction: 5, customerAccepted: true } }],
      [REOPEN, { id, reason: 'x' }],
      [LIABILITY, { id, input: { liability: 'SALES', finding: 'x' } }],
    ] as const) {
      expect(errorCodes(await world.complaints.graphql(query, variables, agent))).toEqual(['INVALID_STATE_TRANSITION']);
    }
    expect(await steps()).toBe(before);
  });

  it('resolves a complaint without liability straight after contact, and closes with a rejected compensation', async () => {
    const id = await file(complaintInput(job, { category: 'HOTLINE', workOrderId: null, involvesLiability: false }));
    await act(CONTACT, { id, input: { content: 'Apologised for the long wait on the line.' } });
    expect(await act(RESOLVE, { id, input: { resolution: 'Apology accepted' } })).toMatchObject({ status: 'RESOLVED', involvesLiability: false });
    const compensation = await act<{ id: string }>(PROPOSE, { complaintId: id, input: { amountCents: 2000, payer: 'COMPANY', reason: 'Goodwill' } });
    expect(await act(REJECT, { id: compensation.id }, supervisor)).toMatchObject({ status: 'REJECTED' });
    expect(await act(CLOSE, { id, input: { satisfaction: 3, customerAccepted: false } })).toMatchObject({ status: 'CLOSED' });
    expect(await outboxEvents(world.dataSource, 'CompensationApproved', id)).toEqual([]);
  });

  it('records product liability back to the brand with its insurance, and the review outcome of a review-site complaint', async () => {
    const [philips] = await world.known({ brand: 'PHILIPS' });
    const id = await file(complaintInput(philips, { channel: 'REVIEW_SITE', category: 'PRODUCT_QUALITY' }));
    await act(CONTACT, { id, input: { content: 'Answered the one-star review and called.' } });
    expect(await act(LIABILITY, { id, input: { liability: 'PRODUCT', finding: 'Cracked housing from the factory' } })).toMatchObject({
      liability: 'PRODUCT',
      responsibleDepartment: 'Brand liaison',
      brandInsured: true,
    });
    expect(errorCodes(await world.complaints.graphql(LIABILITY, { id, input: { liability: 'SALES', finding: 'again' } }, agent))).toEqual([
      'LIABILITY_ALREADY_DETERMINED',
    ]);
    await act(OPINION, { id, input: { opinion: 'Replacement unit claimed from Philips (insured).' } });
    expect(errorCodes(await world.complaints.graphql(RESOLVE, { id, input: { resolution: 'Replaced' } }, agent))).toEqual(['BAD_USER_INPUT']);
    expect(await act(RESOLVE, { id, input: { resolution: 'Replaced; 10 % voucher', reviewWithdrawn: true } })).toMatchObject({ reviewWithdrawn: true });
    const [event] = await outboxEvents(world.dataSource, 'LiabilityDetermined', id);
    expect(event.payload).toMatchObject({ liability: 'PRODUCT', reworkRequired: false, engineerId: null, brand: 'PHILIPS', brandInsured: true });
  });

  it('lets only supervisors decide compensation, and refuses an engineer payer when no engineer is known', async () => {
    const id = await file(complaintInput(job, { category: 'SHIPPING', workOrderId: null, involvesLiability: false }));
    const response = await world.complaints.graphql(PROPOSE, { complaintId: id, input: { amountCents: 100, payer: 'ENGINEER', reason: 'x' } }, agent);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await world.complaints.graphql(PROPOSE, { complaintId: id, input: { amountCents: 0, payer: 'COMPANY', reason: 'x' } }, agent))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await world.complaints.graphql(PROPOSE, { complaintId: id, input: { amountCents: 100, payer: 'COMPANY', reason: 'x' } }, staff('DISPATCHER'))),
    ).toEqual(['FORBIDDEN']);
  });
});
