/**
 * The parts of the demo data that make a working day: engineers who can take the day's jobs, today's jobs
 * booked, tariffs to price them, and the sales team with customers, contracts and approvals waiting.
 * Every step looks before it writes, so a second seed adds nothing.
 */
import { chinaDayFromToday } from '@aftercare/business-time';
import {
  DEMO_ENGINEERS,
  DEMO_PROMISE_TEMPLATES,
  DEMO_REFERENCE_PRICES,
  DEMO_SALES_CUSTOMERS,
  DEMO_SALESPEOPLE,
  DEMO_TARIFFS,
  DEMO_TODAYS_ORDERS,
} from './demo-data';
import { asStaff, asStaffUser, call, partnerDocument } from './graph';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries while another service has not yet learnt (over Kafka) what the operation refers to. */
async function once<T>(attempt: () => Promise<{ data?: T }>, what: string): Promise<T> {
  for (let tries = 0; tries < 60; tries++) {
    const result = await attempt();
    if (result.data) return result.data;
    await pause(500);
  }
  throw new Error(`${what}: still not found after 30 s`);
}

interface EngineerRow {
  id: string;
  phone: string;
  skills: { brand: string; productModel: string }[];
}

/** Registers the engineers with their skills and cities; one registered by an older seed gets what it lacks. */
export async function seedEngineers(engineers: typeof DEMO_ENGINEERS): Promise<void> {
  const dispatcher = asStaff('DISPATCHER');
  for (const engineer of engineers) {
    const registered = await call(dispatcher, `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`, { input: engineer }, [
      'ENGINEER_PHONE_TAKEN',
    ]);
    if (registered.data) continue;
    const found = await call<{ engineers: { edges: { node: EngineerRow }[] } }>(
      dispatcher,
      `query ($text: String!) { engineers(text: $text, first: 5) { edges { node { id phone skills { brand productModel } } } } }`,
      { text: engineer.phone },
    );
    const existing = found.data?.engineers.edges.map((edge) => edge.node).find((row) => row.phone === engineer.phone);
    if (!existing) continue;
    for (const skill of engineer.skills) {
      if (existing.skills.some((held) => held.brand === skill.brand && held.productModel === skill.productModel)) continue;
      await call(dispatcher, `mutation ($id: ID!, $skill: SkillInput!) { certifyEngineerSkill(engineerId: $id, skill: $skill) { id } }`, {
        id: existing.id,
        skill,
      });
    }
    await call(dispatcher, `mutation ($id: ID!, $cities: [String!]!) { changeEngineerProfile(engineerId: $id, input: { cities: $cities }) { id } }`, {
      id: existing.id,
      cities: engineer.cities,
    });
  }
}

/** The engineer the printed ENGINEER token is: an engineer's token carries their Engineer id as `sub`. */
export async function engineerIdByPhone(phone: string): Promise<string | undefined> {
  const found = await call<{ engineers: { edges: { node: EngineerRow }[] } }>(
    asStaff('DISPATCHER'),
    `query ($text: String!) { engineers(text: $text, first: 5) { edges { node { id phone skills { brand productModel } } } } }`,
    { text: phone },
  );
  return found.data?.engineers.edges.map((edge) => edge.node).find((row) => row.phone === phone)?.id;
}

/**
 * Today's install orders from the brands, booked for today once their work orders have come over from sales:
 * the dispatcher's "Run the day's dispatch" has a real day to assign. Tariffs price the work when it is done.
 */
export async function seedTodaysWork(keys: Record<string, string>): Promise<void> {
  const admin = asStaff('ADMIN');
  const existingTariffs = await call<{ tariffs: { workType: string; distanceFromKm: number }[] }>(admin, `query { tariffs { workType distanceFromKm } }`, {});
  for (const tariff of DEMO_TARIFFS) {
    if (existingTariffs.data?.tariffs.some((known) => known.workType === tariff.workType && known.distanceFromKm === tariff.distanceFromKm)) continue;
    await call(admin, `mutation ($input: DefineTariffInput!) { defineTariff(input: $input) { id } }`, { input: tariff });
  }

  const today = chinaDayFromToday(0);
  const dispatcher = asStaff('DISPATCHER');
  let booked = 0;
  for (const { partner, slot, ...order } of DEMO_TODAYS_ORDERS) {
    const key = keys[partner];
    if (!key) continue;
    const submitted = await call<{ submitInstallOrder: { id: string } }>({ 'x-api-key': key }, partnerDocument('SubmitInstallOrder'), {
      input: { ...order, preferredDate: today },
    });
    const orderId = submitted.data!.submitInstallOrder.id;
    const { order: placed } = await call<{ order: { customer: { id: string } } }>(admin, `query ($id: ID!) { order(id: $id) { customer { id } } }`, {
      id: orderId,
    }).then((result) => result.data!);
    // The install work order is opened by service-dispatch when OrderSubmitted arrives.
    const workOrder = await once(async () => {
      const result = await call<{ workOrders: { edges: { node: { id: string; status: string } }[] } }>(
        dispatcher,
        `query ($customerId: ID!) { workOrders(customerId: $customerId, type: INSTALL) { edges { node { id status } } } }`,
        { customerId: placed.customer.id },
      );
      const found = result.data?.workOrders.edges[0]?.node;
      return { data: found };
    }, `the work order of ${order.externalRef}`);
    if (workOrder.status !== 'CREATED') continue;
    await call(dispatcher, `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id } }`, {
      input: { workOrderId: workOrder.id, appointmentDate: today, slot },
    });
    booked++;
  }
  console.log(`dispatch: ${booked} install jobs booked for today (${today}); run the day's dispatch on the dispatcher board`);
}

interface SalespersonRow {
  id: string;
  name: string;
}

/** Whether this graph maps staff users (any `sub`) to salespeople, or knows a salesperson only by id. */
async function graphMapsStaffUsers(): Promise<boolean> {
  const probe = await call(asStaff('ADMIN'), `query { salespeople(first: 1) { edges { node { staffUserId } } } }`, {}, ['GRAPHQL_VALIDATION_FAILED']);
  return probe.data !== undefined;
}

async function salespersonFor(staffUserId: string, name: string, team: string, mapsStaffUsers: boolean): Promise<string> {
  const admin = asStaff('ADMIN');
  const found = await call<{ salespeople: { edges: { node: SalespersonRow }[] } }>(
    admin,
    `query ($text: String!) { salespeople(text: $text) { edges { node { id name } } } }`,
    { text: name },
  );
  const existing = found.data?.salespeople.edges.map((edge) => edge.node).find((row) => row.name === name);
  if (existing) return existing.id;
  const input = mapsStaffUsers ? { staffUserId, name, team } : { name, team };
  const registered = await call<{ registerSalesperson: SalespersonRow }>(
    admin,
    `mutation ($input: RegisterSalespersonInput!) { registerSalesperson(input: $input) { id name } }`,
    { input },
  );
  return registered.data!.registerSalesperson.id;
}

/**
 * The sales team owns business customers; the guardrails have their reference data; and the supervisor's
 * inbox holds a contract awaiting review, a promise-approval request and a dispute with both sides' evidence.
 */
export async function seedSales(firstRun: boolean): Promise<void> {
  const admin = asStaff('ADMIN');
  for (const price of DEMO_REFERENCE_PRICES)
    await call(admin, `mutation ($input: SetReferencePriceInput!) { setReferencePrice(input: $input) { id } }`, { input: price });
  for (const template of DEMO_PROMISE_TEMPLATES) {
    await call(admin, `mutation ($input: SetPromiseTemplateInput!) { setPromiseTemplate(input: $input) { businessType } }`, { input: template });
  }

  const owners = new Map<string, string>();
  const mapsStaffUsers = await graphMapsStaffUsers();
  if (!mapsStaffUsers) console.warn('this graph knows salespeople only by id: the demo salespeople sign in with a token whose sub is their id');
  for (const person of DEMO_SALESPEOPLE) owners.set(person.staffUserId, await salespersonFor(person.staffUserId, person.name, person.team, mapsStaffUsers));
  // The salesperson the printed SALES token (sub demo-sales) is; on an older graph, a token carrying the id.
  const sales = mapsStaffUsers ? asStaff('SALES') : asStaffUser('SALES', owners.get('demo-sales')!, 'Demo Sales');

  const cards = new Map<string, string>();
  for (const { owner, ...card } of DEMO_SALES_CUSTOMERS) {
    const found = await call<{ customers: { edges: { node: { id: string; phone: string } }[] } }>(
      admin,
      `query ($text: String!) { customers(text: $text, first: 5) { edges { node { id phone } } } }`,
      { text: card.phone },
    );
    const digits = (phone: string) => phone.replace(/\D/g, '');
    const existing = found.data?.customers.edges.map((edge) => edge.node).find((row) => digits(row.phone) === digits(card.phone));
    if (existing) {
      cards.set(card.name, existing.id);
      continue;
    }
    const created = await call<{ createCustomer: { id: string } }>(admin, `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { ...card, ownerId: owners.get(owner) },
    });
    cards.set(card.name, created.data!.createCustomer.id);
  }
  // Contracts, approvals and disputes have no natural key: made on the first run only, like the complaints.
  if (!firstRun) return;
  const jade = cards.get('Jade Garden Restaurant')!;
  await call(sales, `mutation ($input: LogContactInput!) { logContact(input: $input) { id } }`, {
    input: {
      customerId: jade,
      kind: 'VISIT',
      place: 'Kitchen, 168 Yuyuan Road',
      notes: 'Walked the kitchen with Manager Pan; the dish-wash filter is overdue',
    },
  });
  await call(sales, `mutation ($input: LogContactInput!) { logContact(input: $input) { id } }`, {
    input: { customerId: jade, kind: 'CALL', initiatedBy: 'CUSTOMER', notes: 'Asked for a quote on monthly pest control' },
  });
  const startsOn = chinaDayFromToday(14);
  const contract = (customerId: string, siteAddress: string, area: number, items: { item: string; priceCents: number }[], visitsPerMonth: number) =>
    call<{ createContract: { id: string; status: string } }>(sales, `mutation ($input: CreateContractInput!) { createContract(input: $input) { id status } }`, {
      input: { customerId, siteAddress, signedAreaM2: area, serviceItems: items, visitsPerMonth, qualityStandard: 'STANDARD', startsOn },
    });
  // Awaits the supervisor's archive review.
  await contract(
    jade,
    "168 Yuyuan Road, Jing'an",
    320,
    [
      { item: 'FILTER_SERVICE', priceCents: 80000 },
      { item: 'PEST_CONTROL', priceCents: 60000 },
    ],
    2,
  );
  // Signed, and disputed: service says deep cleaning was promised as part of the filter service.
  const riverside = cards.get('Riverside Office Park')!;
  const disputed = await contract(riverside, '1500 Century Avenue, Pudong', 2400, [{ item: 'FILTER_SERVICE', priceCents: 72000 }], 1);
  const contractId = disputed.data!.createContract.id;
  // Reviewed and signed: complaints learns of a contract when it is signed (ContractSigned).
  await call(asStaff('SUPERVISOR'), `mutation ($input: ReviewContractInput!) { reviewContract(input: $input) { id } }`, {
    input: { contractId, decision: 'APPROVE' },
  });
  const complaints = asStaff('COMPLAINTS_AGENT');
  const dispute = await once(
    () =>
      call<{ openDispute: { id: string } }>(
        complaints,
        `mutation ($input: OpenDisputeInput!) { openDispute(input: $input) { id } }`,
        {
          input: {
            contractId,
            customerId: riverside,
            reason: 'BUNDLED_ITEM',
            description: 'The customer expects a monthly deep clean that the contract does not price',
          },
        },
        ['NOT_FOUND'],
      ),
    'opening the dispute (complaints learns contracts from sales)',
  );
  const evidence = (side: string, content: string) =>
    call(complaints, `mutation ($id: ID!, $input: FileEvidenceInput!) { fileDisputeEvidence(disputeId: $id, input: $input) { id } }`, {
      id: dispute.openDispute.id,
      input: { side, content },
    });
  await evidence('SALES', 'Deep cleaning was mentioned as an option at signing, never promised; the quote lists filter service only');
  await evidence('SERVICE', 'On the first visit the facilities manager showed an email from sales offering a monthly deep clean at no charge');
  // More visits than the hotel template allows: the salesperson asks a supervisor first.
  await call(sales, `mutation ($input: RequestPromiseApprovalInput!) { requestPromiseApproval(input: $input) { id } }`, {
    input: {
      customerId: cards.get('Harmony Hotel Pudong')!,
      visitsPerMonth: 4,
      qualityStandard: 'PREMIUM',
      reason: 'Five-star hotel: weekly checks on the kitchen and spa lines',
    },
  });
  console.log(
    `sales: ${owners.size} salespeople, ${cards.size} business customers; a contract awaits review, a dispute and a promise request wait for a supervisor`,
  );
}
