/**
 * A finished round as a capture file Wireshark and tshark open: each endpoint is a host of its
 * own (documentation addresses of RFC 5737), each segment one IPv4/TCP packet with the round's
 * flags, numbers, window and payload, timestamped by the round's clock.
 *
 * The capture point is one tap on the wire beside each sender: every segment appears once, at
 * the moment it was sent, lost ones included (their comment says so). A trace per host would
 * show each delivered segment twice, and Wireshark's TCP analysis, which follows a connection by
 * its addresses and ports whatever the interface, would call every second copy a retransmission.
 */
import { peerOf, type Role } from '../match/cards.ts';
import { isMessageKey, translate } from '../i18n/translate.ts';
import type { Locale } from '../i18n/messages.ts';
import { encodeTcpPacket, type Ipv4Address } from './ipv4Tcp.ts';
import { utf8Encode } from './utf8.ts';
import { LINKTYPE, writePcapng, type CapturePacket } from './pcapng.ts';
import type { RecordedSegment, RoundRecord } from './roundRecord.ts';

/** Where each role lives in a downloaded capture. */
export const CAPTURE_HOSTS: Readonly<Record<Role, { readonly address: Ipv4Address; readonly port: number }>> = {
  client: { address: [192, 0, 2, 1], port: 49152 },
  // The game's own port; no Wireshark dissector claims it, so DATA shows as plain bytes.
  server: { address: [192, 0, 2, 2], port: 2567 },
};

/** Most frames one capture may hold; a round sends a few dozen segments at most. */
export const MAX_CAPTURE_FRAMES = 2000;

const PAYLOAD_TEXT = utf8Encode('TCP Tango data. ');

/** A DATA segment's payload: the same text at the same sequence numbers, so a resent segment carries the same bytes. */
function payloadOf(s: RecordedSegment): Uint8Array {
  const bytes = new Uint8Array(s.len);
  for (let i = 0; i < s.len; i++) bytes[i] = PAYLOAD_TEXT[(s.seq + i) % PAYLOAD_TEXT.length]!;
  return bytes;
}

/** What Wireshark shows as the frame's comment: what became of the segment, in `locale`. */
function commentOf(s: RecordedSegment, locale: Locale): string {
  const parts = [`${s.from} → ${peerOf(s.from)}: ${s.card}`];
  if (s.resent) parts.push(translate(locale, 'capture.resent'));
  if (s.old) parts.push(translate(locale, 'capture.old'));
  const ms = s.arriveAt === null ? 0 : s.arriveAt - s.sentAt;
  if (s.status === 'lost') parts.push(translate(locale, 'capture.lost'));
  else if (s.arriveAt === null || s.status === 'flying') parts.push(translate(locale, 'capture.held'));
  else parts.push(translate(locale, s.status === 'discarded' ? 'capture.refused' : 'capture.arrived', { ms }));
  const why = s.why !== null && isMessageKey(s.why) ? translate(locale, s.why) : '';
  return `${parts.join(' · ')}${why ? `. ${why}` : ''}`;
}

/** The segments in the order a tap would see them: by the time sent, then as the game numbered them. */
export function captureOrder(record: RoundRecord): RecordedSegment[] {
  return [...record.wire].sort((a, b) => a.sentAt - b.sentAt || a.id - b.id).slice(0, MAX_CAPTURE_FRAMES);
}

/** The round as a pcapng file, frame comments in `locale`. */
export function roundCapture(record: RoundRecord, locale: Locale): Uint8Array {
  const ipIds: Record<Role, number> = { client: 1, server: 1 };
  const packets: CapturePacket[] = captureOrder(record).map((s) => {
    const from = CAPTURE_HOSTS[s.from];
    const to = CAPTURE_HOSTS[peerOf(s.from)];
    const data = encodeTcpPacket({
      src: from.address, dst: to.address, srcPort: from.port, dstPort: to.port, seq: s.seq, ack: s.ack, flags: s.flags,
      window: record.windows[s.from], payload: payloadOf(s), ipId: ipIds[s.from]++,
    });
    const timestampUs = Math.round((record.wallClockAt + (s.sentAt - record.startedAt)) * 1000);
    return { interfaceId: 0, timestampUs, data, comment: commentOf(s, locale) };
  });
  const scenario = `scenario.${record.scenarioId}.title`;
  const description = translate(locale, 'capture.interface', { scenario: isMessageKey(scenario) ? translate(locale, scenario) : record.scenarioId });
  return writePcapng('TCP Tango', [{ linkType: LINKTYPE.raw, name: 'wire', description }], packets);
}
