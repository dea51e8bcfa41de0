import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { inSpan, startTracing, tracerFor } from '@aftercare/telemetry';
import { EventConsumer } from './inbox/event-consumer';
import { on } from './inbox/event-handler';
import { messagingTestbed, MessagingTestbed, Noted } from './messaging.spec-support';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';

const exporter = new InMemorySpanExporter();
startTracing('messaging-test', { exporter });

const parentOf = (span: ReadableSpan): string | undefined =>
  // sdk-trace-base 2.x names the parent in parentSpanContext, 1.x in parentSpanId.
  (span as unknown as { parentSpanContext?: { spanId: string } }).parentSpanContext?.spanId ?? (span as unknown as { parentSpanId?: string }).parentSpanId;

describe('trace context through the outbox and Kafka (real PostgreSQL and Kafka, in-memory span exporter)', () => {
  let bed: MessagingTestbed;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  const handledIn: { n: number; traceId?: string; spanId?: string }[] = [];
  const lags: number[] = [];

  beforeAll(async () => {
    bed = await messagingTestbed('trace');
    relay = new OutboxRelay({ dataSource: bed.dataSource, kafka: bed.kafka, config: bed.config, logger: bed.logger, topics: [Noted.topic] });
    consumer = new EventConsumer({
      dataSource: bed.dataSource,
      kafka: bed.kafka,
      config: bed.config,
      logger: bed.logger,
      group: 'traced-notes',
      handlers: [
        on(Noted, async (event, manager) => {
          const active = trace.getActiveSpan()?.spanContext();
          handledIn.push({ n: event.payload.n, traceId: active?.traceId, spanId: active?.spanId });
          await manager.query('INSERT INTO noted (n) VALUES ($1)', [event.payload.n]);
        }),
      ],
      observer: { lag: (_topic, _partition, lag) => lags.push(lag), deadLettered: () => undefined },
    });
    await relay.start();
    consumer.start();
    await consumer.ready();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await bed?.close();
  });

  it("stores the request's trace in the outbox row, sends it in the headers, and handles the event in a child span", async () => {
    const outbox = new Outbox();
    const request = await inSpan(tracerFor('test'), 'graphql PlaceNote', { kind: SpanKind.SERVER }, async (span) => {
      await bed.dataSource.transaction((manager) => outbox.record(manager, Noted.create('note-1', { n: 7 })));
      return span.spanContext();
    });

    const [row] = await bed.dataSource.query(`SELECT trace_context FROM outbox_event WHERE message_key = 'note-1'`);
    expect(row.trace_context.traceparent).toBe(`00-${request.traceId}-${request.spanId}-01`);

    const deadline = Date.now() + 30000;
    while (handledIn.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handledIn).toHaveLength(1);

    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === request.traceId);
    const publish = spans.find((span) => span.name === 'publish Noted')!;
    const consume = spans.find((span) => span.name === 'consume Noted')!;
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(parentOf(publish)).toBe(request.spanId);
    expect(consume.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(consume)).toBe(publish.spanContext().spanId);
    // The handler ran inside the consumer span: its queries and any events it records continue the trace.
    expect(handledIn[0]).toEqual({ n: 7, traceId: request.traceId, spanId: consume.spanContext().spanId });
    // The lag is reported when the batch ends, a moment after its handler ran.
    while (lags.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lags.at(-1)).toBe(0);
  });
});
