/**
 * Benchmark of the foundation's request path, every app in its own process on this machine:
 *   npm run bench:platform   (real PostgreSQL and Kafka as for npm test; writes reports/bench/platform-flow.md)
 * 1. partner order submission through the gateway (auth by API key → sales → outbox), concurrent;
 * 2. event propagation: submit, then time until dispatch's INSTALL work order is visible through the graph;
 * 3. the federated read `order { customer workOrders }` (sales + dispatch, batched), concurrent.
 * Request loops are bounded; everything runs on loopback.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chinaDayFromToday } from '@aftercare/business-time';
import { Platform, startPlatform, WORKSPACE_ROOT } from '@aftercare/testing';

const SUBMISSIONS = Number(process.env['BENCH_SUBMISSIONS'] ?? 600);
const PROPAGATION_SAMPLES = Number(process.env['BENCH_PROPAGATION_SAMPLES'] ?? 40);
const READS = Number(process.env['BENCH_READS'] ?? 1500);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);

/** Partner keys run only the operations the platform publishes for partners; the exact published text is that document. */
const published = (
  JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps/gateway/trusted-documents/partner.json'), 'utf8')) as { operations: { name: string; body: string }[] }
).operations;
const publishedBody = (name: string) => published.find((operation) => operation.name === name)!.body;
const SUBMIT = publishedBody('SubmitInstallOrder');
const READ = publishedBody('Order');

interface Sample {
  ms: number;
  ok: boolean;
}

function input(ref: string) {
  const n = Number(ref.replace(/\D/g, '').slice(-8)) % 100000000;
  return {
    externalRef: ref,
    productModel: 'AquaPure X5',
    customer: { name: `Bench ${n}`, phone: `139${String(n).padStart(8, '0')}`, city: 'Shanghai', address: `${n} Bench Road` },
    preferredDate: chinaDayFromToday(14),
  };
}

/** Runs `count` operations with at most `concurrency` in flight; returns each one's latency. */
async function load(count: number, concurrency: number, operation: (i: number) => Promise<boolean>): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        const ok = await operation(i).catch(() => false);
        samples.push({ ms: performance.now() - t0, ok });
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function row(name: string, samples: Sample[], seconds?: number): string {
  const ms = samples.map((sample) => sample.ms);
  const failed = samples.filter((sample) => !sample.ok).length;
  const rate = seconds ? (samples.length / seconds).toFixed(0) : '–';
  return `| ${name} | ${samples.length} | ${failed} | ${rate} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${Math.max(...ms).toFixed(1)} |`;
}

async function propagation(platform: Platform, apiKey: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < PROPAGATION_SAMPLES; i++) {
    const submitted = await platform.asPartner<{ submitInstallOrder: { id: string } }>(apiKey, SUBMIT, { input: input(`PROP-${Date.now()}-${i}`) });
    const t0 = performance.now();
    const id = submitted.data!.submitInstallOrder.id;
    let ok = false;
    while (performance.now() - t0 < 10000) {
      const read = await platform.asPartner<{ order: { workOrders: unknown[] } }>(apiKey, READ, { id });
      if ((read.data?.order.workOrders.length ?? 0) > 0) {
        ok = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    samples.push({ ms: performance.now() - t0, ok });
  }
  return samples;
}

async function main(): Promise<void> {
  const platform = await startPlatform('bench');
  try {
    const registered = await platform.asStaff<{ registerPartner: { apiKey: string } }>(
      ['ADMIN'],
      `mutation { registerPartner(input: { code: "BENCH", name: "Bench Brand" }) { apiKey } }`,
    );
    const apiKey = registered.data!.registerPartner.apiKey;
    const ids: string[] = [];
    await load(20, 4, async (i) => Boolean((await platform.asPartner(apiKey, SUBMIT, { input: input(`WARM-${i}`) })).data)); // warm-up

    const submissions = await load(SUBMISSIONS, CONCURRENCY, async (i) => {
      const response = await platform.asPartner<{ submitInstallOrder: { id: string } }>(apiKey, SUBMIT, { input: input(`SUB-${100000 + i}`) });
      if (response.data) ids.push(response.data.submitInstallOrder.id);
      return Boolean(response.data);
    });
    const resubmissions = await load(Math.min(200, SUBMISSIONS), CONCURRENCY, async (i) =>
      Boolean((await platform.asPartner(apiKey, SUBMIT, { input: input(`SUB-${100000 + i}`) })).data),
    );
    const propagated = await propagation(platform, apiKey);
    const reads = await load(READS, CONCURRENCY, async (i) =>
      Boolean((await platform.asPartner<{ order: unknown }>(apiKey, READ, { id: ids[i % ids.length] })).data?.order),
    );

    const commit = execSync('git rev-parse --short HEAD', { cwd: WORKSPACE_ROOT }).toString().trim();
    const report = `# Platform flow benchmark

${new Date().toISOString()} · commit ${commit} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version}
Five services and the gateway as separate processes on one machine, real PostgreSQL and Kafka; concurrency ${CONCURRENCY}.

| operation | requests | failed | req/s | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|
${row('submitInstallOrder (new order)', submissions.samples, submissions.seconds)}
${row('submitInstallOrder (resubmission, idempotent)', resubmissions.samples, resubmissions.seconds)}
${row('order { customer workOrders } (sales + dispatch)', reads.samples, reads.seconds)}
${row('order placed → work order visible (sequential)', propagated)}

The propagation row measures, per order, the time from the mutation's response to the first read that
shows the INSTALL work order: outbox commit → NOTIFY → relay → Kafka → dispatch inbox → read through the gateway
(polled every 5 ms, so it includes up to one poll interval and one read).
`;
    mkdirSync(join(WORKSPACE_ROOT, 'reports/bench'), { recursive: true });
    writeFileSync(join(WORKSPACE_ROOT, 'reports/bench/platform-flow.md'), report);
    console.log(report);
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
