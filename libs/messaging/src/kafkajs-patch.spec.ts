import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** libs/messaging/src → the workspace; not libs/testing's constant, which would make messaging and testing import each other. */
const WORKSPACE_ROOT = join(__dirname, '../../..');

interface Patch {
  name: string;
  package: string;
  version: string;
  file: string;
  before: string;
  after: string;
}
// The install-time patch (root package.json postinstall); plain JS under tools/, loaded by path.
const { applyPatches, PATCHES } = require(join(WORKSPACE_ROOT, 'tools/patches/apply-patches.js')) as {
  applyPatches(nodeModules: string, patches?: Patch[]): { name: string; outcome: string }[];
  PATCHES: Patch[];
};
const kafkajsPatch = PATCHES.find((patch) => patch.file === 'src/network/requestQueue/index.js')!;

/** A node_modules holding only `kafkajs` at this version, its request queue with this text. */
function fixture(version: string, text: string): { nodeModules: string; file: string } {
  const nodeModules = mkdtempSync(join(tmpdir(), 'patches-'));
  const file = join(nodeModules, 'kafkajs', kafkajsPatch.file);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(join(nodeModules, 'kafkajs', 'package.json'), JSON.stringify({ name: 'kafkajs', version }));
  writeFileSync(file, text);
  return { nodeModules, file };
}

const original = `  scheduleCheckPendingRequests() {\n    let scheduleAt = this.throttledUntil - Date.now()\n    if (!this.throttleCheckTimeoutId) {\n${kafkajsPatch.before}\n        this.throttleCheckTimeoutId = null\n`;

describe('tools/patches: the kafkajs request-queue patch applied at install', () => {
  it('replaces the exact text once, and a second run changes nothing', () => {
    const { nodeModules, file } = fixture(kafkajsPatch.version, original);
    expect(applyPatches(nodeModules, [kafkajsPatch])).toEqual([{ name: kafkajsPatch.name, outcome: 'applied' }]);
    const patched = readFileSync(file, 'utf8');
    expect(patched).toBe(original.replace(kafkajsPatch.before, kafkajsPatch.after));
    expect(applyPatches(nodeModules, [kafkajsPatch])).toEqual([{ name: kafkajsPatch.name, outcome: 'already applied' }]);
    expect(readFileSync(file, 'utf8')).toBe(patched);
  });

  it('fails the install when the pinned version no longer holds the text, and leaves another version alone with a notice', () => {
    const changed = fixture(kafkajsPatch.version, original.replace('CHECK_PENDING_REQUESTS_INTERVAL', 'SOMETHING_ELSE'));
    expect(() => applyPatches(changed.nodeModules, [kafkajsPatch])).toThrow(/does not hold the text/);
    const upgraded = fixture('2.3.0', original);
    expect(applyPatches(upgraded.nodeModules, [kafkajsPatch])[0]!.outcome).toMatch(/written for 2\.2\.4, found 2\.3\.0/);
    expect(readFileSync(upgraded.file, 'utf8')).toBe(original);
  });

  it('is applied to the installed kafkajs: an idle request queue sets no negative timer (no TimeoutNegativeWarning, no 1 ms loop)', async () => {
    const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: Record<string, unknown>) => {
      scheduleCheckPendingRequests(): void;
      throttleCheckTimeoutId: NodeJS.Timeout | null;
    };
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
      const queue = new RequestQueue({
        maxInFlightRequests: null,
        requestTimeout: 30_000,
        enforceRequestTimeout: true,
        clientId: 'test',
        broker: 'b:9092',
        logger,
      });
      queue.scheduleCheckPendingRequests();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(queue.throttleCheckTimeoutId).toBeNull();
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

/** A broker of the fake cluster below: what it was asked to write, and a failure to answer its first request with. */
interface FakeBroker {
  nodeId: number;
  written: { partition: number; values: string[] }[];
  failFirst?: Error;
}

describe('tools/patches: a retried kafkajs send reaches every partition (tulios/kafkajs#1303)', () => {
  // kafkajs' own send, retrier and protocol errors, around a cluster of two fake brokers.
  const createSendMessages = require('kafkajs/src/producer/sendMessages') as (
    options: Record<string, unknown>,
  ) => (send: Record<string, unknown>) => Promise<{ topicName: string; partition: number }[]>;
  const createRetry = require('kafkajs/src/retry') as (options: Record<string, unknown>) => unknown;
  const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode(code: number): Error };
  const NOT_LEADER_OR_FOLLOWER = 6;
  const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

  /**
   * Partition 0 led by broker 1, partition 1 by broker 2 until broker 2 refuses (it lost the lead): the refreshed
   * metadata then puts partition 1 on broker 1, which has already answered for partition 0.
   */
  function leaderMovesOntoABrokerThatAnswered() {
    const brokers: FakeBroker[] = [
      { nodeId: 1, written: [] },
      { nodeId: 2, written: [], failFirst: createErrorFromCode(NOT_LEADER_OR_FOLLOWER) },
    ];
    let leaders: Record<number, number> = { 0: 1, 1: 2 };
    const cluster = {
      targetTopics: new Set<string>(),
      refreshMetadataIfNecessary: async () => undefined,
      refreshMetadata: async () => {
        leaders = { 0: 1, 1: 1 };
      },
      addMultipleTargetTopics: async () => undefined,
      isConnected: () => true,
      findTopicPartitionMetadata: () => Object.entries(leaders).map(([partitionId, leader]) => ({ partitionId: Number(partitionId), leader })),
      findLeaderForPartitions: (_topic: string, partitions: string[]) =>
        partitions.reduce<Record<number, number[]>>((byLeader, partition) => {
          const leader = leaders[Number(partition)]!;
          return { ...byLeader, [leader]: [...(byLeader[leader] ?? []), Number(partition)] };
        }, {}),
      // One object per broker, as kafkajs' broker pool hands out.
      findBroker: async ({ nodeId }: { nodeId: string }) => connections.get(Number(nodeId))!,
    };
    const connections = new Map(
      brokers.map((broker) => [
        broker.nodeId,
        {
          nodeId: broker.nodeId,
          produce: async ({ topicData }: { topicData: { topic: string; partitions: { partition: number; messages: { value: string }[] }[] }[] }) => {
            if (broker.failFirst) {
              const error = broker.failFirst;
              delete broker.failFirst;
              throw error;
            }
            for (const { partitions } of topicData) {
              for (const { partition, messages } of partitions) broker.written.push({ partition, values: messages.map((message) => message.value) });
            }
            return {
              topics: topicData.map(({ topic, partitions }) => ({
                topicName: topic,
                partitions: partitions.map(({ partition }) => ({ partition, errorCode: 0, baseOffset: '0', logAppendTime: '-1', logStartOffset: '0' })),
              })),
            };
          },
        },
      ]),
    );
    const eosManager = {
      acquireBrokerLock: async () => undefined,
      releaseBrokerLock: async () => undefined,
      isTransactional: () => false,
      getSequence: () => 0,
      updateSequence: () => undefined,
      getProducerId: () => -1,
      getProducerEpoch: () => 0,
    };
    const send = createSendMessages({
      logger: { ...logger, namespace: () => logger },
      cluster,
      eosManager,
      retrier: createRetry({ retries: 3, initialRetryTime: 1, maxRetryTime: 5 }),
      // The message names its partition: the test decides where each goes.
      partitioner: ({ message }: { message: { partition: number } }) => message.partition,
    });
    return { brokers, send };
  }

  it('sends the moved partition to its new leader, and answers for both partitions', async () => {
    const { brokers, send } = leaderMovesOntoABrokerThatAnswered();
    const answers = await send({
      acks: -1,
      timeout: 1000,
      topicMessages: [
        {
          topic: 'sales.events',
          messages: [
            { partition: 0, value: 'order-a' },
            { partition: 1, value: 'order-b' },
          ],
        },
      ],
    });
    const written = brokers.flatMap((broker) => broker.written.map(({ partition, values }) => ({ broker: broker.nodeId, partition, values })));
    expect(written).toEqual([
      { broker: 1, partition: 0, values: ['order-a'] },
      { broker: 1, partition: 1, values: ['order-b'] },
    ]);
    expect(answers.map(({ partition }) => partition).sort()).toEqual([0, 1]);
  });
});
