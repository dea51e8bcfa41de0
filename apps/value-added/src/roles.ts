import { PARTNER_ROLE, Role } from '@aftercare/identity';

/** Agents work their own call queue; the tier (reminder or sales) is data on the agent, not a role. */
export const AGENTS: Role[] = ['VALUE_ADDED_AGENT'];
/** Supervisors run the campaigns: the daily run, the team's queue, reassignment, absences, the funnel, plans and brand terms. */
export const CAMPAIGN_RUNNERS: Role[] = ['SUPERVISOR', 'ADMIN'];
/** Everyone on the value-added team. */
export const VALUE_ADDED_TEAM: Role[] = [...AGENTS, ...CAMPAIGN_RUNNERS];
/** Who may look up an installed device and its warranty: complaints decides product liability with it, dispatch and sales quote from it. */
export const DEVICE_READERS: Role[] = [...VALUE_ADDED_TEAM, 'COMPLAINTS_AGENT', 'DISPATCHER', 'SALES'];
/** A partner brand sees and sets only its own brand's reminder service and figures. */
export const BRAND_VIEWERS: Role[] = [PARTNER_ROLE, ...CAMPAIGN_RUNNERS];
/** Agents know the catalogue best and keep the plans; supervisors and admins too. */
export const PLAN_EDITORS: Role[] = [...VALUE_ADDED_TEAM];
/** Dispatch schedules the replacements and sales quotes them, so both read the plans. */
export const PLAN_READERS: Role[] = [...PLAN_EDITORS, 'DISPATCHER', 'SALES'];
