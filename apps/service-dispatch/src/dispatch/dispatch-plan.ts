import type { UnassignableReason } from '@aftercare/event-contracts';
import type { RosterEngineer } from '../read-models/roster-engineer.entity';

/** Beyond this road distance from an outlet, nobody is sent: the customer is offered self-installation. */
export const SERVICE_RADIUS_KM = 50;

export interface QueuedWorkOrder {
  id: string;
  city: string;
  brand: string | null;
  productModel: string | null;
  distanceKm: number | null;
  /** The customer's value index, 0 when sales never rated them. */
  valueIndex: number;
  createdAt: Date;
}

export interface DispatchPlan {
  assignments: { workOrderId: string; engineerId: string }[];
  unassignable: { workOrderId: string; reason: UnassignableReason }[];
}

const key = (value: string) => value.trim().toLowerCase();

/** Higher customer value first; among equals the order that waited longer. */
export function byPriority(a: QueuedWorkOrder, b: QueuedWorkOrder): number {
  return b.valueIndex - a.valueIndex || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

function availableOn(engineer: RosterEngineer, date: string): boolean {
  return engineer.unavailable.every((window) => date < window.from || date > window.to);
}

/** No model means nothing model-specific to know (a pest-control visit, a survey); a brand, when known, must match too. */
function hasSkill(engineer: RosterEngineer, workOrder: QueuedWorkOrder): boolean {
  if (!workOrder.productModel) return true;
  const model = key(workOrder.productModel);
  const brand = workOrder.brand ? key(workOrder.brand) : null;
  return engineer.skills.some((skill) => key(skill.productModel) === model && (brand === null || key(skill.brand) === brand));
}

/**
 * Places one day's queue in memory, from data loaded once per run: the engineers, and the jobs each already
 * has that day. Orders go in priority order, each to the least-loaded engineer who covers the city, holds
 * the skill, is available that day and under daily capacity; the scarce engineers therefore go to the most
 * valuable customers. Pure, so the rules are tested without a database and the run costs a fixed number of queries.
 */
export function planDispatch(date: string, queue: QueuedWorkOrder[], engineers: RosterEngineer[], jobsThatDay: ReadonlyMap<string, number>): DispatchPlan {
  const byCity = new Map<string, RosterEngineer[]>();
  for (const engineer of engineers) {
    if (engineer.status !== 'ACTIVE' || !availableOn(engineer, date)) continue;
    for (const city of new Set(engineer.cities.map(key))) {
      const coverers = byCity.get(city) ?? [];
      coverers.push(engineer);
      byCity.set(city, coverers);
    }
  }
  const load = new Map(jobsThatDay);
  const plan: DispatchPlan = { assignments: [], unassignable: [] };

  for (const workOrder of [...queue].sort(byPriority)) {
    if (workOrder.distanceKm !== null && workOrder.distanceKm > SERVICE_RADIUS_KM) {
      plan.unassignable.push({ workOrderId: workOrder.id, reason: 'BEYOND_SERVICE_RADIUS' });
      continue;
    }
    let chosen: RosterEngineer | null = null;
    for (const engineer of byCity.get(key(workOrder.city)) ?? []) {
      const jobs = load.get(engineer.engineerId) ?? 0;
      if (jobs >= engineer.dailyCapacity || !hasSkill(engineer, workOrder)) continue;
      if (!chosen || jobs < (load.get(chosen.engineerId) ?? 0)) chosen = engineer;
    }
    if (!chosen) {
      plan.unassignable.push({ workOrderId: workOrder.id, reason: 'NO_SUITABLE_ENGINEER' });
      continue;
    }
    load.set(chosen.engineerId, (load.get(chosen.engineerId) ?? 0) + 1);
    plan.assignments.push({ workOrderId: workOrder.id, engineerId: chosen.engineerId });
  }
  return plan;
}
