import { chinaDayFromToday } from '@aftercare/business-time';
import { eventually } from '@aftercare/testing';
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack } from './support/console-stack';
import { graphAs, signInAsBrand, toastsGone } from './support/field-roles';
import { watchPageHealth } from './support/page-health';

const PHONE = { width: 390, height: 844 };

/**
 * A partner brand on a phone, in Chinese: its name in the header, its orders with their work orders' status
 * in view, a past day typed into the form said plainly, an install order submitted and its work order
 * appearing, the product issue report, and its customers' consumable reminders switched off and on again.
 */
describe('partner portal (zh-CN, 390 px first)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let health: ReturnType<typeof watchPageHealth>;
  const reference = `PH-E2E-${Date.now()}`;
  const phone = `138${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-partner');
    page = await stack.newPage(PHONE);
    health = watchPageHealth(page);
    await signInAsBrand(page, stack.partnerKeys['PHILIPS']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows the brand’s name and its orders’ work-order status without scrolling', async () => {
    await page.getByTestId('partner-brand').getByText('Philips Water Solutions (China)（PHILIPS）· 合作品牌门户').waitFor();
    const firstStatus = page.getByTestId('my-orders').getByTestId('work-order-status').first();
    await firstStatus.waitFor();
    const box = await firstStatus.boundingBox();
    expect(box && box.y + box.height <= PHONE.height).toBe(true);
    await checkScreen(page, 'partner-orders', { home: 'partner' });
    // At 1440 px every column of the orders table is on screen: the work orders column is never off to the right.
    const table = await page.getByTestId('my-orders').evaluate((node) => {
      const table = node.querySelector('table');
      return { right: table?.getBoundingClientRect().right ?? 0, width: window.innerWidth };
    });
    expect(table.right).toBeLessThanOrEqual(table.width);
    await page.setViewportSize(PHONE);
  });

  it('says so when a past day is typed, then submits the order and sees its work order appear', async () => {
    const form = page.getByTestId('order-form');
    await form.getByLabel('您的订单号').fill(reference);
    await form.getByLabel('产品型号').fill('AquaPure X5');
    const date = form.getByLabel('期望安装日期（可选）');
    await date.click();
    await date.fill(chinaDayFromToday(-3));
    await date.press('Enter');
    await form.getByText('期望日期不能早于今天', { exact: false }).waitFor();
    await form.getByLabel('姓名').fill('E2E 客户');
    await form.getByLabel('电话').fill(phone);
    await form.getByLabel('城市').fill('Shanghai');
    await form.getByLabel('地址').fill('1 E2E Road, Pudong');
    await form.getByTestId('submit-order').click();
    // Not sent while the day is in the past.
    await form.getByText('期望日期不能早于今天', { exact: false }).waitFor();
    await date.click();
    await date.fill(chinaDayFromToday(5));
    await date.press('Enter');
    await form.getByTestId('submit-order').click();

    const row = page.getByTestId('my-orders').locator('[data-row-key]', { hasText: reference });
    await row.getByTestId('work-order-status').getByText('待预约').waitFor({ timeout: 60000 });
    const answer = await eventually(async () => {
      const data = await graphAs<{
        customers: { edges: { node: { orders: { externalRef: string; preferredDate: string | null; workOrders: { status: string }[] }[] } }[] };
      }>(
        stack,
        ['ADMIN'],
        'e2e-admin',
        `query ($text: String!) { customers(text: $text) { edges { node { orders { externalRef preferredDate workOrders { status } } } } } }`,
        { text: phone },
      );
      const order = data.customers.edges.flatMap((edge) => edge.node.orders).find((candidate) => candidate.externalRef === reference);
      if (!order?.workOrders.length) throw new Error('no work order yet');
      return order;
    });
    expect(answer.preferredDate).toBe(chinaDayFromToday(5));
    expect(answer.workOrders[0].status).toBe('CREATED');
  });

  it('reads the product issue report', async () => {
    await page.getByRole('tab', { name: '产品问题报告' }).click();
    await page.getByText('关于 PHILIPS 产品的投诉').waitFor();
    await checkScreen(page, 'partner-issues');
    await page.setViewportSize(PHONE);
  });

  it('switches its customers’ consumable reminders off and on again', async () => {
    await page.getByRole('tab', { name: '耗材提醒' }).click();
    const toggle = page.getByRole('switch');
    await toggle.waitFor();
    await toastsGone(page);
    await page.waitForTimeout(500);
    await checkScreen(page, 'partner-reminders');
    await page.setViewportSize(PHONE);
    const optedIn = async () =>
      (
        await graphAs<{ brandReminderServices: { brand: string; optedIn: boolean }[] }>(
          stack,
          ['SUPERVISOR'],
          'e2e-supervisor',
          `query { brandReminderServices { brand optedIn } }`,
        )
      ).brandReminderServices.find((row) => row.brand === 'PHILIPS')?.optedIn;
    expect(await optedIn()).toBe(true);
    await toggle.click();
    await page.getByText('未开通：您的客户不会收到耗材到期提醒').waitFor();
    expect(await optedIn()).toBe(false);
    await toggle.click();
    await page.getByText('已为您的客户开通耗材到期提醒').waitFor();
    expect(await optedIn()).toBe(true);
    expect(health.failedRequests).toEqual([]);
  });
});
