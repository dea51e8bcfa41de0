/**
 * SQL statements the services sent, from their own counters (GET /metrics, aftercare_db_statements_total):
 * read before and after a run, divided by its requests. Every service URL the gateway routes to is read, so a
 * statement is counted wherever the request took it.
 */
export async function statementsSent(metricsUrls: string[]): Promise<number> {
  return Object.values(await statementsByService(metricsUrls)).reduce((sum, total) => sum + total, 0);
}

/** The same counters, per service (the `service` label of each). */
export async function statementsByService(metricsUrls: string[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  await Promise.all(
    metricsUrls.map(async (url) => {
      const text = await (await fetch(url)).text();
      const match = /^aftercare_db_statements_total(?:\{[^}]*service="([^"]*)"[^}]*\})? (\d+)/m.exec(text);
      const service = match?.[1] ?? url;
      totals[service] = (totals[service] ?? 0) + Number(match?.[2] ?? NaN);
    }),
  );
  return totals;
}

/** Each service's /metrics, from the subgraph URLs of the environment the platform was started with. */
export function serviceMetricsUrls(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name, value]) => name.startsWith('SUBGRAPH_URL_') && value)
    .flatMap(([, value]) => value!.split(','))
    .map((url) => url.trim().replace(/\/graphql\/?$/, '/metrics'));
}

/**
 * Waits until every service has published all it committed and applied all it was sent (outbox backlogs and
 * consumer lag 0 on /metrics), so a latency run does not start behind the backlog of the run before it.
 */
export async function waitUntilSettled(metricsUrls: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = (text: string) =>
    [...text.matchAll(/^aftercare_(?:outbox_backlog_events|consumer_lag_messages)(?:\{[^}]*\})? (\d+(?:\.\d+)?)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  while (Date.now() < deadline) {
    const backlog = await Promise.all(metricsUrls.map(async (url) => pending(await (await fetch(url)).text())));
    if (backlog.every((count) => count === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the services did not settle within ${timeoutMs} ms`);
}
