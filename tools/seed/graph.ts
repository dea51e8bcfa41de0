/** How the seed talks to the platform: through the gateway, as staff (development tokens) or as a partner. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authJwtSecretFrom, mintStaffToken, StaffRole, StaffRoles } from '@aftercare/identity';

export const gatewayUrl = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000/graphql';
export const credentialsFile = process.env['SEED_CREDENTIALS_FILE'] ?? join(__dirname, '../../.data/dev-credentials.json');
const secret = authJwtSecretFrom(process.env);
export const tokens = Object.fromEntries(
  StaffRoles.map((role) => [role, mintStaffToken({ sub: `demo-${role.toLowerCase()}`, name: `Demo ${role}`, roles: [role] }, secret)]),
) as Record<StaffRole, string>;

interface GraphqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * A partner key runs only the operations the platform publishes for partners, by id (the gateway refuses any
 * other document): the seed calls them as a brand's integration would.
 */
const publishedForPartners = (
  JSON.parse(readFileSync(join(__dirname, '../../apps/gateway/trusted-documents/partner.json'), 'utf8')) as { operations: { id: string; name: string }[] }
).operations;

export function partnerDocument(name: string): { documentId: string } {
  const published = publishedForPartners.find((operation) => operation.name === name);
  if (!published) throw new Error(`no published partner operation named ${name}`);
  return { documentId: `sha256:${published.id}` };
}

export async function call<T>(
  headers: Record<string, string>,
  document: string | { documentId: string },
  variables: Record<string, unknown>,
  tolerate: string[] = [],
) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ ...(typeof document === 'string' ? { query: document } : document), variables }),
  });
  const body = (await response.json()) as GraphqlResult<T>;
  const unexpected = (body.errors ?? []).filter((error) => !tolerate.includes(error.extensions?.code ?? ''));
  if (unexpected.length > 0) throw new Error(unexpected.map((error) => `${error.extensions?.code}: ${error.message}`).join('\n'));
  return body;
}

export const asStaff = (role: StaffRole) => ({ authorization: `Bearer ${tokens[role]}` });

/** As a particular staff user (their token's `sub`), e.g. a salesperson on a graph that knows them only by id. */
export const asStaffUser = (role: StaffRole, sub: string, name: string) => ({
  authorization: `Bearer ${mintStaffToken({ sub, name, roles: [role] }, secret)}`,
});
