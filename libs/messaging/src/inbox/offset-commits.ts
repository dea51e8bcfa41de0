import type { EachBatchPayload } from 'kafkajs';
import type { Logger } from '@aftercare/logging';

/** What a batch hands its consumer for committing: every offset resolved in the group so far, not only its own. */
type ResolvedOffsets = Pick<EachBatchPayload, 'commitOffsetsIfNecessary' | 'uncommittedOffsets'>;

/**
 * Commits the offsets a consumer has applied at most once per interval, in one request for all its partitions and
 * off the path of the next fetch. kafkajs' auto-commit sends one after every batch: a round trip the next fetch
 * waits for, and a write to the broker's offsets log, per partition and fetch, several per order under load.
 *
 * An applied event whose offset is not committed yet (a crash, or a rebalance that moves its partition) is delivered
 * again and skipped by the inbox, so the interval bounds redelivery, never correctness. An orderly stop commits
 * everything applied before the consumer leaves its group.
 */
export class OffsetCommits {
  private timer: NodeJS.Timeout | null = null;
  private latest: ResolvedOffsets | null = null;

  /** `intervalMs` 0 commits after every batch, as kafkajs does. */
  constructor(
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** After a batch is applied: its offsets go with the next commit, within the interval. */
  async applied(batch: ResolvedOffsets): Promise<void> {
    this.latest = batch;
    if (this.intervalMs === 0) return this.commit();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.commit();
    }, this.intervalMs);
  }

  /** Commits everything applied so far, now (an orderly stop). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.commit();
  }

  private async commit(): Promise<void> {
    const batch = this.latest;
    if (!batch) return;
    try {
      await batch.commitOffsetsIfNecessary(batch.uncommittedOffsets());
    } catch (error) {
      // A rebalance or a broker away: the next commit carries these offsets too, or the partition's next owner gets
      // its events again and its inbox skips them.
      this.logger.debug('offset commit failed; the next one carries these offsets', { error });
    }
  }
}
