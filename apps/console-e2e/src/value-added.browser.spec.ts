import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack, signInAs } from './support/console-stack';
import { graphAs, toastsGone } from './support/field-roles';
import { watchPageHealth } from './support/page-health';
import { closedAfterSave } from './support/dialogs';

/**
 * The value-added agent's day in Chinese at 1440 px: today's reminder calls (a customer did not answer: the
 * task comes back later), a consumable plan defined for a new model; then a supervisor changes a stage's
 * price and the plan keeps its history. Checked in the graph.
 */
describe('value-added agent (zh-CN)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let health: ReturnType<typeof watchPageHealth>;
  const model = `E2E Purifier ${String(Date.now()).slice(-6)}`;
  const agent = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphAs<T>(stack, ['VALUE_ADDED_AGENT'], 'demo-value_added_agent', query, variables);

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-value-added');
    page = await stack.newPage();
    health = watchPageHealth(page);
    await signInAs(page, 'VALUE_ADDED_AGENT');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('works the first call of the queue: no answer, so it comes back later', async () => {
    const queue = page.getByTestId('call-queue');
    await queue.getByTestId('record-call').first().waitFor();
    await checkScreen(page, 'value-added-queue', { home: 'value-added' });
    const before = await agent<{ myCallQueue: { id: string; customer: { name: string }; attempts: number }[] }>(
      `query { myCallQueue { id customer { name } attempts } }`,
    );
    const first = before.myCallQueue[0];
    await queue.getByTestId('record-call').first().click();
    const dialog = page.getByRole('dialog', { name: `与 ${first.customer.name} 的通话` });
    // A real click on the select (not a forced one on its hidden input): it waits until the dialog has finished
    // zooming in, so on a busy machine the click cannot land beside a select still moving into place.
    await dialog.getByTestId('call-outcome').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('无人接听').click();
    await dialog.getByRole('button', { name: /^记\s?录$/ }).click();
    await closedAfterSave(dialog);
    const { callTask } = await agent<{ callTask: { attempts: number; status: string } }>(`query ($id: ID!) { callTask(id: $id) { attempts status } }`, {
      id: first.id,
    });
    expect(callTask.attempts).toBe(first.attempts + 1);
  });

  it('defines a consumable plan for a new model', async () => {
    await page.getByRole('menuitem', { name: '耗材计划' }).click();
    await page.getByTestId('plan-card').first().waitFor();
    await toastsGone(page);
    await checkScreen(page, 'consumable-plans');
    await page.getByTestId('define-plan').click();
    const dialog = page.getByRole('dialog', { name: '新建耗材计划' });
    await dialog.getByTestId('plan-brand').fill('PHILIPS');
    await dialog.getByTestId('plan-model').fill(model);
    await dialog.getByTestId('stage-name').fill('PP 棉滤芯');
    await dialog.getByTestId('stage-interval').fill('6');
    await dialog.getByTestId('stage-price-input').fill('59');
    await dialog.getByTestId('define-plan-ok').click();
    await closedAfterSave(dialog);
    await page.getByTestId('plan-card').filter({ hasText: model }).waitFor();
    const { consumablePlan } = await agent<{ consumablePlan: { stages: { name: string; intervalMonths: number; priceCents: number }[] } }>(
      `query ($model: String!) { consumablePlan(productModel: $model) { stages { name intervalMonths priceCents } } }`,
      { model },
    );
    expect(consumablePlan.stages).toEqual([{ name: 'PP 棉滤芯', intervalMonths: 6, priceCents: 5900 }]);
  });

  it('a supervisor changes a stage’s price and the plan keeps the history', async () => {
    const supervisor = await stack.newPage();
    await signInAs(supervisor, 'SUPERVISOR');
    await supervisor.getByRole('menuitem', { name: '耗材计划' }).click();
    const plan = supervisor.getByTestId('plan-card').filter({ hasText: model });
    await plan.getByTestId('change-price').click();
    const dialog = supervisor.getByRole('dialog', { name: `调整 ${model} 的「PP 棉滤芯」价格` });
    await dialog.getByTestId('new-stage-price').fill('65');
    await dialog.getByTestId('stage-price-ok').click();
    await closedAfterSave(dialog);
    await plan.getByTestId('stage-price').getByText('¥65.00').waitFor();
    await plan.getByText('¥59.00 → ¥65.00', { exact: false }).waitFor();
    await toastsGone(supervisor);
    await checkScreen(supervisor, 'consumable-plans-history');
    const { consumablePlan } = await agent<{
      consumablePlan: { stages: { priceCents: number; priceHistory: { previousPriceCents: number | null; priceCents: number }[] }[] };
    }>(`query ($model: String!) { consumablePlan(productModel: $model) { stages { priceCents priceHistory { previousPriceCents priceCents } } } }`, { model });
    expect(consumablePlan.stages[0].priceCents).toBe(6500);
    expect(consumablePlan.stages[0].priceHistory).toContainEqual({ previousPriceCents: 5900, priceCents: 6500 });
    expect(health.failedRequests).toEqual([]);
  });
});
