import { Alert, Button } from 'antd';
import { GraphqlError, GraphqlErrorEntry, NetworkError } from './graphql';

const label = (field: string) =>
  (field.split('.').pop() ?? field)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

const lower = (value: unknown) => String(value).replace(/_/g, ' ').toLowerCase();

/**
 * Business refusals the services answer with their own codes. The message the service sent is kept next to
 * these (it names the record), so each line here says what the person can do about it.
 */
const BUSINESS: Record<string, string> = {
  CONFLICT: 'Someone else changed this at the same time. Reload and try again.',
  PARTNER_CODE_TAKEN: 'A partner with that code is already registered.',
  ENGINEER_PHONE_TAKEN: 'An engineer with that phone number is already registered.',
  CUSTOMER_PHONE_TAKEN: 'A customer with that phone number already has a card.',
  CONSUMABLE_PLAN_EXISTS: 'That product model already has a consumable plan.',
  OPINION_REQUIRED: 'Liability is involved: give the handling opinion before resolving.',
  COMPENSATION_PENDING: 'A compensation is waiting for a supervisor’s decision; it must be decided first.',
  LIABILITY_ALREADY_DETERMINED: 'Liability has already been determined for this complaint.',
  ALREADY_WAITING_ON_CUSTOMER: 'The complaint is already waiting on the customer.',
  NOT_WAITING_ON_CUSTOMER: 'The complaint is not waiting on the customer.',
  BACKUP_TASK_NOT_OPEN: 'This backup search is already closed.',
  SELF_INSTALL_NOT_OFFERED: 'Self-installation was not offered for this work order.',
  EVALUATION_EXISTS: 'This job has already been evaluated.',
  ENGINEER_SUSPENDED: 'That engineer is suspended and cannot take work.',
  UNAVAILABILITY_OVERLAPS: 'Those days overlap days already marked.',
  PAYOUT_BATCH_EXISTS: 'The payout for that period has already run.',
  AGENT_NOT_ON_TEAM: 'You are not on the call team; ask a supervisor to add you.',
  PRICE_BELOW_FLOOR: 'The price is below the reference floor for this region.',
  PROMISE_EXCEEDS_TEMPLATE: 'The promise exceeds the template; a supervisor must approve it first.',
};

function describe(error: GraphqlErrorEntry): string {
  const extensions = error.extensions ?? {};
  const code = extensions.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'You are not signed in, or your sign-in has expired. Sign in again.';
    case 'FORBIDDEN':
      return 'Your role is not allowed to do this. Ask a supervisor if you need it.';
    case 'NOT_FOUND':
      return `Not found: ${error.message}. It may not exist, or it is not yours to see.`;
    case 'BAD_USER_INPUT': {
      const fields = extensions.fields ?? [];
      if (fields.length === 0) return `Please check what you entered: ${error.message}`;
      return `Please check: ${fields.map((field) => `${label(field.field)} — ${field.messages.join(', ')}`).join('; ')}`;
    }
    case 'INVALID_STATE_TRANSITION': {
      const status = extensions['status'];
      const allowed = extensions['allowedFrom'];
      const from = Array.isArray(allowed) && allowed.length ? ` (only from ${allowed.map(lower).join(', ')})` : '';
      return status ? `Not possible now: it is ${lower(status)}${from}. Reload to see its current state.` : `Not possible in its current state: ${error.message}`;
    }
    case 'RATE_LIMITED':
      return `Too many requests just now. Wait ${extensions.retryAfterSeconds ?? 'a few'} seconds and try again.`;
    case 'INTERNAL_SERVER_ERROR':
      return `Something went wrong on our side${extensions['requestId'] ? ` (reference ${extensions['requestId']})` : ''}. Try again; if it keeps happening, report the reference.`;
    case 'PERSISTED_QUERY_NOT_ALLOWED':
      return 'A partner key may run only the operations the platform publishes for partners; this one is not among them.';
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'This console is out of date with the platform. Reload the page.';
    default:
      if (code && BUSINESS[code]) return `${BUSINESS[code]} (${error.message})`;
      return error.message;
  }
}

/** What to tell a person about a failure: one sentence per error, never a stack trace. */
export function humanMessages(error: unknown): string[] {
  if (error instanceof GraphqlError) return [...new Set(error.errors.map(describe))];
  if (error instanceof NetworkError) return ['The console cannot reach the platform. Check that it is running (npm start) and try again.'];
  return [error instanceof Error ? error.message : String(error)];
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof GraphqlError ? error.code : undefined;
}

export function ErrorNotice({ error, onRetry, title, type = 'error' }: { error: unknown; onRetry?: () => void; title?: string; type?: 'error' | 'warning' }) {
  const messages = humanMessages(error);
  return (
    <Alert
      type={type}
      showIcon
      data-testid="error-notice"
      message={title ?? messages[0]}
      description={title ? messages.join(' ') : messages.slice(1).join(' ') || undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    />
  );
}
