import type { Page } from 'playwright-core';
import type { ConsoleStack } from './console-stack';

/**
 * Signing in and checking the graph as a particular person (an engineer's token carries their Engineer id,
 * a salesperson's their staff user): tokens come from the gateway's development endpoint, as the console's own
 * sign-in gets them, so a suite works the same on its own stack and on the run's shared one.
 */
export async function devToken(stack: ConsoleStack, roles: string[], sub: string, name = 'E2E'): Promise<string> {
  const response = await fetch(`${stack.platform.gatewayBase}/ide/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles, sub, name }),
  });
  if (!response.ok) throw new Error(`dev-token refused: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export interface GraphAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One operation through the gateway as `sub` with `roles`; throws on any error so a check never passes on nothing. */
export async function graphAs<T>(stack: ConsoleStack, roles: string[], sub: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await devToken(stack, roles, sub);
  const response = await fetch(stack.platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphAnswer<T>;
  if (body.errors?.length || !body.data) throw new Error(`graph refused: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The staff-token tab of the sign-in screen (员工令牌), as a person with a token of their own signs in. */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: '员工令牌' }).click();
  await page.getByRole('tabpanel').locator('textarea').fill(token);
  await page.getByTestId('token-sign-in').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** The partner tab (合作品牌): the brand's API key. */
export async function signInAsBrand(page: Page, apiKey: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: '合作品牌' }).click();
  await page.getByTestId('partner-key').fill(apiKey);
  await page.getByTestId('partner-sign-in').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * Before judging a screen: antd's confirmation toasts have gone and the pointer has left the button just
 * clicked (axe would otherwise judge fading text and a hover colour, neither of which a person reads).
 */
export async function toastsGone(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 10000 })
    .catch(() => undefined);
}
