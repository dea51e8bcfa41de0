import type { GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from '@aftercare/logging';
import { ErrorCodes } from './errors';

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
 * Validation failures become `BAD_USER_INPUT` with a flat `fields` list; unexpected errors are logged
 * in full and reach the client only as INTERNAL_SERVER_ERROR, never with a stack or SQL.
 */
export function createErrorFormatter(logger: Logger) {
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
      logger.error('unexpected error', { error: (error as { originalError?: unknown }).originalError ?? error, path: formatted.path });
      return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code } };
    }
    return { ...formatted, extensions: { ...extensions, code } };
  };
}
