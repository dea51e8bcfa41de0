/** Staff roles carried in the `roles` claim of a staff JWT. */
export const StaffRoles = ['ADMIN', 'SALES', 'DISPATCHER', 'COMPLAINTS_AGENT', 'ENGINEER', 'VALUE_ADDED_AGENT', 'SUPERVISOR'] as const;

export type StaffRole = (typeof StaffRoles)[number];

/**
 * Partner brands are not staff; the services' access tables name them with this pseudo-role so one rule can
 * admit both staff roles and partners.
 */
export const PARTNER_ROLE = 'PARTNER';

/** Service-to-service calls made by the platform itself (e.g. the gateway resolving an API key). */
export const SYSTEM_ROLE = 'SYSTEM';

export type Role = StaffRole | typeof PARTNER_ROLE | typeof SYSTEM_ROLE;

export function isStaffRole(value: string): value is StaffRole {
  return (StaffRoles as readonly string[]).includes(value);
}
