import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack, signInAs } from './support/console-stack';
import { graphAs, toastsGone } from './support/field-roles';
import { watchPageHealth } from './support/page-health';
import { closedAfterSave } from './support/dialogs';

interface Card {
  name: string;
  owner: { name: string } | null;
  contacts: { name: string }[];
  sites: { address: string }[];
  maintenanceContacts: { kind: string; notes: string }[];
  contracts: { status: string; monthlyPriceCents: number }[];
  churn: { reason: string } | null;
}

/**
 * The salesperson's day in Chinese at 1440 px (the seeded demo-sales, a staff user whose sub is not a UUID):
 * find a customer by phone, create and edit a card, log a visit, write a contract with its guardrails in view
 * (a price under the floor refused before sending, a promise beyond the template sent to a supervisor first),
 * record a churn; then a supervisor hands a departing salesperson's customers over. Checked in the graph.
 */
describe('sales (zh-CN)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let health: ReturnType<typeof watchPageHealth>;
  let customerId: string;
  const stamp = String(Date.now()).slice(-6);
  const name = `端到端餐厅${stamp}`;
  const phone = `021-55${stamp}`;
  const card = async () =>
    (
      await graphAs<{ customer: Card }>(
        stack,
        ['SALES'],
        'demo-sales',
        `query ($id: ID!) { customer(id: $id) { name owner { name } contacts { name } sites { address } maintenanceContacts { kind notes } contracts { status monthlyPriceCents } churn { reason } } }`,
        { id: customerId },
      )
    ).customer;

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-sales');
    page = await stack.newPage();
    health = watchPageHealth(page);
    await signInAs(page, 'SALES');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lands on my customers and finds one by phone', async () => {
    const list = page.getByTestId('my-customers');
    await list.getByText('Jade Garden Restaurant').waitFor();
    await checkScreen(page, 'sales-customers', { home: 'sales' });
    await page.getByTestId('customer-search').fill('62881234');
    await page.getByTestId('customer-search').press('Enter');
    await list.getByText('Harmony Hotel Pudong').waitFor({ state: 'detached' });
    await list.getByText('Jade Garden Restaurant').waitFor();
    await page.getByTestId('customer-search').fill('');
    await page.getByTestId('customer-search').press('Enter');
  });

  it('creates a card with a contact, adds a site, logs a visit', async () => {
    await page.getByTestId('new-customer').click();
    const dialog = page.getByRole('dialog', { name: '新建客户档案' });
    await dialog.getByTestId('customer-name').fill(name);
    await dialog.getByTestId('customer-phone-input').fill(phone);
    await dialog.getByTestId('customer-city').fill('Shanghai');
    await dialog.getByTestId('customer-address').fill('8 E2E Road, Xuhui');
    await dialog.getByTestId('add-contact').click();
    await dialog.getByTestId('contact-name').fill('王经理');
    await dialog.getByTestId('contact-phone').fill('13611110000');
    await dialog.getByTestId('save-customer').click();
    await page.getByTestId('card-name').getByText(name).waitFor();
    customerId = decodeURIComponent(page.url().split('/').pop() ?? '');

    await page.getByTestId('edit-customer').click();
    const edit = page.getByRole('dialog', { name: `编辑 ${name}` });
    await edit.getByRole('button', { name: '添加场所' }).click();
    // The new site's own field, waited for: "the last 地址" could still be the card's address until the row renders.
    await edit.getByTestId('site-address').fill('8 E2E Road, Xuhui, kitchen');
    await edit.getByTestId('save-customer').click();
    await closedAfterSave(edit);

    await page.getByTestId('contact-notes').fill('电话沟通厨房净水需求，客户有意签约');
    await page.getByTestId('log-contact').click();
    await page.getByTestId('maintenance-trace').getByText('电话沟通厨房净水需求', { exact: false }).waitFor();
    await toastsGone(page);
    await checkScreen(page, 'sales-card');

    const saved = await card();
    expect(saved.owner?.name).toBe('Demo Sales');
    expect(saved.contacts.map((contact) => contact.name)).toEqual(['王经理']);
    expect(saved.sites.map((site) => site.address)).toEqual(['8 E2E Road, Xuhui, kitchen']);
    expect(saved.maintenanceContacts).toEqual([{ kind: 'CALL', notes: '电话沟通厨房净水需求，客户有意签约' }]);
  });

  it('writes a contract with the guardrails in view: under the floor is refused before sending', async () => {
    await page.getByTestId('new-contract').click();
    const dialog = page.getByRole('dialog', { name: `为 ${name} 新建合同` });
    await dialog.getByTestId('reference-row').first().waitFor();
    await dialog.getByTestId('contract-area').fill('300');
    await dialog.getByTestId('contract-price').fill('100');
    await dialog.getByTestId('below-floor').waitFor();
    expect(await dialog.getByTestId('submit-contract').isDisabled()).toBe(true);
    await checkScreen(page, 'sales-contract-guardrails');
    // Above every item's floor (the first reference item is whichever the graph lists first).
    await dialog.getByTestId('contract-price').fill('2000');
    await dialog.getByTestId('below-floor').waitFor({ state: 'detached' });
    await dialog.getByTestId('submit-contract').click();
    await closedAfterSave(dialog);
    expect((await card()).contracts).toEqual([{ status: 'PENDING_REVIEW', monthlyPriceCents: 200000 }]);
  });

  it('asks a supervisor first for a promise beyond the template', async () => {
    await page.getByTestId('new-contract').click();
    const dialog = page.getByRole('dialog', { name: `为 ${name} 新建合同` });
    await dialog.getByTestId('contract-visits').fill('4');
    await dialog.getByTestId('needs-approval').waitFor();
    expect(await dialog.getByTestId('submit-contract').isDisabled()).toBe(true);
    await dialog.getByTestId('approval-reason').fill('客户要求每周检查一次');
    await dialog.getByTestId('request-approval').click();
    await dialog.getByText('1 个申请正在等待主管审批。').waitFor();
    await page.keyboard.press('Escape');
    const { promiseApprovalRequests } = await graphAs<{ promiseApprovalRequests: { edges: { node: { status: string; visitsPerMonth: number } }[] } }>(
      stack,
      ['SUPERVISOR'],
      'e2e-supervisor',
      `query ($id: ID!) { promiseApprovalRequests(customerId: $id) { edges { node { status visitsPerMonth } } } }`,
      { id: customerId },
    );
    expect(promiseApprovalRequests.edges.map((edge) => edge.node)).toEqual([{ status: 'AWAITING_SUPERVISOR', visitsPerMonth: 4 }]);
  });

  it('records the customer’s churn', async () => {
    await page.getByRole('tab', { name: '流失登记' }).click();
    await page.getByLabel('流失原因').click({ force: true });
    await page.getByTitle('价格').click();
    await page.getByTestId('churn-notes').fill('竞争对手报价更低');
    await page.getByTestId('record-churn').click();
    await page.getByTestId('churn-record').waitFor();
    expect((await card()).churn).toEqual({ reason: 'PRICE' });
  });

  it('a supervisor hands a departing salesperson’s customers over to the team', async () => {
    const supervisor = await stack.newPage();
    await signInAs(supervisor, 'SUPERVISOR');
    await supervisor.getByRole('menuitem', { name: '销售团队' }).click();
    const row = supervisor.getByTestId('sales-team').locator('tr', { hasText: 'Zhao Min' });
    await row.getByTestId('depart').click();
    await checkScreen(supervisor, 'sales-team-handover');
    await supervisor.getByTestId('confirm-depart').click();
    await row.getByText('已离职').waitFor();
    await toastsGone(supervisor);
    await checkScreen(supervisor, 'sales-team');
    const { salespeople } = await graphAs<{ salespeople: { edges: { node: { id: string; name: string; status: string } }[] } }>(
      stack,
      ['SUPERVISOR'],
      'e2e-supervisor',
      `query { salespeople(text: "Zhao Min") { edges { node { id name status } } } }`,
    );
    const zhao = salespeople.edges[0].node;
    expect(zhao.status).toBe('DEPARTED');
    const { customers } = await graphAs<{ customers: { edges: unknown[] } }>(
      stack,
      ['SUPERVISOR'],
      'e2e-supervisor',
      `query ($id: ID!) { customers(ownerId: $id) { edges { cursor } } }`,
      {
        id: zhao.id,
      },
    );
    expect(customers.edges).toEqual([]);
    expect(health.failedRequests).toEqual([]);
  });
});
