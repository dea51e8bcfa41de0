import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { EVENT_LOOP_SAMPLE_MS, PlatformMetrics } from './metrics';
import { contextFromCarrier, currentTraceCarrier, inSpan, startTracing, tracerFor } from './tracing';

const exporter = new InMemorySpanExporter();
startTracing('telemetry-spec', { exporter });

describe('trace carriers', () => {
  it('carries the active span as W3C traceparent and starts children of it on the other side', async () => {
    const tracer = tracerFor('telemetry-spec');
    const { carrier, sent } = await inSpan(tracer, 'sender', { kind: SpanKind.PRODUCER }, async (span) => ({
      carrier: currentTraceCarrier(),
      sent: span.spanContext(),
    }));
    expect(carrier).toEqual({ traceparent: `00-${sent.traceId}-${sent.spanId}-01` });

    // As read back from Kafka headers (Buffers) or a jsonb column (strings).
    const received = await inSpan(tracer, 'receiver', { parent: contextFromCarrier({ traceparent: Buffer.from(carrier!.traceparent) }) }, async (span) =>
      span.spanContext(),
    );
    expect(received.traceId).toBe(sent.traceId);
    const receiver = exporter.getFinishedSpans().find((span) => span.name === 'receiver')!;
    expect(receiver.parentSpanContext?.spanId).toBe(sent.spanId);
  });

  it('has no carrier outside a trace', () => {
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(currentTraceCarrier()).toBeNull();
  });
});

describe('PlatformMetrics', () => {
  it('keeps client-chosen operation names bounded: malformed ones are anonymous, past 200 they are "other"', () => {
    const metrics = new PlatformMetrics('spec');
    expect(metrics.operationLabel('SubmitInstallOrder')).toBe('SubmitInstallOrder');
    expect(metrics.operationLabel('drop table; --')).toBe('anonymous');
    for (let n = 0; n < 300; n++) metrics.operationLabel(`Op${n}`);
    expect(metrics.operationLabel('Op5')).toBe('Op5');
    expect(metrics.operationLabel('BrandNewOperation')).toBe('other');
  });

  it('samples the event loop ten times a second, and a stalled loop still shows in the delay it reports', async () => {
    const metrics = new PlatformMetrics('spec');
    await new Promise((resolve) => setTimeout(resolve, 3 * EVENT_LOOP_SAMPLE_MS));
    const stalledUntil = Date.now() + 400;
    while (Date.now() < stalledUntil); // the loop is blocked, as by a runaway handler
    await new Promise((resolve) => setTimeout(resolve, 2 * EVENT_LOOP_SAMPLE_MS));
    const scraped = await metrics.registry.metrics();
    const gauge = (name: string) => Number(new RegExp(`^aftercare_process_nodejs_eventloop_lag_${name}_seconds\\{[^}]*\\} (\\S+)$`, 'm').exec(scraped)![1]);
    // Each sample is the time since the previous one: the sampling interval when the loop keeps up, more when it stalls.
    expect(gauge('min')).toBeGreaterThanOrEqual(0.09);
    expect(gauge('min')).toBeLessThan(0.2);
    expect(gauge('max')).toBeGreaterThanOrEqual(0.4);
  });

  it('reads the outbox and the pool when scraped', async () => {
    const metrics = new PlatformMetrics('spec');
    metrics.observeOutbox(async () => ({ backlog: 3, oldestUnsentSeconds: 42.5 }));
    metrics.observePool(() => ({ total: 7, idle: 2, waiting: 1, max: 10 }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('aftercare_outbox_backlog_events{service="spec"} 3');
    expect(text).toContain('aftercare_outbox_oldest_unsent_age_seconds{service="spec"} 42.5');
    expect(text).toContain('aftercare_db_pool_connections{state="in_use",service="spec"} 5');
  });
});
