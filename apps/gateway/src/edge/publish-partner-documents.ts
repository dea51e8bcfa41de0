/**
 * Regenerates apps/gateway/trusted-documents/partner.json from apps/gateway/trusted-documents/partner/*.graphql:
 *   node tools/run-ts.js apps/gateway/src/edge/publish-partner-documents.ts
 * Run it after adding or changing a partner operation (or when the supergraph changes what they select);
 * trusted-documents.spec.ts fails while the checked-in manifest is stale.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PARTNER_MANIFEST_PATH } from './trusted-documents';
import { partnerManifestFrom } from './trusted-documents-manifest';

const root = resolve(__dirname, '../../../..');
const manifest = partnerManifestFrom(root);
writeFileSync(join(root, PARTNER_MANIFEST_PATH), manifest);
console.log(`wrote ${PARTNER_MANIFEST_PATH} (${(JSON.parse(manifest) as { operations: unknown[] }).operations.length} operations)`);
