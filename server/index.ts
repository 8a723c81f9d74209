/** Starts TCP Tango: reads the configuration, listens, and shuts down cleanly on a signal. */
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createGameServer, listenGameServer } from './app.ts';
import { matchMaker } from '@colyseus/core';
import { keepSweeping } from './storage/retention.ts';
import { openStores } from './storage/stores.ts';
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

const config = configOrExit();
const stores = openStores(config.databaseFile);
const stopSweeping = keepSweeping(stores, config.retention, (code) => matchMaker.getLocalRoomById(code) !== undefined);
const server = createGameServer(config, stores);
// Runs after every room has been disposed, so the last results are written before the file closes.
server.onShutdown(() => {
  stopSweeping();
  stores.db.close();
});
await listenGameServer(server, config, config.port, config.host);
// A class still open in the file was left by a process that did not end it (SIGTERM, a crash,
// kill -9): it comes back under its code, and the round it was playing is marked interrupted.
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
