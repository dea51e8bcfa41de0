import type { GraphQLFormattedError } from 'graphql';

/** Internal details a subgraph or the gateway may attach that a client must never see. */
const HIDDEN_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'query', 'variables', 'response', 'http', 'originalError'];
/** A message that names a server, a file or a stack frame is internal, whatever its code says. */
const INTERNAL_DETAIL = /https?:\/\/|\/work\/|\/home\/|\/usr\/|node_modules|\.[jt]s:\d+|\bat [\w.<>]+ \(|ECONNREFUSED|ETIMEDOUT|socket hang up/i;
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

export const MASKED_MESSAGE = 'Internal server error';

export function isInternal(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.['code'];
  return typeof code !== 'string' || INTERNAL_CODES.has(code) || INTERNAL_DETAIL.test(error.message);
}

/**
 * What reaches the client: client mistakes and business refusals keep their message and stable code
 * (plus `fields`, `requiredRoles`, …); anything internal becomes "Internal server error" with code
 * INTERNAL_SERVER_ERROR, and the request id is added later by the plugin that logs the original.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isInternal(formatted)) {
    return { message: MASKED_MESSAGE, path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formatted.extensions ?? {})) {
    if (HIDDEN_EXTENSIONS.includes(key)) continue;
    if (typeof value === 'string' && INTERNAL_DETAIL.test(value)) continue;
    extensions[key] = value;
  }
  return { ...formatted, extensions };
}
