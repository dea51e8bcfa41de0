import { DataSource } from 'typeorm';
import { actorOf, type Identity } from '@aftercare/identity';
import { CHINA_TIME_ZONE } from '@aftercare/business-time';
import { onlyUuids } from '@aftercare/persistence';
import { badInput, DomainError, ErrorCodes, Injectable, normalisePhone, notFound } from '@aftercare/subgraph';
import { CallbackStatus, HotlineCall } from './hotline-call.entity';

/** The 400 line must pick up at least this share of calls each day. */
export const HOTLINE_ANSWER_TARGET = 0.85;

export interface HotlineDay {
  day: string;
  offered: number;
  answered: number;
  missed: number;
  answerRate: number;
  meetsTarget: boolean;
  callbacksOpen: number;
}

/** Calls to the 400 line: a missed call becomes a call-back task, and each day's answer rate is a KPI. */
@Injectable()
export class HotlineService {
  constructor(private readonly dataSource: DataSource) {}

  record(input: { callerPhone: string; calledAt?: Date | null; answered: boolean }): Promise<HotlineCall> {
    const calledAt = input.calledAt ?? new Date();
    if (calledAt.getTime() > Date.now() + 60_000) throw badInput('calledAt may not be in the future', 'calledAt');
    const repository = this.dataSource.getRepository(HotlineCall);
    return repository.save(
      repository.create({
        callerPhone: normalisePhone(input.callerPhone),
        calledAt,
        answered: input.answered,
        callbackStatus: input.answered ? null : 'OPEN',
      }),
    );
  }

  /** The care team called back: reached (DONE) or the customer could not be reached. */
  async completeCallback(identity: Identity, callId: string, outcome: Exclude<CallbackStatus, 'OPEN'>, note: string | null): Promise<HotlineCall> {
    const [exists] = onlyUuids([callId]).length ? await this.dataSource.getRepository(HotlineCall).findBy({ id: callId }) : [];
    if (!exists) throw notFound('HotlineCall', callId);
    const result = await this.dataSource
      .createQueryBuilder()
      .update(HotlineCall)
      .set({ callbackStatus: outcome, callbackNote: note?.trim() || null, callbackBy: actorOf(identity).id, callbackAt: new Date() })
      .where('id = :id AND callback_status = :open', { id: callId, open: 'OPEN' })
      .returning('*')
      .execute();
    if (result.affected !== 1) {
      throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, 'This call has no open call-back', { callId, callbackStatus: exists.callbackStatus });
    }
    return this.dataSource.getRepository(HotlineCall).findOneByOrFail({ id: callId });
  }

  openCallbacks(first: number): Promise<HotlineCall[]> {
    return this.dataSource.getRepository(HotlineCall).find({ where: { callbackStatus: 'OPEN' }, order: { calledAt: 'ASC' }, take: first });
  }

  /** Per China-time day from..to (inclusive): calls offered, answered, the rate against the 85 % target. */
  async answerRates(from: string, to: string): Promise<HotlineDay[]> {
    const rows: { day: string; offered: number; answered: number; open: number }[] = await this.dataSource.query(
      `SELECT to_char(called_at AT TIME ZONE '${CHINA_TIME_ZONE}', 'YYYY-MM-DD') AS day,
              count(*)::int AS offered,
              count(*) FILTER (WHERE answered)::int AS answered,
              count(*) FILTER (WHERE callback_status = 'OPEN')::int AS open
       FROM hotline_call
       WHERE called_at >= ($1::date::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')
         AND called_at < (($2::date + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')
       GROUP BY 1 ORDER BY 1`,
      [from, to],
    );
    return rows.map((row) => {
      const answerRate = Math.round((row.answered / row.offered) * 10000) / 10000;
      return {
        day: row.day,
        offered: row.offered,
        answered: row.answered,
        missed: row.offered - row.answered,
        answerRate,
        meetsTarget: answerRate >= HOTLINE_ANSWER_TARGET,
        callbacksOpen: row.open,
      };
    });
  }
}
