import { DataSource, EntityManager } from 'typeorm';
import { ComplaintFiledPayload, CustomerQualityChanged, EvaluationSubmitted, EventEnvelope } from '@aftercare/event-contracts';
import { actorOf, type Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { lockUntilCommit, onlyUuids, rejectingDuplicates } from '@aftercare/persistence';
import { DispatchErrorCodes } from '@aftercare/error-codes';
import { DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { WorkOrder } from '../work-orders/work-order.entity';
import { CustomerQuality } from './customer-quality.entity';
import { NO_QUALITY_DATA, QualityFactor, qualityFactorOf, QualityTally } from './quality-factor';
import { QualityRecord } from './quality-record.entity';
import { RecordInspectionInput, RecordSurveyInput, SubmitEvaluationInput } from './quality.inputs';

/** An evaluation given this long after completion still counts as data, but not as a timely one. */
export const EVALUATION_WINDOW_DAYS = 7;
const DONE = ['COMPLETED', 'VERIFIED'];
const SUBJECT_COLUMNS = { customer: 'customer_id', engineer: 'engineer_id' } as const;
export type QualitySubject = keyof typeof SUBJECT_COLUMNS;

/** A 1–5 rating on the common 0–100 scale. */
const fromRating = (rating: number) => (rating - 1) * 25;

@Injectable()
export class QualityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async submitEvaluation(input: SubmitEvaluationInput, identity: Identity): Promise<QualityRecord> {
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const workOrder = await this.doneWorkOrder(manager, input.workOrderId, DONE, 'evaluated');
          const submittedAt = new Date();
          const completedAt = workOrder.completedAt ?? submittedAt;
          const timely = submittedAt.getTime() - completedAt.getTime() <= EVALUATION_WINDOW_DAYS * 86_400_000;
          const record = await this.add(manager, {
            kind: 'EVALUATION',
            customerId: workOrder.customerId,
            engineerId: workOrder.engineerId,
            workOrderId: workOrder.id,
            sourceRef: `evaluation:${workOrder.id}`,
            score: fromRating(input.rating),
            timely,
            notes: input.comment?.trim() || null,
            recordedBy: actorOf(identity).id,
          });
          await this.outbox.record(
            manager,
            EvaluationSubmitted.create(workOrder.id, {
              workOrderId: workOrder.id,
              customerId: workOrder.customerId,
              engineerId: workOrder.engineerId as string,
              score: input.rating,
              submittedAt: submittedAt.toISOString(),
            }),
          );
          return record;
        }),
      {
        constraint: 'uq_quality_record_source',
        error: () =>
          new DomainError(DispatchErrorCodes.EVALUATION_EXISTS, `Work order ${input.workOrderId} has already been evaluated`, {
            workOrderId: input.workOrderId,
          }),
      },
    );
  }

  recordInspection(input: RecordInspectionInput, identity: Identity): Promise<QualityRecord> {
    return this.dataSource.transaction(async (manager) => {
      const workOrder = await this.doneWorkOrder(manager, input.workOrderId, ['IN_PROGRESS', ...DONE], 'inspected');
      return this.add(manager, {
        kind: 'INSPECTION',
        customerId: workOrder.customerId,
        engineerId: workOrder.engineerId,
        workOrderId: workOrder.id,
        score: input.score,
        notes: input.findings?.trim() || null,
        recordedBy: actorOf(identity).id,
      });
    });
  }

  recordSurvey(input: RecordSurveyInput, identity: Identity): Promise<QualityRecord> {
    return this.dataSource.transaction(async (manager) => {
      const workOrder = input.workOrderId ? await this.doneWorkOrder(manager, input.workOrderId, DONE, 'surveyed') : null;
      if (workOrder && workOrder.customerId !== input.customerId) {
        throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Work order ${workOrder.id} is not this customer's`, {
          fields: [{ field: 'workOrderId', messages: ["workOrderId must be one of the customer's work orders"] }],
        });
      }
      return this.add(manager, {
        kind: 'SURVEY',
        customerId: input.customerId,
        engineerId: workOrder?.engineerId ?? null,
        workOrderId: workOrder?.id ?? null,
        score: fromRating(input.satisfaction),
        notes: input.comment?.trim() || null,
        recordedBy: actorOf(identity).id,
      });
    });
  }

  /** Customer feedback from complaints counts against the customer's service and, when the job is known here, its engineer. */
  async complaintFiled({ payload }: EventEnvelope<string, ComplaintFiledPayload>, manager: EntityManager): Promise<void> {
    const [workOrderId] = onlyUuids(payload.workOrderId ? [payload.workOrderId] : []);
    const workOrder = workOrderId ? await manager.getRepository(WorkOrder).findOneBy({ id: workOrderId }) : null;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(QualityRecord)
      .values({
        kind: 'COMPLAINT',
        customerId: payload.customerId,
        engineerId: workOrder?.engineerId ?? null,
        workOrderId: workOrder?.id ?? null,
        sourceRef: `complaint:${payload.complaintId}`,
        notes: payload.category,
        recordedBy: 'complaints',
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length > 0) await this.refreshCustomer(manager, payload.customerId);
  }

  /** Publishes CustomerQualityChanged when the customer's factor (or its doubtful flag) differs from the last one announced. */
  async refreshCustomer(manager: EntityManager, customerId: string): Promise<void> {
    // A customer's records come from many aggregates (each complaint and work order on its own partition, several
    // instances, staff entering evaluations): two refreshes must not each count without the other's record and
    // announce last. The lock lasts until commit; the reads below, new snapshots, then see every record committed.
    await lockUntilCommit(manager, 'dispatch:customer-quality', [customerId]);
    const [quality] = await this.factorsOf('customer', [customerId], manager);
    if (!quality || quality.factor === null) return;
    const previous = await manager.getRepository(CustomerQuality).findOneBy({ customerId });
    if (previous && previous.qualityFactor === quality.factor && previous.doubtful === quality.doubtful) return;
    await manager.getRepository(CustomerQuality).save({ customerId, qualityFactor: quality.factor, doubtful: quality.doubtful });
    await this.outbox.record(
      manager,
      CustomerQualityChanged.create(customerId, {
        customerId,
        qualityFactor: quality.factor,
        completedJobs: quality.completedJobs,
        complaints: quality.complaints,
        doubtful: quality.doubtful,
      }),
    );
  }

  /** The quality factors of many customers or engineers, in two queries, aligned with the ids asked for. */
  async factorsOf(subject: QualitySubject, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<QualityFactor[]> {
    const column = SUBJECT_COLUMNS[subject];
    const uuids = onlyUuids(ids);
    const records: Record<string, string | number | null>[] = await manager.query(
      `SELECT ${column} AS subject,
              count(*) FILTER (WHERE kind = 'EVALUATION')::int AS evaluations,
              count(*) FILTER (WHERE kind = 'EVALUATION' AND timely)::int AS timely_evaluations,
              round(avg(score) FILTER (WHERE kind = 'EVALUATION' AND timely))::int AS evaluation_score,
              count(*) FILTER (WHERE kind = 'INSPECTION')::int AS inspections,
              round(avg(score) FILTER (WHERE kind = 'INSPECTION'))::int AS inspection_score,
              count(*) FILTER (WHERE kind = 'SURVEY')::int AS surveys,
              round(avg(score) FILTER (WHERE kind = 'SURVEY'))::int AS satisfaction_score,
              count(*) FILTER (WHERE kind = 'COMPLAINT')::int AS complaints,
              count(score)::int AS scored,
              count(*) FILTER (WHERE score = 100)::int AS perfect
         FROM quality_record WHERE ${column} = ANY($1::uuid[]) GROUP BY ${column}`,
      [uuids],
    );
    const jobs: { subject: string; completed: number }[] = await manager.query(
      `SELECT ${column} AS subject, count(*)::int AS completed FROM work_order
        WHERE ${column} = ANY($1::uuid[]) AND status = ANY($2) GROUP BY ${column}`,
      [uuids, DONE],
    );
    const recordsOf = new Map(records.map((row) => [row['subject'] as string, row]));
    const jobsOf = new Map(jobs.map((row) => [row.subject, row.completed]));
    return ids.map((id) => {
      const row = recordsOf.get(id);
      const tally: QualityTally = row
        ? {
            completedJobs: jobsOf.get(id) ?? 0,
            evaluations: row['evaluations'] as number,
            timelyEvaluations: row['timely_evaluations'] as number,
            evaluationScore: row['evaluation_score'] as number | null,
            inspections: row['inspections'] as number,
            inspectionScore: row['inspection_score'] as number | null,
            surveys: row['surveys'] as number,
            satisfactionScore: row['satisfaction_score'] as number | null,
            complaints: row['complaints'] as number,
            scored: row['scored'] as number,
            perfect: row['perfect'] as number,
          }
        : { ...NO_QUALITY_DATA, completedJobs: jobsOf.get(id) ?? 0 };
      return qualityFactorOf(tally);
    });
  }

  private async add(manager: EntityManager, record: Partial<QualityRecord>): Promise<QualityRecord> {
    const saved = await manager.getRepository(QualityRecord).save(manager.getRepository(QualityRecord).create(record));
    await this.refreshCustomer(manager, saved.customerId);
    return saved;
  }

  private async doneWorkOrder(manager: EntityManager, workOrderId: string, statuses: string[], what: string): Promise<WorkOrder> {
    const [id] = onlyUuids([workOrderId]);
    const workOrder = id ? await manager.getRepository(WorkOrder).findOneBy({ id }) : null;
    if (!workOrder) throw notFound('WorkOrder', workOrderId);
    if (!statuses.includes(workOrder.status)) {
      throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `Work order ${workOrderId} is ${workOrder.status}; it cannot be ${what} yet`, {
        workOrderId,
        status: workOrder.status,
      });
    }
    return workOrder;
  }
}
