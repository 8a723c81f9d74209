/**
 * pcapng files (the format of Wireshark and tcpdump -w … --pcapng; draft-ietf-opsawg-pcapng) to
 * write, and pcapng or classic pcap files to read. Pure: bytes in, bytes out. Only the blocks a
 * capture of one connection needs are written (a section header, interfaces, enhanced packets
 * with a comment); reading skips every block it does not know, as the format asks.
 */

import { utf8Decode, utf8Encode } from './utf8.ts';

/** Link types (tcpdump.org/linktypes.html) this code writes or reads. */
export const LINKTYPE = {
  null: 0, // BSD loopback: 4-byte address family in host order
  ethernet: 1,
  raw: 101, // a bare IPv4 or IPv6 packet
  loop: 108, // OpenBSD loopback: 4-byte address family, big-endian
  linuxSll: 113, // tcpdump -i any
  ipv4: 228,
  ipv6: 229,
  linuxSll2: 276, // tcpdump -i any since 4.99
} as const;

export interface CaptureInterface {
  readonly linkType: number;
  readonly name: string;
  readonly description: string;
}

export interface CapturePacket {
  readonly interfaceId: number;
  /** Microseconds since 1970-01-01 UTC. */
  readonly timestampUs: number;
  readonly data: Uint8Array;
  readonly comment?: string;
}

const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const SPB = 0x00000003;
const EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const OPT_END = 0;
const OPT_COMMENT = 1;
const OPT_NAME = 2;
const OPT_DESCRIPTION = 3;
const SHB_USERAPPL = 4;
const SNAPLEN = 262144;

const pad4 = (n: number): number => (n + 3) & ~3;

/** Options of a block: code, length, value padded to 32 bits, then the end of options. */
function encodeOptions(options: readonly (readonly [number, string])[]): Uint8Array {
  const values = options.filter(([, v]) => v !== '').map(([code, v]) => [code, utf8Encode(v)] as const);
  if (values.length === 0) return new Uint8Array(0);
  const bytes = new Uint8Array(values.reduce((n, [, v]) => n + 4 + pad4(v.length), 4));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [code, v] of values) {
    view.setUint16(at, code, true);
    view.setUint16(at + 2, v.length, true);
    bytes.set(v, at + 4);
    at += 4 + pad4(v.length);
  }
  view.setUint16(at, OPT_END, true);
  return bytes;
}

/** One block: type, total length, body, total length again. */
function block(type: number, body: Uint8Array): Uint8Array {
  const length = 12 + body.length;
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, length, true);
  bytes.set(body, 8);
  view.setUint32(length - 4, length, true);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A pcapng file: one section written by `application`, its interfaces, its packets in order. */
export function writePcapng(application: string, interfaces: readonly CaptureInterface[], packets: readonly CapturePacket[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const shbOptions = encodeOptions([[SHB_USERAPPL, application]]);
  const shb = new Uint8Array(16 + shbOptions.length);
  const s = new DataView(shb.buffer);
  s.setUint32(0, BYTE_ORDER_MAGIC, true);
  s.setUint16(4, 1, true);
  s.setUint16(6, 0, true);
  // Section length unknown (-1): allowed, and readers then walk the blocks.
  s.setUint32(8, 0xffffffff, true);
  s.setUint32(12, 0xffffffff, true);
  shb.set(shbOptions, 16);
  parts.push(block(SHB, shb));
  for (const i of interfaces) {
    const options = encodeOptions([[OPT_NAME, i.name], [OPT_DESCRIPTION, i.description]]);
    const idb = new Uint8Array(8 + options.length);
    const v = new DataView(idb.buffer);
    v.setUint16(0, i.linkType, true);
    v.setUint32(4, SNAPLEN, true);
    idb.set(options, 8);
    parts.push(block(IDB, idb));
  }
  for (const p of packets) {
    const options = encodeOptions([[OPT_COMMENT, p.comment ?? '']]);
    const epb = new Uint8Array(20 + pad4(p.data.length) + options.length);
    const v = new DataView(epb.buffer);
    // The default resolution of an interface is microseconds.
    v.setUint32(0, p.interfaceId, true);
    v.setUint32(4, Math.floor(p.timestampUs / 2 ** 32), true);
    v.setUint32(8, p.timestampUs % 2 ** 32, true);
    v.setUint32(12, p.data.length, true);
    v.setUint32(16, p.data.length, true);
    epb.set(p.data, 20);
    epb.set(options, 20 + pad4(p.data.length));
    parts.push(block(EPB, epb));
  }
  return concat(parts);
}

/** What a capture file holds, whichever format it came in. */
export interface CaptureFile {
  readonly format: 'pcap' | 'pcapng';
  readonly interfaces: readonly CaptureInterface[];
  readonly packets: readonly CapturePacket[];
}

/**
 * Why a file could not be opened: a code with a text in every language (`capture.error.<code>`).
 * `tooBig` and `noTcp` are said by `openCapture`, which reads the file through this module.
 */
export const CAPTURE_ERRORS = ['notACapture', 'truncated', 'tooBig', 'noTcp'] as const;
export type CaptureErrorCode = (typeof CAPTURE_ERRORS)[number];
export type CaptureRead = { readonly ok: true; readonly file: CaptureFile } | { readonly ok: false; readonly code: CaptureErrorCode };

class Truncated extends Error {}

/** Reads a pcapng or classic pcap file, in either byte order and either timestamp resolution. */
export function readCapture(bytes: Uint8Array): CaptureRead {
  if (bytes.length < 24) return { ok: false, code: 'notACapture' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (view.getUint32(0, true) === SHB) return { ok: true, file: readPcapng(bytes, view) };
    const magic = view.getUint32(0, true);
    const pcap = [0xa1b2c3d4, 0xa1b23c4d, 0xd4c3b2a1, 0x4d3cb2a1].includes(magic);
    if (pcap) return { ok: true, file: readPcap(bytes, view) };
    return { ok: false, code: 'notACapture' };
  } catch (e) {
    if (e instanceof Truncated || e instanceof RangeError) return { ok: false, code: 'truncated' };
    throw e;
  }
}

function readPcap(bytes: Uint8Array, view: DataView): CaptureFile {
  const le = view.getUint32(0, true) === 0xa1b2c3d4 || view.getUint32(0, true) === 0xa1b23c4d;
  const nanos = view.getUint32(0, le) === 0xa1b23c4d;
  const linkType = view.getUint32(20, le) & 0xffff;
  const packets: CapturePacket[] = [];
  for (let at = 24; at < bytes.length;) {
    if (at + 16 > bytes.length) throw new Truncated();
    const seconds = view.getUint32(at, le);
    const fraction = view.getUint32(at + 4, le);
    const length = view.getUint32(at + 8, le);
    if (at + 16 + length > bytes.length) throw new Truncated();
    const timestampUs = seconds * 1e6 + (nanos ? Math.floor(fraction / 1000) : fraction);
    packets.push({ interfaceId: 0, timestampUs, data: bytes.subarray(at + 16, at + 16 + length) });
    at += 16 + length;
  }
  return { format: 'pcap', interfaces: [{ linkType, name: '', description: '' }], packets };
}

interface PcapngInterface extends CaptureInterface {
  /** Ticks per microsecond's worth: the timestamp is divided by this to give microseconds. */
  readonly ticksPerUs: number;
}

function readOptions(bytes: Uint8Array, view: DataView, from: number, to: number, le: boolean): Map<number, Uint8Array> {
  const options = new Map<number, Uint8Array>();
  for (let at = from; at + 4 <= to;) {
    const code = view.getUint16(at, le);
    const length = view.getUint16(at + 2, le);
    if (code === OPT_END) break;
    options.set(code, bytes.subarray(at + 4, at + 4 + length));
    at += 4 + pad4(length);
  }
  return options;
}

/** Ticks per microsecond for an if_tsresol option: 10^-n s, or 2^-n s when the top bit is set. */
function ticksPerUs(tsresol: Uint8Array | undefined): number {
  const r = tsresol?.[0] ?? 6;
  return r & 0x80 ? 2 ** (r & 0x7f) / 1e6 : 10 ** r / 1e6;
}

function readPcapng(bytes: Uint8Array, view: DataView): CaptureFile {
  const interfaces: PcapngInterface[] = [];
  const packets: CapturePacket[] = [];
  let le = true;
  const text = (b: Uint8Array | undefined): string => (b ? utf8Decode(b) : '');
  for (let at = 0; at < bytes.length;) {
    if (at + 12 > bytes.length) throw new Truncated();
    const type = view.getUint32(at, le);
    if (type === SHB) {
      // Each section says its own byte order; interfaces are numbered afresh in it.
      le = view.getUint32(at + 8, true) === BYTE_ORDER_MAGIC;
      interfaces.length = 0;
    }
    const length = view.getUint32(at + 4, le);
    if (length < 12 || at + length > bytes.length) throw new Truncated();
    const body = at + 8;
    const end = at + length - 4;
    if (type === IDB) {
      const options = readOptions(bytes, view, body + 8, end, le);
      interfaces.push({
        linkType: view.getUint16(body, le), name: text(options.get(OPT_NAME)), description: text(options.get(OPT_DESCRIPTION)),
        ticksPerUs: ticksPerUs(options.get(9)),
      });
    } else if (type === EPB) {
      const interfaceId = view.getUint32(body, le);
      const ticks = view.getUint32(body + 4, le) * 2 ** 32 + view.getUint32(body + 8, le);
      const captured = view.getUint32(body + 12, le);
      const options = readOptions(bytes, view, body + 20 + pad4(captured), end, le);
      const comment = text(options.get(OPT_COMMENT));
      const perUs = interfaces[interfaceId]?.ticksPerUs ?? 1;
      packets.push({
        interfaceId, timestampUs: Math.floor(ticks / perUs), data: bytes.subarray(body + 20, body + 20 + captured),
        ...(comment ? { comment } : {}),
      });
    } else if (type === SPB) {
      // A simple packet has no time; it keeps its place in the file.
      const original = view.getUint32(body, le);
      packets.push({ interfaceId: 0, timestampUs: packets.at(-1)?.timestampUs ?? 0, data: bytes.subarray(body + 4, body + 4 + Math.min(original, end - body - 4)) });
    }
    at += length;
  }
  return { format: 'pcapng', interfaces: interfaces.map(({ linkType, name, description }) => ({ linkType, name, description })), packets };
}

/** The IP packet inside a captured frame of `linkType`, or null for a frame that carries none. */
export function ipPayload(linkType: number, frame: Uint8Array): Uint8Array | null {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const ipIf = (etherType: number, from: number): Uint8Array | null =>
    (etherType === 0x0800 || etherType === 0x86dd) && frame.length > from ? frame.subarray(from) : null;
  switch (linkType) {
    case LINKTYPE.raw:
    case LINKTYPE.ipv4:
    case LINKTYPE.ipv6:
      return frame;
    case LINKTYPE.ethernet: {
      if (frame.length < 14) return null;
      let type = view.getUint16(12);
      let from = 14;
      // One 802.1Q tag, as a capture on a VLAN has.
      if (type === 0x8100 && frame.length >= 18) {
        type = view.getUint16(16);
        from = 18;
      }
      return ipIf(type, from);
    }
    case LINKTYPE.null:
    case LINKTYPE.loop:
      return frame.length > 4 ? frame.subarray(4) : null;
    case LINKTYPE.linuxSll:
      return frame.length >= 16 ? ipIf(view.getUint16(14), 16) : null;
    case LINKTYPE.linuxSll2:
      return frame.length >= 20 ? ipIf(view.getUint16(0), 20) : null;
    default:
      return null;
  }
}
