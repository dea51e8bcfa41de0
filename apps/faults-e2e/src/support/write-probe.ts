import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { createKafka, ensureTopics, messagingConfigFor, namespaced } from '@aftercare/messaging';
import { sleep } from './faults';

/**
 * A producer with the outbox relay's settings (idempotent, acks=all, one request in flight) writing to a topic
 * created the way the services create theirs, one event after another: the longest time between two
 * acknowledged writes is how long the cluster could not take a write, whatever it was doing meanwhile.
 */
export class WriteProbe {
  private stopped = false;
  private readonly acknowledged: number[] = [];
  private failedAttempts = 0;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly intervalMs: number,
  ) {
    this.loop = this.write();
  }

  static async start(env: NodeJS.ProcessEnv, intervalMs = 50): Promise<WriteProbe> {
    const config = messagingConfigFor('faults-write-probe', env);
    const kafka = createKafka(config);
    const topic = namespaced(config, 'faults.write-probe');
    await ensureTopics(kafka, [topic]);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new WriteProbe(producer, topic, intervalMs);
  }

  /** Stops writing and answers the figures. */
  async stop(): Promise<{ writes: number; failedAttempts: number; longestStallMs: number }> {
    this.stopped = true;
    await this.loop;
    await this.producer.disconnect();
    return { writes: this.acknowledged.length, failedAttempts: this.failedAttempts, longestStallMs: this.longestStall() };
  }

  /** The longest time between two acknowledged writes, of those gaps that ended within [from, to). */
  longestStall(from = 0, to = Infinity): number {
    let longest = 0;
    for (let i = 1; i < this.acknowledged.length; i++) {
      const [before, after] = [this.acknowledged[i - 1] ?? 0, this.acknowledged[i] ?? 0];
      if (after >= from && after < to) longest = Math.max(longest, after - before);
    }
    return longest;
  }

  private async write(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.producer.send({ topic: this.topic, acks: -1, messages: [{ key: randomUUID(), value: String(Date.now()) }] });
        this.acknowledged.push(Date.now());
      } catch {
        // kafkajs gave up its retries (a leader moving, too few in sync for a moment): the stall goes on.
        this.failedAttempts += 1;
      }
      await sleep(this.intervalMs);
    }
  }
}
