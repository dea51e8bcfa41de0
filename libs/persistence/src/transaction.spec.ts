import { QueryFailedError } from 'typeorm';
import { rejectingDuplicates } from './transaction';

class Taken extends Error {}

/** What TypeORM throws when PostgreSQL refuses a write: the driver's error, with SQLSTATE and constraint. */
function violation(code: string, constraint: string): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value'), { code, constraint }));
}

describe('rejectingDuplicates', () => {
  const rejection = { constraint: 'uq_thing_name', error: () => new Taken('that name is taken') };

  it('returns what the work returns', async () => {
    await expect(rejectingDuplicates(async () => 42, rejection)).resolves.toBe(42);
  });

  it("turns a violation of the named unique index into the caller's error", async () => {
    const work = () => Promise.reject(violation('23505', 'uq_thing_name'));
    await expect(rejectingDuplicates(work, rejection)).rejects.toThrow(new Taken('that name is taken'));
  });

  it('rethrows a violation of another unique index, and any other failure, unchanged', async () => {
    const otherIndex = violation('23505', 'uq_thing_code');
    await expect(rejectingDuplicates(() => Promise.reject(otherIndex), rejection)).rejects.toBe(otherIndex);
    const notNull = violation('23502', 'uq_thing_name');
    await expect(rejectingDuplicates(() => Promise.reject(notNull), rejection)).rejects.toBe(notNull);
  });

  it('treats any unique violation as a duplicate when no index is named', async () => {
    const work = () => Promise.reject(violation('23505', 'UQ_generated_name'));
    await expect(rejectingDuplicates(work, { error: rejection.error })).rejects.toBeInstanceOf(Taken);
  });
});
