import { describe, expect, it } from 'vitest';
import { allowedActions, resolveBlockedBy, type ComplaintState } from './allowed-actions';

const complaint = (overrides: Partial<ComplaintState>): ComplaintState => ({ status: 'RECEIVED', involvesLiability: false, compensations: [], ...overrides });

describe('the actions a complaint’s state allows', () => {
  it('a new complaint: contact, wait on the customer, compensation; not resolve or close', () => {
    expect(allowedActions(complaint({}))).toEqual(['contact', 'wait', 'compensation']);
  });

  it('after contact: investigate, liability, opinion, resolve (no liability at stake)', () => {
    expect(allowedActions(complaint({ status: 'CONTACTED' }))).toEqual(['contact', 'investigate', 'wait', 'liability', 'opinion', 'compensation', 'resolve']);
  });

  it('waiting on the customer offers resuming, not waiting again', () => {
    const waiting = allowedActions(complaint({ status: 'CONTACTED', waitingOnCustomerSince: '2026-12-06T01:00:00Z' }));
    expect(waiting).toContain('responded');
    expect(waiting).not.toContain('wait');
  });

  it('with liability at stake, resolving waits for the opinion', () => {
    const atStake = complaint({ status: 'INVESTIGATING', involvesLiability: true, liability: 'INSTALLATION' });
    expect(allowedActions(atStake)).not.toContain('resolve');
    expect(allowedActions(atStake)).not.toContain('liability');
    expect(resolveBlockedBy(atStake)).toBe('opinion');
    expect(allowedActions({ ...atStake, status: 'OPINION_GIVEN' })).toContain('resolve');
  });

  it('after Resolve only compensation, close and reopen remain', () => {
    expect(allowedActions(complaint({ status: 'RESOLVED' }))).toEqual(['compensation', 'close', 'reopen']);
  });

  it('a compensation waiting for a supervisor holds the close back', () => {
    const pending = complaint({ status: 'RESOLVED', compensations: [{ status: 'PROPOSED' }] });
    expect(allowedActions(pending)).toEqual(['compensation', 'reopen']);
    expect(resolveBlockedBy(pending)).toBe('compensation');
  });

  it('a closed complaint may only be reopened', () => {
    expect(allowedActions(complaint({ status: 'CLOSED' }))).toEqual(['reopen']);
  });
});
