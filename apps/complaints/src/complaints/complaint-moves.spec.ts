import { DomainError } from '@aftercare/subgraph';
import { ComplaintStatuses } from './complaint.entity';
import { complaintLifecycle, ComplaintMoves } from './lifecycle';

describe('complaint lifecycle', () => {
  it('declares each move once: where it may start and, where the move decides it, where it ends', () => {
    expect(complaintLifecycle.next({ id: 'c', status: 'CONTACTED' }, 'startInvestigation')).toBe('INVESTIGATING');
    expect(complaintLifecycle.next({ id: 'c', status: 'INVESTIGATING' }, 'giveOpinion')).toBe('OPINION_GIVEN');
    expect(complaintLifecycle.next({ id: 'c', status: 'OPINION_GIVEN' }, 'resolve')).toBe('RESOLVED');
    expect(complaintLifecycle.next({ id: 'c', status: 'RESOLVED' }, 'close')).toBe('CLOSED');
    expect(complaintLifecycle.next({ id: 'c', status: 'CLOSED' }, 'reopen')).toBe('INVESTIGATING');
    // An assignment or a later contact keeps the status.
    expect(complaintLifecycle.next({ id: 'c', status: 'INVESTIGATING' }, 'assign')).toBe('INVESTIGATING');
    for (const status of ComplaintStatuses) expect(complaintLifecycle.canMove(status, 'recordContact')).toBe(!['RESOLVED', 'CLOSED'].includes(status));
    expect(ComplaintMoves.decideCompensation.from).toContain('CLOSED');
  });

  it('refuses a closed complaint a contact with INVALID_STATE_TRANSITION, in the words clients have seen', () => {
    expect(() => complaintLifecycle.next({ id: 'c-1', status: 'CLOSED' }, 'recordContact')).toThrow(DomainError);
    try {
      complaintLifecycle.next({ id: 'c-1', status: 'CLOSED' }, 'recordContact');
    } catch (error) {
      expect((error as DomainError).message).toBe('A CLOSED complaint cannot be contacted');
      expect((error as DomainError).extensions).toEqual({ code: 'INVALID_STATE_TRANSITION', complaintId: 'c-1', status: 'CLOSED' });
    }
  });
});
