import { attribute, ChurnFacts } from './attribution';

const wellServedAndVisited: ChurnFacts = { reason: 'PRICE', qualityFactor: 85, complaints: 0, contactsLast90Days: 6, visitsLast90Days: 2 };

describe('churn attribution', () => {
  it('blames service when only the quality data is poor, whatever the stated reason', () => {
    expect(attribute({ ...wellServedAndVisited, reason: 'SALESPERSON_LEFT', qualityFactor: 40 }).attribution).toBe('SERVICE');
    expect(attribute({ ...wellServedAndVisited, complaints: 2 }).attribution).toBe('SERVICE');
  });

  it('blames sales when only the maintenance trace is poor', () => {
    const decided = attribute({ ...wellServedAndVisited, reason: 'SERVICE_QUALITY', contactsLast90Days: 1, visitsLast90Days: 0 });
    expect(decided).toMatchObject({ attribution: 'SALES', salesFellShort: true, serviceFellShort: false });
    expect(decided.explanation).toContain('1 contact(s), 0 visit(s)');
  });

  it('lets the stated reason decide when both or neither side fell short', () => {
    expect(attribute(wellServedAndVisited).attribution).toBe('PRICE');
    expect(attribute({ ...wellServedAndVisited, reason: 'SERVICE_QUALITY', qualityFactor: 30, contactsLast90Days: 0 }).attribution).toBe('SERVICE');
    expect(attribute({ ...wellServedAndVisited, reason: 'CULTURE_MISMATCH' }).attribution).toBe('SALES');
  });

  it('attributes uncontrollable reasons to nobody, still showing the evidence', () => {
    expect(attribute({ ...wellServedAndVisited, reason: 'CLOSED_DOWN', qualityFactor: 20 })).toMatchObject({
      attribution: 'UNCONTROLLABLE',
      serviceFellShort: true,
    });
  });

  it('treats an unknown quality factor as no evidence against service', () => {
    expect(attribute({ ...wellServedAndVisited, reason: 'SERVICE_QUALITY', qualityFactor: null, contactsLast90Days: 0 }).attribution).toBe('SALES');
  });
});
