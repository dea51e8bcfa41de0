import { WorkOrderStatuses } from './work-order.entity';
import { canMove, nextStatus, WorkOrderMoves } from './lifecycle';

describe('work order lifecycle rules', () => {
  it('follows created → scheduled → assigned → in progress → completed → verified', () => {
    expect(nextStatus('w', 'CREATED', 'schedule')).toBe('SCHEDULED');
    expect(nextStatus('w', 'SCHEDULED', 'assign')).toBe('ASSIGNED');
    expect(nextStatus('w', 'ASSIGNED', 'start')).toBe('IN_PROGRESS');
    expect(nextStatus('w', 'IN_PROGRESS', 'complete')).toBe('COMPLETED');
    expect(nextStatus('w', 'COMPLETED', 'verify')).toBe('VERIFIED');
  });

  it('allows cancel and reschedule at any point before completion, never after', () => {
    const beforeCompletion = ['CREATED', 'SCHEDULED', 'ASSIGNED', 'IN_PROGRESS'] as const;
    for (const status of WorkOrderStatuses) {
      expect(canMove(status, 'cancel')).toBe((beforeCompletion as readonly string[]).includes(status));
    }
    expect(WorkOrderMoves.reschedule.from).toEqual(['SCHEDULED', 'ASSIGNED', 'IN_PROGRESS']);
    for (const status of ['COMPLETED', 'VERIFIED', 'CANCELLED'] as const) expect(canMove(status, 'reschedule')).toBe(false);
  });

  it('refuses a move the status does not allow with INVALID_STATE_TRANSITION, naming status and move', () => {
    expect(() => nextStatus('w-1', 'CREATED', 'complete')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'INVALID_STATE_TRANSITION', status: 'CREATED', move: 'complete', workOrderId: 'w-1' }),
      }),
    );
    expect(() => nextStatus('w', 'VERIFIED', 'reopen')).toThrow('cannot reopen');
  });
});
