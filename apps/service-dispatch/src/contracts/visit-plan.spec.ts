import { monthBounds, visitDays } from './visit-plan';

describe('contract visit plan', () => {
  it('knows the length of each month, leap years included', () => {
    expect(monthBounds('2099-02')).toEqual({ first: '2099-02-01', last: '2099-02-28' });
    expect(monthBounds('2096-02').last).toBe('2096-02-29');
    expect(monthBounds('2099-12').last).toBe('2099-12-31');
  });

  it('spreads the promised visits evenly over the month', () => {
    expect(visitDays('2099-03', '2099-01-10', 2)).toEqual(['2099-03-01', '2099-03-16']);
    expect(visitDays('2099-04', '2099-01-10', 4)).toEqual(['2099-04-01', '2099-04-08', '2099-04-16', '2099-04-23']);
  });

  it('spreads them over the part of its first month the contract runs, and plans nothing before it starts', () => {
    expect(visitDays('2099-03', '2099-03-20', 2)).toEqual(['2099-03-20', '2099-03-26']);
    expect(visitDays('2099-02', '2099-03-20', 2)).toEqual([]);
    expect(visitDays('2099-03', '2099-01-01', 0)).toEqual([]);
  });
});
