import { createKafka, messagingConfigFor, namespaced } from '@aftercare/messaging';

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

/** Messages the services' consumer groups have not committed yet, from the broker (committed offsets vs high watermarks). */
async function unconsumed(env: NodeJS.ProcessEnv): Promise<number> {
  const config = messagingConfigFor('bench-settle', env);
  const admin = createKafka(config).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith(namespaced(config, 'aftercare.')));
    let behind = 0;
    for (const groupId of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const high = new Map((await admin.fetchTopicOffsets(topic)).map((offsets) => [offsets.partition, Number(offsets.high)]));
        for (const { partition, offset } of partitions) behind += Math.max(0, (high.get(partition) ?? 0) - Math.max(0, Number(offset)));
      }
    }
    return behind;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until every service has published all it committed (outbox backlogs 0 on /metrics) and every consumer
 * group has committed all that was published (from the broker), so a latency run does not start behind the
 * backlog of the run before it.
 */
export async function waitUntilSettled(metricsUrls: string[], env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const backlogOf = (text: string) =>
    [...text.matchAll(/^aftercare_outbox_backlog_events(?:\{[^}]*\})? (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  while (Date.now() < deadline) {
    const backlogs = await Promise.all(metricsUrls.map(async (url) => backlogOf(await (await fetch(url)).text())));
    if (backlogs.every((count) => count === 0) && (await unconsumed(env)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the services did not settle within ${timeoutMs} ms`);
}
