import { DataSource, EntityManager } from 'typeorm';
import { SettlementPaid } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, lockUntilCommit, rejectingDuplicates } from '@aftercare/persistence';
import { EngineerNetworkErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, Injectable } from '@aftercare/subgraph';
import { Payout, PayoutBatch } from './payout.entity';
import { CHINA_TIME_ZONE, todayInChina } from '@aftercare/business-time';

// Two batches running at once could both pick the same due lines.
const PAYOUT_LOCK = 'engineer-network.payout-batch';

interface DueLine {
  id: string;
  engineer_id: string;
  amount_cents: number;
  work_order_id: string | null;
}

@Injectable()
export class PayoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Pays every engineer everything due up to periodEnd — priced, not held, not yet paid — however few
   * jobs they did: no minimum, nothing withheld. An engineer whose clawbacks exceed their fees is paid
   * nothing this time and their lines stay due, to be netted against later work.
   */
  runBatch(periodEnd: string): Promise<PayoutBatch> {
    if (periodEnd > todayInChina()) throw badInput('periodEnd must not be in the future', 'periodEnd');
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          await lockUntilCommit(manager, PAYOUT_LOCK, ['batch']);
          const batch = await manager.save(manager.create(PayoutBatch, { periodEnd, totalCents: 0, lineCount: 0 }));
          const due: DueLine[] = await manager.query(
            `SELECT line.id, line.engineer_id, line.amount_cents, line.work_order_id
               FROM settlement_line line
              WHERE line.payout_id IS NULL
                AND (line.kind = 'CLAWBACK' OR line.tariff_id IS NOT NULL)
                AND line.earned_at < (($1::date + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')
                AND NOT EXISTS (SELECT 1 FROM settlement_hold hold WHERE hold.work_order_id = line.work_order_id AND hold.released_at IS NULL)
              ORDER BY line.engineer_id, line.earned_at
              FOR UPDATE OF line`,
            [periodEnd],
          );
          const owed = [...groupBy(due, (line) => line.engineer_id)]
            .map(([engineerId, lines]) => ({ engineerId, lines, amountCents: lines.reduce((sum, line) => sum + line.amount_cents, 0) }))
            .filter((payout) => payout.amountCents > 0);
          if (owed.length > 0) await this.pay(manager, batch, owed);
          return manager.findOneByOrFail(PayoutBatch, { id: batch.id });
        }),
      {
        constraint: 'uq_payout_batch_period',
        error: () => new DomainError(EngineerNetworkErrorCodes.PAYOUT_BATCH_EXISTS, `The payout batch for ${periodEnd} has already run`, { periodEnd }),
      },
    );
  }

  /** Set-based, so a batch for thousands of platform engineers is a handful of statements. */
  private async pay(manager: EntityManager, batch: PayoutBatch, owed: Owed[]): Promise<void> {
    const inserted = await manager.insert(
      Payout,
      owed.map(({ engineerId, lines, amountCents }) => ({ batchId: batch.id, engineerId, amountCents, lineCount: lines.length })),
    );
    const payoutIds = inserted.identifiers.map((identifier) => identifier['id'] as string);
    const paidLines = owed.flatMap(({ lines }, index) => lines.map((line) => [line.id, payoutIds[index]]));
    await manager.query(
      'UPDATE settlement_line line SET payout_id = paid.payout_id FROM unnest($1::uuid[], $2::uuid[]) AS paid(line_id, payout_id) WHERE line.id = paid.line_id',
      [paidLines.map(([lineId]) => lineId), paidLines.map(([, payoutId]) => payoutId)],
    );
    await manager.update(
      PayoutBatch,
      { id: batch.id },
      {
        totalCents: owed.reduce((sum, payout) => sum + payout.amountCents, 0),
        lineCount: paidLines.length,
      },
    );
    await this.outbox.record(
      manager,
      ...owed.map(({ engineerId, lines, amountCents }) =>
        SettlementPaid.create(batch.id, {
          payoutBatchId: batch.id,
          engineerId,
          amountCents,
          workOrderIds: [...new Set(lines.flatMap((line) => (line.work_order_id ? [line.work_order_id] : [])))],
          paidAt: batch.paidAt.toISOString(),
        }),
      ),
    );
  }

  findBatches(ids: readonly string[]): Promise<PayoutBatch[]> {
    return findByIds(this.dataSource.getRepository(PayoutBatch), ids);
  }

  payoutsOfBatches(batchIds: readonly string[]): Promise<Payout[]> {
    return findReferencing(this.dataSource.getRepository(Payout), 'batchId', batchIds, { amountCents: 'DESC' });
  }

  payoutsOfEngineers(engineerIds: readonly string[]): Promise<Payout[]> {
    return findReferencing(this.dataSource.getRepository(Payout), 'engineerId', engineerIds);
  }
}

interface Owed {
  engineerId: string;
  lines: DueLine[];
  amountCents: number;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}
