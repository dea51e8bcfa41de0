import { DomainError, ErrorCodes } from './errors';

/** One move of a lifecycle: the statuses it may start from and, when the move decides it alone, the status it ends in. */
export interface Transition<Status extends string> {
  from: readonly Status[];
  /** Omitted when the move keeps the status (an assignment) or the service decides it (a first contact). */
  to?: Status;
}

export type TransitionTable<Status extends string, Move extends string> = Readonly<Record<Move, Transition<Status>>>;

/** What the refusal says about the thing that could not move: its message and the facts in `extensions`. */
export type Refusal<Status extends string, Move extends string> = (
  subject: { id: string; status: Status },
  move: Move,
  allowedFrom: readonly Status[],
) => { message: string; details: Record<string, unknown> };

/**
 * A status lifecycle declared once as a table of moves. Every service refuses a move its table does not allow
 * the same way — INVALID_STATE_TRANSITION with the current `status` — from here; the wording and the other
 * facts of the refusal are the service's.
 */
export class Lifecycle<Status extends string, Move extends string> {
  constructor(
    readonly moves: TransitionTable<Status, Move>,
    private readonly refusal: Refusal<Status, Move>,
  ) {}

  canMove(status: Status, move: Move): boolean {
    return this.moves[move].from.includes(status);
  }

  /** Throws INVALID_STATE_TRANSITION unless `move` may start from the subject's status. */
  assertCanMove(subject: { id: string; status: Status }, move: Move): void {
    if (this.canMove(subject.status, move)) return;
    const { message, details } = this.refusal(subject, move, this.moves[move].from);
    throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, message, { ...details, status: subject.status });
  }

  /** The status after `move` (the current one when the move does not set it), or INVALID_STATE_TRANSITION. */
  next(subject: { id: string; status: Status }, move: Move): Status {
    this.assertCanMove(subject, move);
    return this.moves[move].to ?? subject.status;
  }
}
