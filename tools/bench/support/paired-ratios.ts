/**
 * Ratios between two targets taken round by round. A round times its targets one after another, and this shared
 * machine's speed moves within minutes; so each ratio is taken between two runs of the same round, which the
 * bench runs back to back, and the median of those ratios is reported. A ratio of the medians would instead set a
 * run from a quick minute against one from a slow minute.
 */
export interface RoundFigure {
  scenario: string;
  target: string;
  round: number;
}

export function pairedRatio<TRun extends RoundFigure>(
  runs: readonly TRun[],
  scenario: string,
  numerator: string,
  denominator: string,
  figure: (run: TRun) => number,
): number | undefined {
  const ratios: number[] = [];
  for (const top of runs) {
    if (top.scenario !== scenario || top.target !== numerator) continue;
    const bottom = runs.find((run) => run.scenario === scenario && run.target === denominator && run.round === top.round);
    if (!bottom) continue;
    const ratio = figure(top) / figure(bottom);
    if (Number.isFinite(ratio)) ratios.push(ratio);
  }
  return ratios.length ? medianOf(ratios) : undefined;
}

/** The middle value; of an even count, the mean of the two middle ones. */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
