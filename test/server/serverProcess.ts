/**
 * The server as its own process (`node server/index.ts`, as `npm start` runs it), for tests
 * that restart it or kill it on a DATA_DIR of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<ChildProcess>();

/** Kills whatever a test left running; for afterAll. */
export function killServers(): void {
  for (const p of running) p.kill('SIGKILL');
}

/** Starts `node server/index.ts` on `port` and `dataDir`, and resolves once it says it listens. */
export async function startServer(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ChildProcess & { output: () => string }> {
  const child = spawn(process.execPath, ['server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: join(dataDir, 'no-client'), CLASS_SEAT_WAIT_MS: '5000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('TCP Tango on')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return Object.assign(child, { output: () => output });
}

/** Stops the server with `signal` and resolves with its exit code. */
export async function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill(signal);
  const [code] = await exited;
  running.delete(child);
  return code as number | null;
}
