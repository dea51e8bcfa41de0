import { generateGatewayKeyPair, Identity, signGatewayIdentity } from '@aftercare/identity';

import { randomBytes } from 'node:crypto';

/** Tests make their own secrets, fresh per test process: nothing in the source is ever a key. */
const TEST_GATEWAY_KEYS = generateGatewayKeyPair();
export const TEST_GATEWAY_SIGNING_KEY = TEST_GATEWAY_KEYS.privateKey;
export const TEST_AUTH_JWT_SECRET = randomBytes(32).toString('base64url');

/**
 * Settings under which a test's services see only that test's data: their own databases (prefix) and
 * their own topics and consumer groups (namespace), on the shared real PostgreSQL and Kafka.
 */
export function isolatedEnv(label: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const suffix = randomBytes(4).toString('hex');
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  return {
    ...base,
    DATABASE_PREFIX: `t_${slug}_${suffix}`,
    KAFKA_NAMESPACE: `test.${slug}.${suffix}.`,
    GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY,
    GATEWAY_PUBLIC_KEYS: TEST_GATEWAY_KEYS.publicKey,
    AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
  };
}

/** An identity header signed with the test gateway key for one subgraph: what a client would need to steal to impersonate the gateway. */
export function signGatewayIdentityForTest(identity: Identity, subgraph = 'sales'): Promise<string> {
  return signGatewayIdentity(identity, TEST_GATEWAY_SIGNING_KEY, subgraph);
}
