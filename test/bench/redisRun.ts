/**
 * Two processes with Redis against one (issue 18.7): the same pair load, at the level's pairs,
 * against two game processes sharing a redis-server that the bench starts on a free port in a
 * temporary folder (test/cluster/redisServer.ts), each with its own SQLite file. Every other
 * pair is created through the second process and each pair's second player asks the process
 * its first did not, as behind a load balancer: a seat reserved by one process for a room on
 * the other goes through Redis. The figures sit beside the level's one-process run: p99, CPU
 * (both processes, and Redis's own), and what Redis costs per card judged.
 */
import { startRedis, type RedisServer } from '../cluster/redisServer.ts';
import { systemBinary } from '../systemBinary.ts';
import { ROOM } from '../../shared/protocol.ts';
import type { LevelResult } from './levelRun.ts';
import { runLoad } from './loadRun.ts';
import { ONE_CARD_A_SECOND, type LoadResult } from './loadPlan.ts';
import type { BenchOptions } from './options.ts';
import { startGameServer, stopProcess, track, type ServerProcess } from './processes.ts';
import { serverTimeOf, ServerTimeWindow, sumBuckets, type ServerTimeFigures } from './serverTime.ts';
import { CpuWindow } from './serverProbe.ts';

export interface RedisComparison {
  readonly pairs: number;
  /** The level's own run: one process, no Redis. */
  readonly one: { readonly p50Ms: number; readonly p99Ms: number; readonly cpuPercent: number; readonly judgedPerSecond: number };
  readonly two: {
    readonly p50Ms: number;
    readonly p99Ms: number;
    /** Both game processes together, % of one core. */
    readonly cpuPercent: number;
    readonly cpuPercentPerProcess: readonly number[];
    /** redis-server's own CPU, % of one core. */
    readonly redisCpuPercent: number;
    readonly judgedPerSecond: number;
    readonly serverTime: ServerTimeFigures | null;
    readonly load: LoadResult;
  };
  /** (CPU of two processes and Redis per card) − (CPU of one process per card), in µs of CPU; null if either rate is 0. */
  readonly redisCostPerCardUs: number | null;
}

/** CPU per card judged, in µs: `cpuPercent` of one core over `judgedPerSecond` cards a second. */
export function cpuPerCardUs(cpuPercent: number, judgedPerSecond: number): number {
  return judgedPerSecond > 0 ? ((cpuPercent / 100) * 1e6) / judgedPerSecond : NaN;
}

/** What the cluster costs per card over the one process: its CPU (game processes and Redis) per card minus the one's. */
export function redisCostPerCardUs(one: { cpuPercent: number; judgedPerSecond: number }, twoCpuPercent: number, redisCpuPercent: number, twoJudgedPerSecond: number): number | null {
  const single = cpuPerCardUs(one.cpuPercent, one.judgedPerSecond);
  const cluster = cpuPerCardUs(twoCpuPercent + redisCpuPercent, twoJudgedPerSecond);
  return Number.isFinite(single) && Number.isFinite(cluster) ? Math.round((cluster - single) * 10) / 10 : null;
}

/** The redis-server binary, or why the comparison cannot run here. */
export function redisBinary(): { path: string } | { missing: string } {
  const found = systemBinary('redis-server', 'redis-server');
  return found.path ? { path: found.path } : { missing: 'redis-server is not installed (apt-get install -y redis-server)' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = 1500;

/** The level's pairs again, against two processes sharing a fresh Redis; `level` is the one-process run to compare with. */
export async function runRedisLevel(level: LevelResult, options: BenchOptions, binary: string): Promise<RedisComparison> {
  const redis: RedisServer = await startRedis(binary);
  track(redis.child);
  const servers: ServerProcess[] = [];
  try {
    // One after the other: the first creates what the cluster shares in Redis.
    for (let i = 0; i < 2; i++) servers.push(await startGameServer({ REDIS_URL: redis.url }));
    await sleep(SETTLE_MS);
    const urls = servers.map((s) => `http://127.0.0.1:${s.port}`);
    const cpus = [...servers.map((s) => new CpuWindow(s.pid)), new CpuWindow(redis.child.pid!)];
    const inside = urls.map((url) => new ServerTimeWindow(url, ROOM.pair));
    let cpuPercents: number[] = [];
    const load = await runLoad({
      kind: 'pairs', url: urls[0]!, alsoUrl: urls[1]!, pairs: level.pairs, mode: options.mode, lossRate: options.lossRate,
      connectConcurrency: options.connectConcurrency, policy: ONE_CARD_A_SECOND, seed: options.seed,
      warmupMs: options.warmupMs, measureMs: options.measureMs,
    }, options.loadgens, {
      onConnected: (n, ms) => console.log(`  pairs over two processes and Redis: ${n} connections in ${ms} ms`),
      onStart: () => {
        for (const c of cpus) c.start();
        for (const w of inside) w.start();
      },
      onEnd: () => {
        cpuPercents = cpus.map((c) => c.percent());
        for (const w of inside) w.end();
      },
    });
    const windows = await Promise.all(inside.map((w) => w.window()));
    const serverTime = windows.every((w) => w !== null) ? serverTimeOf(sumBuckets(windows)) : null;
    const perProcess = cpuPercents.slice(0, 2);
    const cpuPercent = Math.round(perProcess.reduce((a, b) => a + b, 0) * 10) / 10;
    const redisCpuPercent = cpuPercents[2] ?? NaN;
    const one = {
      p50Ms: level.game.latency.p50, p99Ms: level.game.latency.p99, cpuPercent: level.server.cpuPercent, judgedPerSecond: level.game.repliesPerSecond,
    };
    return {
      pairs: level.pairs,
      one,
      two: {
        p50Ms: load.latency.p50, p99Ms: load.latency.p99, cpuPercent, cpuPercentPerProcess: perProcess, redisCpuPercent,
        judgedPerSecond: load.repliesPerSecond, serverTime, load,
      },
      redisCostPerCardUs: redisCostPerCardUs(one, cpuPercent, redisCpuPercent, load.repliesPerSecond),
    };
  } finally {
    await Promise.all(servers.map((s) => stopProcess(s.child, 10_000)));
    await redis.stop();
  }
}
