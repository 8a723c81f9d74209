/**
 * Game processes that make one cluster: each a real `node server/index.ts` on a port of its
 * own, all sharing one Redis and one store. Every process advertises its own address
 * (PUBLIC_ADDRESS), so a client that asked one process for a seat connects to whichever holds
 * the room, as it would behind the README's nginx.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type SeatReservation } from '@colyseus/sdk';
import { freePort } from '../freePort.ts';
import { startServer } from '../server/serverProcess.ts';

export interface GameProcess {
  readonly port: number;
  readonly http: string;
  readonly child: ChildProcess & { output: () => string };
  /** An SDK client that asks this process for its seats. */
  client(): Client;
}

/** The variables every process of a test cluster shares; timings short enough for tests. */
export function sharedEnv(redisUrl: string, databaseUrl: string): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    // Each process's own folder (round records' scratch, none shared): the store is Postgres.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'tango-cluster-')),
    GET_READY_MS: '0',
    BOT_REACTION_MS: '50',
    BOT_ERROR_RATE: '0',
    DRAIN_SECONDS: '5',
    CHALLENGE_DURATION_MS: '10000',
    // One seat reserved and never taken (it costs 10) spends every failure an address has.
    FAILED_JOINS_BURST: '10',
    SEAT_RESERVATION_SECONDS: '2',
    // How long a process waits for another to create a room before creating it itself (Colyseus's
    // default is 2 s): a loaded test machine can take longer, and the room would then be made twice.
    COLYSEUS_PRESENCE_SHORT_TIMEOUT: '4000',
  };
}

/** Starts one process of the cluster described by `env`. */
export async function startGameProcess(env: Record<string, string>): Promise<GameProcess> {
  const port = await freePort();
  const child = await startServer(port, env.DATA_DIR!, { ...env, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
  const http = `http://127.0.0.1:${port}`;
  return { port, http, child, client: () => new Client(http) };
}

/** A seat reservation as a process's matchmaker answers it, with the address of the process holding the room. */
export type Reservation = SeatReservation & { readonly publicAddress?: string };

/** Asks `via` for a seat (`POST /matchmake/:method/:room`) without taking it yet. */
export async function reserve(via: GameProcess, method: 'create' | 'joinOrCreate' | 'joinById', roomOrCode: string, options: object): Promise<Reservation> {
  const res = await fetch(`${via.http}/matchmake/${method}/${roomOrCode}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options),
  });
  if (!res.ok) throw new Error(`${method} ${roomOrCode} via :${via.port}: ${res.status} ${await res.text()}`);
  return await res.json() as Reservation;
}

/** The process of `processes` that holds the room `reservation` is for. */
export function holder(processes: readonly GameProcess[], reservation: Reservation): GameProcess {
  const found = processes.find((p) => reservation.publicAddress === `127.0.0.1:${p.port}`);
  if (!found) throw new Error(`no process advertises ${reservation.publicAddress}`);
  return found;
}
