/**
 * The legs of an event's trip, from the services' own histograms (docs/platform.md): read around a run, the
 * difference is that run's events. Quantiles are interpolated within buckets as Prometheus' histogram_quantile
 * does, so they are as fine as the bucket bounds (5, 10, 25, 50, 75, 100, 150, 250 ms …).
 */

/** Cumulative counts by upper bound in seconds (`Infinity` for `+Inf`), as a histogram's `_bucket` series give them. */
export type Buckets = Map<number, number>;

/** One histogram's buckets in a /metrics text, summed over the series whose labels include every one of `labels`. */
export function histogramBuckets(text: string, metric: string, labels: Record<string, string>): Buckets {
  const buckets: Buckets = new Map();
  const series = new RegExp(`^${metric}_bucket\\{([^}]*)\\} (\\S+)$`, 'gm');
  for (const [, labelText = '', value] of text.matchAll(series)) {
    const found: Record<string, string> = {};
    for (const [, name = '', labelValue = ''] of labelText.matchAll(/(\w+)="([^"]*)"/g)) found[name] = labelValue;
    if (!Object.entries(labels).every(([name, wanted]) => found[name] === wanted)) continue;
    const bound = found['le'] === '+Inf' ? Infinity : Number(found['le']);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(value));
  }
  return buckets;
}

/** What was counted between two readings of one histogram. */
export function bucketsBetween(before: Buckets, after: Buckets): Buckets {
  return new Map([...after].map(([bound, count]) => [bound, count - (before.get(bound) ?? 0)]));
}

/**
 * The q-quantile in milliseconds, linear within its bucket (the first bucket starting at 0); in the +Inf bucket the
 * highest finite bound, as Prometheus answers. NaN when nothing was counted.
 */
export function quantileMs(buckets: Buckets, q: number): number {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (total <= 0) return NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound) ?? 0;
    if (count >= rank) {
      if (bound === Infinity) return Math.round(lower * 1000);
      const share = count === below ? 0 : (rank - below) / (count - below);
      return Math.round((lower + (bound - lower) * share) * 1000);
    }
    lower = bound;
    below = count;
  }
  return NaN;
}

export interface EventDelayLegs {
  /** In the producer: its recording transaction's start → Kafka's acknowledgement. */
  recordedToAcked: [number, number];
  /** In the consumer: the relay's send → the fetch that brought it. */
  sentToFetched: [number, number];
  /** In the consumer: the relay's send → the commit applying it. */
  sentToApplied: [number, number];
}

interface DelayReading {
  published: Buckets;
  fetched: Buckets;
  applied: Buckets;
}

/** The three histograms for one event type, published by `producer` and applied by `consumer` (service names). */
export async function readEventDelays(metricsUrls: string[], eventType: string, producer: string, consumer: string): Promise<DelayReading> {
  const texts = await Promise.all(metricsUrls.map(async (url) => (await fetch(url)).text()));
  const sum = (metric: string, service: string) =>
    texts.reduce<Buckets>((total, text) => {
      for (const [bound, count] of histogramBuckets(text, metric, { service, event_type: eventType })) total.set(bound, (total.get(bound) ?? 0) + count);
      return total;
    }, new Map());
  return {
    published: sum('aftercare_outbox_publish_delay_seconds', producer),
    fetched: sum('aftercare_event_fetch_delay_seconds', consumer),
    applied: sum('aftercare_event_apply_delay_seconds', consumer),
  };
}

/** p50 and p95 of each leg between two readings. */
export function eventDelayLegs(before: DelayReading, after: DelayReading): EventDelayLegs {
  const legOf = (key: keyof DelayReading): [number, number] => {
    const run = bucketsBetween(before[key], after[key]);
    return [quantileMs(run, 0.5), quantileMs(run, 0.95)];
  };
  return { recordedToAcked: legOf('published'), sentToFetched: legOf('fetched'), sentToApplied: legOf('applied') };
}
