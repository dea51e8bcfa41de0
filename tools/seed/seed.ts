/**
 * Loads the demo data set through the gateway of a running platform (`npm start` first), then prints
 * what a newcomer needs: staff tokens per role, partner API keys and a first query.
 *   npm run seed                     (GATEWAY_URL defaults to http://127.0.0.1:4000/graphql)
 * Safe to run again: partners' keys are kept in .data/dev-credentials.json, everything else is
 * skipped when it already exists.
 *
 * A working day: engineers certified for the brands' models cover the seeded cities; today's install jobs
 * are booked for today (the dispatcher's "Run the day's dispatch" assigns all but the one nobody covers);
 * tariffs price finished work; salespeople own business customers; and every inbox has work waiting —
 * complaints (one with compensation awaiting approval), a missed hotline call, call tasks, a contract awaiting
 * review, a dispute with both sides' evidence and a promise-approval request.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StaffRoles } from '@aftercare/identity';
import { DEMO_COMPLAINTS, DEMO_CONSUMABLE_PLANS, DEMO_ENGINEERS, DEMO_ORDERS, DEMO_PARTNERS } from './demo-data';
import { asStaff, asStaffUser, call, credentialsFile, gatewayUrl, partnerDocument, tokens } from './graph';
import { engineerIdByPhone, seedEngineers, seedSales, seedTodaysWork } from './working-day';

async function seedPartners(known: Record<string, string>): Promise<Record<string, string>> {
  for (const partner of DEMO_PARTNERS) {
    if (known[partner.code]) continue;
    const result = await call<{ registerPartner: { apiKey: string } }>(
      asStaff('ADMIN'),
      `mutation ($input: RegisterPartnerInput!) { registerPartner(input: $input) { apiKey } }`,
      { input: partner },
      ['PARTNER_CODE_TAKEN'],
    );
    if (result.data) known[partner.code] = result.data.registerPartner.apiKey;
    else console.warn(`partner ${partner.code} exists but its key is not in ${credentialsFile}; register a new code to get a key`);
  }
  return known;
}

async function seedOrders(keys: Record<string, string>): Promise<Map<string, { orderId: string; customerId: string }>> {
  const placed = new Map<string, { orderId: string; customerId: string }>();
  for (const { partner, ...input } of DEMO_ORDERS) {
    const key = keys[partner];
    if (!key) continue;
    const result = await call<{ submitInstallOrder: { id: string } }>({ 'x-api-key': key }, partnerDocument('SubmitInstallOrder'), { input });
    const orderId = result.data!.submitInstallOrder.id;
    // Which card the order landed on is the platform's business, not the partner's: staff look it up.
    const order = await call<{ order: { customer: { id: string } } }>(asStaff('ADMIN'), `query ($id: ID!) { order(id: $id) { customer { id } } }`, {
      id: orderId,
    });
    placed.set(input.externalRef, { orderId, customerId: order.data!.order.customer.id });
  }
  return placed;
}

async function seedCatalogue(): Promise<void> {
  await seedEngineers(DEMO_ENGINEERS);
  for (const plan of DEMO_CONSUMABLE_PLANS) {
    await call(asStaff('VALUE_ADDED_AGENT'), `mutation ($input: DefineConsumablePlanInput!) { defineConsumablePlan(input: $input) { id } }`, { input: plan }, [
      'CONSUMABLE_PLAN_EXISTS',
    ]);
  }
}

/**
 * Complaints in several states, so a newcomer's inbox is real: one closed, one with product liability and a
 * compensation waiting for a supervisor, one with an opinion given on a bad review, one just received, and a
 * missed hotline call to call back. Complaints learns customers and orders from sales' events, so intake
 * retries until they have arrived.
 */
async function seedComplaints(placed: Map<string, { orderId: string; customerId: string }>): Promise<void> {
  const agent = asStaff('COMPLAINTS_AGENT');
  const act = (query: string, variables: Record<string, unknown>, as = agent) => call(as, query, variables);
  const fileOnce = async (input: Record<string, unknown>): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      const result = await call<{ fileComplaint: { id: string } }>(
        agent,
        `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`,
        { input },
        attempt < 60 ? ['NOT_FOUND'] : [],
      );
      if (result.data?.fileComplaint) return result.data.fileComplaint.id;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const solutions: Record<string, string> = {
    SERVICE: 'Apologise and offer a priority slot for any later visit',
    PRODUCT_QUALITY: 'Engineer visit tomorrow to stop the leak; damage assessed on site',
  };
  const filed: string[] = [];
  for (const { externalRef, ...complaint } of DEMO_COMPLAINTS) {
    const order = placed.get(externalRef);
    if (!order) continue;
    filed.push(
      await fileOnce({
        ...complaint,
        proposedSolution: solutions[complaint.category] ?? 'We call back within two hours',
        customerId: order.customerId,
        orderId: order.orderId,
      }),
    );
  }
  const [late, leak] = filed;
  const contact = (id: string, content: string) =>
    act(`mutation ($id: ID!, $content: String!) { recordContact(id: $id, input: { content: $content }) { id } }`, { id, content });
  if (late) {
    await contact(late, 'Called the customer, apologised for the late arrival');
    await act(`mutation ($id: ID!) { resolveComplaint(id: $id, input: { resolution: "Apology accepted; priority slot noted on the card" }) { id } }`, {
      id: late,
    });
    await act(`mutation ($id: ID!) { closeComplaint(id: $id, input: { satisfaction: 4, customerAccepted: true }) { id } }`, { id: late });
  }
  if (leak) {
    await contact(leak, 'Customer sent photos of the wet floor');
    await act(`mutation ($id: ID!) { determineLiability(id: $id, input: { liability: PRODUCT, finding: "Cracked housing from the factory" }) { id } }`, {
      id: leak,
    });
    await act(
      `mutation ($id: ID!) { proposeCompensation(complaintId: $id, input: { amountCents: 30000, payer: BRAND, reason: "Floor mat replaced" }) { id } }`,
      { id: leak },
    );
  }
  const [first] = [...placed.values()];
  if (first) {
    const review = await fileOnce({
      category: 'SERVICE',
      channel: 'REVIEW_SITE',
      customerId: first.customerId,
      orderId: first.orderId,
      involvesLiability: false,
      summary: 'One-star review: "nobody called me back"',
      proposedSolution: 'Call today, offer a filter voucher',
    });
    await contact(review, 'Called; the customer had missed our two calls');
    await act(`mutation ($id: ID!) { giveOpinion(id: $id, input: { opinion: "No fault found; goodwill voucher offered" }) { id } }`, { id: review });
    await fileOnce({
      category: 'HOTLINE',
      customerId: first.customerId,
      involvesLiability: false,
      summary: 'Waited 6 minutes on the 400 line',
      proposedSolution: 'Call back within two hours',
    });
  }
  await act(`mutation { recordHotlineCall(input: { callerPhone: "139 1234 5678", answered: false }) { id } }`, {});
}

/**
 * Value-added: the call team (the printed VALUE_ADDED_AGENT token is one of its reminder agents), both brands
 * opted in, the customers' older machines handed over with their install days (so their filters are due), and
 * today's reminder run: a queue to work straight away. Serials are fixed, so a second seed adds nothing.
 */
async function seedValueAdded(placed: Map<string, { orderId: string; customerId: string }>): Promise<void> {
  const supervisor = asStaff('SUPERVISOR');
  const team = [
    { agentId: 'demo-value_added_agent', name: 'Demo Agent', tier: 'REMINDER' },
    ...['Zhang Min', 'Wu Hao', 'Zheng Li', 'Feng Yu', 'Cao Jing', 'Peng Fei', 'Lu Yan', 'Jiang Tao'].map((name) => ({
      agentId: name.toLowerCase().replace(' ', '.'),
      name,
      tier: 'REMINDER',
    })),
    ...['Song Jia', 'Tang Wei', 'Han Xue'].map((name) => ({ agentId: name.toLowerCase().replace(' ', '.'), name, tier: 'SALES' })),
  ];
  for (const agent of team) await call(supervisor, `mutation ($input: SetCallAgentInput!) { setCallAgent(input: $input) { id } }`, { input: agent });
  for (const brand of ['PHILIPS', 'XIAOMI'])
    await call(supervisor, `mutation ($brand: String!) { setBrandReminderService(input: { brand: $brand, optedIn: true }) { optedIn } }`, { brand });
  await call(supervisor, `mutation { defineWarrantyTerm(input: { brand: "PHILIPS", months: 24 }) { months } }`, {});
  await call(supervisor, `mutation { defineWarrantyTerm(input: { brand: "XIAOMI", months: 12 }) { months } }`, {});
  // Households have a machine or two; the restaurant and the hotel one per kitchen or floor.
  const machines: Record<string, number> = { 'PH-2026-11-0004': 6, 'XM-20261122-A04': 8, 'PH-2026-11-0001': 2, 'XM-20261122-A01': 2 };
  const day = (monthsAgo: number, daysAgo: number) => {
    const date = new Date();
    date.setUTCMonth(date.getUTCMonth() - monthsAgo, Math.min(date.getUTCDate(), 28) - daysAgo);
    return date.toISOString().slice(0, 10);
  };
  const devices = [...placed].flatMap(([externalRef, { customerId }]) => {
    const order = DEMO_ORDERS.find((demo) => demo.externalRef === externalRef)!;
    const philips = order.partner === 'PHILIPS';
    return Array.from({ length: machines[externalRef] ?? 1 }, (_, i) => ({
      serial: `DEMO-${externalRef}-${i + 1}`,
      customerId,
      brand: order.partner,
      productModel: philips ? 'AquaPure X5' : 'Mi Water Purifier H1000G',
      city: order.customer.city,
      address: order.customer.address,
      // Installed 3–8 months ago (Philips: sediment every 3 months) or 12–14 (Xiaomi: PPC every 12): due now.
      installedOn: philips ? day(3 + (i % 6), i) : day(12 + (i % 3), i),
    }));
  });
  await call(supervisor, `mutation ($devices: [InstalledDeviceInput!]!) { importInstalledBase(devices: $devices) }`, { devices });
  const run = await call<{ runDailyReminders: { tasksOpened: number; tasksAssigned: number } }>(
    supervisor,
    `mutation { runDailyReminders { tasksOpened tasksAssigned } }`,
    {},
  );
  console.log(`value-added: ${devices.length} machines in the installed base; today's run opened ${run.data?.runDailyReminders.tasksOpened ?? 0} call tasks`);
}

async function main(): Promise<void> {
  const firstRun = !existsSync(credentialsFile);
  const known: Record<string, string> = firstRun ? {} : JSON.parse(readFileSync(credentialsFile, 'utf8')).partners;
  const keys = await seedPartners(known);
  mkdirSync(dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, JSON.stringify({ partners: keys }, null, 2));
  const placed = await seedOrders(keys);
  await seedCatalogue();
  await seedValueAdded(placed);
  await seedTodaysWork(keys);
  await seedSales(firstRun);
  // Complaints have no natural key to deduplicate on, so they are filed on the first run only.
  if (firstRun) await seedComplaints(placed);

  // The printed ENGINEER token is the first demo engineer's own (its sub is their Engineer id): their day, their pay.
  const engineer = DEMO_ENGINEERS[0];
  const engineerId = await engineerIdByPhone(engineer.phone);
  if (engineerId) tokens.ENGINEER = asStaffUser('ENGINEER', engineerId, engineer.name).authorization.replace('Bearer ', '');

  const [firstRef, firstOrder] = [...placed][0] ?? [];
  console.log(`
Aftercare demo data is loaded.  Gateway: ${gatewayUrl}

Staff tokens (send as "Authorization: Bearer <token>", valid 12 h; mint more with npm run token -- ROLE):
${StaffRoles.map((role) => `  ${role.padEnd(18)} ${tokens[role]}`).join('\n')}

Partner API keys (send as "x-api-key: <key>"; also in .data/dev-credentials.json):
${Object.entries(keys)
  .map(([code, key]) => `  ${code.padEnd(18)} ${key}`)
  .join('\n')}

Try, as PHILIPS (a partner key runs only the published operations, by id: apps/gateway/trusted-documents/partner.json):
  curl -s ${gatewayUrl} -H 'content-type: application/json' -H 'x-api-key: ${keys['PHILIPS'] ?? '<key>'}' \\
    -d '{"documentId":"${partnerDocument('Order').documentId}","variables":{"id":"${firstOrder?.orderId ?? '<id>'}"}}'
  (order ${firstRef ?? ''}: its INSTALL work order comes from service-dispatch via Kafka)
`);
}

main().catch((error) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : error}`);
  console.error(`Is the platform running? Start it with npm start (gateway expected at ${gatewayUrl}).`);
  process.exit(1);
});
