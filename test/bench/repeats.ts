/**
 * Our p99 against the bare floor's, run after run (`--repeat=N`). On a 2-core machine shared
 * with the load generators, one 20 s window at 1,000 pairs gave the bare floor a p99 of 4.5 to
 * 39.7 ms in eight runs of the same code on one day, and ours 38 to 145 ms in four: one run's
 * ratio cannot tell 1.3× from 3×. Ours and the floor are measured alternately, so that whatever
 * else the machine is doing falls on both alike, and compared by their medians; the spread of
 * each, and of the ratio run by run, says how far to trust the verdict.
 */

/** The figures of several alternating runs at one level. */
export interface RepeatFigures {
  /** Our p99 in each run, in the order run. */
  readonly oursP99: readonly number[];
  /** The bare floor's p99 in each run, each measured right after ours. */
  readonly bareP99: readonly number[];
  /** Our p99 over the bare floor's, run by run. */
  readonly ratios: readonly number[];
  /** The median of ours over the median of the floor's: the level's ratio. */
  readonly medianRatio: number;
}

/**
 * The median of `values`, the lower of the middle two for an even count, so that it is always
 * one run's own figure, the one the report shows; NaN for none.
 */
export function median(values: readonly number[]): number {
  return values.length === 0 ? NaN : values[medianIndex(values)]!;
}

/** The index of the run whose value is the median (the lower of the middle two for an even count). */
export function medianIndex(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no runs');
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return order[Math.floor((order.length - 1) / 2)]![1];
}

const twoPlaces = (n: number): number => Math.round(n * 100) / 100;

/** The level's figures from our and the floor's p99s, run by run. */
export function repeatFigures(oursP99: readonly number[], bareP99: readonly number[]): RepeatFigures {
  if (oursP99.length !== bareP99.length || oursP99.length === 0) throw new Error('as many runs of ours as of the floor, at least one');
  return {
    oursP99, bareP99,
    ratios: oursP99.map((p, i) => twoPlaces(p / bareP99[i]!)),
    medianRatio: twoPlaces(median(oursP99) / median(bareP99)),
  };
}

/** Runs `ours` and then `bare` (given that run of ours) `times` times, alternately. */
export async function alternate<A, B>(times: number, ours: () => Promise<A>, bare: (ours: A) => Promise<B>): Promise<{ ours: A[]; bare: B[] }> {
  const runs = { ours: [] as A[], bare: [] as B[] };
  for (let i = 0; i < times; i++) {
    const a = await ours();
    runs.ours.push(a);
    runs.bare.push(await bare(a));
  }
  return runs;
}

/** The lowest and highest of `xs`, as the report prints a range. */
const range = (xs: readonly number[]): string => `${Math.min(...xs)}–${Math.max(...xs)}`;

/** The p99s of runs of one side alone (the class): their median and range; empty for one run. */
export function runsLine(p99Runs: readonly number[]): string {
  if (p99Runs.length < 2) return '';
  return `over ${p99Runs.length} runs p99 median ${twoPlaces(median(p99Runs))} ms (${range(p99Runs)}); the figures above are the median run's`;
}

/** One line of the report: both medians with their ranges, the level's ratio and the ratio's range. */
export function repeatLine(pairs: number, r: RepeatFigures): string {
  return `at ${pairs} pairs over ${r.oursP99.length} alternating runs: ours p99 median ${twoPlaces(median(r.oursP99))} ms (${range(r.oursP99)}), `
    + `bare Colyseus ${twoPlaces(median(r.bareP99))} ms (${range(r.bareP99)}); ratio of medians ${r.medianRatio}×, run by run ${range(r.ratios)}×`;
}
