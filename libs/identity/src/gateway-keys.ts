import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { installationSecret } from './installation-secrets';

/**
 * The gateway signs each hop with an Ed25519 private key that only it holds; subgraphs hold public keys
 * only, so a compromised subgraph (or anyone reading its environment) cannot mint identities.
 */
export interface GatewaySigningKey {
  /** Key id in the token header, so subgraphs can hold the old and the new key during a rotation. */
  kid: string;
  privateKey: KeyObject;
}

export interface GatewayVerificationKeys {
  /** kid → public key. More than one during a rotation's overlap window. */
  byKid: Map<string, KeyObject>;
}

/** A short stable id for a public key (its SPKI hash), so nobody has to manage key ids by hand. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url')
    .slice(0, 16);
}

/** PEM or base64 (PKCS#8 DER) Ed25519 private key. */
export function parseSigningKey(text: string): GatewaySigningKey {
  const privateKey = text.includes('BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the gateway signing key must be an Ed25519 private key');
  return { kid: keyIdOf(createPublicKey(privateKey)), privateKey };
}

/** PEM or base64 (SPKI DER) Ed25519 public key. */
export function parsePublicKey(text: string): KeyObject {
  const publicKey = text.includes('BEGIN') ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('gateway public keys must be Ed25519');
  return publicKey;
}

export function verificationKeys(publicKeys: KeyObject[]): GatewayVerificationKeys {
  return { byKid: new Map(publicKeys.map((key) => [keyIdOf(key), key])) };
}

/** A fresh key pair, both halves as base64 DER (what `npm start` and tests generate). */
export function generateGatewayKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** The gateway's key: GATEWAY_SIGNING_KEY, else this installation's generated one; required in production. */
export function gatewaySigningKeyFrom(env: NodeJS.ProcessEnv = process.env): GatewaySigningKey {
  return parseSigningKey(installationSecret(env, 'GATEWAY_SIGNING_KEY'));
}

/**
 * What a subgraph trusts: GATEWAY_PUBLIC_KEYS (comma-separated; list the new key next to the old one while
 * rotating, then drop the old one), else this installation's generated public key; required in production.
 */
export function gatewayVerificationKeysFrom(env: NodeJS.ProcessEnv = process.env): GatewayVerificationKeys {
  const listed = installationSecret(env, 'GATEWAY_PUBLIC_KEYS')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  if (listed.length === 0) throw new Error('GATEWAY_PUBLIC_KEYS lists no key');
  return verificationKeys(listed.map(parsePublicKey));
}
