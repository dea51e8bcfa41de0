import { MessagingTables1763800000000 } from './messaging-tables.migration';
import { OutboxNotifyTrigger1764900000000 } from './outbox-notify-trigger.migration';
import { OutboxTraceContext1764600000000 } from './outbox-trace-context.migration';

/** The messaging tables' migrations, in order; every service database runs them before its own. */
export const messagingMigrations = [MessagingTables1763800000000, OutboxTraceContext1764600000000, OutboxNotifyTrigger1764900000000];
