/**
 * The bench's output: the whole result as JSON in test/bench/results/latest.json, and a short
 * table for the terminal (and the README's Performance section); with two levels or more, a
 * chart of p99 and CPU against pairs in test/bench/results/chart.svg.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, release, totalmem } from 'node:os';
import type { BrowserFigures, RendererFrames } from './browserMetrics.ts';
import type { BundleFigures } from './bundleSize.ts';
import type { WireFigures } from './wireBytes.ts';
import type { ClassroomFigures } from './classroomRun.ts';
import type { LevelResult, ServerFigures } from './levelRun.ts';
import type { BenchOptions } from './options.ts';
import type { ProfileFigures } from './profileSummary.ts';
import { LOOP_RESOLUTION_MS, type GcKindFigures, type StallFigures } from './stallProbe.ts';
import type { ServerTimeFigures } from './serverTime.ts';
import type { RedisComparison } from './redisRun.ts';
import { repeatLine, runsLine } from './repeats.ts';
import type { CapacityFigures, CapacityRun } from './capacityRun.ts';
import { chartSvg } from './chart.ts';
import type { SoakFigures, Trend } from './soakRun.ts';
import { TARGETS } from './targets.ts';

export interface BenchReport {
  readonly when: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly memoryGb: number; readonly os: string; readonly node: string };
  readonly options: BenchOptions;
  readonly targets: typeof TARGETS;
  readonly levels: readonly LevelResult[];
  /** The largest level meeting every target of the ramp; null if none did. */
  readonly largestPassingPairs: number | null;
  /** The soak (--soak); null when not asked for. */
  readonly soak: SoakFigures | null;
  /** Capacity stepping (--capacity); null when not asked for. */
  readonly capacity: CapacityFigures | null;
  /** Each level against two processes sharing Redis (--redis); null when not asked for. */
  readonly redis: readonly RedisComparison[] | null;
  readonly memory: {
    /** RSS growth per room between the two largest levels: start-up costs cancel out. */
    readonly marginalPerRoomBytes: number | null;
    /** The echo server's RSS growth per connection, for comparison. */
    readonly floorPerConnectionBytes: number | null;
    /**
     * What a room keeps after a full collection (old space + external, from the memory probe),
     * between the two largest levels; null with fewer than two probed levels. Steadier than RSS,
     * which also counts the young generation and garbage awaiting collection.
     */
    readonly marginalHeapPerRoomBytes: number | null;
    readonly meetsTarget: boolean | null;
  };
  /** Null with --no-classroom. */
  readonly classroom: ClassroomFigures | null;
  readonly profile: ProfileFigures | null;
  /** The class's server under `--profile`, as `profile` is the top level's. */
  readonly classroomProfile: ProfileFigures | null;
  readonly client: { readonly bundle: BundleFigures | { readonly status: 'skipped' }; readonly browser: BrowserFigures };
  readonly durationSeconds: number;
}

export function machine(): BenchReport['machine'] {
  return {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `Linux ${release()} ${arch()}`, node: process.version,
  };
}

export function memoryFigures(levels: readonly LevelResult[]): BenchReport['memory'] {
  const measured = levels.filter((l) => Number.isFinite(l.server.rssLoadedBytes));
  const top = measured.at(-1);
  const below = measured.at(-2);
  const marginal = top && below ? Math.round((top.server.rssLoadedBytes - below.server.rssLoadedBytes) / (top.pairs - below.pairs)) : null;
  const floor = top ? Math.round(top.floor.connections > 0 ? floorGrowth(top) / top.floor.connections : NaN) : null;
  const heap = marginalHeap(levels);
  // What the rooms keep is the target's measure: RSS also grows with the young generation, whose
  // size follows the rate of allocation (the load), not the number of rooms. Without the probe,
  // RSS; with one level only, growth over idle (an overestimate: it carries start-up costs).
  // A server on another machine is not read at all: then nothing is judged.
  const perRoom = [heap, top?.server.heap?.perRoomBytes, marginal, top?.server.memoryPerRoomBytes]
    .find((n): n is number => typeof n === 'number' && Number.isFinite(n)) ?? null;
  return {
    marginalPerRoomBytes: marginal, floorPerConnectionBytes: floor, marginalHeapPerRoomBytes: heap,
    meetsTarget: perRoom === null ? null : perRoom < TARGETS.memoryPerRoomBytes,
  };
}

function marginalHeap(levels: readonly LevelResult[]): number | null {
  const probed = levels.flatMap((l) => (l.server.heap && Number.isFinite(l.server.heap.loadedBytes) ? [l.server.heap] : []));
  const [below, top] = probed.slice(-2);
  if (!below || !top || top.rooms <= below.rooms) return null;
  return Math.round((top.loadedBytes - below.loadedBytes) / (top.rooms - below.rooms));
}

function floorGrowth(level: LevelResult): number {
  return level.floorServer.rssLoadedBytes - level.floorServer.rssIdleBytes;
}

const kb = (bytes: number | null | undefined): string => (bytes == null || !Number.isFinite(bytes) ? '–' : `${Math.round(bytes / 1024)} KB`);
/** A server on another machine has no CPU figure here. */
const percent = (n: number): string => (Number.isFinite(n) ? `${n}%` : '–');
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');
const yes = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'yes' : 'NO');

/** "1 scavenge", "14 scavenges". */
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "14 scavenges (max 9.1 ms)", "0 mark-compacts": the longest pause only where there was one. */
const pauses = (k: GcKindFigures, noun: string, total = false): string => (k.count === 0 ? counted(0, noun)
  : `${counted(k.count, noun)} (max ${ms(k.maxMs)} ms${total ? `, ${ms(k.totalMs)} ms in all` : ''})`);

/**
 * One level's server stalls, in a line under the table; the whole figures are in the JSON.
 * Scavenges are many and short, so their sum says what they cost; the other kinds are rare.
 */
export function stallLine(where: string, stalls: StallFigures, cpuWaitPercent = NaN): string {
  const { loopDelay: d, gc } = stalls;
  return `server stalls ${where}: event-loop delay p99 ${ms(d.p99Ms)} / p99.9 ${ms(d.p999Ms)} / max ${ms(d.maxMs)} ms; `
    + `GC ${pauses(gc.minor, 'scavenge', true)}, ${pauses(gc.major, 'mark-compact')}`
    + (gc.other.count > 0 ? `, ${pauses(gc.other, 'other pause')}` : '')
    + (Number.isFinite(cpuWaitPercent) ? `; waited for a core ${cpuWaitPercent}% of the window` : '');
}

/** The soak: one line per slice, then each series' trend and the verdict. */
export function soakLines(s: SoakFigures): string[] {
  const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
  const t = s.trouble;
  const tr = (name: string, x: Trend, show: (n: number) => string): string => `${name} ${show(x.from)} → ${show(x.to)}${x.flat ? '' : ' (GROWS)'}`;
  return [
    `soak: ${s.pairs} pairs for ${s.minutes} min, per ${s.sliceMinutes} min, ${s.matchesFinished} matches finished (rooms closed and reopened) — steady: ${yes(s.steady)}`,
    ...s.slices.map((x) => `  at ${x.endsAtMinutes} min: p99 ${ms(x.latency.p99)} ms (${x.latency.count} cards), server CPU ${percent(x.cpuPercent)}, `
      + `heap kept ${mb(x.heapKeptBytes)}, RSS ${mb(x.rssBytes)}, ${x.openFds} fds, ${x.rooms} rooms`),
    `  from the second slice to the last: ${tr('p99', s.trends.p99, (n) => `${ms(n)} ms`)}, ${tr('CPU', s.trends.cpu, percent)}, `
      + `${tr('heap kept', s.trends.heapKept, mb)}, ${tr('RSS', s.trends.rss, mb)}, ${tr('fds', s.trends.openFds, String)}, ${tr('rooms', s.trends.rooms, String)}; `
      + `trouble: ${t.joinFailures} failed joins, ${t.errors} errors, ${t.disconnects} disconnects`,
  ];
}

/** The capacity steps, one line each for ours and for the bare floor, and the capacities found. */
export function capacityLines(c: CapacityFigures): string[] {
  const found = (pairs: number | null) => (pairs === null ? 'none of the steps' : `${pairs} pairs`);
  return [
    `capacity (p99 < ${TARGETS.p99Ms} ms, no client trouble; stepping up, stopping at the first failure): `
      + `${found(c.capacityPairs)} (target ${TARGETS.capacityPairs} pairs: ${yes(c.capacityPairs !== null && c.capacityPairs >= TARGETS.capacityPairs)})`
      + (c.bareCapacityPairs !== null || c.steps.some((s) => s.bare) ? `; bare Colyseus on this machine: ${found(c.bareCapacityPairs)}` : ''),
    ...c.steps.flatMap((s) => [
      ...(s.ours ? [`  ${s.pairs} pairs: ${capacityRunText(s.ours)}`] : []),
      ...(s.bare ? [`  ${s.pairs} pairs, bare Colyseus: ${capacityRunText(s.bare)}`] : []),
    ]),
  ];
}

/** A capacity run's p99 beside the server's own event-loop delay and the load generators', which tell whose the tail is. */
function capacityRunText(run: CapacityRun): string {
  const { game, server } = run;
  return `p99 ${ms(game.latency.p99)} ms, ${game.repliesPerSecond} judged/s, server CPU ${percent(server.cpuPercent)}`
    + `${server.serverTime ? `, time inside p99 ${server.serverTime.p99Ms} ms` : ''}`
    + `${server.stalls ? `, server loop delay p99 ${ms(server.stalls.loopDelay.p99Ms)} ms` : ''}, loadgen lag p99 ${ms(game.loadgen.eventLoopDelayP99Ms)} ms — `
    + (run.passes ? 'passes' : `fails: ${run.misses.join('; ')}`);
}

/** One level over two processes sharing Redis, beside one process. */
export function redisLine(c: RedisComparison): string {
  const t = c.two.load.trouble;
  return `${c.pairs} pairs, one process → two with Redis: p99 ${ms(c.one.p99Ms)} → ${ms(c.two.p99Ms)} ms, `
    + `CPU ${percent(c.one.cpuPercent)} → ${percent(c.two.cpuPercent)} (${c.two.cpuPercentPerProcess.map(percent).join(' + ')}) + Redis ${percent(c.two.redisCpuPercent)}, `
    + `judged/s ${c.one.judgedPerSecond} → ${c.two.judgedPerSecond}, Redis's cost ${c.redisCostPerCardUs === null ? '–' : `${c.redisCostPerCardUs} µs`} of CPU per card`
    + (c.two.serverTime ? `; time inside p99 ${c.two.serverTime.p99Ms} ms` : '')
    + (t.joinFailures + t.errors + t.disconnects > 0 ? `; trouble: ${t.joinFailures} failed joins, ${t.errors} errors, ${t.disconnects} disconnects` : '');
}

function cardCostText(server: ServerFigures | null): string {
  const cost = server?.cardCost;
  return cost ? `${kb(cost.allocatedBytesPerCard)} allocated per card, ${cost.scavengesPer1000Cards} scavenges per 1,000 cards` : '–';
}

/** One level's time inside the server, from its histogram: the interpolated figures, p99's bucket, the share within 1 ms. */
export function serverTimeLine(where: string, t: ServerTimeFigures): string {
  return `time inside the server ${where}: p50 ${t.p50Ms} / p99 ${t.p99Ms} ms (p99 in (${t.p99BucketMs[0]}, ${t.p99BucketMs[1]}] ms), `
    + `${t.within1MsPercent}% of ${t.cards} cards within 1 ms (target p99 ≤ ${TARGETS.serverP99Ms} ms at ${TARGETS.pairs} pairs: ${yes(t.within1MsPercent >= 99)})`;
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ');
}

export function table(report: BenchReport): string {
  const head = [
    'pairs', 'clients', 'p50', 'p95', 'p99', 'bare p99', 'bare ratio', 'echo p99', 'echo ratio', 'judged/s', 'srv CPU', 'RSS/room', 'heap/room',
    'loadgens', 'loadgen CPU', 'loadgen lag', 'trouble', 'meets',
  ];
  const widths = head.map((h) => Math.max(h.length, 7));
  const lines = [row(head, widths)];
  for (const l of report.levels) {
    const t = l.game.trouble;
    lines.push(row([
      l.pairs, l.game.connections, ms(l.game.latency.p50), ms(l.game.latency.p95), ms(l.game.latency.p99),
      ms(l.bare?.latency.p99 ?? NaN), l.bareRatioP99 === null ? '–' : `${l.bareRatioP99}×`, ms(l.floor.latency.p99), `${l.ratioP99}×`, l.game.repliesPerSecond, percent(l.server.cpuPercent), kb(l.server.memoryPerRoomBytes), kb(l.server.heap?.perRoomBytes),
      l.loadgens, `${l.game.loadgen.cpuPercent}%`, ms(l.game.loadgen.eventLoopDelayP99Ms), t.joinFailures + t.errors + t.disconnects, yes(l.meetsTarget),
    ], widths));
  }
  for (const l of report.levels) {
    if (l.repeats) lines.push(`  ${repeatLine(l.pairs, l.repeats)}`);
  }
  for (const l of report.levels) {
    if (l.server.serverTime) lines.push(`  ${serverTimeLine(`at ${l.pairs} pairs`, l.server.serverTime)}`);
    if (l.bareServer?.serverTime) lines.push(`    bare Colyseus: p50 ${l.bareServer.serverTime.p50Ms} / p99 ${l.bareServer.serverTime.p99Ms} ms, ${l.bareServer.serverTime.within1MsPercent}% within 1 ms`);
    lines.push(`  allocation at ${l.pairs} pairs: ours ${cardCostText(l.server)}; bare Colyseus ${cardCostText(l.bareServer)}`);
    if (l.bare) {
      lines.push(`  patches per card at ${l.pairs} pairs: ours ${l.game.patchFramesPerReply} (${l.game.patchBytesPerReply} bytes), `
        + `bare Colyseus ${l.bare.patchFramesPerReply} (${l.bare.patchBytesPerReply} bytes); `
        + `server CPU ours ${percent(l.server.cpuPercent)}, bare ${percent(l.bareServer?.cpuPercent ?? NaN)}`);
    }
  }
  for (const l of report.levels) {
    if (l.server.stalls) lines.push(`  ${stallLine(`at ${l.pairs} pairs`, l.server.stalls, l.server.cpuWaitPercent)}`);
  }
  for (const l of report.levels) {
    for (const note of [...l.misses, ...l.caveats]) lines.push(`  ${l.pairs} pairs: ${note}`);
  }
  const m = report.memory;
  const c = report.client;
  const bundle = c.bundle.status === 'built'
    ? `ours ${kb(c.bundle.ours.gzipBytes)} gzip (${kb(c.bundle.ours.rawBytes)} raw), Phaser ${kb(c.bundle.phaser.gzipBytes)} gzip (${kb(c.bundle.phaser.rawBytes)} raw) — target ours < ${kb(TARGETS.ownGzipBytes)}: ${yes(c.bundle.ours.gzipBytes < TARGETS.ownGzipBytes)}`
    : c.bundle.status === 'skipped' ? 'skipped' : `client not built: ${c.bundle.reason.split('\n')[0]}`;
  const frames = (f: RendererFrames, how: string): string => `${how.padEnd(30)} ${f.renderer} p95 ${ms(f.match.withSegmentsInFlight.p95)} ms `
    + `(target < ${TARGETS.frameP95Ms}: ${yes(f.match.withSegmentsInFlight.p95 < TARGETS.frameP95Ms)}; idle start screen p95 ${ms(f.idleStartScreen.p95)} ms, ${f.verdicts} verdicts)`;
  const browser = c.browser.status === 'measured'
    ? `${wireLine(c.browser.wire)}\n  start screen ready ${c.browser.startScreenMedianMs} ms (target < ${TARGETS.startScreenMs}: ${yes(c.browser.startScreenMedianMs < TARGETS.startScreenMs)})\n`
      + '  match frames with segments in flight:\n'
      + `    ${frames(c.browser.frames.default, `by itself (${c.browser.frames.default.reason})`)}\n`
      + `    ${frames(c.browser.frames.webgl, '?renderer=webgl')}\n`
      + `    ${frames(c.browser.frames.canvas, '?renderer=canvas')}`
    : `${c.browser.status}: ${c.browser.reason}`;
  return [
    `TCP Tango bench — ${report.when}, ${report.machine.cores} × ${report.machine.cpu}, Node ${report.machine.node}`,
    'card → verdict latency in ms; bare ratio = our p99 / p99 of a Colyseus room with no game (same SDK clients, connections, rate and patch size),',
    `  target ≤ ${TARGETS.bareRatio}× up to ${TARGETS.pairs} pairs; echo ratio = our p99 / a bare ws echo server's p99 at the same connections and rate (information)`,
    ...(report.options.bareLandings ? ['  --bare-landings: the bare room also lands a share of its cards after the match\'s latency, a second patch to both clients as a segment\'s arrival, so its patches per card are the game\'s'] : []),
    'loadgens: load generator processes sharing the clients; loadgen CPU and lag (event-loop delay p99): the busiest of them',
    'RSS/room: RSS growth over idle per room; heap/room: the same for old space + external after a full GC (memory probe)',
    `server stalls over the window (memory probe): event-loop delay by a ${LOOP_RESOLUTION_MS} ms timer, which it includes; GC pauses by kind`,
    '',
    ...(report.levels.length === 0 ? ['no ramp (--capacity or --soak without --levels)'] : [
      ...lines,
      '',
      `largest level meeting p99 < ${TARGETS.p99Ms} ms, ≤ ${TARGETS.bareRatio}× bare Colyseus, no client trouble: ${report.largestPassingPairs === null ? 'none' : `${report.largestPassingPairs} pairs`} (target ${TARGETS.pairs} pairs)`,
      `memory per pair room, kept after a full GC (old space + external): ${kb(m.marginalHeapPerRoomBytes ?? report.levels.at(-1)?.server.heap?.perRoomBytes)}`
        + `${m.marginalHeapPerRoomBytes === null ? ' (growth over idle)' : ' (marginal, two largest levels)'} — target < ${kb(TARGETS.memoryPerRoomBytes)}: ${yes(m.meetsTarget)}\n`
        + `  RSS: ${kb(m.marginalPerRoomBytes ?? report.levels.at(-1)?.server.memoryPerRoomBytes)}${m.marginalPerRoomBytes === null ? ' (growth over idle, one level only)' : ' (marginal, two largest levels)'}, `
        + `young generation and uncollected garbage included; the echo floor ${kb(m.floorPerConnectionBytes)} per connection`,
    ]),
    ...(report.capacity ? capacityLines(report.capacity) : []),
    ...(report.soak ? soakLines(report.soak) : []),
    ...(report.redis ? ['two processes sharing Redis against one (--redis):', ...report.redis.map((c) => `  ${redisLine(c)}`)] : []),
    classroomLine(report.classroom),
    `client bundle: ${bundle}`,
    `browser: ${browser}`,
    `(${report.durationSeconds} s; JSON in test/bench/results/latest.json)`,
  ].join('\n');
}

/** "first visit 372 KB (page 1 KB, assets 371 KB), second 0.4 KB (1 × 304, assets 0 KB)" against the targets. */
function wireLine(w: WireFigures): string {
  const { firstVisit: a, secondVisit: b } = w;
  const kb1 = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  return `bytes over the wire: first visit ${kb1(a.total)} (page ${kb1(a.page)}, assets ${kb1(a.assets)}, other ${kb1(a.other)}; `
    + `target ≤ ${kb(TARGETS.firstVisitBytes)}: ${yes(a.total <= TARGETS.firstVisitBytes)}), `
    + `second visit ${kb1(b.total)} (${b.requests} request(s) reached the server, ${b.notModified} × 304; assets ${kb1(b.assets)}, `
    + `target ${kb(TARGETS.secondVisitAssetBytes)}: ${yes(b.assets <= TARGETS.secondVisitAssetBytes)})`;
}

function classroomLine(c: ClassroomFigures | null): string {
  if (!c) return 'classroom: skipped (--no-classroom)';
  if (!c.latency) return `classroom of ${c.students}: ${c.status.toUpperCase()} — ${c.reason}`;
  const ref = c.plainPairsReference;
  const t = c.trouble;
  const trouble = t ? t.joinFailures + t.errors + t.disconnects : 0;
  return `classroom of ${c.students} (${c.connected} connected, ${c.classroom?.roundsStarted ?? 0} rounds): `
    + `p50 ${ms(c.latency.p50)} / p95 ${ms(c.latency.p95)} / p99 ${ms(c.latency.p99)} ms, ${c.repliesPerSecond} judged/s, `
    + `plain-pairs p99 ${ref ? `${ms(ref.p99Ms)} ms at ${ref.pairs} pairs` : '–'}, ratio ${c.ratioP99 ?? '–'}× `
    + `(target ≤ ${TARGETS.classroomRatio}×), trouble ${trouble} — meets: ${yes(c.meetsTarget)}`
    + (c.p99Runs.length > 1 ? `\n  classroom ${runsLine(c.p99Runs)}` : '')
    + (c.loadgen ? `\n  classroom: ${c.loadgens} load generators, the busiest at ${c.loadgen.cpuPercent}% CPU, event-loop delay p99 ${ms(c.loadgen.eventLoopDelayP99Ms)} ms` : '')
    + (c.server?.stalls ? `\n  ${stallLine(`in the class of ${c.students}`, c.server.stalls, c.server.cpuWaitPercent)}` : '')
    + [...c.misses, ...c.caveats].map((m) => `\n  classroom: ${m}`).join('');
}

export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/latest.json`;
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  // How the cost grows with pairs: only a ramp of two levels or more draws a line.
  if (report.levels.length >= 2) writeFileSync(`${dir}/chart.svg`, `${chartSvg(report.levels)}\n`);
  return path;
}
