import { Context, context, defaultTextMapGetter, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import * as resources from '@opentelemetry/resources';
import { AlwaysOffSampler, BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  /** Spans go here as they end (tests: an InMemorySpanExporter). */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

export interface Tracing {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let installed: { provider: BasicTracerProvider; serviceName: string } | null = null;

function resourceFor(serviceName: string): unknown {
  const attributes = { 'service.name': serviceName };
  // @opentelemetry/resources 2.x builds resources with a function, 1.x with a class.
  const api = resources as unknown as {
    resourceFromAttributes?: (attributes: Record<string, string>) => unknown;
    Resource?: new (attributes: Record<string, string>) => unknown;
  };
  return api.resourceFromAttributes ? api.resourceFromAttributes(attributes) : new api.Resource!(attributes);
}

/**
 * OpenTelemetry for this process: W3C trace context in and out, the active span carried across awaits
 * (AsyncLocalStorage), and spans exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (or to the
 * given exporter). Without an exporter nothing is recorded (a span nobody exports is pure cost on every request),
 * yet every span still has its trace id, so trace ids reach the logs, outbox rows and the next hop.
 * One provider per process: a second call (several services in one test process) keeps the first.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): Tracing {
  if (!installed) {
    const env = options.env ?? process.env;
    const processors: SpanProcessor[] = [];
    if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
    if (env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
      // The exporter reads the endpoint, headers and timeouts from the standard OTEL_* variables.
      processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
    }
    const provider = new BasicTracerProvider({
      resource: resourceFor(env['OTEL_SERVICE_NAME'] || serviceName) as never,
      spanProcessors: processors,
      ...(processors.length === 0 ? { sampler: new AlwaysOffSampler() } : {}),
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    installed = { provider, serviceName };
  }
  const { provider } = installed;
  return {
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** The tracer a component of a service uses; its scope name says which service made the span. */
export function tracerFor(serviceName: string): Tracer {
  return trace.getTracer(`aftercare.${serviceName}`);
}

/** W3C trace context (`traceparent`, `tracestate`) as a plain object: what travels in outbox rows and headers. */
export type TraceCarrier = Record<string, string>;

/** The active trace context, to store or send on; null when there is no valid active span. */
export function currentTraceCarrier(active: Context = context.active()): TraceCarrier | null {
  if (!trace.getSpanContext(active)) return null;
  const carrier: TraceCarrier = {};
  propagation.inject(active, carrier);
  return carrier['traceparent'] ? carrier : null;
}

/** A context whose parent is the carried trace (from headers, an outbox row, a Kafka message). */
export function contextFromCarrier(carrier: Record<string, unknown> | null | undefined): Context {
  if (!carrier) return ROOT_CONTEXT;
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(carrier)) {
    if (typeof value === 'string') strings[key.toLowerCase()] = value;
    else if (Buffer.isBuffer(value)) strings[key.toLowerCase()] = value.toString('utf8');
    else if (Array.isArray(value) && typeof value[0] === 'string') strings[key.toLowerCase()] = value[0];
  }
  return propagation.extract(ROOT_CONTEXT, strings, defaultTextMapGetter);
}

/**
 * Runs `work` in a new span (child of `parent`, the active context by default) and ends it, recording a
 * thrown error. The span is active inside `work`, so what it does (queries, outbox rows, calls) joins the trace.
 */
export async function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: { kind?: SpanKind; attributes?: Record<string, string | number | boolean>; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan(name, { kind: options.kind, attributes: options.attributes }, options.parent ?? context.active());
  try {
    return await context.with(trace.setSpan(options.parent ?? context.active(), span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** The active trace and span ids, for log lines; empty outside a trace. */
export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}

export { SpanKind, SpanStatusCode };
