import { chinaDayFromToday } from '@aftercare/business-time';
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack } from './support/console-stack';
import { devToken, graphAs, signInWithToken } from './support/field-roles';
import { watchPageHealth } from './support/page-health';
import { closedAfterSave } from './support/dialogs';

const PHONE = { width: 390, height: 844 };

/**
 * The engineer's day on a phone, in Chinese: the dispatcher has run today's dispatch; the engineer signs in
 * with their own token, sees today's jobs in visiting order, starts one and completes it with the serial of
 * the machine installed, then looks at their pay and days off. The work order's state is checked in the graph.
 */
describe('engineer on a phone (zh-CN, 390 px)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let health: ReturnType<typeof watchPageHealth>;
  let engineerId: string;
  let jobId: string;
  const today = chinaDayFromToday(0);

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-engineer');
    // The dispatcher's morning: today's booked jobs go out to the engineers who cover the city and hold the skill.
    await graphAs(stack, ['DISPATCHER'], 'e2e-dispatcher', `mutation ($date: Date!) { dispatchDay(date: $date) { date } }`, { date: today });
    const { workOrdersOn } = await graphAs<{ workOrdersOn: { id: string; type: string; engineerId: string | null }[] }>(
      stack,
      ['DISPATCHER'],
      'e2e-dispatcher',
      `query ($date: Date!) { workOrdersOn(date: $date, status: ASSIGNED) { id type engineerId } }`,
      { date: today },
    );
    const job = workOrdersOn.find((workOrder) => workOrder.type === 'INSTALL' && workOrder.engineerId);
    if (!job?.engineerId) throw new Error('the seeded day has no assigned install job');
    engineerId = job.engineerId;
    page = await stack.newPage(PHONE);
    health = watchPageHealth(page);
    await signInWithToken(page, await devToken(stack, ['ENGINEER'], engineerId, 'Demo Engineer'));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lands on today’s jobs in visiting order, with address, customer phone, what to do and what to collect', async () => {
    const cards = page.getByTestId('job-card');
    await cards.first().waitFor();
    const mine = await graphAs<{ myWorkOrders: { id: string; siteAddress: string; status: string }[] }>(
      stack,
      ['ENGINEER'],
      engineerId,
      `query ($date: Date) { myWorkOrders(date: $date) { id siteAddress status } }`,
      { date: today },
    );
    // The cards follow the graph's visiting order.
    const shown = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-work-order-id')));
    expect(shown).toEqual(mine.myWorkOrders.map((workOrder) => workOrder.id));
    const first = cards.first();
    await first.getByText(mine.myWorkOrders[0].siteAddress, { exact: false }).waitFor();
    await first.getByTestId('customer-phone').waitFor();
    expect(await first.getByTestId('amount-due').innerText()).toBe('无需收款');
    jobId = mine.myWorkOrders.find((workOrder) => workOrder.status === 'ASSIGNED')?.id ?? '';
    expect(jobId).not.toBe('');
    await checkScreen(page, 'engineer-day', { home: 'engineer' });
    await page.setViewportSize(PHONE);
  });

  it('starts the job on site and completes it with the serial of the machine installed', async () => {
    const card = page.locator(`[data-work-order-id="${jobId}"]`);
    await card.getByTestId('start-job').click();
    await card.getByTestId('work-order-status').getByText('进行中').waitFor();
    await card.getByTestId('complete-job').click();
    const dialog = page.getByRole('dialog', { name: '登记完工' });
    await dialog.getByTestId('serial').fill('SN-E2E-390-0001');
    await checkScreen(page, 'engineer-complete');
    await page.setViewportSize(PHONE);
    await dialog.getByTestId('confirm-complete').click();
    await closedAfterSave(dialog);
    await card.getByTestId('work-order-status').getByText('已完工').waitFor();

    const { workOrder } = await graphAs<{ workOrder: { status: string; completion: { installedSerial: string | null } | null } }>(
      stack,
      ['DISPATCHER'],
      'e2e-dispatcher',
      `query ($id: ID!) { workOrder(id: $id) { status completion { installedSerial } } }`,
      { id: jobId },
    );
    expect(workOrder.completion?.installedSerial).toBe('SN-E2E-390-0001');
    expect(['COMPLETED', 'VERIFIED']).toContain(workOrder.status);
  });

  it('sees their settlement lines and their days off', async () => {
    await page.getByRole('tab', { name: '我的结算' }).click();
    await page.getByTestId('my-pay').waitFor();
    await checkScreen(page, 'engineer-pay');
    await page.setViewportSize(PHONE);
    await page.getByRole('tab', { name: '我的休假' }).click();
    await page.getByTestId('my-unavailability').waitFor();
    await checkScreen(page, 'engineer-days-off');
    expect(health.failedRequests).toEqual([]);
  });

  it('records a day off by clicking, sees it in the graph as their own, and clears it again', async () => {
    const dayOff = chinaDayFromToday(30);
    const myDaysOff = async () =>
      (
        await graphAs<{ me: { unavailability: { id: string; startsOn: string; endsOn: string; reason: string }[] } }>(
          stack,
          ['ENGINEER'],
          engineerId,
          `{ me { unavailability { id startsOn endsOn reason } } }`,
        )
      ).me.unavailability;
    const before = await myDaysOff();
    const form = page.getByTestId('day-off-form');
    await form.locator('.ant-select-selector').click();
    await page.locator('.ant-select-item-option', { hasText: '培训' }).click();
    // Typing the day moves the calendar to it; the engineer taps it (Enter would submit the form at once).
    const firstDay = form.getByTestId('day-off-first');
    await firstDay.click();
    await firstDay.fill(dayOff);
    await page.locator(`.ant-picker-dropdown:visible .ant-picker-cell[title="${dayOff}"]`).click();
    expect(await firstDay.inputValue()).toBe(dayOff);
    await page.getByTestId('record-day-off').click();
    const listed = page.getByTestId('my-unavailability').locator('[data-window-id]', { hasText: '培训' });
    await listed.waitFor();

    const after = await myDaysOff();
    const recorded = after.find((window) => window.startsOn === dayOff);
    expect(recorded).toMatchObject({ startsOn: dayOff, endsOn: dayOff, reason: 'TRAINING' });
    expect(after).toHaveLength(before.length + 1);

    await listed.getByTestId('clear-day-off').click();
    await listed.waitFor({ state: 'detached' });
    expect((await myDaysOff()).map((window) => window.id)).not.toContain(recorded!.id);
    expect(health.failedRequests).toEqual([]);
  });
});
