import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code` values clients may branch on. Messages are for people and may change;
 * codes may not. Service-specific codes (e.g. PRICE_BELOW_FLOOR) are passed as plain strings.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_STATE_TRANSITION: 'INVALID_STATE_TRANSITION',
  /** The service cannot reach its database right now; `extensions.retryable` says whether trying again is safe. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | (string & {});

/** A business rule said no. Carries a stable code and, optionally, facts the client can show. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export function notFound(entity: string, id: string): DomainError {
  return new DomainError(ErrorCodes.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
}

export function badInput(message: string, field?: string): DomainError {
  return new DomainError(ErrorCodes.BAD_USER_INPUT, message, field ? { fields: [{ field, messages: [message] }] } : {});
}
