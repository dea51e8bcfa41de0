import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { Identity } from '@aftercare/identity';
import { sendGraphqlError } from '@aftercare/http-server';

/** One published operation: its id is the SHA-256 of its body, so the id names exactly one document. */
export interface TrustedDocument {
  id: string;
  name: string;
  type: 'query' | 'mutation';
  body: string;
}

/** Apollo's persisted-query manifest format, so standard tooling can read and produce it. */
export interface TrustedDocumentManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: TrustedDocument[];
}

export const PARTNER_DOCUMENTS_DIR = 'apps/gateway/trusted-documents/partner';
export const PARTNER_MANIFEST_PATH = 'apps/gateway/trusted-documents/partner.json';

export const documentIdOf = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

export class TrustedDocuments {
  private readonly byIds: Map<string, TrustedDocument>;

  constructor(manifest: TrustedDocumentManifest) {
    this.byIds = new Map(manifest.operations.map((operation) => [operation.id, operation]));
  }

  /** Fails closed: a gateway that enforces trusted documents does not start without its manifest. */
  static fromFile(path: string): TrustedDocuments {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as TrustedDocumentManifest;
    if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
      throw new Error(`${path} is not a persisted-query manifest`);
    }
    for (const operation of manifest.operations) {
      if (documentIdOf(operation.body) !== operation.id) throw new Error(`${path}: ${operation.name}'s id is not the SHA-256 of its body`);
    }
    return new TrustedDocuments(manifest);
  }

  byId(id: string): TrustedDocument | undefined {
    return this.byIds.get(id);
  }

  get size(): number {
    return this.byIds.size;
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The id a request names: `documentId` ("sha256:<hex>", GraphQL-over-HTTP) or Apollo's `extensions.persistedQuery.sha256Hash`. */
function requestedId(body: Record<string, unknown>): { id?: string; malformed?: boolean } | undefined {
  const extensions = body['extensions'];
  const persisted = extensions && typeof extensions === 'object' ? (extensions as Record<string, unknown>)['persistedQuery'] : undefined;
  const raw = body['documentId'] ?? (persisted && typeof persisted === 'object' ? (persisted as Record<string, unknown>)['sha256Hash'] : persisted);
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return { malformed: true };
  const id = raw.startsWith('sha256:') ? raw.slice('sha256:'.length) : raw;
  return SHA256_HEX.test(id) ? { id } : { malformed: true };
}

const HOW = 'Partner keys run only the published operations: POST { "documentId": "sha256:<id>", "variables": { … } } (ids in the partner manifest)';

/**
 * Trusted documents. Any caller may run a published document by id; a partner may run nothing else (a
 * free-form document is 403 PERSISTED_QUERY_NOT_ALLOWED, unless its text is exactly a published body, which
 * is the same document). Staff may send any document. The resolved document replaces the id in the body, so
 * Apollo sees an ordinary request (its own automatic persisted queries are off).
 */
export function trustedDocuments(store: TrustedDocuments, options: { enforceForPartners: boolean }): RequestHandler {
  return (req, res, next) => {
    const identity = res.locals['identity'] as Identity;
    const restricted = options.enforceForPartners && identity.kind === 'partner';
    if (req.method !== 'POST') {
      if (restricted) return sendGraphqlError(res, 403, 'PERSISTED_QUERY_NOT_ALLOWED', HOW);
      return next();
    }
    const body = req.body as Record<string, unknown>;
    const requested = requestedId(body);
    if (requested?.malformed) return sendGraphqlError(res, 400, 'BAD_REQUEST', 'documentId must be "sha256:" and 64 lowercase hex digits');
    if (requested?.id) {
      const document = store.byId(requested.id);
      if (!document) return sendGraphqlError(res, 400, 'PERSISTED_QUERY_NOT_FOUND', 'No published operation has this documentId');
      if (body['query'] !== undefined && body['query'] !== document.body) {
        return sendGraphqlError(res, 400, 'BAD_REQUEST', 'query and documentId name different documents; send the id alone');
      }
      if (body['operationName'] !== undefined && body['operationName'] !== null && body['operationName'] !== document.name) {
        return sendGraphqlError(res, 400, 'BAD_REQUEST', `This document's operation is ${document.name}`);
      }
      body['query'] = document.body;
      delete body['documentId'];
      if (body['extensions'] && typeof body['extensions'] === 'object') delete (body['extensions'] as Record<string, unknown>)['persistedQuery'];
      return next();
    }
    if (restricted && !(typeof body['query'] === 'string' && store.byId(documentIdOf(body['query'])))) {
      return sendGraphqlError(res, 403, 'PERSISTED_QUERY_NOT_ALLOWED', HOW);
    }
    next();
  };
}
