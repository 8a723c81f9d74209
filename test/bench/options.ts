/**
 * The bench's settings: two profiles as data, and the few flags that change them.
 *
 *   npm run bench                      full ramp (about 9 minutes on a 2-core machine: each level against two floors)
 *   npm run bench -- --quick           one small level and a short browser check, about a minute
 *   npm run bench -- --levels=100,300  these pair counts instead of the profile's
 *   npm run bench -- --stop-early      stop the ramp at the first level that misses the target
 *   npm run bench -- --mode=quick      quick-match rooms instead of private ones
 *   npm run bench -- --profile         record a server CPU profile (node --cpu-prof) at the top level
 *   npm run bench -- --no-client       skip the bundle and browser measurements
 *   npm run bench -- --no-classroom    skip the classroom measurement
 *   npm run bench -- --redis           also run each level against two processes sharing a redis-server
 *   npm run bench -- --capacity        step pairs up (1000,1250,1500,2000) until p99 ≥ 50 ms or a client
 *                                      has trouble, instead of the ramp (unless --levels is given too)
 *   npm run bench -- --capacity=500,750   these steps instead
 *   npm run bench -- --soak=30m        500 pairs playing round after round for 30 minutes, figures per
 *                                      5 minutes (also 90s, 2h), instead of the ramp unless --levels is given
 *   npm run bench -- --soak-pairs=200  a soak of this many pairs
 *   npm run bench -- --window=60s      measure each level, step and floor over this window instead of 20 s
 *                                      (a p99 that one rare stall decides in 20 s is steadier over longer)
 *   npm run bench -- --repeat=3        ours and the bare floor alternately 3 times at each level (1 to 9),
 *                                      compared by their medians; the class of 200 as often
 *   npm run bench -- --bare-landings   the bare floor also lands a share of its cards, so it sends the
 *                                      game's patches per card (not only its bytes)
 *   npm run bench -- --loadgens=2      load generator processes sharing each measurement's clients
 *   npm run bench -- --server=http://10.0.0.5:2567 --floor=ws://10.0.0.5:2600
 *                                      load a game server and an echo floor already running on
 *                                      another machine (`node test/bench/echoFloor.ts 2600 0.0.0.0`)
 */
import { availableParallelism } from 'node:os';

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  /** Pair counts, ascending; each is a fresh server and a fresh floor. */
  readonly levels: readonly number[];
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Runs of ours and the bare floor, alternately, at each level of the ramp (repeats.ts); 1: one each. */
  readonly repeat: number;
  /** Joins in flight at once while connecting. */
  readonly connectConcurrency: number;
  readonly mode: 'private' | 'quick';
  readonly lossRate: number;
  /** Stop the ramp at the first level that misses the target. */
  readonly stopAtFirstMiss: boolean;
  readonly cpuProfile: boolean;
  readonly client: boolean;
  /** Capacity steps in pairs, ascending (capacityRun.ts); empty: capacity is not measured. */
  readonly capacitySteps: readonly number[];
  /** How long the soak lasts (soakRun.ts); 0: no soak. */
  readonly soakMs: number;
  readonly soakPairs: number;
  /** Each level again against two processes sharing a redis-server the bench starts (redisRun.ts). */
  readonly redis: boolean;
  /**
   * The bare floor lands each card after the match's latency, a second patch to both clients as
   * a segment's arrival is: the floor with the game's frames, not only its bytes (information).
   */
  readonly bareLandings: boolean;
  /** Measure a class of `classroomStudents` against the same students in plain pairs. */
  readonly classroom: boolean;
  /** Cold loads of the start screen to time. */
  readonly startScreenRuns: number;
  /** How long frame times are recorded during a match. */
  readonly matchFramesMs: number;
  /** Pairs that stand for the classroom's 200 students playing in plain pairs. */
  readonly classroomStudents: number;
  /** Load generator processes that share each measurement's clients (game, floor and classroom alike). */
  readonly loadgens: number;
  /** A game server on another machine (its CPU and memory are then not read); null: start one here. */
  readonly server: string | null;
  /** The echo floor next to that server; given with `server`, so that both are measured over the same network. */
  readonly floor: string | null;
  readonly seed: number;
}

/**
 * One load generator process decodes every state patch its clients get on one event loop, and
 * at 2000 clients (or 200 students decoding the same class patch at once) its own queueing is
 * what it measures. Two halve that on any machine, a 2-core one included (where the server
 * and the generators then share the cores, as they did anyway); with more cores, one is left
 * for the server and the rest used, up to four, which keeps every process well short of
 * saturation at the largest level (500 clients each) without forking for nothing.
 */
const DEFAULT_LOADGENS = Math.min(4, Math.max(2, availableParallelism() - 1));
/** The most pairs any level or step may have: 4,000 connections. */
const MAX_PAIRS = 2000;
/** Issue 21.4's steps, around its target of 1,500 pairs. */
const CAPACITY_STEPS = [1000, 1250, 1500, 2000];
/** A measurement window longer than this makes a full run take hours; the soak is for long runs. */
const MAX_WINDOW_MS = 10 * 60_000;
/** Bounded: each process costs memory and a Node start-up, and more than this splits nothing useful. */
const MAX_LOADGENS = 8;
/** Each run at 1,000 pairs takes a minute or two: nine of ours and nine of the floor's is a long wait already. */
const MAX_REPEAT = 9;

const FULL: BenchOptions = {
  profile: 'full', levels: [50, 100, 250, 500, 1000], warmupMs: 5000, measureMs: 20_000, repeat: 1, connectConcurrency: 16,
  // The whole ramp by default: a level can miss the floor ratio and still tell where p99 crosses 50 ms.
  mode: 'private', lossRate: 0.05, stopAtFirstMiss: false, cpuProfile: false, client: true, classroom: true, redis: false, bareLandings: false, capacitySteps: [], soakMs: 0, soakPairs: 500,
  startScreenRuns: 3, matchFramesMs: 12_000, classroomStudents: 200, loadgens: DEFAULT_LOADGENS, server: null, floor: null, seed: 7,
};

const QUICK: BenchOptions = {
  ...FULL, profile: 'quick', levels: [25], warmupMs: 2000, measureMs: 6000, startScreenRuns: 1, matchFramesMs: 5000,
  // A class of 50 is compared with the 25 pairs already measured, so no reference level is run.
  classroomStudents: 50,
};

export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map(argv.filter((a) => a.startsWith('--')).map((a) => {
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    return [k, v ?? 'true'] as const;
  }));
  const known = ['quick', 'levels', 'stop-early', 'mode', 'profile', 'no-client', 'no-classroom', 'redis', 'bare-landings', 'capacity', 'soak', 'soak-pairs', 'window', 'repeat', 'loadgens', 'server', 'floor'];
  const unknown = [...flags.keys()].filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.map((k) => `--${k}`).join(' ')}`);

  const base = flags.has('quick') ? QUICK : FULL;
  const capacity = flags.get('capacity');
  const capacitySteps = capacity === undefined ? [] : capacity === 'true' ? CAPACITY_STEPS : capacity.split(',').map(Number);
  const soakMs = flags.has('soak') ? durationMs(flags.get('soak')!, '--soak') : 0;
  const measureMs = flags.has('window') ? durationMs(flags.get('window')!, '--window', MAX_WINDOW_MS) : base.measureMs;
  const repeat = Number(flags.get('repeat') ?? base.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT) throw new Error(`--repeat takes 1 to ${MAX_REPEAT} runs`);
  const soakPairs = Number(flags.get('soak-pairs') ?? base.soakPairs);
  if (!Number.isInteger(soakPairs) || soakPairs < 1 || soakPairs > MAX_PAIRS) throw new Error(`--soak-pairs takes a pair count from 1 to ${MAX_PAIRS}`);
  // Capacity and the soak answer their own questions: the ramp runs with them only when its levels are asked for.
  const levels = flags.get('levels')?.split(',').map(Number) ?? (capacity === undefined && soakMs === 0 ? base.levels : []);
  // Bounded: the bench must never open more connections than a 2-core machine can take.
  if (levels.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_PAIRS)) throw new Error(`--levels takes pair counts from 1 to ${MAX_PAIRS}`);
  if (capacitySteps.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_PAIRS)) throw new Error(`--capacity takes pair counts from 1 to ${MAX_PAIRS}`);
  const mode = flags.get('mode') ?? base.mode;
  if (mode !== 'private' && mode !== 'quick') throw new Error('--mode is private or quick');
  const loadgens = Number(flags.get('loadgens') ?? base.loadgens);
  if (!Number.isInteger(loadgens) || loadgens < 1 || loadgens > MAX_LOADGENS) throw new Error(`--loadgens takes 1 to ${MAX_LOADGENS} processes`);
  const server = urlOption(flags.get('server'), ['http:', 'https:'], '--server');
  const floor = urlOption(flags.get('floor'), ['ws:', 'wss:'], '--floor');
  // A floor measured here against a server over there would compare a loopback with a network.
  if ((server === null) !== (floor === null)) throw new Error('--server and --floor go together: the floor runs next to the server');
  if (server !== null && flags.has('redis')) throw new Error('--redis starts its own two processes here; it cannot go with --server');
  if (server !== null && flags.has('profile')) throw new Error('--profile reads a server started here; it cannot go with --server');
  return {
    ...base,
    server,
    floor,
    levels: [...levels].sort((a, b) => a - b),
    mode,
    loadgens,
    stopAtFirstMiss: flags.has('stop-early'),
    cpuProfile: flags.has('profile'),
    client: !flags.has('no-client'),
    classroom: !flags.has('no-classroom'),
    redis: flags.has('redis'),
    bareLandings: flags.has('bare-landings'),
    capacitySteps: [...capacitySteps].sort((a, b) => a - b),
    soakMs,
    soakPairs,
    measureMs,
    repeat,
  };
}

/** `90s`, `30m` or `2h` in ms, from 10 seconds to `maxMs` (12 hours unless given). */
export function durationMs(text: string, option: string, maxMs = 12 * 3_600_000): number {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  const ms = m ? Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'] : NaN;
  const most = maxMs >= 3_600_000 ? `${maxMs / 3_600_000}h` : `${maxMs / 60_000}m`;
  if (!(ms >= 10_000 && ms <= maxMs)) throw new Error(`${option} takes a duration from 10s to ${most}, e.g. ${option}=${option === '--soak' ? '30m' : '60s'}`);
  return ms;
}

/** A URL option with one of `protocols`, or null when absent. */
function urlOption(value: string | undefined, protocols: readonly string[], name: string): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} takes a URL, e.g. ${protocols[0]}//10.0.0.5:2567`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${name} takes a ${protocols.join(' or ')} URL`);
  return value.replace(/\/$/, '');
}
