/**
 * One level of the ramp: a fresh game server with N pair rooms of load, then a fresh echo
 * floor with the same connections and message rate, made by as many load generator
 * processes, each measured over the same window.
 */
import { runLoad } from './loadRun.ts';
import { ONE_CARD_A_SECOND, type LoadPlan, type LoadResult } from './loadPlan.ts';
import { MEMORY_PROBE_NODE_ARGS, readStalls, type StallFigures } from './memoryReading.ts';
import { HeapReadings, type HeapFigures } from './memoryWindow.ts';
import type { BenchOptions } from './options.ts';
import { floorTarget, gameTarget, type BenchTarget } from './benchTarget.ts';
import { CpuWindow, RssSampler, machineBusySeconds, rssBytes } from './serverProbe.ts';
import { cardCost, type CardCost } from './stallProbe.ts';
import { ServerTimeWindow, type ServerTimeFigures } from './serverTime.ts';
import { TARGETS } from './targets.ts';
import { ROOM } from '../../shared/protocol.ts';
import { timingFor } from '../../shared/match/settings.ts';
import { BENCH_MATCH } from './pairLoad.ts';
import { BARE_PATCH_MAX_BYTES, BENCH_BARE_ROOM } from '../../server/rooms/bench/benchRooms.ts';
import { alternate, medianIndex, repeatFigures, type RepeatFigures } from './repeats.ts';

/** A play request on the wire is about this big (frame header, request id, type, msgpack card). */
const ECHO_PAYLOAD_BYTES = 24;
/** Let the server settle after start-up before its idle memory is read. */
const SETTLE_MS = 1500;

export interface ServerFigures {
  readonly cpuPercent: number;
  readonly rssIdleBytes: number;
  readonly rssLoadedBytes: number;
  readonly rssPeakBytes: number;
  /** (RSS with every room open − idle RSS) / rooms. */
  readonly memoryPerRoomBytes: number;
  /**
   * What the rooms keep after a full collection, from the memory probe (memoryProbe.ts); null
   * for a server without it. RSS also counts the young generation, which grows with the rate
   * of allocation rather than with rooms, and garbage not yet collected.
   */
  readonly heap: HeapFigures | null;
  /**
   * The server's event-loop delay and GC pauses over the window, from the same probe
   * (stallProbe.ts); null for a server without it, or if it failed. A latency tail that these
   * match is the server stalling, not the network or the load generators.
   */
  readonly stalls: StallFigures | null;
  /**
   * The share of the window (%) that the server's JavaScript thread was ready to run but waited
   * for a core: what the load generators on the same cores cost it. NaN when not read.
   */
  readonly cpuWaitPercent: number;
  readonly errorLines: number;
  /** The whole machine's CPU over the window, as % of one core; minus server and load generator, it is what others used. */
  readonly machineCpuPercent: number;
  /**
   * Time inside the server per card over the window, from its own histogram (serverTime.ts);
   * null for a server that does not judge cards (the echo floor) or whose /metrics failed.
   */
  readonly serverTime: ServerTimeFigures | null;
  /** Heap allocated per judged card and scavenges per 1,000 cards over the window (issue 21.3); null without the probe's stalls or cards. */
  readonly cardCost: CardCost | null;
}

export interface LevelResult {
  readonly pairs: number;
  /** Load generator processes that shared the clients, for the game and the floor alike. */
  readonly loadgens: number;
  readonly game: LoadResult;
  readonly server: ServerFigures;
  readonly floor: LoadResult;
  /** The echo server's CPU and memory under the floor's load. */
  readonly floorServer: ServerFigures;
  /** Our p99 over the echo floor's p99 (information since issue 21: not a target). */
  readonly ratioP99: number;
  /**
   * The bare-Colyseus floor (issue 21.1): the same clients, connections and rate in a room with
   * no game, on a server started the same way; null for a server on another machine.
   */
  readonly bare: LoadResult | null;
  readonly bareServer: ServerFigures | null;
  /**
   * Our p99 over the bare floor's p99: our own code's cost; null without a bare run. With
   * `--repeat`, the ratio of the two medians, and `game`, `bare` and their servers are each the
   * median run's.
   */
  readonly bareRatioP99: number | null;
  /** Each alternating run's p99 with `--repeat` (repeats.ts); null for a single run. */
  readonly repeats: RepeatFigures | null;
  readonly meetsTarget: boolean;
  readonly misses: readonly string[];
  /** Reasons to doubt the figures: a load generator that could not keep up measures itself. */
  readonly caveats: readonly string[];
}

/** Above these the load generator is the bottleneck, and its latencies include its own queueing. */
const LOADGEN_SATURATED = { cpuPercent: 85, eventLoopDelayP99Ms: 20 };
/** CPU (% of one core) used by processes outside the bench during the window that makes figures doubtful. */
const OTHERS_BUSY_PERCENT = 20;

/** Reasons to doubt a run's latencies: a saturated load generator (the busiest decides), a shared machine. */
export function caveatsOf(game: LoadResult, server: ServerFigures): string[] {
  const caveats: string[] = [];
  const { cpuPercent, eventLoopDelayP99Ms, processes, totalCpuPercent } = game.loadgen;
  if (cpuPercent >= LOADGEN_SATURATED.cpuPercent || eventLoopDelayP99Ms >= LOADGEN_SATURATED.eventLoopDelayP99Ms) {
    const which = processes > 1 ? `the busiest of ${processes} load generators` : 'load generator';
    caveats.push(`${which} near saturation (${cpuPercent}% CPU, event-loop delay p99 ${eventLoopDelayP99Ms} ms): latencies are an upper bound`);
  }
  if (!Number.isFinite(server.cpuPercent)) caveats.push('the server ran on another machine: its CPU and memory were not read, only its latencies');
  const others = Math.round(server.machineCpuPercent - server.cpuPercent - totalCpuPercent);
  if (others >= OTHERS_BUSY_PERCENT) caveats.push(`other processes used ${others}% CPU during the window: the machine was shared`);
  return caveats;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => console.log(`  ${text}`);

/**
 * Loads `server` with a plan made by `loadgens` load generator processes and reads its CPU over
 * the window and its memory at the window's end; `probed`: the server runs the memory probe,
 * which also watches it for stalls over the window; `verdictRoom`: the room type whose card →
 * verdict histogram is read from the server's /metrics over the window (null: none).
 */
export async function measure(target: BenchTarget, plan: LoadPlan, rooms: number, loadgens: number, probed = false, verdictRoom: string | null = null) {
  const server = target.local;
  const inside = verdictRoom === null ? null : new ServerTimeWindow(target.url, verdictRoom);
  // RSS first: the probe's collection would shrink it.
  const rssIdle = server ? rssBytes(server.pid) : NaN;
  const heap = probed && server ? new HeapReadings(server.child) : null;
  await heap?.readIdle();
  const cpu = server ? new CpuWindow(server.pid) : null;
  const rss = server ? new RssSampler(server.pid) : null;
  let cpuPercent = NaN;
  let cpuWaitPercent = NaN;
  let rssLoaded = NaN;
  let machineStart = { busy: 0, at: 0 };
  let machineCpuPercent = NaN;
  let stalls: Promise<StallFigures | null> = Promise.resolve(null);
  rss?.start();
  const result = await runLoad(plan, loadgens, {
    onConnected: (n, ms) => log(`${plan.kind}: ${n} connections in ${ms} ms`),
    onStart: () => {
      inside?.start();
      cpu?.start();
      machineStart = { busy: machineBusySeconds(), at: performance.now() };
      // Answered as the window closes; like the heap's, a failing probe costs only its own figures.
      if (probed && server) {
        stalls = readStalls(server.child, plan.measureMs).catch((error: unknown) => {
          console.error(`  stall probe: ${(error as Error).message}`);
          return null;
        });
      }
    },
    onEnd: () => {
      inside?.end();
      cpuPercent = cpu?.percent() ?? NaN;
      cpuWaitPercent = cpu?.waitPercent() ?? NaN;
      rssLoaded = server ? rssBytes(server.pid) : NaN;
      heap?.windowEnded();
      const seconds = (performance.now() - machineStart.at) / 1000;
      machineCpuPercent = Math.round(((machineBusySeconds() - machineStart.busy) / seconds) * 1000) / 10;
    },
  }).finally(() => rss?.stop());
  const serverTime = (await inside?.figures()) ?? null;
  const stallFigures = await stalls;
  const figures: ServerFigures = {
    cpuPercent, rssIdleBytes: rssIdle, rssLoadedBytes: rssLoaded, rssPeakBytes: rss?.peak ?? NaN,
    memoryPerRoomBytes: rooms > 0 ? Math.round((rssLoaded - rssIdle) / rooms) : NaN, heap: (await heap?.figures()) ?? null,
    stalls: stallFigures, cpuWaitPercent,
    errorLines: server?.output.errorLines ?? 0, machineCpuPercent, serverTime,
    cardCost: stallFigures && serverTime ? cardCost(stallFigures, serverTime.cards) : null,
  };
  return { result, server: figures };
}

function missesOf(level: Omit<LevelResult, 'meetsTarget' | 'misses' | 'caveats'>): string[] {
  const misses: string[] = [];
  const { game, floor, bare } = level;
  if (!(game.latency.p99 < TARGETS.p99Ms)) misses.push(`p99 ${game.latency.p99} ms ≥ ${TARGETS.p99Ms} ms`);
  // The bare floor's ratio is a target up to the target level; above it, information.
  if (level.bareRatioP99 !== null && level.pairs <= TARGETS.pairs && !(level.bareRatioP99 <= TARGETS.bareRatio)) {
    misses.push(`p99 is ${level.bareRatioP99}× bare Colyseus's (> ${TARGETS.bareRatio}×)`);
  }
  if (game.connections < level.pairs * 2) misses.push(`only ${game.connections} of ${level.pairs * 2} clients connected`);
  const t = game.trouble;
  if (t.joinFailures + t.errors + t.disconnects > 0) {
    misses.push(`client trouble: ${t.joinFailures} failed joins, ${t.errors} errors, ${t.disconnects} disconnects`);
  }
  if (floor.trouble.disconnects + floor.trouble.errors + floor.trouble.joinFailures > 0) misses.push('the echo floor itself had trouble');
  if (bare && bare.trouble.disconnects + bare.trouble.errors + bare.trouble.joinFailures > 0) misses.push('the bare-Colyseus floor itself had trouble');
  return misses;
}

/** A bare room's patch frame carries this much besides its filler: protocol code, schema operations, the card count, the string's header. */
const BARE_PATCH_OVERHEAD_BYTES = 8;

/**
 * Filler bytes per patch for the bare room, so that its clients receive as many patch bytes per
 * card as the game's did: each card's patch goes to both clients of the room, and so does its
 * landing's when the room lands its cards (`patchesPerCard` 1 + the share that lands).
 */
export function barePatchBytes(gamePatchBytesPerReply: number, patchesPerCard = 1): number {
  return Math.min(BARE_PATCH_MAX_BYTES, Math.max(0, Math.round(gamePatchBytesPerReply / (2 * patchesPerCard)) - BARE_PATCH_OVERHEAD_BYTES));
}

/**
 * The share of the bare room's cards that land (`--bare-landings`), so that it sends as many
 * patch frames per card as the game did: the card's own to both clients (2), and a landing's
 * to both for the share that lands. A pair room's landings, readies, timers and its round's
 * start all count, since each is a frame to both players.
 */
export function bareLandingShare(gamePatchFramesPerReply: number): number {
  const share = gamePatchFramesPerReply / 2 - 1;
  return Number.isFinite(share) ? Math.round(Math.min(1, Math.max(0, share)) * 100) / 100 : 0;
}

/**
 * The bare-Colyseus floor at the game run's connections and rate, on a fresh server started as
 * the game's was, with the memory probe (never under --cpu-prof: the profile run's newest
 * profile must be the game's); null for a server on another machine.
 */
export async function runBare(
  pairs: number, options: BenchOptions,
  game: Pick<LoadResult, 'connections' | 'requestsPerConnectionPerSecond' | 'patchBytesPerReply' | 'patchFramesPerReply' | 'loadgen'>,
) {
  if (options.server) return null;
  const landingShare = options.bareLandings ? bareLandingShare(game.patchFramesPerReply) : 0;
  const bare = await gameTarget(null, MEMORY_PROBE_NODE_ARGS, true);
  try {
    await sleep(SETTLE_MS);
    return await measure(bare, {
      kind: 'bare', url: bare.url, pairs: Math.max(1, Math.round(game.connections / 2)),
      perConnectionPerSecond: game.requestsPerConnectionPerSecond || 1,
      patchBytes: barePatchBytes(game.patchBytesPerReply, 1 + landingShare),
      // A card lands after the bench match's one-way latency, as its segment does.
      landingMs: options.bareLandings ? timingFor(BENCH_MATCH.difficulty, BENCH_MATCH.speed).latencyMs : 0,
      landingShare,
      connectConcurrency: options.connectConcurrency, seed: options.seed, warmupMs: options.warmupMs, measureMs: options.measureMs,
    }, pairs, game.loadgen.processes, true, BENCH_BARE_ROOM);
  } finally {
    await bare.stop();
  }
}

/** Our game at `pairs`, on a fresh server. */
async function runGame(pairs: number, options: BenchOptions, serverNodeArgs: readonly string[]) {
  const game = await gameTarget(options.server, [...serverNodeArgs, ...MEMORY_PROBE_NODE_ARGS], true);
  try {
    await sleep(SETTLE_MS);
    return await measure(game, {
      kind: 'pairs', url: game.url, pairs, mode: options.mode, lossRate: options.lossRate,
      connectConcurrency: options.connectConcurrency, policy: ONE_CARD_A_SECOND, seed: options.seed,
      warmupMs: options.warmupMs, measureMs: options.measureMs,
    }, pairs, options.loadgens, true, ROOM.pair);
  } finally {
    await game.stop();
  }
}

export async function runLevel(pairs: number, options: BenchOptions, serverNodeArgs: readonly string[] = []): Promise<LevelResult> {
  const window = { warmupMs: options.warmupMs, measureMs: options.measureMs };
  // Ours and the bare floor alternately (repeats.ts); each is then represented by its median run.
  const runs = await alternate(options.repeat, () => runGame(pairs, options, serverNodeArgs), (g) => runBare(pairs, options, g.result));
  const gameRun = runs.ours[medianIndex(runs.ours.map((r) => r.result.latency.p99))]!;
  const bareRuns = runs.bare.flatMap((r) => (r ? [r] : []));
  const bareRun = bareRuns.length > 0 ? bareRuns[medianIndex(bareRuns.map((r) => r.result.latency.p99))]! : null;
  const repeats = options.repeat > 1 && bareRuns.length === runs.ours.length
    ? repeatFigures(runs.ours.map((r) => r.result.latency.p99), bareRuns.map((r) => r.result.latency.p99))
    : null;

  const echo = await floorTarget(options.floor);
  let floorRun;
  try {
    await sleep(SETTLE_MS);
    // As many load generators as made the game's load (fewer than asked at a level of fewer pairs), so the two compare.
    floorRun = await measure(echo, {
      kind: 'echo', url: echo.url, connections: Math.max(1, gameRun.result.connections),
      perConnectionPerSecond: gameRun.result.requestsPerConnectionPerSecond || 1, payloadBytes: ECHO_PAYLOAD_BYTES,
      connectConcurrency: options.connectConcurrency, seed: options.seed, ...window,
    }, 0, gameRun.result.loadgen.processes);
  } finally {
    await echo.stop();
  }

  const ratio = gameRun.result.latency.p99 / floorRun.result.latency.p99;
  const level = {
    pairs, loadgens: gameRun.result.loadgen.processes, game: gameRun.result, server: gameRun.server, floor: floorRun.result,
    floorServer: floorRun.server, ratioP99: Math.round(ratio * 100) / 100,
    bare: bareRun?.result ?? null, bareServer: bareRun?.server ?? null,
    bareRatioP99: repeats ? repeats.medianRatio : bareRun ? Math.round((gameRun.result.latency.p99 / bareRun.result.latency.p99) * 100) / 100 : null,
    repeats,
  };
  const misses = missesOf(level);
  return { ...level, meetsTarget: misses.length === 0, misses, caveats: caveatsOf(gameRun.result, gameRun.server) };
}
