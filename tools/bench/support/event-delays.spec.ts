import { bucketsBetween, histogramBuckets, quantileMs } from './event-delays';

const metrics = (count50: number, count100: number, total: number, service = 'service-dispatch') =>
  [
    '# HELP aftercare_event_apply_delay_seconds …',
    `aftercare_event_apply_delay_seconds_bucket{le="0.05",event_type="OrderPlaced",service="${service}"} ${count50}`,
    `aftercare_event_apply_delay_seconds_bucket{le="0.1",event_type="OrderPlaced",service="${service}"} ${count100}`,
    `aftercare_event_apply_delay_seconds_bucket{le="+Inf",event_type="OrderPlaced",service="${service}"} ${total}`,
    `aftercare_event_apply_delay_seconds_bucket{le="0.05",event_type="CustomerRegistered",service="${service}"} 999`,
    `aftercare_event_apply_delay_seconds_sum{event_type="OrderPlaced",service="${service}"} 12.5`,
  ].join('\n');

describe('event delays from the services’ histograms', () => {
  it('reads the buckets of one event type and service, summed over the texts given', () => {
    const buckets = histogramBuckets(metrics(10, 30, 40), 'aftercare_event_apply_delay_seconds', { service: 'service-dispatch', event_type: 'OrderPlaced' });
    expect([...buckets]).toEqual([
      [0.05, 10],
      [0.1, 30],
      [Infinity, 40],
    ]);
    expect(histogramBuckets(metrics(10, 30, 40, 'sales'), 'aftercare_event_apply_delay_seconds', { service: 'service-dispatch' }).size).toBe(0);
  });

  it('interpolates quantiles within a bucket as histogram_quantile does, over what one run counted', () => {
    const name = 'aftercare_event_apply_delay_seconds';
    const labels = { service: 'service-dispatch', event_type: 'OrderPlaced' };
    // Before the run 10 events took ≤ 50 ms; the run adds 10 ≤ 50 ms, 20 in (50, 100] and 10 slower.
    const run = bucketsBetween(histogramBuckets(metrics(10, 10, 10), name, labels), histogramBuckets(metrics(20, 40, 50), name, labels));
    expect(quantileMs(run, 0.2)).toBe(40); // rank 8 of 40, in the first bucket: 0 + 50 × 8/10
    expect(quantileMs(run, 0.5)).toBe(75); // rank 20: 10 below, 20 in (50, 100] → 50 + 50 × 10/20
    expect(quantileMs(run, 0.95)).toBe(100); // in +Inf: the highest finite bound
    expect(quantileMs(new Map([[Infinity, 0]]), 0.5)).toBeNaN();
  });
});
