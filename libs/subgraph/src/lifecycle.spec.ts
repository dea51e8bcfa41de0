import { DomainError } from './errors';
import { Lifecycle } from './lifecycle';

type Status = 'OPEN' | 'DONE' | 'CLOSED';
const lifecycle = new Lifecycle<Status, 'finish' | 'note' | 'close'>(
  {
    finish: { from: ['OPEN'], to: 'DONE' },
    note: { from: ['OPEN', 'DONE'] },
    close: { from: ['DONE'], to: 'CLOSED' },
  },
  (subject, move, allowedFrom) => ({ message: `Task ${subject.id} is ${subject.status}; it cannot ${move}`, details: { taskId: subject.id, allowedFrom } }),
);

describe('Lifecycle', () => {
  it('moves to the declared status, or keeps the status when the move does not set one', () => {
    expect(lifecycle.next({ id: 't', status: 'OPEN' }, 'finish')).toBe('DONE');
    expect(lifecycle.next({ id: 't', status: 'DONE' }, 'note')).toBe('DONE');
    expect(lifecycle.canMove('OPEN', 'close')).toBe(false);
  });

  it('refuses any other move with INVALID_STATE_TRANSITION, the current status and the service’s own facts', () => {
    let refusal: unknown;
    try {
      lifecycle.next({ id: 't-1', status: 'CLOSED' }, 'note');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).message).toBe('Task t-1 is CLOSED; it cannot note');
    expect((refusal as DomainError).extensions).toEqual({ code: 'INVALID_STATE_TRANSITION', status: 'CLOSED', taskId: 't-1', allowedFrom: ['OPEN', 'DONE'] });
  });
});
