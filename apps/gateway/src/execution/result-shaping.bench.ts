/**
 * Micro-benchmark of shaping an answer to the client's operation (execution/result-shaping) against
 * @apollo/gateway's own computeResponse, on the supergraph's API schema and the bench's (b), (c) and (d)
 * operations with answers of their shape:
 *   npm run bench:shaping        (node tools/run-ts.js apps/gateway/src/execution/result-shaping.bench.ts)
 * Prints the median µs per answer over 7 rounds and writes reports/bench/result-shaping.md. It lives beside the
 * code it times because benches under tools/ import no app code.
 */
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationFromDocument } from '@apollo/federation-internals';
import { computeResponse, gatewayComputeResponse } from './result-shaping';

const ROOT = join(__dirname, '../../../..');
const ROUNDS = 7;
const api = Supergraph.build(readFileSync(join(ROOT, 'apps/gateway/supergraph.graphql'), 'utf8')).apiSchema();

const workOrder = (n: number) => ({
  __typename: 'WorkOrder',
  id: `w-${n}`,
  type: 'INSTALL',
  status: 'SCHEDULED',
  engineer: { __typename: 'Engineer', id: `e-${n % 7}` },
});
const customer = (n: number) => ({ __typename: 'Customer', id: `c-${n}`, name: `Customer ${n}`, city: 'Shanghai' });

const cases = [
  {
    key: '(b) order + work orders',
    query: `query B($id: ID!) { order(id: $id) { id status externalRef workOrders { id type status } } }`,
    input: { order: { __typename: 'Order', id: 'o-1', status: 'PLACED', externalRef: 'EXT-1', workOrders: [workOrder(1)] } },
  },
  {
    key: '(c) customer 360',
    query: `query C($id: ID!) { customer(id: $id) { id name city orders { id status workOrders { id status engineer { id } } } engineersWhoServed { id } complaints { id status } consumables { serial } } }`,
    input: {
      customer: {
        ...customer(1),
        orders: [1, 2, 3].map((n) => ({ __typename: 'Order', id: `o-${n}`, status: 'PLACED', workOrders: [workOrder(n), workOrder(n + 10)] })),
        engineersWhoServed: [{ __typename: 'Engineer', id: 'e-1' }],
        complaints: [{ __typename: 'Complaint', id: 'k-1', status: 'RECEIVED' }],
        consumables: [{ __typename: 'Device', serial: 'S-1' }],
      },
    },
  },
  {
    key: '(d) list of 100 across three services',
    query: `query D { workOrders(first: 100) { edges { node { id status customer { name city complaints { id } } } } } }`,
    input: {
      workOrders: {
        __typename: 'WorkOrderConnection',
        edges: Array.from({ length: 100 }, (_, n) => ({
          __typename: 'WorkOrderEdge',
          node: { ...workOrder(n), customer: { ...customer(n), complaints: [] } },
        })),
      },
    },
  },
];

function microsPerAnswer(shape: typeof computeResponse, args: Parameters<typeof computeResponse>[0], runs: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) shape(args);
  return Number(process.hrtime.bigint() - started) / 1000 / runs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const rows: string[] = [];
for (const { key, query, input } of cases) {
  const operation = operationFromDocument(api, parse(query), { validate: true });
  const args = { operation, variables: { id: 'o-1' }, input, introspectionHandling: () => null };
  const ours = JSON.stringify(computeResponse(args));
  if (ours !== JSON.stringify(gatewayComputeResponse(args))) throw new Error(`${key}: the two shapings answered differently`);
  if (JSON.parse(ours).errors.length) throw new Error(`${key}: the answer does not fit the operation: ${ours.slice(0, 300)}`);
  const runs = key.startsWith('(d)') ? 2_000 : 20_000;
  const timed = { gateway: [] as number[], steps: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    timed.gateway.push(microsPerAnswer(gatewayComputeResponse, args, runs));
    timed.steps.push(microsPerAnswer(computeResponse, args, runs));
  }
  const [gateway, steps] = [median(timed.gateway), median(timed.steps)];
  rows.push(`| ${key} | ${gateway.toFixed(1)} | ${steps.toFixed(1)} | ${(steps / gateway).toFixed(2)} |`);
  console.log(`${key}: @apollo/gateway ${gateway.toFixed(1)} µs, by steps ${steps.toFixed(1)} µs per answer`);
}

const report = [
  '# Shaping an answer to the operation (`npm run bench:shaping`)',
  '',
  `${new Date().toISOString()} · Node ${process.version} · median of ${ROUNDS} rounds, one process, the supergraph's API schema, answers shaped like the bench's.`,
  '',
  '| operation | @apollo/gateway computeResponse µs | by steps (execution/result-shaping) µs | ratio |',
  '|---|---|---|---|',
  ...rows,
  '',
].join('\n');
writeFileSync(join(ROOT, 'reports/bench/result-shaping.md'), report);
console.log(`report: reports/bench/result-shaping.md`);
