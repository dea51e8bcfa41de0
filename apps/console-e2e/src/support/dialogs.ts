import type { Locator } from 'playwright-core';

/**
 * Waits for a dialog a person just saved to close. A save the graph refused keeps the dialog open with its
 * error notice: that notice's words become the test's failure at once, instead of a wait for a row or a
 * dialog that never goes (and a failure that says nothing about why).
 */
export async function closedAfterSave(dialog: Locator, timeout = 30_000): Promise<void> {
  const refusal = dialog.getByTestId('error-notice').first();
  const deadline = Date.now() + timeout;
  while (await dialog.isVisible()) {
    if (await refusal.isVisible()) throw new Error(`the dialog refused the save: ${await refusal.innerText()}`);
    if (Date.now() > deadline) throw new Error(`the dialog was still open ${timeout} ms after the save`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
