/**
 * What a measurement loads: a server this bench starts on 127.0.0.1 (and reads through /proc),
 * or one already running on another machine (`--server=URL`, `--floor=URL`), so that the load
 * generators no longer share the server's cores. A remote server's CPU and memory are not
 * read here; its latencies are what the run is for.
 */
import { startEchoFloor, startGameServer, stopProcess, type ServerProcess } from './processes.ts';

export interface BenchTarget {
  /** Where the load generators connect (http:// for the game, ws:// for the floor). */
  readonly url: string;
  /** The local process, whose CPU and memory are read; null for a server on another machine. */
  readonly local: ServerProcess | null;
  readonly stop: () => Promise<void>;
}

/** The game server: a fresh local one, or the remote one at `url`. */
export async function gameTarget(url: string | null, nodeArgs: readonly string[] = [], ipc = false): Promise<BenchTarget> {
  if (url) return { url, local: null, stop: async () => {} };
  const server = await startGameServer({}, nodeArgs, ipc);
  return { url: `http://127.0.0.1:${server.port}`, local: server, stop: () => stopProcess(server.child, 10_000) };
}

/** The echo floor: a fresh local one, or the remote one at `url` (started by hand next to the remote game server). */
export async function floorTarget(url: string | null): Promise<BenchTarget> {
  if (url) return { url, local: null, stop: async () => {} };
  const echo = await startEchoFloor();
  return { url: `ws://127.0.0.1:${echo.port}`, local: echo, stop: () => stopProcess(echo.child) };
}
