import { opinionDueAt } from './opinion-deadline';

describe('the 48-hour opinion deadline', () => {
  const receivedAt = new Date('2026-03-06T22:30:00.000Z');

  it('falls 48 elapsed hours after receipt when liability is involved, across a weekend', () => {
    expect(opinionDueAt(receivedAt, true)).toEqual(new Date('2026-03-08T22:30:00.000Z'));
  });

  it('does not apply otherwise', () => {
    expect(opinionDueAt(receivedAt, false)).toBeNull();
  });
});
