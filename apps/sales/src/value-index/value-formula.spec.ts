import { scoreValue, tierOf, ValueInputs } from './value-formula';

const newCustomer: ValueInputs = {
  annualValueCents: 0,
  completedJobs: 0,
  paymentsRefused: 0,
  paidAndVerifiedJobs: 0,
  repeatPurchases: 0,
  proactiveContacts: 0,
  referrals: 0,
  evaluationCount: 0,
  evaluationScoreSum: 0,
  complaints: 0,
  qualityFactor: null,
  scale: 1,
  influence: 1,
};

describe('the customer value index', () => {
  it('scores a new customer in the middle of the groups it has no data for', () => {
    expect(scoreValue(newCustomer)).toMatchObject({
      valueIndex: 23,
      tier: 'D',
      breakdown: { economic: 5, loyalty: 0, serviceEffect: 18, characteristics: 0 },
    });
  });

  it('gives the full 100 to a large, influential, loyal, paying customer with top evaluations', () => {
    const best = scoreValue({
      ...newCustomer,
      annualValueCents: 3_000_000,
      completedJobs: 4,
      paidAndVerifiedJobs: 4,
      repeatPurchases: 3,
      proactiveContacts: 5,
      referrals: 2,
      evaluationCount: 4,
      evaluationScoreSum: 20,
      qualityFactor: 100,
      scale: 5,
      influence: 5,
    });
    expect(best).toMatchObject({ valueIndex: 100, tier: 'A', breakdown: { economic: 25, loyalty: 25, serviceEffect: 25, characteristics: 25 } });
  });

  it('takes off for refused payments, complaints and poor evaluations', () => {
    const base = { ...newCustomer, completedJobs: 4, paidAndVerifiedJobs: 4, evaluationCount: 2, evaluationScoreSum: 10 };
    const good = scoreValue(base);
    expect(scoreValue({ ...base, paymentsRefused: 2, paidAndVerifiedJobs: 2 }).breakdown.economic).toBe(good.breakdown.economic - 5);
    expect(scoreValue({ ...base, complaints: 1 }).breakdown.serviceEffect).toBe(good.breakdown.serviceEffect - 3);
    expect(scoreValue({ ...base, evaluationScoreSum: 2 }).breakdown.serviceEffect).toBe(good.breakdown.serviceEffect - 15);
  });

  it('puts tiers at 75, 50 and 25', () => {
    expect([100, 75, 74, 50, 49, 25, 24, 0].map(tierOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
});
