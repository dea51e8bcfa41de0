import type { ComplaintStatus } from '../../gql/graphql';

export type ComplaintAction = 'contact' | 'investigate' | 'wait' | 'responded' | 'liability' | 'opinion' | 'compensation' | 'resolve' | 'close' | 'reopen';

export interface ComplaintState {
  status: ComplaintStatus;
  waitingOnCustomerSince?: string | null;
  liability?: string | null;
  involvesLiability: boolean;
  compensations: readonly { status: string }[];
}

const OPEN: readonly ComplaintStatus[] = ['RECEIVED', 'CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN'];

/**
 * The actions a complaint's state allows, as the complaints service decides them (complaints.service.ts):
 * only these are offered, so a person never clicks what the service would refuse.
 */
export function allowedActions(complaint: ComplaintState): ComplaintAction[] {
  const { status } = complaint;
  const open = OPEN.includes(status);
  const working = status === 'CONTACTED' || status === 'INVESTIGATING';
  const pendingCompensation = complaint.compensations.some((compensation) => compensation.status === 'PROPOSED');
  // With liability at stake, resolving waits for the handling opinion (OPINION_REQUIRED otherwise).
  const mayResolve = working || status === 'OPINION_GIVEN' ? status === 'OPINION_GIVEN' || !(complaint.involvesLiability || complaint.liability) : false;
  const actions: [ComplaintAction, boolean][] = [
    ['contact', open],
    ['investigate', status === 'CONTACTED'],
    ['wait', open && !complaint.waitingOnCustomerSince],
    ['responded', open && !!complaint.waitingOnCustomerSince],
    ['liability', working && !complaint.liability],
    ['opinion', working],
    ['compensation', open || status === 'RESOLVED'],
    ['resolve', mayResolve],
    ['close', status === 'RESOLVED' && !pendingCompensation],
    ['reopen', status === 'RESOLVED' || status === 'CLOSED'],
  ];
  return actions.filter(([, allowed]) => allowed).map(([action]) => action);
}

/** Why resolving is not offered yet, when it is the next thing a person would look for. */
export function resolveBlockedBy(complaint: ComplaintState): 'opinion' | 'compensation' | null {
  if ((complaint.status === 'CONTACTED' || complaint.status === 'INVESTIGATING') && (complaint.involvesLiability || complaint.liability)) return 'opinion';
  if (complaint.status === 'RESOLVED' && complaint.compensations.some((compensation) => compensation.status === 'PROPOSED')) return 'compensation';
  return null;
}
