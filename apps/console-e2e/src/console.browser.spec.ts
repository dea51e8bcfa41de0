import { mintStaffToken } from '@aftercare/identity';
import { eventually, Platform, TEST_AUTH_JWT_SECRET } from '@aftercare/testing';
import type { Page } from 'playwright-core';
import { ConsoleStack, signInAs, signInAsPartner, startConsoleStack } from './support/console-stack';

/**
 * The console as its users meet it: a real chromium against the five services and the gateway (separate
 * processes, real PostgreSQL and Kafka), seeded with `npm run seed`'s demo data. Every screen is kept as a
 * screenshot under reports/screenshots/.
 */
describe('the console in a browser', () => {
  let stack: ConsoleStack;
  const engineerName = 'Qian Hui';

  /** The demo engineers hold no certifications; the dispatcher scenario needs one who can install in Shanghai. */
  async function certifiedShanghaiEngineer(platform: Platform) {
    const today = new Date().toISOString().slice(0, 10);
    const result = await platform.asStaff(['ADMIN'], `mutation ($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id } }`, {
      input: {
        name: engineerName,
        phone: '13700137099',
        employment: 'EMPLOYEE',
        homeCity: 'Shanghai',
        dailyCapacity: 6,
        skills: [
          { brand: 'PHILIPS', productModel: 'AquaPure X5', certifiedOn: today },
          { brand: 'XIAOMI', productModel: 'Mi Water Purifier Q800', certifiedOn: today },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
  }

  beforeAll(async () => {
    stack = await startConsoleStack('e2e-console', certifiedShanghaiEngineer);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function shoot(page: Page, name: string) {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await stack.screenshot(page, name);
  }

  it('a dispatcher signs in, sees the seeded queue, books a work order, runs the day’s dispatch and sees the assignment arrive', async () => {
    const page = await stack.newPage();
    await signInAs(page, 'DISPATCHER');
    await shoot(page, 'sign-in-dispatcher');

    // The seeded install orders reached dispatch over Kafka: they wait to be booked.
    const queue = page.getByTestId('to-schedule');
    await queue.getByText('88 Century Avenue, Pudong').waitFor();
    await shoot(page, 'dispatcher-board-queue');

    const row = queue.locator('tr', { hasText: '88 Century Avenue, Pudong' });
    await row.getByRole('button', { name: 'Book' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Book' }).click();

    // The board moves to the booked day, where the work order now waits for dispatch.
    const board = page.getByTestId('day-board');
    const booked = board.locator('tr', { hasText: '88 Century Avenue, Pudong' });
    await booked.getByText('Scheduled', { exact: true }).waitFor();

    await page.getByTestId('run-dispatch').click();
    await page.getByTestId('dispatch-result').getByText('1 assigned').waitFor();
    await booked.getByText('Assigned', { exact: true }).waitFor();
    await booked.getByTestId('assigned-engineer').getByText(engineerName).waitFor();
    await shoot(page, 'dispatcher-board-assigned');
  });

  it('a partner submits an install order and sees its work order appear', async () => {
    const page = await stack.newPage();
    // A key the gateway does not know is refused (UNAUTHENTICATED), said as a person would say it.
    await page.goto('/');
    await page.getByRole('tab', { name: 'Partner' }).click();
    await page.getByTestId('partner-key').fill('pk_not_a_real_key_0000000000000000');
    await page.getByTestId('partner-sign-in').click();
    await page.getByTestId('sign-in-error').getByText('That API key is not valid').waitFor();

    await signInAsPartner(page, stack.partnerKeys['PHILIPS']!);
    const form = page.getByTestId('order-form');
    const reference = `PH-E2E-${Date.now()}`;
    await form.getByLabel('Your order reference').fill(reference);
    await form.getByLabel('Product model').fill('AquaPure X5');
    await form.getByLabel('Name').fill('Ma Rui');
    await form.getByLabel('Phone').fill('13800138555');
    await form.getByLabel('City').fill('Suzhou');
    await form.getByLabel('Address').fill('12 Ganjiang Road, Gusu');
    await page.getByTestId('submit-order').click();

    const order = page.getByTestId('my-orders').locator('tbody > tr', { hasText: reference });
    await order.waitFor();
    // Dispatch opens the install work order when it hears OrderPlaced; the portal keeps polling until it shows.
    await page.getByTestId('my-orders').locator('[data-testid="order-work-orders"]').first().getByText('Install work order').waitFor({ timeout: 60000 });
    await shoot(page, 'partner-portal');

    await page.getByRole('tab', { name: 'Product issue report' }).click();
    await page.getByText(/Complaints about PHILIPS products/).waitFor();
    await shoot(page, 'partner-product-issues');
  });

  it('a complaints agent opens a complaint, its timeline and its customer’s 360', async () => {
    const page = await stack.newPage();
    await signInAs(page, 'COMPLAINTS_AGENT');
    const inbox = page.getByTestId('complaint-inbox');
    await inbox.getByText('Waited 6 minutes on the 400 line').waitFor();
    await inbox.getByTestId('sla-countdown').first().waitFor();
    await shoot(page, 'complaint-desk-inbox');

    await inbox.getByText('Waited 6 minutes on the 400 line').click();
    const complaint = page.getByTestId('complaint-case');
    await complaint.getByTestId('complaint-timeline').getByText('Filed').waitFor();

    // The first contact stops the first-contact clock and shows in the timeline.
    await complaint.getByTestId('action-contact').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What was said').fill('Called back; the line was busy at lunchtime, apologised');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await complaint.getByTestId('complaint-timeline').getByText('Contacted', { exact: true }).waitFor();
    await complaint.getByText(/First contact: met/).waitFor();
    await shoot(page, 'complaint-desk-case');

    await complaint.getByTestId('open-customer-360').click();
    await page.getByTestId('customer-name').getByText('Wang Fang').waitFor();
    await page.getByTestId('customer-360').getByText('One-star review').waitFor();
    await shoot(page, 'customer-360');
  });

  it('a value-added agent sees the day’s call queue and a supervisor the dashboard', async () => {
    const agent = await stack.newPage();
    // The seeded call team's reminder agent, signing in with a token as a staff member without the dev picker would.
    const token = mintStaffToken({ sub: 'demo-value_added_agent', name: 'Demo Agent', roles: ['VALUE_ADDED_AGENT'] }, TEST_AUTH_JWT_SECRET);
    await agent.goto('/');
    await agent.getByRole('tab', { name: 'Staff token' }).click();
    await agent.getByLabel(/Bearer token/).fill(token);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    const queue = agent.getByTestId('call-queue');
    await queue.locator('tbody > tr').first().waitFor();
    await shoot(agent, 'value-added-call-queue');
    const before = await queue.locator('tbody > tr').count();

    // An interested customer is handed over to the sales tier: the task leaves this agent's queue.
    await queue.getByRole('button', { name: 'Record call' }).first().click();
    const dialog = agent.getByRole('dialog');
    await dialog.locator('.ant-select').first().click();
    await agent.locator('.ant-select-item-option', { hasText: 'Interested — hand over' }).click();
    await dialog.getByRole('button', { name: 'Record' }).click();
    await agent.getByText('Handed over to the sales tier').waitFor();
    await eventually(async () => expect(await queue.locator('tbody > tr').count()).toBe(before - 1), 15000);

    const supervisor = await stack.newPage();
    await signInAs(supervisor, 'SUPERVISOR');
    await supervisor.getByRole('link', { name: 'Supervisor dashboard' }).click();
    await supervisor.getByTestId('supervisor-dashboard').waitFor();
    await eventually(async () => expect(await supervisor.getByTestId('funnel-chart').locator('canvas').count()).toBe(1), 30000);
    await shoot(supervisor, 'supervisor-dashboard');
  });
});
