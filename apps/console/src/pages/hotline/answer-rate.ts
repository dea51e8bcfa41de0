/** The hotline's target: 85 % of offered calls answered. */
export const ANSWER_RATE_TARGET = 0.85;

/**
 * The answer rate over a period: answered / offered over all its days (not the mean of daily rates, which
 * would weigh a quiet Sunday like a busy Monday). `rate` is null when no call was offered: "no data yet",
 * never 0 %.
 */
export function answerRateOver(days: readonly { offered: number; answered: number; missed: number }[]): {
  offered: number;
  answered: number;
  missed: number;
  rate: number | null;
} {
  const offered = days.reduce((sum, day) => sum + day.offered, 0);
  const answered = days.reduce((sum, day) => sum + day.answered, 0);
  const missed = days.reduce((sum, day) => sum + day.missed, 0);
  return { offered, answered, missed, rate: offered ? answered / offered : null };
}
