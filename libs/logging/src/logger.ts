import { trace } from '@opentelemetry/api';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

function configuredLevel(): LogLevel {
  const level = (process.env['LOG_LEVEL'] ?? 'info').toLowerCase();
  return level in LEVELS ? (level as LogLevel) : 'info';
}

function serialise(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

/**
 * One JSON object per line on stdout: what log shippers and `jq` read without configuration.
 * The level comes from LOG_LEVEL unless given (tests that provoke errors on purpose pass 'silent').
 */
export function createLogger(service: string, component?: string, level: LogLevel = configuredLevel()): Logger {
  const threshold = LEVELS[level];
  const write = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < threshold) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, service, message };
    if (component) entry['component'] = component;
    // The active trace (request, outbox publish, event handling): one id finds every line of a flow across services.
    const spanContext = trace.getActiveSpan()?.spanContext();
    if (spanContext && trace.isSpanContextValid(spanContext)) {
      entry['traceId'] = spanContext.traceId;
      entry['spanId'] = spanContext.spanId;
    }
    for (const [key, value] of Object.entries(fields ?? {})) entry[key] = serialise(value);
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (name) => createLogger(service, component ? `${component}.${name}` : name, level),
  };
}
