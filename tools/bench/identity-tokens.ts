/**
 * Micro-benchmark of the gateway identity's cryptographic path (libs/identity, jose) and its two caches:
 *   npm run bench:identity        (node tools/run-ts.js tools/bench/identity-tokens.ts)
 * Prints the median µs per operation over 5 rounds for: a fresh signature and a fresh verification (with the
 * bare synchronous node:crypto Ed25519 operation on the same bytes beside them, what the hand-written JWS cost),
 * the throughput of signing 50 at a time (a burst of new callers; WebCrypto works off the main thread) and a
 * subgraph's reuse of a verification (what nearly every subgraph request costs). The gateway's reuse of a
 * signature (its SignatureCache) is timed in apps/gateway's request-identity.spec.ts: benches import no app code.
 */
import { sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import {
  generateGatewayKeyPair,
  Identity,
  parsePublicKey,
  parseSigningKey,
  signGatewayIdentity,
  verificationKeys,
  verifyGatewayIdentity,
} from '@aftercare/identity';

const ROUNDS = 5;
const FRESH = 2_000;
const REUSED = 100_000;
const pair = generateGatewayKeyPair();
const signingKey = parseSigningKey(pair.privateKey);
const publicKey = parsePublicKey(pair.publicKey);
const trusted = verificationKeys([publicKey]);
const staff = (n: number): Identity => ({ kind: 'staff', userId: `user-${n}`, name: `User ${n}`, roles: ['DISPATCHER'] });

async function microsPerOp(runs: number, run: (i: number) => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await run(i);
  return Number(process.hrtime.bigint() - started) / 1000 / runs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const sample = await signGatewayIdentity(staff(0), signingKey, 'sales');
  const signedPart = Buffer.from(sample.slice(0, sample.lastIndexOf('.')));
  const signature = Buffer.from(sample.slice(sample.lastIndexOf('.') + 1), 'base64url');
  const reusedToken = await signGatewayIdentity(staff(8), signingKey, 'sales');
  let next = 1_000_000;
  const cases: Record<string, () => Promise<number>> = {
    'sign, fresh (jose)': () => microsPerOp(FRESH, (i) => signGatewayIdentity(staff(i), signingKey, 'sales')),
    'sign, fresh, 50 at a time (jose)': async () => {
      const started = process.hrtime.bigint();
      for (let batch = 0; batch < FRESH / 50; batch++) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => signGatewayIdentity(staff(batch * 50 + i), signingKey, 'sales')));
      }
      return Number(process.hrtime.bigint() - started) / 1000 / FRESH;
    },
    'sign, bare node:crypto Ed25519 (baseline)': () => microsPerOp(FRESH, () => cryptoSign(null, signedPart, signingKey.privateKey)),
    'verify, fresh token (jose)': async () => {
      const tokens = await Promise.all(Array.from({ length: FRESH }, () => signGatewayIdentity(staff(next++), signingKey, 'sales')));
      return microsPerOp(FRESH, (i) => verifyGatewayIdentity(tokens[i], trusted, 'sales'));
    },
    'verify, bare node:crypto Ed25519 (baseline)': () => microsPerOp(FRESH, () => cryptoVerify(null, signedPart, publicKey, signature)),
    'subgraph: verification reused (cache hit)': () => microsPerOp(REUSED, () => verifyGatewayIdentity(reusedToken, trusted, 'sales')),
  };
  const results: Record<string, number[]> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [label, run] of Object.entries(cases)) {
      const micros = await run();
      if (round > 0) (results[label] ??= []).push(micros); // round 0 warms up
    }
  }
  for (const [label, values] of Object.entries(results)) {
    process.stdout.write(`${label.padEnd(48)} ${median(values).toFixed(2).padStart(8)} µs/op (median of ${ROUNDS})\n`);
  }
}

void main();
