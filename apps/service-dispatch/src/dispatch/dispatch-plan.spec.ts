import type { RosterEngineer } from '../read-models/roster-engineer.entity';
import { planDispatch, QueuedWorkOrder, SERVICE_RADIUS_KM } from './dispatch-plan';

const DAY = '2026-12-10';
let sequence = 0;

function engineer(overrides: Partial<RosterEngineer> = {}): RosterEngineer {
  sequence += 1;
  return {
    engineerId: `e-${sequence}`,
    name: `Engineer ${sequence}`,
    status: 'ACTIVE',
    homeCity: 'Suzhou',
    cities: ['Suzhou'],
    skills: [{ brand: 'Philips', productModel: 'AquaPure X5' }],
    dailyCapacity: 5,
    unavailable: [],
    updatedAt: new Date(),
    ...overrides,
  };
}

function order(overrides: Partial<QueuedWorkOrder> = {}): QueuedWorkOrder {
  sequence += 1;
  return {
    id: `w-${sequence}`,
    city: 'Suzhou',
    brand: 'PHILIPS',
    productModel: 'AquaPure X5',
    distanceKm: null,
    valueIndex: 0,
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, sequence)),
    ...overrides,
  };
}

const assignedTo = (plan: ReturnType<typeof planDispatch>) => Object.fromEntries(plan.assignments.map((entry) => [entry.workOrderId, entry.engineerId]));

describe('planDispatch', () => {
  it('sends only an engineer who covers the city and holds the skill for the brand and model (case-insensitively)', () => {
    const elsewhere = engineer({ cities: ['Wuxi'] });
    const unskilled = engineer({ skills: [{ brand: 'Xiaomi', productModel: 'AquaPure X5' }] });
    const right = engineer({ cities: ['Wuxi', 'suzhou'] });
    const job = order();
    expect(assignedTo(planDispatch(DAY, [job], [elsewhere, unskilled, right], new Map()))).toEqual({ [job.id]: right.engineerId });
  });

  it('needs no skill for a job without a product model (a pest-control visit)', () => {
    const anyone = engineer({ skills: [] });
    const visit = order({ brand: null, productModel: null });
    expect(assignedTo(planDispatch(DAY, [visit], [anyone], new Map()))).toEqual({ [visit.id]: anyone.engineerId });
  });

  it('skips engineers on leave or sick that day, and those not active', () => {
    const sick = engineer({ unavailable: [{ from: '2026-12-09', to: DAY, reason: 'SICK' }] });
    const suspended = engineer({ status: 'SUSPENDED' });
    const backFromLeave = engineer({ unavailable: [{ from: '2026-12-01', to: '2026-12-09', reason: 'LEAVE' }] });
    const job = order();
    expect(assignedTo(planDispatch(DAY, [job], [sick, suspended, backFromLeave], new Map()))).toEqual({ [job.id]: backFromLeave.engineerId });
  });

  it('respects daily capacity, counting the jobs already held that day, and balances the load', () => {
    const busy = engineer({ dailyCapacity: 3 });
    const free = engineer({ dailyCapacity: 2 });
    const jobs = [order(), order(), order(), order()];
    const plan = planDispatch(DAY, jobs, [busy, free], new Map([[busy.engineerId, 2]]));
    const perEngineer = plan.assignments.reduce<Record<string, number>>(
      (counts, entry) => ({ ...counts, [entry.engineerId]: (counts[entry.engineerId] ?? 0) + 1 }),
      {},
    );
    expect(perEngineer).toEqual({ [busy.engineerId]: 1, [free.engineerId]: 2 });
    expect(plan.unassignable).toEqual([{ workOrderId: jobs[3]!.id, reason: 'NO_SUITABLE_ENGINEER' }]);
  });

  it('gives scarce engineers to the most valuable customers first, then to the orders that waited longer', () => {
    const only = engineer({ dailyCapacity: 2 });
    const oldLowValue = order({ valueIndex: 20 });
    const newHighValue = order({ valueIndex: 90 });
    const olderMidValue = order({ valueIndex: 50, createdAt: new Date(Date.UTC(2026, 9, 1)) });
    const newerMidValue = order({ valueIndex: 50 });
    const plan = planDispatch(DAY, [oldLowValue, newerMidValue, newHighValue, olderMidValue], [only], new Map());
    expect(plan.assignments.map((entry) => entry.workOrderId)).toEqual([newHighValue.id, olderMidValue.id]);
    expect(plan.unassignable.map((entry) => entry.workOrderId)).toEqual([newerMidValue.id, oldLowValue.id]);
  });

  it('offers self-installation for a site beyond the service radius instead of sending anyone', () => {
    const remote = order({ distanceKm: SERVICE_RADIUS_KM + 1 });
    const edge = order({ distanceKm: SERVICE_RADIUS_KM });
    const plan = planDispatch(DAY, [remote, edge], [engineer()], new Map());
    expect(plan.unassignable).toEqual([{ workOrderId: remote.id, reason: 'BEYOND_SERVICE_RADIUS' }]);
    expect(plan.assignments.map((entry) => entry.workOrderId)).toEqual([edge.id]);
  });
});
