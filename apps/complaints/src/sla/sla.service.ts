import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { addBusinessTime, BusinessCalendar, businessTimeBetween, hotlineCalendar } from '@aftercare/business-time';
import { ComplaintCategory, ComplaintSlaBreached, ComplaintSlaPayload, ComplaintSlaWarning, SlaClockKind } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { Injectable } from '@aftercare/subgraph';
import type { Complaint } from '../complaints/complaint.entity';
import { BusinessHoliday } from './holiday.entity';
import { SlaClock } from './sla-clock.entity';
import { SlaPolicy, SlaTimeBase } from './sla-policy.entity';

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** The seeds' rule: where liability or compensation is at stake, a handling opinion within 48 hours, every hour counted. */
export const OPINION_RULE_HOURS = 48;
/** The 48-hour rule warns this long before. */
const OPINION_RULE_WARN_MINUTES = 6 * 60;
/** Rows one sweep claims per pass; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

interface Deadline {
  dueAt: Date;
  warnAt: Date;
}

/** The hotline's hours every day of the year, and the same hours without the public holidays (data). */
interface Calendars {
  hotline: BusinessCalendar;
  withHolidays: BusinessCalendar;
}

interface SweptRow {
  id: string;
  complaint_id: string;
  kind: SlaClockKind;
  due_at: Date;
  customer_id: string;
  category: ComplaintCategory;
  assignee_id: string | null;
}

/**
 * The SLA clocks. Deadlines are computed once and stored; pausing and resuming moves them; the sweep
 * publishes warnings and breaches from the stored rows, claiming each with an UPDATE so that a
 * restarted or a second instance never publishes one twice.
 */
@Injectable()
export class SlaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async calendars(manager: EntityManager): Promise<Calendars> {
    const holidays = await manager.getRepository(BusinessHoliday).find();
    return { hotline: hotlineCalendar(), withHolidays: hotlineCalendar(holidays.map((holiday) => holiday.day)) };
  }

  /** First contact is the hotline's, which answers 365 days a year; opinion and resolution skip holidays if the policy says so. */
  private observesHolidays(kind: SlaClockKind, policy: SlaPolicy | null): boolean {
    return kind !== 'FIRST_CONTACT' && (policy?.backOfficeObservesHolidays ?? false);
  }

  private calendarOf(calendars: Calendars, observesHolidays: boolean): BusinessCalendar {
    return observesHolidays ? calendars.withHolidays : calendars.hotline;
  }

  async policyFor(manager: EntityManager, category: ComplaintCategory, priority: string): Promise<SlaPolicy | null> {
    return manager.getRepository(SlaPolicy).findOneBy({ category, priority: priority as SlaPolicy['priority'] });
  }

  private deadline(calendar: BusinessCalendar, base: SlaTimeBase, start: Date, hours: number, warnBeforeMinutes: number): Deadline {
    const dueAt = base === 'BUSINESS_HOURS' ? addBusinessTime(calendar, start, hours * HOUR_MS) : new Date(start.getTime() + hours * HOUR_MS);
    const warnAt = new Date(Math.max(start.getTime(), dueAt.getTime() - warnBeforeMinutes * MINUTE_MS));
    return { dueAt, warnAt };
  }

  /** The opinion deadline: the policy's, or 48 elapsed hours from receipt when that is sooner and liability is at stake. */
  private opinionDeadline(calendars: Calendars, policy: SlaPolicy | null, receivedAt: Date, involvesLiability: boolean) {
    const observesHolidays = this.observesHolidays('OPINION', policy);
    const byPolicy = policy
      ? {
          ...this.deadline(this.calendarOf(calendars, observesHolidays), policy.countedIn, receivedAt, policy.opinionHours, policy.warnBeforeMinutes),
          rule: false,
          countedIn: policy.countedIn,
          observesHolidays,
        }
      : null;
    if (!involvesLiability) return byPolicy;
    const byRule = this.deadline(calendars.hotline, 'ELAPSED_HOURS', receivedAt, OPINION_RULE_HOURS, OPINION_RULE_WARN_MINUTES);
    if (byPolicy && byPolicy.dueAt <= byRule.dueAt) return byPolicy;
    return { ...byRule, rule: true, countedIn: 'ELAPSED_HOURS' as const, observesHolidays: false };
  }

  /** Starts a new complaint's clocks; returns the opinion deadline for the complaint's record. */
  async start(manager: EntityManager, complaint: Complaint): Promise<Date | null> {
    const calendars = await this.calendars(manager);
    const policy = await this.policyFor(manager, complaint.category, complaint.priority);
    const clocks: Partial<SlaClock>[] = [];
    if (policy) {
      for (const [kind, hours] of [
        ['FIRST_CONTACT', policy.firstContactHours],
        ['RESOLUTION', policy.resolutionHours],
      ] as const) {
        const observesHolidays = this.observesHolidays(kind, policy);
        const deadline = this.deadline(this.calendarOf(calendars, observesHolidays), policy.countedIn, complaint.receivedAt, hours, policy.warnBeforeMinutes);
        clocks.push({ kind, policyId: policy.id, countedIn: policy.countedIn, observesHolidays, startedAt: complaint.receivedAt, ...deadline });
      }
    }
    const opinion = this.opinionDeadline(calendars, policy, complaint.receivedAt, complaint.involvesLiability);
    if (opinion) {
      clocks.push({
        kind: 'OPINION',
        policyId: policy?.id ?? null,
        countedIn: opinion.countedIn,
        observesHolidays: opinion.observesHolidays,
        fortyEightHourRule: opinion.rule,
        startedAt: complaint.receivedAt,
        dueAt: opinion.dueAt,
        warnAt: opinion.warnAt,
      });
    }
    await manager.insert(
      SlaClock,
      clocks.map((clock) => ({ ...clock, complaintId: complaint.id, round: 0 })),
    );
    return opinion?.dueAt ?? null;
  }

  /**
   * Liability or compensation turned out to be at stake after intake: the opinion is now owed within
   * 48 hours of receipt, unless the running opinion clock is already sooner or has been met.
   */
  async applyOpinionRule(manager: EntityManager, complaint: Complaint): Promise<Date | null> {
    const clock = await manager.getRepository(SlaClock).findOneBy({ complaintId: complaint.id, kind: 'OPINION', round: 0 });
    const { hotline } = await this.calendars(manager);
    const rule = this.deadline(hotline, 'ELAPSED_HOURS', complaint.receivedAt, OPINION_RULE_HOURS, OPINION_RULE_WARN_MINUTES);
    if (!clock) {
      await manager.insert(SlaClock, {
        complaintId: complaint.id,
        kind: 'OPINION',
        round: 0,
        countedIn: 'ELAPSED_HOURS',
        observesHolidays: false,
        fortyEightHourRule: true,
        startedAt: complaint.receivedAt,
        ...rule,
      });
      return rule.dueAt;
    }
    if (clock.stoppedAt || clock.dueAt <= rule.dueAt) return clock.dueAt;
    await manager.update(
      SlaClock,
      { id: clock.id },
      { countedIn: 'ELAPSED_HOURS', observesHolidays: false, fortyEightHourRule: true, dueAt: rule.dueAt, warnAt: rule.warnAt },
    );
    return rule.dueAt;
  }

  /** A reopened complaint must be resolved again: a new resolution clock from the reopening. */
  async restartResolution(manager: EntityManager, complaint: Complaint, round: number, at: Date): Promise<void> {
    const policy = await this.policyFor(manager, complaint.category, complaint.priority);
    if (!policy) return;
    const observesHolidays = this.observesHolidays('RESOLUTION', policy);
    const calendar = this.calendarOf(await this.calendars(manager), observesHolidays);
    await manager.insert(SlaClock, {
      complaintId: complaint.id,
      kind: 'RESOLUTION',
      round,
      policyId: policy.id,
      countedIn: policy.countedIn,
      observesHolidays,
      startedAt: at,
      ...this.deadline(calendar, policy.countedIn, at, policy.resolutionHours, policy.warnBeforeMinutes),
    });
  }

  /** The target is met (or no longer owed): the clock stops, whether or not it breached first. */
  async stop(manager: EntityManager, complaintId: string, kinds: SlaClockKind[], at: Date): Promise<void> {
    await manager.update(SlaClock, { complaintId, kind: In(kinds), stoppedAt: IsNull() }, { stoppedAt: at, pausedAt: null });
  }

  /** Waiting on the customer: no running clock counts down meanwhile. */
  async pause(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    await manager.update(SlaClock, { complaintId, stoppedAt: IsNull(), pausedAt: IsNull() }, { pausedAt: at });
  }

  /** The customer answered: each paused clock gets back exactly the time it had left, counted as its target counts. */
  async resume(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    const paused = await manager.getRepository(SlaClock).find({ where: { complaintId, stoppedAt: IsNull() } });
    const calendars = await this.calendars(manager);
    for (const clock of paused) {
      const pausedAt = clock.pausedAt;
      if (!pausedAt) continue;
      const calendar = this.calendarOf(calendars, clock.observesHolidays);
      const shift = (instant: Date): Date => {
        if (instant <= pausedAt) return instant;
        if (clock.countedIn === 'ELAPSED_HOURS') return new Date(at.getTime() + (instant.getTime() - pausedAt.getTime()));
        return addBusinessTime(calendar, at, businessTimeBetween(calendar, pausedAt, instant));
      };
      await manager.update(SlaClock, { id: clock.id }, { pausedAt: null, dueAt: shift(clock.dueAt), warnAt: shift(clock.warnAt) });
    }
  }

  clocksOf(complaintIds: readonly string[]): Promise<SlaClock[]> {
    return this.dataSource.getRepository(SlaClock).find({ where: { complaintId: In([...complaintIds]) }, order: { dueAt: 'ASC' } });
  }

  /** Running clocks nearest their deadline first: what breaches next. */
  nextDue(first: number): Promise<SlaClock[]> {
    return this.dataSource
      .getRepository(SlaClock)
      .createQueryBuilder('clock')
      .where('clock.stoppedAt IS NULL AND clock.pausedAt IS NULL AND clock.breachedAt IS NULL')
      .orderBy('clock.dueAt', 'ASC')
      .addOrderBy('clock.id', 'ASC')
      .take(first)
      .getMany();
  }

  /**
   * One pass over the stored deadlines at `now`: every warning due, then every breach, each claimed by
   * setting its mark in the same transaction that writes its event. SKIP LOCKED lets two instances sweep
   * at once without waiting on or repeating each other. Returns how many of each went out.
   */
  sweep(now: Date = new Date()): Promise<{ warnings: number; breaches: number }> {
    return this.dataSource.transaction(async (manager) => {
      const warned = await this.claim(manager, 'warned_at', 'warn_at', now);
      const breached = await this.claim(manager, 'breached_at', 'due_at', now);
      await this.outbox.record(
        manager,
        ...warned.map((row) => ComplaintSlaWarning.create(row.complaint_id, this.payload(row, now))),
        ...breached.map((row) => ComplaintSlaBreached.create(row.complaint_id, this.payload(row, now))),
      );
      return { warnings: warned.length, breaches: breached.length };
    });
  }

  private async claim(manager: EntityManager, mark: 'warned_at' | 'breached_at', deadline: 'warn_at' | 'due_at', now: Date): Promise<SweptRow[]> {
    const rows = (await manager.query(
      `WITH claimed AS (
         UPDATE sla_clock SET ${mark} = $1
         WHERE id IN (
           SELECT id FROM sla_clock
           WHERE stopped_at IS NULL AND paused_at IS NULL AND ${mark} IS NULL AND ${deadline} <= $1
           ORDER BY ${deadline}
           LIMIT ${SWEEP_BATCH}
           FOR UPDATE SKIP LOCKED)
         RETURNING id, complaint_id, kind, due_at)
       SELECT claimed.*, c.customer_id, c.category, c.assignee_id
       FROM claimed JOIN complaint c ON c.id = claimed.complaint_id
       ORDER BY claimed.due_at, claimed.id`,
      [now],
    )) as SweptRow[];
    return rows;
  }

  private payload(row: SweptRow, now: Date): ComplaintSlaPayload {
    return {
      complaintId: row.complaint_id,
      customerId: row.customer_id,
      category: row.category,
      clock: row.kind,
      dueAt: new Date(row.due_at).toISOString(),
      assigneeId: row.assignee_id,
      detectedAt: now.toISOString(),
    };
  }
}
