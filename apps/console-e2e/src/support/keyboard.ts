import type { Locator, Page } from 'playwright-core';

/**
 * Moves the focus with the Tab key only until it reaches `target` (as a person without a mouse would), and
 * fails when it is not reachable within `maxTabs` presses.
 */
export async function tabTo(page: Page, target: Locator, maxTabs = 80): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: the target is not on the page');
  for (let presses = 0; presses < maxTabs; presses++) {
    await page.keyboard.press('Tab');
    const reached = await handle.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
    if (reached) return;
  }
  throw new Error(`tabTo: not reachable with ${maxTabs} presses of Tab`);
}
