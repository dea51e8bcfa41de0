import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The first few distinct error answers, to tell a failure from a slow run. */
  errorSamples: string[];
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** A request body per call (the index lets a scenario vary its input). */
  body: (i: number) => string;
  /** Requests in flight at any time. */
  concurrency: number;
  durationMs: number;
  /** True when the answer counts as a success (a GraphQL answer without errors by default). */
  ok?: (status: number, body: string) => boolean;
}

const graphqlOk = (status: number, body: string) => status === 200 && !body.includes('"errors"');

/**
 * A bounded load: exactly `concurrency` requests in flight over keep-alive connections to 127.0.0.1 for
 * `durationMs`, then it waits for the last ones. Nothing else: no ramp, no retries.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1') throw new Error('the load tool only targets 127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const ok = options.ok ?? graphqlOk;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const once = (body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const i = sent++;
        const t0 = performance.now();
        try {
          const answer = await once(options.body(i));
          if (ok(answer.status, answer.body)) {
            latencies.push(performance.now() - t0);
          } else {
            errors += 1;
            if (errorSamples.length < 3) errorSamples.push(`${answer.status} ${answer.body.slice(0, 300)}`);
          }
        } catch (error) {
          errors += 1;
          if (errorSamples.length < 3) errorSamples.push((error as Error).message);
        }
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN) * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errorSamples,
  };
}
