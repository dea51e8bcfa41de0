import { actorOf } from './actor';

describe('actorOf: one record of who did something, for every service', () => {
  it('names staff by user id, partners by partner id (their code as the name), the platform by service', () => {
    expect(actorOf({ kind: 'staff', userId: 'li.na', name: 'Li Na', roles: ['DISPATCHER'] })).toEqual({ id: 'li.na', name: 'Li Na' });
    expect(actorOf({ kind: 'partner', partnerId: '7b1c2d3e-0000-4000-8000-000000000001', partnerCode: 'HAIER' })).toEqual({
      id: 'partner:7b1c2d3e-0000-4000-8000-000000000001',
      name: 'HAIER',
    });
    expect(actorOf({ kind: 'system', service: 'sales' })).toEqual({ id: 'sales', name: 'sales' });
    expect(actorOf({ kind: 'anonymous' })).toEqual({ id: 'anonymous', name: 'anonymous' });
  });

  it('keeps two partners with similar codes apart and one partner the same whatever its code is called', () => {
    const before = actorOf({ kind: 'partner', partnerId: 'p-1', partnerCode: 'HAIER' });
    const renamed = actorOf({ kind: 'partner', partnerId: 'p-1', partnerCode: 'HAIER-CN' });
    const other = actorOf({ kind: 'partner', partnerId: 'p-2', partnerCode: 'HAIER' });
    expect(renamed.id).toBe(before.id);
    expect(other.id).not.toBe(before.id);
  });
});
