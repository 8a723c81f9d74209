import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCapture, type CaptureConnection } from '../../shared/capture/captureConnections.ts';
import { captureLadder, statesAt, type CaptureLadder } from '../../shared/capture/captureLadder.ts';
import { freePort } from '../freePort.ts';
import { toolPresent } from './externalTool.ts';
import { kernelStates, mayCapture, Tcpdump, type KernelSnapshot } from './loopbackCapture.ts';

const dir = mkdtempSync(join(tmpdir(), 'tango-real-capture-'));
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

const flagsOf = (c: CaptureConnection) => c.segments.map((s) => s.tcp.flags.join('+') + (s.tcp.payloadLength ? `/${s.tcp.payloadLength}` : ''));
const from = (c: CaptureConnection, role: 'client' | 'server') => c.segments.filter((s) => s.tcp.srcPort === c[role].port);

async function listen(port: number, onSocket: (s: Socket) => void): Promise<void> {
  const server = createServer(onSocket);
  servers.push(server);
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
}

/** The ladder's inferred states at the moment of each kernel snapshot, beside the kernel's own. */
function compare(ladder: CaptureLadder, snapshots: readonly KernelSnapshot[]) {
  return {
    inferred: snapshots.map((s) => statesAt(ladder, s.atUs)),
    kernel: snapshots.map(({ client, server }) => ({ client, server })),
  };
}

/** Runs `scenario` on a fresh port under tcpdump and returns the capture once `done` holds. */
async function captured(name: string, device: 'lo' | 'any', scenario: (port: number) => Promise<KernelSnapshot[]>,
  done: (c: CaptureConnection) => boolean, extra: readonly string[] = []) {
  const port = await freePort();
  const file = join(dir, `${name}.pcap`);
  const tcpdump = await Tcpdump.start(file, port, device, extra);
  try {
    const snapshots = await scenario(port);
    const connection = await tcpdump.waitFor(done);
    return { file, connection, snapshots };
  } finally {
    await tcpdump.stop();
  }
}

/** A handshake, "hello" from the client, and a close the client starts; the kernel asked when open and when closed. */
async function handshakeAndClose(port: number): Promise<KernelSnapshot[]> {
  const received = new Promise<Socket>((resolve) => void listen(port, (s) => {
    s.once('data', () => resolve(s));
    // The server closes its side as soon as the client's FIN arrives (a passive close).
    s.on('end', () => s.end());
  }));
  const client = connect(port, '127.0.0.1');
  await once(client, 'connect');
  client.write('hello');
  await received;
  const clientPort = client.localPort!;
  const open = kernelStates(clientPort, port);
  client.end();
  await once(client, 'close');
  return [open, kernelStates(clientPort, port)];
}

const closeDone = (c: CaptureConnection) => {
  const fins = c.segments.filter((s) => s.tcp.flags.includes('FIN'));
  const last = c.segments.at(-1)!.tcp;
  return fins.length === 2 && last.srcPort === c.client.port && !last.flags.includes('FIN');
};

describe.runIf(toolPresent('tcpdump') && mayCapture())('a real connection captured by tcpdump on the loopback', () => {
  it('handshake and close: the machine infers ESTABLISHED while open, then TIME-WAIT for the active closer and CLOSED for the other, as ss says', async () => {
    const { connection, snapshots } = await captured('close-lo', 'lo', handshakeAndClose, closeDone);
    expect(flagsOf(connection).slice(0, 3)).toEqual(['SYN', 'SYN+ACK', 'ACK']);
    const ladder = captureLadder(connection);
    const { inferred, kernel } = compare(ladder, snapshots);
    expect(kernel).toEqual([{ client: 'ESTABLISHED', server: 'ESTABLISHED' }, { client: 'TIME-WAIT', server: 'CLOSED' }]);
    expect(inferred).toEqual(kernel);
    expect(ladder.start).toEqual({ client: 'CLOSED', server: 'LISTEN' });
    // A correct stack's connection: the machine refuses none of it.
    expect(ladder.refused).toBe(0);
    // Linux ACKs the FIN alone, or with its own FIN when the server closes at once (FIN-WAIT-2 skipped).
    const client = ladder.record.stateLog.filter((e) => e.role === 'client').map((e) => e.state);
    expect(client.slice(0, 4)).toEqual(['CLOSED', 'SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1']);
    expect(client.at(-1)).toBe('TIME-WAIT');
  });

  it('reads the same connection from every file format: Ethernet (-i lo), big-endian pcap, pcapng (editcap), Linux cooked in nanoseconds (-i any)', async () => {
    const lo = await captured('formats-lo', 'lo', handshakeAndClose, closeDone);
    const segments = flagsOf(lo.connection);
    const files = [readFileSync(lo.file), bigEndian(readFileSync(lo.file))];
    const pcapng = join(dir, 'formats.pcapng');
    if (spawnSync('editcap', ['-F', 'pcapng', lo.file, pcapng]).status === 0) files.push(readFileSync(pcapng));
    for (const f of files) {
      const read = openCapture(new Uint8Array(f));
      expect(read.ok && read.connections.length).toBe(1);
      if (read.ok) expect(flagsOf(read.connections[0]!)).toEqual(segments);
    }
    // -i any writes Linux cooked frames (SLL2); the nanosecond file says so in its magic number.
    const any = await captured('formats-any', 'any', handshakeAndClose, closeDone, ['--time-stamp-precision=nano']);
    expect(readFileSync(any.file).readUInt32LE(0).toString(16)).toBe('a1b23c4d');
    expect(readFileSync(any.file).readUInt32LE(20)).toBe(276);
    const { inferred, kernel } = compare(captureLadder(any.connection), any.snapshots);
    expect(inferred).toEqual(kernel);
  });

  it('a connection refused: the SYN to a closed port is discarded by a CLOSED server and answered with RST; the client ends CLOSED, as ss says', async () => {
    const { connection, snapshots } = await captured('refused', 'lo', async (port) => {
      const client = connect(port, '127.0.0.1');
      const error = (await once(client, 'error'))[0] as NodeJS.ErrnoException;
      expect(error.code).toBe('ECONNREFUSED');
      return [kernelStates(client.localPort ?? 0, port)];
    }, (c) => c.segments.some((s) => s.tcp.flags.includes('RST')));
    expect(flagsOf(connection)).toEqual(['SYN', 'ACK+RST']);
    const ladder = captureLadder(connection);
    expect(ladder.start).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    expect(ladder.after).toEqual([{ client: 'SYN-SENT', server: 'CLOSED' }, { client: 'CLOSED', server: 'CLOSED' }]);
    expect(compare(ladder, snapshots).inferred).toEqual([{ client: 'CLOSED', server: 'CLOSED' }]);
    // The SYN is refused where it arrives, with the game's explanation; the RST is taken.
    expect(ladder.record.wire.map((s) => [s.status, s.why])).toEqual([['discarded', 'why.closedRefuses'], ['delivered', 'why.refused']]);
  });

  it('an abortive close (SO_LINGER 0): the client sends RST from ESTABLISHED and both ends are CLOSED at once, no TIME-WAIT, as ss says', async () => {
    const { connection, snapshots } = await captured('abort', 'lo', async (port) => {
      const reset = new Promise<void>((resolve) => void listen(port, (s) => s.on('error', () => resolve())));
      const client = connect(port, '127.0.0.1');
      await once(client, 'connect');
      const open = kernelStates(client.localPort!, port);
      const clientPort = client.localPort!;
      // Node's resetAndDestroy sets SO_LINGER to 0 and closes: the kernel sends RST.
      client.resetAndDestroy();
      await reset;
      return [open, kernelStates(clientPort, port)];
    }, (c) => c.segments.some((s) => s.tcp.flags.includes('RST')));
    const ladder = captureLadder(connection);
    const { inferred, kernel } = compare(ladder, snapshots);
    expect(kernel).toEqual([{ client: 'ESTABLISHED', server: 'ESTABLISHED' }, { client: 'CLOSED', server: 'CLOSED' }]);
    expect(inferred).toEqual(kernel);
    expect(from(connection, 'client').at(-1)!.tcp.flags).toContain('RST');
    expect(ladder.refused).toBe(0);
    expect(ladder.record.moves.at(-1)!.why).toBe('why.abort');
  });
});

/** The same pcap file in big-endian byte order, as a capture made on a big-endian machine is. */
function bigEndian(file: Buffer): Buffer {
  const out = Buffer.from(file);
  out.writeUInt32BE(file.readUInt32LE(0), 0);
  out.writeUInt16BE(file.readUInt16LE(4), 4);
  out.writeUInt16BE(file.readUInt16LE(6), 6);
  for (const at of [8, 12, 16, 20]) out.writeUInt32BE(file.readUInt32LE(at), at);
  for (let at = 24; at < file.length;) {
    const length = file.readUInt32LE(at + 8);
    for (const field of [0, 4, 8, 12]) out.writeUInt32BE(file.readUInt32LE(at + field), at + field);
    at += 16 + length;
  }
  return out;
}
