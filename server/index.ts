/** Starts TCP Tango: reads the configuration, listens, and shuts down cleanly on a signal. */
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createGameServer, listenGameServer } from './app.ts';
import { matchMaker } from '@colyseus/core';
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

const config = configOrExit();
const stores = await storesOrExit();
const stopSweeping = keepSweeping(stores, config.retention, (code) => matchMaker.getLocalRoomById(code) !== undefined);
const server = createGameServer(config, stores);
// Runs after every room has been disposed, so the last results are written before the file closes.
server.onShutdown(async () => {
  stopSweeping();
  await stores.sql.close();
});
await listenGameServer(server, config, config.port, config.host);
// A class still open in the database was left by a process that did not end it (SIGTERM, a
// crash, kill -9): it comes back under its code, and the round it was playing is marked
// interrupted. After listening, and through presence: a class another process holds is left be.
const revived = await reviveOpenClasses(stores.classes);
if (revived.length > 0) console.log(`revived ${revived.length} class(es) left open by the last run: ${revived.join(', ')}`);
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
