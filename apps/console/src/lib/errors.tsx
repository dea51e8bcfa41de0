import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { GraphqlErrorEntry, GraphQLRequestError, NetworkError } from './graphql';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'common', ...options });

/** Is there a sentence for this code in the catalogue (common:errors.<CODE>)? */
export const knownErrorCode = (code: string | undefined): code is string => !!code && i18n.exists(`errors.${code}`, { ns: 'common' });

function describe(error: GraphqlErrorEntry): string {
  const extensions = error.extensions ?? {};
  const code = extensions.code;
  switch (code) {
    case 'BAD_USER_INPUT': {
      const fields = extensions.fields ?? [];
      const detail = fields.length ? fields.map((field) => `${field.field.split('.').pop()}: ${field.messages.join(', ')}`).join('; ') : error.message;
      return t('errors.BAD_USER_INPUT', { detail });
    }
    case 'INVALID_STATE_TRANSITION': {
      const status = extensions['status'];
      const entity = typeof extensions['statusEnum'] === 'string' ? extensions['statusEnum'] : undefined;
      if (typeof status === 'string') {
        const label = entity && i18n.exists(`${entity}.${status}`, { ns: 'enums' }) ? i18n.t(`${entity}.${status}`, { ns: 'enums' }) : undefined;
        if (label) return t('errors.INVALID_STATE_TRANSITION_status', { status: label });
      }
      return t('errors.INVALID_STATE_TRANSITION');
    }
    case 'RATE_LIMITED':
      return t('errors.RATE_LIMITED', { seconds: extensions.retryAfterSeconds ?? '…' });
    case 'INTERNAL_SERVER_ERROR':
      return t('errors.INTERNAL_SERVER_ERROR', { reference: extensions['requestId'] ?? '—' });
    default:
      // Business refusals (OPINION_REQUIRED, AGENT_NOT_ON_TEAM, …) each have their sentence; a code the
      // catalogue does not know yet keeps the service's own message rather than showing the code.
      return knownErrorCode(code) ? t(`errors.${code}`) : t('errors.UNKNOWN', { message: error.message });
  }
}

/** What to tell a person about a failure: one sentence per error, in the console's language, never a stack trace. */
export function humanMessages(error: unknown): string[] {
  if (error instanceof GraphQLRequestError) return [...new Set(error.errors.map(describe))];
  if (error instanceof NetworkError) return [t('errors.NETWORK')];
  return [error instanceof Error ? error.message : String(error)];
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof GraphQLRequestError ? error.code : undefined;
}

export function ErrorNotice({ error, onRetry, title, type = 'error' }: { error: unknown; onRetry?: () => void; title?: string; type?: 'error' | 'warning' }) {
  const { t: translate } = useTranslation('common');
  const messages = humanMessages(error);
  return (
    <Alert
      type={type}
      showIcon
      role="alert"
      data-testid="error-notice"
      message={title ?? messages[0]}
      description={title ? messages.join(' ') : messages.slice(1).join(' ') || undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {translate('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
