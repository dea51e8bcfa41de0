import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '@aftercare/logging';
import { createErrorFormatter } from './format-error';

const format = createErrorFormatter(createLogger('test', undefined, 'silent'), 'sales');

/** How graphql-js hands a resolver's failure to the formatter: the formatted error, and the error wrapping the original. */
function resolverFailure(original: Error) {
  const error = new GraphQLError(original.message, { path: ['submitInstallOrder'], originalError: original });
  return [error.toJSON(), error] as const;
}

/** The driver's error as TypeORM wraps it, with the message PostgreSQL sends when it shuts down. */
function sessionEnded(query: string): QueryFailedError {
  return new QueryFailedError(query, [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
}

describe('error formatting', () => {
  it('an unreachable database is DATABASE_UNAVAILABLE, retryable, naming the service and nothing internal', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (const original of [refused, sessionEnded('INSERT INTO sales_order …')]) {
      const formatted = format(...resolverFailure(original));
      expect(formatted).toEqual({
        message: 'The sales service cannot reach its database right now; retry shortly',
        path: ['submitInstallOrder'],
        locations: undefined,
        extensions: { code: 'DATABASE_UNAVAILABLE', service: 'sales', retryable: true },
      });
    }
  });

  it('a connection lost during COMMIT is DATABASE_UNAVAILABLE but not retryable: the change may have been applied', () => {
    const formatted = format(...resolverFailure(sessionEnded('COMMIT')));
    expect(formatted.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', service: 'sales', retryable: false });
    expect(formatted.message).toMatch(/may or may not have been applied/);
  });

  it('any other unexpected failure stays a masked INTERNAL_SERVER_ERROR', () => {
    const formatted = format(...resolverFailure(new QueryFailedError('SELECT 1 / 0', [], Object.assign(new Error('division by zero'), { code: '22012' }))));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['submitInstallOrder'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('an explicit null that reached a NOT NULL column is BAD_USER_INPUT naming the field, not an internal error', () => {
    const driver = Object.assign(new Error('null value in column "business_type" of relation "customer" violates not-null constraint'), {
      code: '23502',
      column: 'business_type',
    });
    const formatted = format(...resolverFailure(new QueryFailedError('UPDATE customer …', [], driver)));
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'businessType', messages: ['businessType must have a value (null is not accepted here)'] }],
    });
    expect(formatted.message).not.toMatch(/relation|customer/);
  });
});
