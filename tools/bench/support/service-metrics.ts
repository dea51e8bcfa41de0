/**
 * SQL statements the services sent, from their own counters (GET /metrics, aftercare_db_statements_total):
 * read before and after a run, divided by its requests. Every service URL the gateway routes to is read, so a
 * statement is counted wherever the request took it.
 */
export async function statementsSent(metricsUrls: string[]): Promise<number> {
  const totals = await Promise.all(
    metricsUrls.map(async (url) => {
      const text = await (await fetch(url)).text();
      return Number(/^aftercare_db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? NaN);
    }),
  );
  return totals.reduce((sum, total) => sum + total, 0);
}

/** Each service's /metrics, from the subgraph URLs of the environment the platform was started with. */
export function serviceMetricsUrls(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name, value]) => name.startsWith('SUBGRAPH_URL_') && value)
    .flatMap(([, value]) => value!.split(','))
    .map((url) => url.trim().replace(/\/graphql\/?$/, '/metrics'));
}
