import { eventually } from '@aftercare/testing';
import type { Locator, Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { ConsoleStack, sharedConsoleStack, signInAs } from './support/console-stack';
import { tabTo } from './support/keyboard';
import { closedAfterSave } from './support/dialogs';

interface ComplaintFacts {
  complaint: {
    status: string;
    satisfaction: number | null;
    reopenCount: number;
    intakeCount: number;
    waitingOnCustomerSince: string | null;
    steps: { action: string }[];
    compensations: { id: string; amountCents: number; status: string }[];
  };
}
const COMPLAINT = `query ($id: ID!) { complaint(id: $id) { status satisfaction reopenCount intakeCount waitingOnCustomerSince steps { action } compensations { id amountCents status } } }`;

/**
 * A complaints agent's whole job, in Chinese: take a complaint by phone (and the repeat call that joins it),
 * work it through every step its state allows, close it with satisfaction, reopen it; the hotline's missed
 * calls; each effect checked through the graph.
 */
describe('complaints agent (zh-CN)', () => {
  let stack: ConsoleStack;
  let page: Page;
  let complaintId: string;

  const facts = async () => (await stack.platform.asStaff<ComplaintFacts>(['COMPLAINTS_AGENT'], COMPLAINT, { id: complaintId })).data!.complaint;
  const caseCard = () => page.getByTestId('complaint-case');
  const actions = () => caseCard().getByTestId('complaint-actions');
  const offered = async () => (await actions().getByRole('button').allInnerTexts()).map((text) => text.replace(/\s/g, ''));

  /** Opens an action's dialog by clicking its button, fills what `fill` says and saves. */
  async function act(action: string, fill: (dialog: Locator) => Promise<void>) {
    await caseCard().getByTestId(`action-${action}`).click();
    const dialog = page.getByRole('dialog');
    await fill(dialog);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await closedAfterSave(dialog);
  }

  beforeAll(async () => {
    stack = await sharedConsoleStack('e2e-complaints');
    page = await stack.newPage();
    await signInAs(page, 'COMPLAINTS_AGENT');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lands on the complaint desk: every clock shows its absolute due time in China time beside the countdown', async () => {
    const inbox = page.getByTestId('complaint-inbox');
    await inbox.getByText('Waited 6 minutes on the 400 line').waitFor();
    await expect(inbox.getByTestId('sla-due-at').first().innerText()).resolves.toMatch(/^截止 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    await checkScreen(page, 'complaints-desk', { home: 'complaints-agent' });
  });

  it('takes a complaint on the phone: finds the caller by phone, picks the work order; the repeat call joins it', async () => {
    const fileOne = async () => {
      await page.getByTestId('take-complaint').click();
      const dialog = page.getByRole('dialog', { name: '受理投诉' });
      await dialog.getByPlaceholder('手机号或姓名').fill('13800138002');
      await page.keyboard.press('Enter');
      await dialog.getByTestId('intake-customers').getByText('Li Wei').click();
      await dialog.getByTestId('intake-work-order').click();
      await page.locator('.ant-select-item-option').first().click();
      await dialog.getByTestId('intake-summary').fill('安装师傅迟到两小时，没有提前通知');
      await dialog.getByTestId('intake-solution').fill('致歉并赠送一次滤芯检测');
      await dialog.getByRole('button', { name: /受\s?理/ }).click();
      return dialog;
    };
    await fileOne();
    await caseCard().waitFor();
    complaintId = decodeURIComponent(/#\/complaints\/([^/]+)/.exec(page.url())![1]!);
    expect(await facts()).toMatchObject({ status: 'RECEIVED', intakeCount: 1 });

    const again = await fileOne();
    await again.getByTestId('intake-joined').waitFor();
    expect(await again.getByTestId('intake-joined').innerText()).toMatch(/第 2 次来电/);
    await again.getByRole('link', { name: /打开该投诉/ }).click();
    expect((await facts()).intakeCount).toBe(2);
    await checkScreen(page, 'complaints-case');
  });

  it('records contact with the keyboard only, and offers only what the state allows', async () => {
    expect(await offered()).toEqual(['记录联系', '等待客户', '提出赔偿']);
    await tabTo(page, caseCard().getByTestId('action-contact'));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await tabTo(page, dialog.getByLabel('沟通内容'));
    await page.keyboard.type('已致电客户，说明迟到原因并致歉');
    await tabTo(page, dialog.getByRole('button', { name: /保\s?存/ }));
    await page.keyboard.press('Enter');
    await closedAfterSave(dialog);
    await caseCard().getByTestId('complaint-status').getByText('已联系').waitFor();
    expect((await facts()).status).toBe('CONTACTED');
    expect(await offered()).toEqual(['记录联系', '开始调查', '等待客户', '责任认定', '给出处理意见', '提出赔偿', '解决']);
  });

  it('waits on the customer and resumes', async () => {
    await act('wait', (dialog) => dialog.getByLabel('在等客户什么').fill('等客户提供安装照片'));
    await caseCard()
      .getByText(/起等待客户/)
      .waitFor();
    expect((await facts()).waitingOnCustomerSince).not.toBeNull();
    expect(await offered()).toContain('客户已回复');
    await act('responded', (dialog) => dialog.getByLabel('客户的回复').fill('客户已发来照片'));
    await caseCard()
      .getByText(/起等待客户/)
      .waitFor({ state: 'hidden' });
    expect((await facts()).waitingOnCustomerSince).toBeNull();
  });

  it('investigates, determines liability, gives the opinion, proposes compensation in yuan', async () => {
    await act('investigate', (dialog) => dialog.getByLabel('备注', { exact: true }).fill('调取派工记录'));
    await caseCard().getByTestId('complaint-status').getByText('调查中').waitFor();
    await act('liability', async (dialog) => {
      await dialog.getByTestId('liability-party').click();
      await page.getByTitle('安装', { exact: true }).click();
      await dialog.getByLabel('调查结论').fill('工程师未按预约时间到达');
    });
    // Liability at stake: resolving waits for the opinion, and says so.
    expect(await offered()).not.toContain('解决');
    await caseCard().getByText('涉及责任：先给出处理意见，才能解决。').waitFor();
    await act('opinion', (dialog) => dialog.getByLabel(/处理意见：/).fill('向客户致歉，赔偿 88.50 元'));
    await act('compensation', async (dialog) => {
      await dialog.getByLabel('金额（元）').fill('88.5');
      await dialog.getByTestId('compensation-payer').click();
      await page.getByTitle('公司', { exact: true }).click();
      await dialog.getByLabel('原因', { exact: true }).fill('迟到补偿');
    });
    // The timeline says ¥88.50 (from 8850 cents), never "8850 CNY".
    await caseCard()
      .getByTestId('complaint-timeline')
      .getByText(/¥88\.50，由公司承担：迟到补偿/)
      .waitFor();
    expect((await facts()).compensations).toEqual([expect.objectContaining({ amountCents: 8850, status: 'PROPOSED' })]);
  });

  it('resolves; close waits for the supervisor’s decision on the compensation, then closes with satisfaction and acceptance', async () => {
    await act('resolve', (dialog) => dialog.getByLabel('解决方案').fill('已致歉，补偿待主管审批'));
    await caseCard().getByTestId('complaint-status').getByText('已解决').waitFor();
    expect(await offered()).toEqual(['提出赔偿', '重新打开']);
    await caseCard()
      .getByText(/有赔偿等待主管审批/)
      .waitFor();

    const pending = (await facts()).compensations[0]!;
    const approved = await stack.platform.asStaff(['SUPERVISOR'], `mutation ($id: ID!) { approveCompensation(id: $id, note: "同意") { id } }`, {
      id: pending.id,
    });
    expect(approved.errors).toBeUndefined();
    await page.reload();
    await eventually(async () => expect(await offered()).toEqual(['提出赔偿', '结案', '重新打开']), 15000);

    await act('close', async (dialog) => {
      await dialog.getByTestId('close-satisfaction').locator('li').nth(3).click();
      await dialog.getByLabel('接受', { exact: true }).check();
    });
    await caseCard().getByTestId('complaint-status').getByText('已结案').waitFor();
    await caseCard().getByTestId('complaint-satisfaction').getByText('4 / 5').waitFor();
    expect(await facts()).toMatchObject({ status: 'CLOSED', satisfaction: 4 });
    expect(await offered()).toEqual(['重新打开']);
  });

  it('reopens the closed complaint', async () => {
    await act('reopen', (dialog) => dialog.getByLabel('重开原因').fill('客户反映滤芯检测未安排'));
    await eventually(async () => expect((await facts()).reopenCount).toBe(1), 10000);
    await caseCard()
      .getByText(/重开 1 次/)
      .waitFor();
    expect((await facts()).steps.map((step) => step.action)).toEqual(
      expect.arrayContaining(['FILED', 'REPEATED_INTAKE', 'CONTACTED', 'WAITING_ON_CUSTOMER', 'CUSTOMER_RESPONDED', 'CLOSED', 'REOPENED']),
    );
  });

  it('hotline: logs a missed call, calls it back, and reads the answer rate against 85 %', async () => {
    await page.getByRole('link', { name: '热线' }).click();
    const phone = `1390000${String(Date.now()).slice(-4)}`;
    const log = page.getByTestId('log-call');
    await log.getByLabel('来电号码').fill(phone);
    await log.getByLabel('已接听').click();
    await log.getByRole('button', { name: /登\s?记/ }).click();
    const row = page.getByTestId('open-callbacks').locator('tr', { hasText: phone });
    await row.waitFor();
    // The answer rate (against 85 %) is the supervisors' figure: the agent is told so; the missed call counts in it.
    await page.getByTestId('answer-rate-supervisors-only').waitFor();
    await eventually(async () => {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const rates = await stack.platform.asStaff<{ hotlineAnswerRates: { day: string; missed: number }[] }>(
        ['SUPERVISOR'],
        `query ($day: Date!) { hotlineAnswerRates(from: $day, to: $day) { day missed } }`,
        { day: today },
      );
      expect(rates.data?.hotlineAnswerRates.reduce((sum, day) => sum + day.missed, 0)).toBeGreaterThan(0);
    }, 15000);
    await checkScreen(page, 'hotline');

    await row.getByTestId('complete-callback').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('已联系上').check();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await closedAfterSave(dialog);
    await row.waitFor({ state: 'detached' });
    const open = await stack.platform.asStaff<{ openCallbacks: { callerPhone: string }[] }>(['COMPLAINTS_AGENT'], `query { openCallbacks { callerPhone } }`);
    expect(open.data?.openCallbacks.map((call) => call.callerPhone)).not.toContain(phone);
  });
});
