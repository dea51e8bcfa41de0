import { messagingConfigFor } from './messaging-config';

describe('messagingConfigFor', () => {
  it('has consumers gather 25 ms after a busy fetch and ask once a second while idle, unless told otherwise', () => {
    expect(messagingConfigFor('sales', {}).fetch).toEqual({ gatherMs: 25, idleWaitMs: 1000 });
    expect(messagingConfigFor('sales', { KAFKA_FETCH_GATHER_MS: '0', KAFKA_FETCH_IDLE_WAIT_MS: '200' }).fetch).toEqual({ gatherMs: 0, idleWaitMs: 200 });
  });

  it('has consumers commit what they applied every 500 ms, or after every batch when told 0', () => {
    expect(messagingConfigFor('sales', {}).commitIntervalMs).toBe(500);
    expect(messagingConfigFor('sales', { KAFKA_COMMIT_INTERVAL_MS: '0' }).commitIntervalMs).toBe(0);
    expect(() => messagingConfigFor('sales', { KAFKA_COMMIT_INTERVAL_MS: '-1' })).toThrow(/KAFKA_COMMIT_INTERVAL_MS must be a whole number of at least 0/);
  });

  it('refuses fetch settings that are not counts', () => {
    expect(() => messagingConfigFor('sales', { KAFKA_FETCH_GATHER_MS: 'soon' })).toThrow(/KAFKA_FETCH_GATHER_MS must be a whole number of at least 0/);
    expect(() => messagingConfigFor('sales', { KAFKA_FETCH_IDLE_WAIT_MS: '0' })).toThrow(/KAFKA_FETCH_IDLE_WAIT_MS must be a whole number of at least 1/);
  });
});
