import { Client } from 'pg';
import { Platform } from '@aftercare/testing';

/**
 * What a service's instances did with their messaging tables, recorded by PostgreSQL in the service's own
 * database. The inbox stores only the event id and its transaction's start time (`now()`): enough to tell an
 * event was applied once, not in which order two applies of one aggregate took effect, nor which instance
 * did the work. Triggers installed by the test (nothing in the services changes) record, in the same
 * transaction as each write, so a rolled-back attempt leaves no trace:
 * - `faults_applied`: per inbox insert, the instance (`application_name`, `<app>#<n>` from the test platform),
 *   the applying transaction's id, and the snapshot it ran under, from which "this apply saw that earlier
 *   apply committed" is decided exactly (`pg_visible_in_snapshot`); and the order of the inserts (`ord`), which
 *   is the order a consumer applies the events of one batch in, all in one transaction;
 * - `faults_recorded`: per outbox insert, the instance whose transaction recorded the event (a sweep's claim);
 * - `faults_published`: per outbox row marked published, the instance whose relay published it.
 */
export async function observeMessaging(db: Client): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS faults_applied (
      consumer text NOT NULL, event_id uuid NOT NULL, applied_by text NOT NULL, xid xid8 NOT NULL, snapshot pg_snapshot NOT NULL,
      ord bigint GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (consumer, event_id));
    CREATE TABLE IF NOT EXISTS faults_recorded (event_id uuid PRIMARY KEY, event_type text NOT NULL, recorded_by text NOT NULL);
    CREATE TABLE IF NOT EXISTS faults_published (event_id uuid NOT NULL, published_by text NOT NULL);
    CREATE OR REPLACE FUNCTION faults_observe_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO faults_applied VALUES (NEW.consumer, NEW.event_id, current_setting('application_name'), pg_current_xact_id(), pg_current_snapshot());
      RETURN NULL; END $$;
    CREATE OR REPLACE FUNCTION faults_observe_record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO faults_recorded VALUES (NEW.event_id, NEW.event_type, current_setting('application_name'));
      RETURN NULL; END $$;
    CREATE OR REPLACE FUNCTION faults_observe_publish() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO faults_published VALUES (NEW.event_id, current_setting('application_name'));
      RETURN NULL; END $$;
    CREATE OR REPLACE TRIGGER faults_observe_apply AFTER INSERT ON inbox_event FOR EACH ROW EXECUTE FUNCTION faults_observe_apply();
    CREATE OR REPLACE TRIGGER faults_observe_record AFTER INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION faults_observe_record();
    CREATE OR REPLACE TRIGGER faults_observe_publish AFTER UPDATE OF published_at ON outbox_event FOR EACH ROW
      WHEN (OLD.published_at IS NULL AND NEW.published_at IS NOT NULL) EXECUTE FUNCTION faults_observe_publish();`);
}

/** "sales#1:40 sales#2:38": how work was split over instances. */
export function byInstance(rows: { instance: string; n: number }[]): string {
  return (
    rows
      .sort((a, b) => a.instance.localeCompare(b.instance))
      .map((row) => `${row.instance}:${row.n}`)
      .join(' ') || '-'
  );
}

export interface ProducedEvent {
  eventId: string;
  /** The aggregate (the message key, so also the partition). */
  aggregate: string;
  /** The producer's outbox sequence: commit order, the order the relay publishes in. */
  sequence: string;
}

/** The events of these types a service recorded for these aggregates, in production order. */
export async function producedEvents(producer: Client, aggregates: string[], types: string[]): Promise<ProducedEvent[]> {
  const { rows } = await producer.query<ProducedEvent>(
    `SELECT event_id AS "eventId", message_key AS aggregate, sequence FROM outbox_event WHERE message_key = ANY($1) AND event_type = ANY($2) ORDER BY sequence`,
    [aggregates, types],
  );
  return rows;
}

export interface ApplyOrderFigures {
  produced: number;
  /** Produced events the consumer has not applied (yet). */
  notApplied: number;
  /**
   * Events applied without the aggregate's previous event (in production order) committed before them: applied
   * out of order, or at the same time as it by another instance. Counted from the applying transaction's own
   * snapshot, so an apply that merely started first but saw its predecessor committed is not a violation. Two
   * events applied by one transaction (a consumer's batch) are in order when the earlier one's inbox insert
   * came first, the order the batch applies them in.
   */
  orderViolations: number;
  appliedBy: string;
}

/** How `consumer` applied `produced` (all of which it consumes), from `faults_applied` in its database. */
export async function applyOrderFigures(consumerDb: Client, consumer: string, produced: ProducedEvent[]): Promise<ApplyOrderFigures> {
  const { rows } = await consumerDb.query<{ applied: number; violations: number }>(
    `WITH produced AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p("eventId" uuid, aggregate text, sequence bigint)),
          applied AS (
            SELECT a.snapshot, a.xid, a.ord, lag(a.xid) OVER aggregate AS previous, lag(a.ord) OVER aggregate AS previous_ord
              FROM produced p JOIN faults_applied a ON a.event_id = p."eventId" AND a.consumer = $2
            WINDOW aggregate AS (PARTITION BY p.aggregate ORDER BY p.sequence))
     SELECT count(*)::int AS applied,
            count(*) FILTER (
              WHERE previous IS NOT NULL
                AND CASE WHEN previous = xid THEN previous_ord > ord ELSE NOT pg_visible_in_snapshot(previous, snapshot) END
            )::int AS violations
       FROM applied`,
    [JSON.stringify(produced), consumer],
  );
  const { rows: split } = await consumerDb.query<{ instance: string; n: number }>(
    `SELECT applied_by AS instance, count(*)::int AS n FROM faults_applied WHERE consumer = $1 AND event_id = ANY($2::uuid[]) GROUP BY applied_by`,
    [consumer, produced.map((event) => event.eventId)],
  );
  const [figures] = rows;
  return {
    produced: produced.length,
    notApplied: produced.length - (figures?.applied ?? 0),
    orderViolations: figures?.violations ?? 0,
    appliedBy: byInstance(split),
  };
}

/** Copies of one event on a topic beyond the first: what a relay without its lock would add. */
export function duplicateCopies(messages: { value: string }[]): number {
  const ids = messages.map((message) => (JSON.parse(message.value) as { id: string }).id);
  return ids.length - new Set(ids).size;
}

/** GraphQL requests each running instance of a service has served, from its own /metrics. */
export async function requestsServed(platform: Platform, app: string): Promise<number[]> {
  return Promise.all(
    platform.instances(app).map(async (_, instance) => {
      const metrics = await (await fetch(`${platform.instanceBase(app, instance)}/metrics`)).text();
      return metrics
        .split('\n')
        .filter((line) => line.startsWith('aftercare_graphql_request_duration_seconds_count'))
        .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    }),
  );
}

const CREATE_CUSTOMER = `mutation CreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

/** Customer cards staff open in sales (each announced with CustomerRegistered, keyed by the customer). */
export async function createCustomers(platform: Platform, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await platform.asStaff<{ createCustomer: { id: string } }>(['ADMIN'], CREATE_CUSTOMER, {
      input: {
        name: `${prefix} customer ${i}`,
        city: 'Hangzhou',
        address: `${i} Replica Road`,
        phone: `+86136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      },
    });
    if (!created.data) throw new Error(`createCustomer failed: ${JSON.stringify(created.errors)}`);
    ids.push(created.data.createCustomer.id);
  }
  return ids;
}
