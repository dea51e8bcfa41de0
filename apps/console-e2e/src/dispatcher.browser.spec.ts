import { chinaDayFromToday } from '@aftercare/business-time';
import { eventually } from '@aftercare/testing';
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack, signInAs } from './support/console-stack';
import { tabTo } from './support/keyboard';
import { watchPageHealth } from './support/page-health';
import { closedAfterSave } from './support/dialogs';

/** Types a day into the board's date picker, as a person would. */
async function pickBoardDay(page: Page, day: string): Promise<void> {
  const input = page.getByTestId('board-date');
  await input.click();
  await input.fill(day);
  await page.keyboard.press('Enter');
  await expect(input.inputValue()).resolves.toBe(day);
}

/**
 * The dispatcher's day, in Chinese, by clicking and by keyboard: the seeded queue, a booking, the day's
 * dispatch, and the assignment checked through the graph.
 */
describe('dispatcher (zh-CN)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let health: ReturnType<typeof watchPageHealth>;

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-dispatcher');
    page = await stack.newPage();
    health = watchPageHealth(page);
    await signInAs(page, 'DISPATCHER');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lands on the dispatcher board, in Chinese, readable at 390 and 1440 px, accessible', async () => {
    await page.getByTestId('to-schedule').waitFor();
    await page.getByRole('heading', { name: '调度看板' }).waitFor();
    await checkScreen(page, 'dispatcher-board', { home: 'dispatcher' });
  });

  it('books a waiting work order with the keyboard only, and the board follows it to the booked day', async () => {
    const queue = page.getByTestId('to-schedule');
    const row = queue.locator('tr', { hasText: '88 Century Avenue, Pudong' });
    await row.waitFor();
    await tabTo(page, row.getByTestId('book'));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '预约上门' });
    await dialog.waitFor();
    // The customer's preferred day is still ahead: it is the day offered; the booking confirms it.
    await tabTo(page, dialog.getByRole('button', { name: '预 约' }).or(dialog.getByRole('button', { name: '预约' })));
    await page.keyboard.press('Enter');
    await closedAfterSave(dialog);

    const booked = page.getByTestId('day-board').locator('tr', { hasText: '88 Century Avenue, Pudong' });
    await booked.getByText('已预约', { exact: true }).waitFor();
  });

  it('runs the day’s dispatch and sees the work order assigned, as the graph says', async () => {
    // The day the board moved to with the booking (the customer's preferred day).
    const bookedDay = await page.getByTestId('board-date').inputValue();
    await page.getByTestId('run-dispatch').click();
    await page.getByTestId('dispatch-result').waitFor();
    const booked = page.getByTestId('day-board').locator('tr', { hasText: '88 Century Avenue, Pudong' });
    await booked.getByText('已派工', { exact: true }).waitFor();
    const engineer = (await booked.getByTestId('assigned-engineer').innerText()).trim();
    expect(engineer).not.toBe('');

    const answer = await stack.platform.asStaff<{ workOrdersOn: { siteAddress: string; status: string; engineer: { name: string } | null }[] }>(
      ['DISPATCHER'],
      `query ($date: Date!) { workOrdersOn(date: $date) { siteAddress status engineer { name } } }`,
      { date: bookedDay },
    );
    expect(answer.errors).toBeUndefined();
    const workOrder = answer.data?.workOrdersOn.find((row) => row.siteAddress === '88 Century Avenue, Pudong');
    expect(workOrder).toMatchObject({ status: 'ASSIGNED', engineer: { name: engineer } });
    await stack.screenshot(page, 'dispatcher-assigned');
  });

  it('today’s seeded jobs are assigned by the day’s dispatch (engineers hold the skills and cover the cities)', async () => {
    const today = chinaDayFromToday(0);
    await pickBoardDay(page, today);
    await page.getByTestId('day-board').or(page.getByTestId('empty')).first().waitFor();
    await page.getByTestId('run-dispatch').click();
    await page.getByTestId('dispatch-result').waitFor();
    await eventually(async () => {
      const answer = await stack.platform.asStaff<{ workOrdersOn: { status: string }[] }>(
        ['DISPATCHER'],
        `query ($date: Date!) { workOrdersOn(date: $date) { status } }`,
        { date: today },
      );
      expect(answer.errors).toBeUndefined();
      const day = answer.data?.workOrdersOn ?? [];
      // The seed books today's jobs (console-B's working day); with none booked there is nothing to assign.
      if (day.length === 0) return;
      // "Most of the day's work": more than half of today's jobs have an engineer.
      expect(day.filter((row) => row.status !== 'SCHEDULED').length / day.length).toBeGreaterThan(0.5);
    }, 15000);
  });

  it('the city filter lists the cities served on a day without appointments', async () => {
    const empty = chinaDayFromToday(40);
    await pickBoardDay(page, empty);
    await page
      .getByTestId('day-board')
      .or(page.getByText(/没有预约/))
      .first()
      .waitFor();
    await page.getByTestId('city-filter').click();
    await page.locator('.ant-select-item-option', { hasText: 'Shanghai' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('the production build: hashed files compressed and cached for a year, the page revalidated, no 404 (favicon), no React key warning', async () => {
    const index = await page.request.get('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(index.headers()['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(script).toBeDefined();
    const asset = await page.request.get(script!, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-encoding']).toBe('gzip');
    expect(health.failedRequests).toEqual([]);
    expect(health.consoleProblems.filter((problem) => /same key/.test(problem))).toEqual([]);
  });
});
