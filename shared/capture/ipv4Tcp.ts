/**
 * IPv4 and TCP headers as bytes (RFC 791, RFC 9293 §3.1), with their checksums, and back. Pure:
 * Uint8Array and DataView only, so the browser and the server read and write the same bytes.
 */
import { FLAGS, type Flag } from '../tcp/segment.ts';

/** TCP's flag bits (RFC 9293 §3.1), for the flags the game plays and PSH, which real stacks set on data. */
const FLAG_BITS: Readonly<Record<Flag | 'PSH', number>> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 };
const IP_HEADER = 20;
const TCP_HEADER = 20;
const PROTOCOL_TCP = 6;

/** An IPv4 address as four numbers, e.g. [192, 0, 2, 1]. */
export type Ipv4Address = readonly [number, number, number, number];

/** One TCP segment inside one IPv4 packet, as the capture writes it. */
export interface TcpPacket {
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  /** Written only when the segment carries ACK; 0 otherwise, as real stacks send it. */
  readonly ack: number;
  readonly flags: readonly Flag[];
  readonly window: number;
  readonly payload: Uint8Array;
  /** The IP identification field; each sender counts its own packets. */
  readonly ipId: number;
}

/** Adds 16-bit big-endian words to a ones' complement sum (RFC 1071); an odd last byte is padded with zero. */
function sumWords(bytes: Uint8Array, sum = 0): number {
  let s = sum;
  for (let i = 0; i + 1 < bytes.length; i += 2) s += (bytes[i]! << 8) | bytes[i + 1]!;
  if (bytes.length % 2 === 1) s += bytes[bytes.length - 1]! << 8;
  return s;
}

function fold(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** The Internet checksum of `bytes` (RFC 1071): 0 when a header that carries its checksum is intact. */
export function internetChecksum(bytes: Uint8Array, initial = 0): number {
  return fold(sumWords(bytes, initial));
}

/** The sum of TCP's pseudo-header (RFC 9293 §3.1): source, destination, zero, protocol, TCP length. */
function pseudoHeaderSum(src: Uint8Array, dst: Uint8Array, tcpLength: number): number {
  return sumWords(src) + sumWords(dst) + PROTOCOL_TCP + tcpLength;
}

/** The bytes of one IPv4 packet carrying `p`, both checksums filled in. */
export function encodeTcpPacket(p: TcpPacket): Uint8Array {
  const tcpLength = TCP_HEADER + p.payload.length;
  const bytes = new Uint8Array(IP_HEADER + tcpLength);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 0x45); // version 4, header of five 32-bit words
  view.setUint16(2, bytes.length);
  view.setUint16(4, p.ipId & 0xffff);
  view.setUint16(6, 0x4000); // don't fragment, as every TCP stack sends
  view.setUint8(8, 64);
  view.setUint8(9, PROTOCOL_TCP);
  bytes.set(p.src, 12);
  bytes.set(p.dst, 16);
  view.setUint16(10, internetChecksum(bytes.subarray(0, IP_HEADER)));

  const tcp = bytes.subarray(IP_HEADER);
  const t = new DataView(bytes.buffer, IP_HEADER);
  t.setUint16(0, p.srcPort);
  t.setUint16(2, p.dstPort);
  t.setUint32(4, p.seq >>> 0);
  const acks = p.flags.includes('ACK');
  t.setUint32(8, acks ? p.ack >>> 0 : 0);
  // Data is pushed to the application at once, as a real sender of a small write does.
  const bits = p.flags.reduce((b, f) => b | FLAG_BITS[f], p.payload.length > 0 ? FLAG_BITS.PSH : 0);
  t.setUint16(12, ((TCP_HEADER / 4) << 12) | bits);
  t.setUint16(14, p.window & 0xffff);
  tcp.set(p.payload, TCP_HEADER);
  t.setUint16(16, internetChecksum(tcp, pseudoHeaderSum(Uint8Array.from(p.src), Uint8Array.from(p.dst), tcpLength)));
  return bytes;
}

/** A TCP segment read from a captured IP packet (IPv4 or IPv6). */
export interface DecodedTcp {
  /** Dotted (IPv4) or colon-separated (IPv6) address. */
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  /** The flags the game knows, in its order (SYN, ACK, FIN, RST). */
  readonly flags: readonly Flag[];
  readonly window: number;
  readonly payloadLength: number;
  /**
   * Both checksums verify; null when the capture cut the packet short. A sender that leaves the
   * checksum to its network card (Linux on the loopback) is captured with a wrong one.
   */
  readonly checksumOk: boolean | null;
}

function ipv6Text(b: Uint8Array): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return words.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** The TCP segment in an IP packet, or null when the packet is not TCP over IPv4/IPv6 or is too short. */
export function decodeIpPacket(bytes: Uint8Array): DecodedTcp | null {
  if (bytes.length < 1) return null;
  const version = bytes[0]! >> 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let src: Uint8Array;
  let dst: Uint8Array;
  let tcpStart: number;
  let tcpLength: number;
  let ipOk = true;
  if (version === 4) {
    const ihl = (bytes[0]! & 0x0f) * 4;
    if (bytes.length < ihl || ihl < IP_HEADER || view.getUint8(9) !== PROTOCOL_TCP) return null;
    src = bytes.subarray(12, 16);
    dst = bytes.subarray(16, 20);
    tcpStart = ihl;
    tcpLength = view.getUint16(2) - ihl;
    ipOk = internetChecksum(bytes.subarray(0, ihl)) === 0;
  } else if (version === 6) {
    // Extension headers are not followed: a TCP/IPv6 capture of a plain connection has none.
    if (bytes.length < 40 || view.getUint8(6) !== PROTOCOL_TCP) return null;
    src = bytes.subarray(8, 24);
    dst = bytes.subarray(24, 40);
    tcpStart = 40;
    tcpLength = view.getUint16(4);
  } else {
    return null;
  }
  if (bytes.length < tcpStart + TCP_HEADER) return null;
  const t = new DataView(bytes.buffer, bytes.byteOffset + tcpStart);
  const offset = (t.getUint8(12) >> 4) * 4;
  const bits = t.getUint8(13);
  const tcp = bytes.subarray(tcpStart, tcpStart + tcpLength);
  const whole = tcp.length === tcpLength;
  const tcpOk = internetChecksum(tcp, pseudoHeaderSum(src, dst, tcpLength)) === 0;
  return {
    src: version === 4 ? [...src].join('.') : ipv6Text(src),
    dst: version === 4 ? [...dst].join('.') : ipv6Text(dst),
    srcPort: t.getUint16(0),
    dstPort: t.getUint16(2),
    seq: t.getUint32(4),
    ack: t.getUint32(8),
    flags: FLAGS.filter((f) => (bits & FLAG_BITS[f]) !== 0),
    window: t.getUint16(14),
    payloadLength: Math.max(0, tcpLength - offset),
    checksumOk: whole ? ipOk && tcpOk : null,
  };
}
