/**
 * Latency summaries. Exact percentiles over every sample (a run holds tens of thousands, so
 * sorting is cheap), nearest-rank, so p99 is a latency some client actually waited.
 */

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export const NO_SAMPLES: LatencySummary = { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };

/** Nearest-rank percentile of an ascending array; `q` in [0, 1]. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Milliseconds, rounded to 0.01 ms so the JSON stays readable. */
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function summarize(samples: ArrayLike<number>): LatencySummary {
  if (samples.length === 0) return NO_SAMPLES;
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const s of sorted) sum += s;
  return {
    count: sorted.length,
    p50: round2(percentile(sorted, 0.5)),
    p95: round2(percentile(sorted, 0.95)),
    p99: round2(percentile(sorted, 0.99)),
    max: round2(sorted[sorted.length - 1]!),
    mean: round2(sum / sorted.length),
  };
}

/** Appends without reallocating on every sample; a few MB at most for a long run. */
export class SampleBuffer {
  private data = new Float64Array(4096);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.size);
  }

  clear(): void {
    this.size = 0;
  }
}
