/**
 * Child processes of the bench: the real game server, the echo floor and the load generator,
 * each on its own Node 24 process bound to 127.0.0.1, each with a deadline after which it is
 * killed, so a run always ends.
 */
import { setPriority } from 'node:os';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../freePort.ts';

export const HOST = '127.0.0.1';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every child still running; none outlives the bench, however it ends. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** The last lines a child wrote, for the report when it fails. */
export class OutputTail {
  private lines: string[] = [];
  errorLines = 0;

  constructor(child: ChildProcess, max = 40) {
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        if (/error|exception/i.test(line)) this.errorLines++;
        this.lines.push(line);
        if (this.lines.length > max) this.lines.shift();
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
  }

  text(): string {
    return this.lines.join('\n');
  }
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly output: OutputTail;
}

/** Polls `url` until it answers 200; the child's exit ends the wait early. */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The game server exactly as `node server/index.ts` starts it, with its own configuration
 * from the environment; `nodeArgs` is for profiling (`--cpu-prof`) or the memory probe, which
 * also needs `ipc` (an IPC channel to this process; see memoryProbe.ts).
 */
/** The per-address limits lifted, since the bench's thousands of clients share 127.0.0.1; and the bench's own room. */
const BENCH_LIMITS = {
  // The bench's bare room (server/rooms/bench/BareRoom.ts) is registered in every server the bench starts, so all start alike.
  BENCH_BARE_ROOM: '1',
  // Stopped once its load is gone: nothing to drain, and a class (which outlives its players)
  // would hold it past the kill's grace, losing a CPU profile written at exit.
  DRAIN_SECONDS: '0',
  MATCHMAKE_PER_MINUTE: '1000000', ROOMS_PER_ADDRESS: '1000000', MAX_ROOMS: '1000000', PENDING_SEATS_PER_ADDRESS: '1000000',
  // A seat a busy server could not seat in time counts as a failure of its address: 2,000
  // clients from 127.0.0.1 ran out of the default budget (tooManyAttempts) at 1,000 pairs.
  FAILED_JOINS_BURST: '1000000', FAILED_JOINS_PER_MINUTE: '1000000',
};

/**
 * For looking into the server's collector: `SERVER_NODE_ARGS` (space-separated) go to every
 * game server the bench starts, e.g. `--trace-gc-nvp`, and `SERVER_LOG` names a file that
 * gets their standard output (each collection's pause, survivors and promotions).
 */
const SERVER_NODE_ARGS = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export async function startGameServer(env: Record<string, string>, nodeArgs: readonly string[] = [], ipc = false): Promise<ServerProcess> {
  const port = await freePort();
  // A database of its own, so thousands of bench rounds never land in data/tango.sqlite.
  const dataDir = mkdtempSync(join(tmpdir(), 'tango-bench-data-'));
  const child = track(spawn(process.execPath, [...SERVER_NODE_ARGS, ...nodeArgs, 'server/index.ts'], {
    cwd: ROOT,
    // Every bench client comes from one address: the per-address limits would stop them at 250 rooms.
    // A process of a cluster (REDIS_URL) advertises its own address, so seats it reserves for a room elsewhere lead there.
    env: { ...process.env, ...BENCH_LIMITS, ...env, PORT: String(port), HOST, DATA_DIR: dataDir, ...(env.REDIS_URL ? { PUBLIC_ADDRESS: `${HOST}:${port}` } : {}) },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  }));
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const output = new OutputTail(child);
  if (process.env.SERVER_LOG) child.stdout?.pipe(createWriteStream(process.env.SERVER_LOG, { flags: 'a' }));
  try {
    await waitForHttp(`http://${HOST}:${port}/healthz`, child, 20_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`game server did not start: ${(e as Error).message}\n${output.text()}`);
  }
  return { child, pid: child.pid!, port, output };
}

/** The bare WebSocket echo server (echoFloor.ts) in its own process. */
export async function startEchoFloor(): Promise<ServerProcess> {
  const port = await freePort();
  const child = track(spawn(process.execPath, ['test/bench/echoFloor.ts', String(port), HOST], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  const output = new OutputTail(child);
  await waitForHttp(`http://${HOST}:${port}/`, child, 10_000);
  return { child, pid: child.pid!, port, output };
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * The load generators' CPU priority (nice): the lowest. They stand for 2,000 browsers on other
 * machines, yet on a 2-core machine they take the server's cores: as equals they kept its
 * thread waiting for a core 10 % of the time at 1,000 pairs, 2.9 % at this priority (p95 6.8
 * → 3.4–5.8 ms). The floor is measured with the same generators at the same priority.
 */
const LOADGEN_NICE = 19;

/**
 * The load generator (loadGenerator.ts), talking to this process over IPC. `LOADGEN_NODE_ARGS`
 * (space-separated) is for profiling it, e.g. `--cpu-prof --cpu-prof-dir=/tmp/gen`.
 */
export function forkLoadGenerator(loadgenNodeArgs = (process.env.LOADGEN_NODE_ARGS ?? '').split(' ').filter(Boolean)): ChildProcess {
  const child = track(fork(fileURLToPath(new URL('./loadGenerator.ts', import.meta.url)), [], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: loadgenNodeArgs,
    // V8's serialization carries the latency samples as a Float64Array, not as JSON text.
    serialization: 'advanced',
  }));
  if (child.pid !== undefined) setPriority(child.pid, LOADGEN_NICE);
  return child;
}
