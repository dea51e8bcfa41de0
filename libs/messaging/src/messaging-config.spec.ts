import { messagingConfigFor } from './messaging-config';

describe('messagingConfigFor', () => {
  it('has consumers gather for 25 ms or 64 KiB per fetch unless told otherwise', () => {
    expect(messagingConfigFor('sales', {}).fetch).toEqual({ minBytes: 65536, maxWaitMs: 25 });
    expect(messagingConfigFor('sales', { KAFKA_FETCH_WAIT_MS: '0', KAFKA_FETCH_MIN_BYTES: '1' }).fetch).toEqual({ minBytes: 1, maxWaitMs: 0 });
  });

  it('refuses fetch settings that are not counts', () => {
    expect(() => messagingConfigFor('sales', { KAFKA_FETCH_WAIT_MS: 'soon' })).toThrow(/KAFKA_FETCH_WAIT_MS must be a whole number of at least 0/);
    expect(() => messagingConfigFor('sales', { KAFKA_FETCH_MIN_BYTES: '0' })).toThrow(/KAFKA_FETCH_MIN_BYTES must be a whole number of at least 1/);
  });
});
