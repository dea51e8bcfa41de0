import { chinaDayFromToday } from '@aftercare/business-time';
import { eventually } from '@aftercare/testing';
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack, signInAs } from './support/console-stack';
import { graphAs, toastsGone } from './support/field-roles';
import { watchPageHealth } from './support/page-health';

/**
 * The network manager's day, in Chinese at 1440 px: a new brand registered (its key shown once), its key
 * rotated and the old one revoked; an engineer registered in the city nobody covers, certified, given days
 * off, and sent to the job the day's dispatch could not place; a tariff defined; a payout batch run.
 * Every effect is checked in the graph.
 */
describe('admin / network manager (zh-CN)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let health: ReturnType<typeof watchPageHealth>;
  const stamp = String(Date.now()).slice(-6);
  const code = `E2E${stamp}`;
  const engineerPhone = `137${String(Date.now()).slice(-8)}`;
  const engineerName = `武汉工程师${stamp}`;
  const admin = <T>(query: string, variables: Record<string, unknown> = {}) => graphAs<T>(stack, ['ADMIN'], 'e2e-admin', query, variables);
  const button = (name: string) => page.getByRole('button', { name: new RegExp(`^${[...name].join('\\s?')}$`) });

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-admin');
    // The day's dispatch has run: the Wuhan job found nobody, so a backup search is open.
    await graphAs(stack, ['DISPATCHER'], 'e2e-dispatcher', `mutation ($date: Date!) { dispatchDay(date: $date) { date } }`, { date: chinaDayFromToday(0) });
    page = await stack.newPage();
    health = watchPageHealth(page);
    await signInAs(page, 'ADMIN');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('registers a brand and sees its key once, rotates it and revokes the old key', async () => {
    await page.getByTestId('partners').waitFor();
    await checkScreen(page, 'admin-partners', { home: 'admin' });
    await page.getByTestId('partner-code').fill(code);
    await page.getByTestId('partner-name').fill('端到端净水');
    await page.getByTestId('register-partner').click();
    const first = await page.getByTestId('new-api-key').innerText();
    expect(first).toMatch(new RegExp(`^ak_${code.toLowerCase()}_`));
    await button('我已保存').click();

    const row = page.getByTestId('partners').locator('tr', { hasText: code });
    await row.getByTestId('rotate-key').click();
    await button('轮换密钥').last().click();
    const second = await page.getByTestId('new-api-key').innerText();
    expect(second).not.toBe(first);
    await button('我已保存').click();
    await row.getByTestId('partner-key-row').nth(1).waitFor();
    await row.getByTestId('revoke-key').first().click();
    await button('吊销').last().click();
    await page.getByText('密钥已吊销').waitFor();
    await toastsGone(page);

    const { partners } = await admin<{ partners: { edges: { node: { code: string; apiKeys: { active: boolean; revokedAt: string | null }[] } }[] } }>(
      `query ($text: String!) { partners(text: $text) { edges { node { code apiKeys { active revokedAt } } } } }`,
      { text: code },
    );
    const keys = partners.edges[0].node.apiKeys;
    expect(keys).toHaveLength(2);
    expect(keys.filter((key) => key.revokedAt)).toHaveLength(1);
  });

  it('registers an engineer in the uncovered city, certifies a skill, records days off and sends them to the waiting job', async () => {
    await page.getByRole('tab', { name: '工程师' }).click();
    await page.getByTestId('register-engineer').click();
    const register = page.getByRole('dialog', { name: '登记工程师' });
    await register.getByTestId('engineer-form-name').fill(engineerName);
    await register.getByTestId('engineer-form-phone').fill(engineerPhone);
    await register.getByTestId('engineer-form-city').fill('Wuhan');
    await register.getByTestId('register-engineer-ok').click();
    await register.waitFor({ state: 'hidden' });

    await page.getByTestId('engineer-search').fill(engineerPhone);
    await page.getByTestId('engineer-search').press('Enter');
    const row = page.getByTestId('engineers').locator('tr', { hasText: engineerName });
    await row.getByTestId('certify-skill').click();
    const certify = page.getByRole('dialog', { name: `为 ${engineerName} 认证技能` });
    await certify.getByTestId('certify-brand').fill('PHILIPS');
    await certify.getByTestId('certify-model').fill('AquaPure X5');
    await certify.getByTestId('certify-ok').click();
    await certify.waitFor({ state: 'hidden' });
    await row.getByTestId('engineer-skills').getByText('PHILIPS AquaPure X5').waitFor();

    await row.getByTestId('mark-unavailable').click();
    const off = page.getByRole('dialog', { name: `登记 ${engineerName} 的不可用日期` });
    const [start, end] = [off.getByPlaceholder('开始日期'), off.getByPlaceholder('结束日期')];
    await start.click();
    await start.fill(chinaDayFromToday(10));
    await start.press('Enter');
    await end.fill(chinaDayFromToday(12));
    await end.press('Enter');
    await off.getByTestId('unavailable-ok').click();
    await off.waitFor({ state: 'hidden' });
    await toastsGone(page);
    await checkScreen(page, 'admin-engineers');

    const { engineers } = await admin<{
      engineers: { edges: { node: { id: string; skills: { productModel: string }[]; unavailability: { startsOn: string; endsOn: string }[] } }[] };
    }>(`query ($text: String!) { engineers(text: $text) { edges { node { id skills { productModel } unavailability { startsOn endsOn } } } } }`, {
      text: engineerPhone,
    });
    const engineer = engineers.edges[0].node;
    expect(engineer.skills.map((skill) => skill.productModel)).toEqual(['AquaPure X5']);
    expect(engineer.unavailability).toEqual([{ startsOn: chinaDayFromToday(10), endsOn: chinaDayFromToday(12) }]);

    // The job nobody could take (Wuhan): the new engineer fills its backup search.
    await page.getByRole('tab', { name: '覆盖与备援' }).click();
    const task = page.getByTestId('backup-tasks').locator('tr', { hasText: 'Wuhan' }).first();
    await task.getByTestId('fill-backup').click();
    const fill = page.getByRole('dialog', { name: '为 Wuhan 指派备援工程师' });
    await fill.getByText(engineerName, { exact: false }).click();
    await button('指派备援').last().click();
    await fill.waitFor({ state: 'hidden' });
    await toastsGone(page);
    await checkScreen(page, 'admin-coverage');
    await eventually(async () => {
      const { workOrders } = await admin<{ workOrders: { edges: { node: { engineerId: string | null } }[] } }>(
        `query { workOrders(city: "Wuhan", first: 20) { edges { node { engineerId } } } }`,
      );
      expect(workOrders.edges.map((edge) => edge.node.engineerId)).toContain(engineer.id);
    });
  });

  it('defines a tariff and runs a payout batch', async () => {
    await page.getByRole('tab', { name: '结算标准' }).click();
    await page.getByTestId('tariffs').waitFor();
    await page.getByLabel('工作类型').click({ force: true });
    await page.getByTitle('返工').click();
    await page.getByTestId('tariff-fee').fill('45');
    await page.getByTestId('define-tariff').click();
    await page.getByText('结算标准已设定', { exact: false }).waitFor();
    await toastsGone(page);
    await checkScreen(page, 'admin-tariffs');
    const { tariffs } = await admin<{ tariffs: { workType: string; feeCents: number }[] }>(`query { tariffs(workType: REWORK) { workType feeCents } }`);
    expect(tariffs).toContainEqual({ workType: 'REWORK', feeCents: 4500 });

    await page.getByRole('tab', { name: '结算发放' }).click();
    await page.getByTestId('run-payout').click();
    await page.getByTestId('payout-result').waitFor();
    await toastsGone(page);
    await checkScreen(page, 'admin-payouts');
    const { payoutBatches } = await admin<{ payoutBatches: { edges: { node: { periodEnd: string } }[] } }>(
      `query { payoutBatches { edges { node { periodEnd } } } }`,
    );
    expect(payoutBatches.edges.map((edge) => edge.node.periodEnd)).toContain(chinaDayFromToday(-1));

    await page.getByRole('tab', { name: '销售参考数据' }).click();
    await page.getByText('FILTER_SERVICE', { exact: true }).first().waitFor();
    await checkScreen(page, 'admin-sales-reference');
  });

  it('sets an SLA target, which used to change only by migration', async () => {
    await page.getByRole('tab', { name: '投诉规则' }).click();
    await page.getByTestId('sla-resolution').fill('48');
    await page.getByTestId('define-sla').click();
    await eventually(async () => {
      const { slaPolicies } = await admin<{ slaPolicies: { category: string; priority: string; resolutionHours: number }[] }>(
        `query { slaPolicies { category priority resolutionHours } }`,
      );
      expect(slaPolicies).toContainEqual({ category: 'SERVICE', priority: 'NORMAL', resolutionHours: 48 });
    });
    await toastsGone(page);
    await checkScreen(page, 'admin-complaint-rules');
    expect(health.failedRequests).toEqual([]);
  });
});
