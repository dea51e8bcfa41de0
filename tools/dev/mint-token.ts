/**
 * Mints a staff bearer token for local development:
 *   npm run token -- ADMIN                     → a token for an admin
 *   npm run token -- DISPATCHER SUPERVISOR --sub li.na --name "Li Na"
 * Signed with AUTH_JWT_SECRET (this installation's generated one in .data/secrets when unset); valid 12 hours.
 */
import { authJwtSecretFrom, isStaffRole, mintStaffToken, StaffRole, StaffRoles } from '@aftercare/identity';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const args = process.argv.slice(2);
const roles = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')).map((role) => role.toUpperCase());
const unknown = roles.filter((role) => !isStaffRole(role));
if (roles.length === 0 || unknown.length > 0) {
  console.error(`usage: npm run token -- <ROLE…> [--sub id] [--name "Full Name"]\nroles: ${StaffRoles.join(', ')}`);
  process.exit(2);
}
const sub = option(args, 'sub') ?? `dev-${roles.join('-').toLowerCase()}`;
const name = option(args, 'name') ?? `Dev ${roles.join('/')}`;
console.log(mintStaffToken({ sub, name, roles: roles as StaffRole[] }, authJwtSecretFrom(process.env)));
