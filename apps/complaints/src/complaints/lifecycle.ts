import { Lifecycle } from '@aftercare/subgraph';
import { ComplaintStatus, OPEN_STATUSES } from './complaint.entity';

/**
 * The moves of a complaint and the statuses each may start from; anything else is INVALID_STATE_TRANSITION.
 * `to` where the move alone decides the new status; `as` words the refusal ("A CLOSED complaint cannot be …").
 */
export const ComplaintMoves = {
  assign: { from: OPEN_STATUSES, as: 'assigned' },
  // The first contact moves RECEIVED to CONTACTED; later ones keep the status.
  recordContact: { from: OPEN_STATUSES, as: 'contacted' },
  startInvestigation: { from: ['CONTACTED'], to: 'INVESTIGATING', as: 'investigated' },
  waitForCustomer: { from: OPEN_STATUSES, as: 'put on hold for the customer' },
  customerResponded: { from: OPEN_STATUSES, as: 'resumed' },
  determineLiability: { from: ['CONTACTED', 'INVESTIGATING'], to: 'INVESTIGATING', as: 'given a liability' },
  giveOpinion: { from: ['CONTACTED', 'INVESTIGATING'], to: 'OPINION_GIVEN', as: 'given an opinion' },
  resolve: { from: ['CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN'], to: 'RESOLVED', as: 'resolved' },
  close: { from: ['RESOLVED'], to: 'CLOSED', as: 'closed' },
  reopen: { from: ['RESOLVED', 'CLOSED'], to: 'INVESTIGATING', as: 'reopened' },
  // Compensation is proposed up to resolution, and decided by a supervisor even after the complaint closed.
  proposeCompensation: { from: ['RECEIVED', 'CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN', 'RESOLVED'], as: 'compensated' },
  decideCompensation: { from: ['RECEIVED', 'CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN', 'RESOLVED', 'CLOSED'], as: 'compensated' },
} as const satisfies Record<string, { from: readonly ComplaintStatus[]; to?: ComplaintStatus; as: string }>;

export type ComplaintMove = keyof typeof ComplaintMoves;

export const complaintLifecycle = new Lifecycle<ComplaintStatus, ComplaintMove>(ComplaintMoves, ({ id, status }, move) => ({
  message: `A ${status} complaint cannot be ${ComplaintMoves[move].as}`,
  details: { complaintId: id },
}));
