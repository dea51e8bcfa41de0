import { Platform } from '@aftercare/testing';
import { asPartnerById, installOrderInput, sleep } from './faults';

/** A client that gets no answer within this is reported as a hang, whatever happens to its request later. */
export const HANG_AFTER_MS = 30_000;

export interface SubmissionError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** One partner submission as the partner saw it. */
export interface Submission {
  externalRef: string;
  /** The order sales answered with, when it answered with one. */
  orderId?: string;
  /** The first error of a refused submission (a GraphQL error, a transport failure or a hang). */
  error?: SubmissionError;
  startedAt: number;
  ms: number;
}

/**
 * Partner orders submitted continuously, `concurrency` at a time, until stopped: the load a fault lands in.
 * Every answer is kept, so a scenario can say what each caller saw while the fault lasted.
 */
export class PartnerOrderLoad {
  private stopped = false;
  private readonly submissions: Submission[] = [];
  private readonly workers: Promise<void>[];
  private next = 0;

  private constructor(
    private readonly platform: Platform,
    private readonly apiKey: string,
    private readonly prefix: string,
    concurrency: number,
    private readonly pauseMs: number,
  ) {
    this.workers = Array.from({ length: concurrency }, () => this.work());
  }

  /** `pauseMs` between one caller's submissions keeps the load steady on a small machine instead of saturating it. */
  static start(platform: Platform, apiKey: string, prefix: string, concurrency = 3, pauseMs = 50): PartnerOrderLoad {
    return new PartnerOrderLoad(platform, apiKey, prefix, concurrency, pauseMs);
  }

  /** Answers so far (the load keeps running). */
  get soFar(): readonly Submission[] {
    return this.submissions;
  }

  /** Lets the submissions in flight finish and returns every answer. */
  async stop(): Promise<Submission[]> {
    this.stopped = true;
    await Promise.all(this.workers);
    return this.submissions;
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      this.submissions.push(await this.submitOne(`${this.prefix}-${this.next++}`));
      await sleep(this.pauseMs);
    }
  }

  private async submitOne(externalRef: string): Promise<Submission> {
    const startedAt = Date.now();
    let hangTimer: NodeJS.Timeout | undefined;
    const hang = new Promise<SubmissionError>((resolve) => {
      hangTimer = setTimeout(() => resolve({ message: `no answer within ${HANG_AFTER_MS} ms`, extensions: { code: 'CLIENT_SAW_A_HANG' } }), HANG_AFTER_MS);
    });
    const answer = asPartnerById<{ submitInstallOrder: { id: string } }>(this.platform, this.apiKey, 'SubmitInstallOrder', {
      input: installOrderInput(externalRef),
    }).then(
      (response): { orderId?: string; error?: SubmissionError } =>
        response.data?.submitInstallOrder
          ? { orderId: response.data.submitInstallOrder.id }
          : { error: (response.errors?.[0] as SubmissionError | undefined) ?? { message: `HTTP ${response.status} without data or errors` } },
      (error: Error): { error: SubmissionError } => ({ error: { message: `transport: ${error.message}`, extensions: { code: 'CLIENT_TRANSPORT_ERROR' } } }),
    );
    const outcome = await Promise.race([answer, hang.then((error) => ({ error }))]);
    clearTimeout(hangTimer);
    return { externalRef, ...outcome, startedAt, ms: Date.now() - startedAt };
  }
}

/** What reveals an internal detail: an address, a driver or socket message, a stack frame. */
const INTERNAL_DETAIL = /127\.0\.0\.1|localhost|:\d{4,5}\b|ECONN|EPIPE|socket hang up|terminat|postgres|QueryFailed|\bat [\w.<>]+ \(|\.[jt]s:\d+|stack/i;

export interface RefusalFigures {
  submitted: number;
  answered: number;
  refused: number;
  /** Refusals per extensions.code, e.g. `DATABASE_UNAVAILABLE:12 AUTHENTICATION_UNAVAILABLE:3`. */
  byCode: Record<string, number>;
  /** Refusals a client cannot act on: a code this fault should not cause, or an internal detail (address, driver message, stack). */
  unclean: SubmissionError[];
  /** Clean refusals that do not say "retry" (the change may have been applied): each one is checked against the database. */
  notRetryable: Submission[];
  slowestRefusalMs: number;
  slowestAnswerMs: number;
}

/** How the callers were refused, against the codes this fault may cause. */
export function refusalFigures(submissions: readonly Submission[], allowedCodes: readonly string[]): RefusalFigures {
  const refused = submissions.filter((submission) => submission.error);
  const byCode: Record<string, number> = {};
  const unclean: SubmissionError[] = [];
  const notRetryable: Submission[] = [];
  for (const submission of refused) {
    const error = submission.error ?? { message: 'refused' };
    const code = String(error.extensions?.['code'] ?? 'NO_CODE');
    byCode[code] = (byCode[code] ?? 0) + 1;
    if (!allowedCodes.includes(code) || INTERNAL_DETAIL.test(JSON.stringify(error))) unclean.push(error);
    else if (error.extensions?.['retryable'] !== true) notRetryable.push(submission);
  }
  return {
    submitted: submissions.length,
    answered: submissions.length - refused.length,
    refused: refused.length,
    byCode,
    unclean,
    notRetryable,
    slowestRefusalMs: Math.max(0, ...refused.map((submission) => submission.ms)),
    slowestAnswerMs: Math.max(0, ...submissions.map((submission) => submission.ms)),
  };
}

export function formatCounts(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .map(([code, n]) => `${code}:${n}`)
      .join(',') || '-'
  );
}
