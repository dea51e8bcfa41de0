import type { GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from '@aftercare/logging';
import { databaseUnavailability, missingRequiredColumn } from '@aftercare/persistence';
import { ErrorCodes } from '@aftercare/subgraph';

interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A database that went away (restart, failover) is an outage, not a bug: the caller gets a stable code and
 * whether retrying is safe, never the driver's message (which names the server) or a stack.
 */
function databaseUnavailable(formatted: GraphQLFormattedError, service: string, outcomeUnknown: boolean): GraphQLFormattedError {
  const message = outcomeUnknown
    ? `The ${service} service lost its database while saving; the change may or may not have been applied, so check before retrying`
    : `The ${service} service cannot reach its database right now; retry shortly`;
  return {
    message,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCodes.DATABASE_UNAVAILABLE, service, retryable: !outcomeUnknown },
  };
}

/**
 * Validation failures become `BAD_USER_INPUT` with a flat `fields` list; an unreachable database becomes
 * DATABASE_UNAVAILABLE; other unexpected errors are logged in full and reach the client only as
 * INTERNAL_SERVER_ERROR, never with a stack or SQL.
 */
export function createErrorFormatter(logger: Logger, service = 'this') {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = { ...(formatted.extensions ?? {}) };
    const code = typeof extensions['code'] === 'string' ? extensions['code'] : ErrorCodes.INTERNAL_SERVER_ERROR;
    delete extensions['stacktrace'];
    if (Array.isArray(extensions['validationErrors'])) {
      const fields = flatten(extensions['validationErrors'] as ValidationError[]);
      delete extensions['validationErrors'];
      return {
        ...formatted,
        message: `Invalid input: ${fields.map((f) => `${f.field} (${f.messages.join('; ')})`).join(', ')}`,
        extensions: { ...extensions, code: ErrorCodes.BAD_USER_INPUT, fields },
      };
    }
    if (code === ErrorCodes.INTERNAL_SERVER_ERROR) {
      const missing = missingRequiredColumn(error);
      if (missing) {
        const fields = [{ field: missing, messages: [`${missing} must have a value (null is not accepted here)`] }];
        return {
          message: `Invalid input: ${missing} must have a value`,
          path: formatted.path,
          locations: formatted.locations,
          extensions: { code: ErrorCodes.BAD_USER_INPUT, fields },
        };
      }
      const unavailable = databaseUnavailability(error);
      if (unavailable) {
        logger.warn('database unavailable', { error: (error as { originalError?: unknown }).originalError ?? error, path: formatted.path, ...unavailable });
        return databaseUnavailable(formatted, service, unavailable.outcomeUnknown);
      }
      logger.error('unexpected error', { error: (error as { originalError?: unknown }).originalError ?? error, path: formatted.path });
      return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code } };
    }
    return { ...formatted, extensions: { ...extensions, code } };
  };
}
