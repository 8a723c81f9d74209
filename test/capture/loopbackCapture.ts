/**
 * Real TCP connections on the loopback, captured by Debian's tcpdump while they happen, with what
 * the kernel said of each socket (`ss -tan`) at chosen moments. tcpdump needs root, as CI runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { openCapture, type CaptureConnection } from '../../shared/capture/captureConnections.ts';
import type { TcpState } from '../../shared/tcp/states.ts';

/**
 * Whether this process may capture (tcpdump opens the interface only as root); when not, a test
 * that fails in CI (which runs as root) or a warning that the loopback tests are skipped.
 */
export function mayCapture(): boolean {
  if (process.getuid?.() === 0) return true;
  const why = 'capturing the loopback with tcpdump needs root';
  if (process.env['CI']) it('captures as root (CI runs as root)', () => { throw new Error(why); });
  else console.warn(`skipping the loopback capture tests: ${why}`);
  return false;
}

/** The kernel's state names (ss) in RFC 9293's spelling. */
const SS_STATES: Readonly<Record<string, TcpState>> = {
  ESTAB: 'ESTABLISHED', 'SYN-SENT': 'SYN-SENT', 'SYN-RECV': 'SYN-RECEIVED', 'FIN-WAIT-1': 'FIN-WAIT-1', 'FIN-WAIT-2': 'FIN-WAIT-2',
  'CLOSE-WAIT': 'CLOSE-WAIT', CLOSING: 'CLOSING', 'LAST-ACK': 'LAST-ACK', 'TIME-WAIT': 'TIME-WAIT',
};

/** What the kernel said of both ends of one connection, and when (µs since 1970, the capture's clock). */
export interface KernelSnapshot {
  readonly atUs: number;
  readonly client: TcpState;
  readonly server: TcpState;
}

/**
 * Both ends of the connection between a client port and the server port, as `ss -tan` lists them
 * now; an end the kernel no longer lists is CLOSED. The listening socket is not an end.
 */
export function kernelStates(clientPort: number, serverPort: number): KernelSnapshot {
  const run = spawnSync('ss', ['-tanH'], { encoding: 'utf8' });
  // Taken as ss answers: every segment that made the state it saw was captured before, and the
  // test does nothing more until it has the answer. Date.now() counts whole milliseconds, too
  // coarse for the loopback, so the time is the wall clock at start plus the monotonic clock since.
  const atUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
  const ends = { client: 'CLOSED' as TcpState, server: 'CLOSED' as TcpState };
  for (const line of run.stdout.split('\n')) {
    const [state, , , local, peer] = line.trim().split(/\s+/);
    if (!state || !local || !peer) continue;
    const localPort = Number(local.slice(local.lastIndexOf(':') + 1));
    const peerPort = Number(peer.slice(peer.lastIndexOf(':') + 1));
    const tcp = SS_STATES[state];
    if (!tcp) continue;
    if (localPort === clientPort && peerPort === serverPort) ends.client = tcp;
    if (localPort === serverPort && peerPort === clientPort) ends.server = tcp;
  }
  return { atUs, ...ends };
}

/** A tcpdump writing the loopback's segments to or from `port` into `file`. */
export class Tcpdump {
  private readonly process: ChildProcess;
  readonly file: string;

  private constructor(process: ChildProcess, file: string) {
    this.process = process;
    this.file = file;
  }

  /** Starts tcpdump on `device` and waits until it captures; `extra` are more of its options. */
  static async start(file: string, port: number, device: 'lo' | 'any', extra: readonly string[] = []): Promise<Tcpdump> {
    // -U with immediate mode writes each packet at once, so the file can be watched as it grows.
    const proc = spawn('tcpdump', ['-i', device, '-U', '--immediate-mode', '-n', ...extra, '-w', file, `tcp port ${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    proc.stderr!.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      proc.stderr!.on('data', (chunk: string) => {
        said += chunk;
        if (said.includes('listening on')) resolve();
      });
      proc.once('exit', (code) => reject(new Error(`tcpdump exited (${code}): ${said}`)));
    });
    return new Tcpdump(proc, file);
  }

  /** The connection in the file so far, once `done` says the segments it waits for are there. */
  async waitFor(done: (c: CaptureConnection) => boolean, timeoutMs = 5000): Promise<CaptureConnection> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const opened = existsSync(this.file) ? openCapture(new Uint8Array(readFileSync(this.file))) : null;
      const connection = opened?.ok ? opened.connections[0] : undefined;
      if (connection && done(connection)) return connection;
      if (Date.now() > until) throw new Error(`the capture ${this.file} never held the expected segments`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGINT');
    await exited;
  }
}
