import { createServer, Server } from 'node:http';
import { eventually, freePort, Platform, RunningProcess, startPlatform } from '@aftercare/testing';
import {
  installOrderInput,
  ORDER_WITH_WORK_ORDERS,
  OrderWithWorkOrders,
  REGISTER_PARTNER,
  RegisteredPartner,
  SUBMIT_INSTALL_ORDER,
  SubmittedOrder,
} from './support/operations';

interface CollectedSpan {
  service: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string;
}

/** OTLP/JSON ids are hex; protobuf-JSON mappings use base64. Either way the test compares hex. */
const hex = (id: string | undefined) => (!id ? '' : /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex'));

/**
 * An OTLP/HTTP trace receiver in the test process: every service and the gateway export to it (the exporter
 * the platform uses in production, pointed here by OTEL_EXPORTER_OTLP_ENDPOINT), and the test reads the spans.
 */
async function startCollector(): Promise<{ url: string; spans: CollectedSpan[]; close(): Promise<void> }> {
  const spans: CollectedSpan[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        const { resourceSpans = [] } = JSON.parse(body);
        for (const resourceSpan of resourceSpans) {
          const service = resourceSpan.resource?.attributes?.find((attribute: { key: string }) => attribute.key === 'service.name')?.value?.stringValue;
          for (const scopeSpan of resourceSpan.scopeSpans ?? []) {
            for (const span of scopeSpan.spans ?? []) {
              spans.push({
                service,
                name: span.name,
                kind: span.kind,
                traceId: hex(span.traceId),
                spanId: hex(span.spanId),
                parentSpanId: hex(span.parentSpanId),
              });
            }
          }
        }
      } catch {
        // not a JSON export: ignored, the assertions will say what is missing
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Where a service process listens, from its own "service ready" log line. */
function baseOf(service: RunningProcess): string {
  const url = /"message":"service ready".*?"url":"([^"]+)"/.exec(service.output())?.[1];
  if (!url) throw new Error(`${service.name} logged no "service ready" line with its url`);
  return new URL(url).origin;
}

describe('observability across the platform (every app in its own process)', () => {
  let platform: Platform;
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
    // LOG_LEVEL info: each service logs the URL it listens on, which the metrics test reads.
    platform = await startPlatform('e2e-observe', { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200', LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await platform?.stop();
    await collector?.close();
  });

  it('runs every service and the gateway on Node 24 (process.version in /health/live)', async () => {
    const urls = [`${platform.gatewayBase}/health/live`, ...Object.values(platform.services).map((service) => `${baseOf(service)}/health/live`)];
    expect(urls).toHaveLength(6);
    for (const url of urls) {
      const health = (await (await fetch(url)).json()) as { node?: string };
      expect({ url, major: health.node?.split('.')[0] }).toEqual({ url, major: 'v24' });
    }
  });

  it('follows one partner order in one trace: gateway → sales → outbox → Kafka → dispatch', async () => {
    const registered = await platform.asStaff<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code: 'TRACED', name: 'Traced Co.' } });
    const apiKey = registered.data!.registerPartner.apiKey;
    const submitted = await platform.asPartner<SubmittedOrder>(apiKey, SUBMIT_INSTALL_ORDER, { input: installOrderInput('TR-0001') });
    expect(submitted.errors).toBeUndefined();
    const orderId = submitted.data!.submitInstallOrder.id;
    await eventually(async () => {
      const order = await platform.asPartner<OrderWithWorkOrders>(apiKey, ORDER_WITH_WORK_ORDERS, { id: orderId });
      expect(order.data!.order.workOrders).toHaveLength(1);
    }, 30000);

    const chain = await eventually(() => {
      const entry = collector.spans.find((span) => span.service === 'gateway' && span.name === 'graphql SubmitInstallOrder');
      expect(entry).toBeDefined();
      const inTrace = collector.spans.filter((span) => span.traceId === entry!.traceId);
      const byId = new Map(inTrace.map((span) => [span.spanId, span]));
      const one = (service: string, name: string | RegExp) => {
        const found = inTrace.filter((span) => span.service === service && (typeof name === 'string' ? span.name === name : name.test(span.name)));
        expect({
          service,
          name: String(name),
          count: found.length,
          seen: found.length === 1 ? [] : inTrace.map((span) => `${span.service}: ${span.name}`),
        }).toEqual({
          service,
          name: String(name),
          count: 1,
          seen: [],
        });
        return found[0]!;
      };
      // The gateway names each subgraph operation after the client's: SubmitInstallOrder__sales__0.
      const salesRequest = one('sales', /^graphql SubmitInstallOrder__sales__\d+$/);
      const publish = one('sales', 'publish OrderPlaced');
      const consume = one('service-dispatch', 'consume OrderPlaced');
      return { entry: entry!, byId, salesRequest, publish, consume };
    }, 30000);

    const { entry, byId, salesRequest, publish, consume } = chain;
    // The subgraph request's parent is the gateway's fetch span, itself inside the gateway's request span.
    const fetchSpan = byId.get(salesRequest.parentSpanId)!;
    expect(fetchSpan).toMatchObject({ service: 'gateway', name: 'gateway.fetch' });
    const ancestors = (span: CollectedSpan): string[] => (byId.has(span.parentSpanId) ? [span.parentSpanId, ...ancestors(byId.get(span.parentSpanId)!)] : []);
    expect(ancestors(fetchSpan)).toContain(entry.spanId);
    expect(entry.parentSpanId).toBe('');
    // The outbox row carried the request's context to the relay; the message headers carried the relay's to dispatch.
    expect(publish.parentSpanId).toBe(salesRequest.spanId);
    expect(consume.parentSpanId).toBe(publish.spanId);
    expect(consume.kind).toBe(5); // CONSUMER in OTLP's SpanKind numbering
  });

  it('answers /metrics on every service and the gateway with request, outbox, pool, consumer and event-delay figures', async () => {
    const gatewayMetrics = await (await fetch(`${platform.gatewayBase}/metrics`)).text();
    expect(gatewayMetrics).toMatch(/aftercare_graphql_request_duration_seconds_count\{[^}]*operation="SubmitInstallOrder"[^}]*\} [1-9]/);
    for (const [name, service] of Object.entries(platform.services)) {
      const response = await fetch(`${baseOf(service)}/metrics`);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      const text = await response.text();
      for (const metric of ['aftercare_outbox_backlog_events', 'aftercare_outbox_oldest_unsent_age_seconds', 'aftercare_db_pool_connections']) {
        expect({ name, metric, present: text.includes(`${metric}{`) }).toEqual({ name, metric, present: true });
      }
    }
    const dispatch = await (await fetch(`${baseOf(platform.services['service-dispatch']!)}/metrics`)).text();
    expect(dispatch).toMatch(/aftercare_consumer_lag_messages\{[^}]*topic="[^"]*aftercare\.sales\.events"[^}]*partition="\d+"[^}]*\} 0/);
    const sales = await (await fetch(`${baseOf(platform.services['sales']!)}/metrics`)).text();
    expect(sales).toMatch(/aftercare_graphql_request_duration_seconds_count\{[^}]*operation="SubmitInstallOrder__sales__\d+"[^}]*\} [1-9]/);
    // Where the order's event spent its time: recorded → acknowledged by Kafka in sales, sent → fetched and sent →
    // applied in dispatch.
    expect(sales).toMatch(/aftercare_outbox_publish_delay_seconds_count\{[^}]*event_type="OrderPlaced"[^}]*\} [1-9]/);
    expect(dispatch).toMatch(/aftercare_event_fetch_delay_seconds_count\{[^}]*event_type="OrderPlaced"[^}]*\} [1-9]/);
    expect(dispatch).toMatch(/aftercare_event_apply_delay_seconds_count\{[^}]*event_type="OrderPlaced"[^}]*\} [1-9]/);
    // Every statement is counted, so a bench can divide by requests: the order above took several.
    const statements = (text: string) => Number(/^aftercare_db_statements_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
    expect(statements(sales)).toBeGreaterThan(3);
    await fetch(`${baseOf(platform.services['sales']!)}/metrics`); // a scrape reads the outbox: one statement
    expect(statements(await (await fetch(`${baseOf(platform.services['sales']!)}/metrics`)).text())).toBeGreaterThan(statements(sales));
  });

  it('serves the GraphQL IDE on the gateway in development, from its own assets', async () => {
    const page = await fetch(`${platform.gatewayBase}/ide`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const [, asset] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect({ asset, status: (await fetch(`${platform.gatewayBase}${asset}`)).status }).toEqual({ asset, status: 200 });
    }
  });
});
