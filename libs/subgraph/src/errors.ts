import { GraphQLError } from 'graphql';
import { GenericErrorCodes, ServiceErrorCode } from '@aftercare/error-codes';

/**
 * The generic codes every service may answer (libs/error-codes holds them and each service's business codes).
 * Messages are for people and may change; codes may not.
 */
export const ErrorCodes = GenericErrorCodes;

/** A code a service may throw: generic, or from a service's catalogue in libs/error-codes — never a bare string. */
export type ErrorCode = ServiceErrorCode;

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
