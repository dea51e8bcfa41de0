import type { Page } from 'playwright-core';

/**
 * What went wrong on a page while a test drove it: HTTP failures of the console's own files (a favicon 404),
 * and React's warnings (two rows sharing a key) or errors in the browser console.
 */
export function watchPageHealth(page: Page): { failedRequests: string[]; consoleProblems: string[] } {
  const health = { failedRequests: [] as string[], consoleProblems: [] as string[] };
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/graphql') || url.pathname.startsWith('/ide/')) return;
    if (response.status() >= 400) health.failedRequests.push(`${response.status()} ${url.pathname}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || /Encountered two children with the same key/.test(text)) health.consoleProblems.push(text.slice(0, 300));
  });
  return health;
}
