import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES, ComplaintsErrorCodes } from '@aftercare/error-codes';
import { initI18n } from '../i18n';
import { GraphQLRequestError } from './graphql';
import { humanMessages } from './errors';

const errorsOf = (language: string): Record<string, string> =>
  (JSON.parse(readFileSync(join(__dirname, '../i18n/locales', language, 'common.json'), 'utf8')) as { errors: Record<string, string> }).errors;

describe('error messages keyed by the error-code catalogue', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  it.each(['zh-CN', 'en'])('%s: every catalogued code has a sentence (common:errors.<CODE>)', (language) => {
    const errors = errorsOf(language);
    expect(ALL_ERROR_CODES.length).toBeGreaterThan(30);
    expect(ALL_ERROR_CODES.filter((code) => !errors[code]?.trim())).toEqual([]);
  });

  it('shows the sentence of a business code, not the code', async () => {
    const code = ComplaintsErrorCodes.ALREADY_WAITING_ON_CUSTOMER;
    const [message] = humanMessages(new GraphQLRequestError([{ message: 'raw service text', extensions: { code } }]));
    expect(message).toBe(errorsOf('en')[code]);
  });
});
