import { describe, expect, it } from 'vitest';
import { answerRateOver } from './answer-rate';

describe('the hotline answer rate over a period', () => {
  it('weighs each call, not each day', () => {
    const rate = answerRateOver([
      { offered: 100, answered: 90, missed: 10 },
      { offered: 2, answered: 0, missed: 2 },
    ]);
    expect(rate).toEqual({ offered: 102, answered: 90, missed: 12, rate: 90 / 102 });
  });

  it('is "no data" rather than 0 when no call was offered', () => {
    expect(answerRateOver([]).rate).toBeNull();
    expect(answerRateOver([{ offered: 0, answered: 0, missed: 0 }]).rate).toBeNull();
  });
});
