/**
 * The TCP connections in a capture file from tcpdump or Wireshark: every frame that carries a TCP
 * segment (Ethernet, Linux cooked, raw IP, loopback), grouped by its pair of addresses and ports,
 * in the order each connection first appears. Pure: bytes in, connections out.
 */
import { decodeIpPacket, type DecodedTcp } from './ipv4Tcp.ts';
import { ipPayload, readCapture, type CaptureErrorCode } from './pcapng.ts';

/**
 * The largest file opened: 16 MiB holds tens of thousands of frames, far more than a ladder can
 * show, and keeps a browser tab from reading a whole day's trace into memory.
 */
export const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;

/** One TCP segment as the capture saw it. */
export interface CapturedSegment {
  /** Its frame number in the file, from 1, as Wireshark counts. */
  readonly frame: number;
  /** Microseconds since 1970-01-01 UTC. */
  readonly timestampUs: number;
  readonly tcp: DecodedTcp;
}

/** An address and a port, e.g. 127.0.0.1 and 8080. */
export interface HostPort {
  readonly address: string;
  readonly port: number;
}

/** One connection: its two ends, and every segment between them in capture order. */
export interface CaptureConnection {
  /**
   * The sender of the first SYN without ACK, which opened the connection; when the capture began
   * after the handshake, the sender of the first segment.
   */
  readonly client: HostPort;
  readonly server: HostPort;
  readonly segments: readonly CapturedSegment[];
}

export type CaptureOpen =
  | { readonly ok: true; readonly connections: readonly CaptureConnection[] }
  | { readonly ok: false; readonly code: CaptureErrorCode };

/** "127.0.0.1:8080", or "[::1]:8080" for IPv6. */
export function hostPortText(h: HostPort): string {
  return h.address.includes(':') ? `[${h.address}]:${h.port}` : `${h.address}:${h.port}`;
}

const endOf = (address: string, port: number): string => `${address}|${port}`;

/** The TCP connections in a pcap or pcapng file, first seen first; an error code when there is none to show. */
export function openCapture(bytes: Uint8Array): CaptureOpen {
  if (bytes.length > MAX_CAPTURE_BYTES) return { ok: false, code: 'tooBig' };
  const read = readCapture(bytes);
  if (!read.ok) return read;
  const groups = new Map<string, CapturedSegment[]>();
  read.file.packets.forEach((packet, i) => {
    const linkType = read.file.interfaces[packet.interfaceId]?.linkType;
    const ip = linkType === undefined ? null : ipPayload(linkType, packet.data);
    const tcp = ip ? decodeIpPacket(ip) : null;
    if (!tcp) return;
    const ends = [endOf(tcp.src, tcp.srcPort), endOf(tcp.dst, tcp.dstPort)].sort().join(' ');
    const group = groups.get(ends) ?? [];
    group.push({ frame: i + 1, timestampUs: packet.timestampUs, tcp });
    groups.set(ends, group);
  });
  if (groups.size === 0) return { ok: false, code: 'noTcp' };
  return { ok: true, connections: [...groups.values()].map(connectionOf) };
}

function connectionOf(segments: readonly CapturedSegment[]): CaptureConnection {
  const first = segments[0]!.tcp;
  const opener = segments.find((s) => s.tcp.flags.includes('SYN') && !s.tcp.flags.includes('ACK'))?.tcp ?? first;
  const client = { address: opener.src, port: opener.srcPort };
  const server = { address: opener.dst, port: opener.dstPort };
  return { client, server, segments };
}
