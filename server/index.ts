/** Starts TCP Tango: reads the configuration, listens, and shuts down cleanly on a signal. */
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createGameServer, listenGameServer } from './app.ts';
import { matchMaker } from '@colyseus/core';
import { keepSweeping } from './storage/retention.ts';
import { openStoresAt, type Stores } from './storage/stores.ts';

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

const config = configOrExit();
const stores = await storesOrExit();
/**
 * A class still open in the database was left by a process that did not end it (a crash,
 * kill -9): it ends now, and the round it was playing is marked interrupted in its report. On
 * Postgres other processes may be running classes: those the matchmaker finds open are left be.
 */
async function endOrphanClasses(isLive?: (code: string) => Promise<boolean>): Promise<void> {
  const orphans = await stores.classes.endOrphans(Date.now(), isLive);
  if (orphans.length > 0) console.log(`ended ${orphans.length} class(es) left open by a stopped server: ${orphans.join(', ')}`);
}

if (!config.databaseUrl) await endOrphanClasses();
const stopSweeping = keepSweeping(stores, config.retention, (code) => matchMaker.getLocalRoomById(code) !== undefined);
const server = createGameServer(config, stores);
// Runs after every room has been disposed, so the last results are written before the file closes.
server.onShutdown(async () => {
  stopSweeping();
  await stores.sql.close();
});
await listenGameServer(server, config, config.port, config.host);
// After listening, so that the matchmaker can see the rooms of every process sharing it.
if (config.databaseUrl) await endOrphanClasses(async (code) => (await matchMaker.getRoomById(code)) !== undefined);
console.log(`TCP Tango on http://localhost:${config.port}`);

// Rooms are locked and their players disconnected with code 4001 (server shutdown) before the
// process exits; a second signal while that runs is ignored rather than cutting it short.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    void server.gracefullyShutdown(true);
  });
}
