/**
 * The real game for browser tests: the client built by Vite and served by the real server
 * (server/index.ts) on a free port, with bots that answer quickly and never err.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../freePort.ts';
import { ensureClientBuilt } from './clientBuild.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LiveGame {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Builds the client (so the test plays what `npm start` would serve) and boots the server;
 * `env` adds or overrides settings (e.g. a short CHALLENGE_DURATION_MS, a fresh DATA_DIR).
 * `port`: the port of a game stopped before, for a restart that its open pages come back to.
 */
export async function startLiveGame(env: Readonly<Record<string, string>> = {}, port?: number): Promise<LiveGame> {
  ensureClientBuilt(ROOT);
  port ??= await freePort();
  const server: ChildProcess = spawn(process.execPath, ['server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BOT_REACTION_MS: '500', BOT_ERROR_RATE: '0', QUICK_MATCH_BOT_MS: '1000',
      // A short get-ready step: the helpers wait for each round's clock to start.
      GET_READY_MS: '1500',
      // Stopped at the end of a file with rounds still running: nothing to drain (test/server/drain.test.ts tests draining).
      DRAIN_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('TCP Tango on')) resolve();
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`the game server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    }),
  };
}
