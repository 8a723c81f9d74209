/**
 * Time inside the server (issue 21.2), read from the server's own histogram at GET /metrics
 * (server/metrics/gameMetrics.ts, `tango_card_verdict_seconds`): from the moment a card's
 * message reaches its room's handler to the moment its verdict is ready to go back, the state
 * patch that shows the card already encoded. It leaves out only the reply's own encoding and
 * the socket write that follows the handler (oneWrite.ts). The bench scrapes it as the window
 * opens and as it closes; the difference is the window's cards.
 *
 * The histogram's buckets (0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5 ms …) are coarse for a 1 ms
 * target, but 1 ms is one of their edges: whether p99 ≤ 1 ms is exact (the share of cards
 * within 1 ms), and the p50/p99 figures are linear interpolations inside their bucket,
 * reported with it. A precise per-card timer in the server was not needed for that.
 */

export const VERDICT_HISTOGRAM = 'tango_card_verdict_seconds';

/** Cumulative counts by upper bound in seconds (Infinity for +Inf), ascending. */
export type Buckets = ReadonlyArray<{ readonly le: number; readonly count: number }>;

export interface ServerTimeFigures {
  /** Cards judged in the window. */
  readonly cards: number;
  /** Interpolated inside its bucket, in ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The bucket p99 falls in, (lower, upper] in ms: what the histogram knows for sure. */
  readonly p99BucketMs: readonly [number, number];
  /** Share of the window's cards judged within 1 ms, in % (exact: 1 ms is a bucket edge). */
  readonly within1MsPercent: number;
}

/**
 * The buckets of histogram `name` in a Prometheus text exposition, summed over the label sets
 * whose `room` is `room` (every room type when null).
 */
export function parseBuckets(text: string, name: string, room: string | null = null): Buckets {
  const byLe = new Map<number, number>();
  const line = new RegExp(`^${name}_bucket\\{([^}]*)\\}\\s+(\\S+)`);
  for (const raw of text.split('\n')) {
    const m = line.exec(raw);
    if (!m) continue;
    const labels = new Map([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1]!, l[2]!] as const));
    if (room !== null && labels.get('room') !== room) continue;
    const leText = labels.get('le');
    if (leText === undefined) continue;
    const le = leText === '+Inf' ? Infinity : Number(leText);
    byLe.set(le, (byLe.get(le) ?? 0) + Number(m[2]));
  }
  return [...byLe].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
}

/** `after` − `before`, bucket by bucket: the observations between two scrapes. A bucket absent before counts from 0. */
export function diffBuckets(after: Buckets, before: Buckets): Buckets {
  const earlier = new Map(before.map((b) => [b.le, b.count]));
  return after.map((b) => ({ le: b.le, count: b.count - (earlier.get(b.le) ?? 0) }));
}

/** Several processes' buckets as one (a cluster is read by scraping every process and summing). */
export function sumBuckets(all: readonly Buckets[]): Buckets {
  const byLe = new Map<number, number>();
  for (const buckets of all) for (const b of buckets) byLe.set(b.le, (byLe.get(b.le) ?? 0) + b.count);
  return [...byLe].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
}

/**
 * The `q` quantile (0–1) of cumulative `buckets`, interpolated linearly inside the bucket it
 * falls in (Prometheus's histogram_quantile); its bucket's bounds come with it. A quantile in
 * the +Inf bucket is given as the last finite bound. NaN with no observations.
 */
export function bucketQuantile(buckets: Buckets, q: number): { value: number; lower: number; upper: number } {
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0) return { value: NaN, lower: NaN, upper: NaN };
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return { value: lower, lower, upper: Infinity };
      const inBucket = b.count - below;
      const value = inBucket > 0 ? lower + ((b.le - lower) * (rank - below)) / inBucket : b.le;
      return { value, lower, upper: b.le };
    }
    lower = b.le;
    below = b.count;
  }
  return { value: lower, lower, upper: Infinity };
}

const ms3 = (seconds: number): number => Math.round(seconds * 1e6) / 1e3;

/** The figures of the window's buckets (seconds in, ms out). */
export function serverTimeOf(window: Buckets): ServerTimeFigures {
  const cards = window.at(-1)?.count ?? 0;
  const p50 = bucketQuantile(window, 0.5);
  const p99 = bucketQuantile(window, 0.99);
  const within = window.find((b) => b.le === 0.001)?.count ?? NaN;
  return {
    cards, p50Ms: ms3(p50.value), p99Ms: ms3(p99.value), p99BucketMs: [ms3(p99.lower), ms3(p99.upper)],
    within1MsPercent: cards > 0 ? Math.round((within / cards) * 1000) / 10 : NaN,
  };
}

/** Scrapes `baseUrl`/metrics for the verdict histogram of `room`; METRICS_TOKEN, if set, is sent as the server asks. */
export async function scrapeVerdicts(baseUrl: string, room: string | null): Promise<Buckets> {
  const token = process.env.METRICS_TOKEN;
  const res = await fetch(`${baseUrl}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!res.ok) throw new Error(`GET ${baseUrl}/metrics answered ${res.status}`);
  return parseBuckets(await res.text(), VERDICT_HISTOGRAM, room);
}

/** Scrapes as the window opens and closes; `figures` is null if either scrape failed (a failing scrape costs only this figure). */
export class ServerTimeWindow {
  private before: Promise<Buckets | null> = Promise.resolve(null);
  private after: Promise<Buckets | null> = Promise.resolve(null);
  private readonly baseUrl: string;
  private readonly room: string | null;

  constructor(baseUrl: string, room: string | null) {
    this.baseUrl = baseUrl;
    this.room = room;
  }

  start(): void {
    this.before = this.scrape();
  }

  end(): void {
    this.after = this.scrape();
  }

  async figures(): Promise<ServerTimeFigures | null> {
    const window = await this.window();
    return window ? serverTimeOf(window) : null;
  }

  /** The window's buckets, to add to another process's; null if a scrape failed. */
  async window(): Promise<Buckets | null> {
    const [before, after] = await Promise.all([this.before, this.after]);
    return before && after ? diffBuckets(after, before) : null;
  }

  private scrape(): Promise<Buckets | null> {
    return scrapeVerdicts(this.baseUrl, this.room).catch((error: unknown) => {
      console.error(`  /metrics: ${(error as Error).message}`);
      return null;
    });
  }
}
