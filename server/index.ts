/** Starts TCP Tango: reads the configuration, listens, and drains then shuts down on a signal. */
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createGameServer, listenGameServer } from './app.ts';
import { matchMaker } from '@colyseus/core';
import { ROOM } from '../shared/protocol.ts';
import { Drain } from './cluster/drain.ts';
import { redisUnreachable, withoutPassword } from './cluster/redisReachable.ts';
import { MatchmakingGuard } from './guard/matchmakingGuard.ts';
import { keepSweeping } from './storage/retention.ts';
import { openStoresAt, type Stores } from './storage/stores.ts';
import { reviveOpenClasses } from './rooms/classroom/classRevival.ts';

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

/** The stores, or exit 1 with the reason: a server that cannot store results must not take players. */
async function storesOrExit(): Promise<Stores> {
  try {
    return await openStoresAt(config);
  } catch (e) {
    const where = config.databaseUrl ? 'the database at DATABASE_URL' : config.databaseFile;
    console.error(`Cannot open ${where}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

/** The codes of the classes open in any process (the matchmaker's list is the cluster's with Redis). */
async function liveClasses(): Promise<ReadonlySet<string>> {
  return new Set((await matchMaker.query({ name: ROOM.classroom })).map((r) => r.roomId));
}

const config = configOrExit();
if (config.cluster.redisUrl) {
  const why = await redisUnreachable(config.cluster.redisUrl);
  if (why) {
    console.error(`Invalid configuration:\n  REDIS_URL=${JSON.stringify(withoutPassword(config.cluster.redisUrl))}: no answer from Redis (${why})`);
    process.exit(1);
  }
}
const stores = await storesOrExit();
const drain = new Drain();
const server = createGameServer(config, stores, new MatchmakingGuard(config.guard), drain);
let stopSweeping = () => {};
// Before Colyseus closes the presence: the process leaves the draining list while it still can.
server.onBeforeShutdown(() => drain.end());
// Runs after every room has been disposed, so the last results are written before the file closes.
server.onShutdown(async () => {
  stopSweeping();
  await stores.sql.close();
});
await listenGameServer(server, config, config.port, config.host);
// After listening: joining the matchmaker has cleared the rooms of processes that died, so a
// class still open in the database and listed nowhere was left by a process that did not end it
// (SIGTERM, a crash, kill -9): it comes back here under its code, and the round it was playing is
// marked interrupted. A class another process of the cluster holds is left be.
const live = await liveClasses();
const revived = await reviveOpenClasses(stores.classes, (code) => live.has(code));
if (revived.length > 0) console.log(`revived ${revived.length} class(es) left open by the last run: ${revived.join(', ')}`);
stopSweeping = keepSweeping(stores, config.retention, liveClasses);
console.log(`TCP Tango on http://localhost:${config.port}${config.cluster.redisUrl ? ` (process ${matchMaker.processId}, sharing Redis)` : ''}`);

// SIGTERM drains first: no new rooms or players here, running rounds finish (DRAIN_SECONDS at
// most); then rooms are locked and their players disconnected with code 4001 (server shutdown).
// SIGINT (Ctrl-C) skips the drain. A second signal while either runs is ignored.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      if (signal === 'SIGTERM' && config.cluster.drainMs > 0) {
        console.log(`${signal}: draining (${drain.roundsRunning} round(s) running, ${config.cluster.drainMs / 1000} s at most)`);
        const finished = await drain.begin(config.cluster.drainMs);
        console.log(finished ? 'drained: no round running' : 'drain time is up');
      }
      console.log(`${signal}: shutting down`);
      await server.gracefullyShutdown(true);
    })();
  });
}
