import { DataSource, EntityManager } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** Runs work in one transaction; everything it writes — state and outbox events — commits or none of it does. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: violated } = driverError as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && (constraint === undefined || violated === constraint);
}

export interface DuplicateRejection {
  /** The unique index or constraint that says "this already exists"; without it, any unique violation does. */
  constraint?: string;
  /** The business error to throw instead, e.g. a DomainError with a code clients branch on. */
  error: () => Error;
}

/**
 * Runs work (typically a transaction) and turns the violation of one unique index into the caller's
 * business error. The index, not a prior lookup, decides, so two concurrent writers of one key cannot
 * both succeed; every other failure is rethrown unchanged.
 */
export async function rejectingDuplicates<T>(work: () => Promise<T>, rejection: DuplicateRejection): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, rejection.constraint)) throw rejection.error();
    throw error;
  }
}
