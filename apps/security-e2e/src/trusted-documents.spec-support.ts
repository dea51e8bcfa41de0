import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@aftercare/testing';

/** The operations published for partners, read from the gateway's checked-in manifest (an e2e project imports no app code). */
const operations = (
  JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps/gateway/trusted-documents/partner.json'), 'utf8')) as { operations: { id: string; name: string }[] }
).operations;

export const partnerDocuments = {
  names: (): string[] => operations.map((operation) => operation.name),
  /** The documentId a partner sends: `sha256:<hex>`. */
  id(name: string): string {
    const operation = operations.find((candidate) => candidate.name === name);
    if (!operation) throw new Error(`no published partner operation named ${name}`);
    return `sha256:${operation.id}`;
  },
};
