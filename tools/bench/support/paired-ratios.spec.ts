import { medianOf, pairedRatio } from './paired-ratios';

const run = (target: string, round: number, perSecond: number, scenario = 'c') => ({ scenario, target, round, perSecond });

describe('pairedRatio', () => {
  it('takes the median of the rounds’ own ratios, not the ratio of the medians', () => {
    // Rounds' ratios 2.0, 0.9375 and 1.1765: median 1.1765. The medians (200 against 160) would give 1.25.
    const runs = [run('ours', 1, 300), run('peer', 1, 150), run('ours', 2, 150), run('peer', 2, 160), run('ours', 3, 200), run('peer', 3, 170)];
    expect(pairedRatio(runs, 'c', 'ours', 'peer', (r) => r.perSecond)).toBeCloseTo(200 / 170, 10);
  });

  it('pairs only runs of the same scenario and round, and skips a round where one target is missing', () => {
    const runs = [run('ours', 1, 100), run('peer', 1, 50), run('ours', 2, 100), run('peer', 2, 80, 'd'), run('peer', 3, 10)];
    expect(pairedRatio(runs, 'c', 'ours', 'peer', (r) => r.perSecond)).toBe(2);
    expect(pairedRatio(runs, 'd', 'ours', 'peer', (r) => r.perSecond)).toBeUndefined();
  });

  it('leaves out a round whose figure cannot be divided by', () => {
    const runs = [run('ours', 1, 100), run('peer', 1, 0), run('ours', 2, 90), run('peer', 2, 60)];
    expect(pairedRatio(runs, 'c', 'ours', 'peer', (r) => r.perSecond)).toBe(1.5);
  });
});

describe('medianOf', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });
});
