/**
 * A captured connection judged by the game's own TCP machine: both endpoints' states as the
 * machine infers them from the segments, every send it would refuse and every arrival it would
 * discard, with the explanation keys the game uses. The result has the shape of a round's record,
 * so the replay's ladder shows it.
 *
 * The capture is taken as one tap on the wire between the two ends: each segment is sent and
 * arrives in the order it was captured, nothing crosses. On the loopback that is exactly so; a
 * capture on one host of a distant pair may show crossing segments as if one came first.
 */
import { peerOf, type Card, type Role } from '../match/cards.ts';
import type { MoveRecord, Skill } from '../match/types.ts';
import { newEndpoint, receive, send, sendEventFor, type Tcb } from '../tcp/endpoint.ts';
import type { Refused } from '../tcp/table.ts';
import type { SendEvent } from '../tcp/events.ts';
import { has, type Flag, type Segment } from '../tcp/segment.ts';
import { seqAdd } from '../tcp/sequence.ts';
import type { TcpState } from '../tcp/states.ts';
import type { CaptureConnection, CapturedSegment } from './captureConnections.ts';
import { hostPortText } from './captureConnections.ts';
import type { LadderRecord, RecordedSegment } from './roundRecord.ts';

/**
 * The receive window the machine assumes. A capture's window field is scaled by an option the
 * handshake carried (RFC 7323), so it is not the window; the largest a scaled window can be keeps
 * every real segment of a bulk transfer inside it.
 */
const CAPTURE_WINDOW = 2 ** 30;

/** The ladder's clock: one segment a second, arriving half a second after it is sent, whatever the capture's times. */
export const CAPTURE_STEP_MS = 1000;
const TRAVEL_MS = CAPTURE_STEP_MS / 2;

/** Most segments drawn: a ladder longer than this cannot be read anyway. */
export const MAX_LADDER_SEGMENTS = 400;

export type RoleStates = Readonly<Record<Role, TcpState>>;

/** A captured connection as a ladder, with what the capture itself said about each segment. */
export interface CaptureLadder {
  readonly record: LadderRecord;
  /** For each segment of the record (by id): its frame in the file and its capture time (µs). */
  readonly frames: readonly { readonly frame: number; readonly timestampUs: number }[];
  /** Both states before the first segment, as the machine infers them. */
  readonly start: RoleStates;
  /** Both states after each segment (by id) was sent and arrived. */
  readonly after: readonly RoleStates[];
  /** Segments the capture held beyond `MAX_LADDER_SEGMENTS`, left out. */
  readonly leftOut: number;
  /** Sends the machine refuses plus arrivals it discards. */
  readonly refused: number;
}

/** The card a segment's flags are closest to, for its label on the ladder. */
export function cardOf(flags: readonly Flag[], len: number): Card {
  if (flags.includes('RST')) return 'RST';
  if (flags.includes('SYN')) return flags.includes('ACK') ? 'SYN+ACK' : 'SYN';
  if (flags.includes('FIN')) return flags.includes('ACK') ? 'FIN+ACK' : 'FIN';
  return len > 0 ? 'DATA' : 'ACK';
}

const SKILL_OF: Readonly<Record<SendEvent, Skill>> = {
  sendSyn: 'open', sendSynAck: 'answerSyn', sendAck: 'ackData', sendData: 'sendData', sendFin: 'close', sendRst: 'refuse',
};

const roleOf = (c: CaptureConnection, s: CapturedSegment): Role =>
  s.tcp.src === c.client.address && s.tcp.srcPort === c.client.port ? 'client' : 'server';

const segmentOf = (s: CapturedSegment): Segment => ({ seq: s.tcp.seq, ack: s.tcp.ack, flags: s.tcp.flags, len: s.tcp.payloadLength });

/**
 * Where each end starts. The client is CLOSED until it sends its SYN. The server listens, with
 * the ISS its SYN+ACK will carry, unless it answers the SYN with an RST (nobody listened: CLOSED)
 * or sends a SYN of its own (a simultaneous open from CLOSED). A capture that began after the
 * handshake starts both ESTABLISHED, with the numbers of their first segments.
 */
function startingEnds(c: CaptureConnection, segments: readonly CapturedSegment[]): Record<Role, Tcb> {
  const closed = newEndpoint(0, CAPTURE_WINDOW);
  const firstOf = (role: Role) => segments.find((s) => roleOf(c, s) === role)?.tcp;
  if (!segments.some((s) => has(s.tcp, 'SYN'))) return establishedEnds(c, segments);
  const server = firstOf('server');
  if (!server || (has(server, 'SYN') && has(server, 'ACK'))) {
    return { client: closed, server: { ...newEndpoint(server?.seq ?? 0, CAPTURE_WINDOW), state: 'LISTEN' } };
  }
  return { client: closed, server: closed };
}

function establishedEnds(c: CaptureConnection, segments: readonly CapturedSegment[]): Record<Role, Tcb> {
  const first = segments[0]!;
  const from = roleOf(c, first);
  // The first sender's next number is its seq; what it acknowledges is the other's next number.
  const fromNxt = first.tcp.seq;
  const otherNxt = has(first.tcp, 'ACK') ? first.tcp.ack : segments.find((s) => roleOf(c, s) !== from)?.tcp.seq ?? 0;
  const side = (sndNxt: number, rcvNxt: number, passive: boolean): Tcb => ({
    ...newEndpoint(seqAdd(sndNxt, -1), CAPTURE_WINDOW), state: 'ESTABLISHED', irs: seqAdd(rcvNxt, -1), sndUna: sndNxt, sndNxt, rcvNxt, passive,
  });
  const ends = { [from]: side(fromNxt, otherNxt, from === 'server'), [peerOf(from)]: side(otherNxt, fromNxt, from !== 'server') };
  return ends as Record<Role, Tcb>;
}

/** The connection's segments fed to both ends of the TCP machine, in capture order. */
export function captureLadder(c: CaptureConnection): CaptureLadder {
  const segments = c.segments.slice(0, MAX_LADDER_SEGMENTS);
  const ends = startingEnds(c, segments);
  const stateLog: { at: number; role: Role; state: TcpState }[] = [
    { at: 0, role: 'client', state: ends.client.state }, { at: 0, role: 'server', state: ends.server.state },
  ];
  const start: RoleStates = { client: ends.client.state, server: ends.server.state };
  const enter = (role: Role, tcb: Tcb, at: number): void => {
    if (tcb.state !== ends[role].state) stateLog.push({ at, role, state: tcb.state });
    ends[role] = tcb;
  };
  const wire: RecordedSegment[] = [];
  const moves: MoveRecord[] = [];
  const after: RoleStates[] = [];
  let refused = 0;
  segments.forEach((captured, id) => {
    const from = roleOf(c, captured);
    const to = peerOf(from);
    const seg = segmentOf(captured);
    const sentAt = (id + 1) * CAPTURE_STEP_MS;
    const card = cardOf(seg.flags, seg.len);
    const sender = ends[from];
    const event = sendEventFor(seg.flags, seg.len, sender.state);
    const sent = event
      ? send(sender, event, { seq: seg.seq, ack: seg.ack, len: seg.len, rstWithAck: has(seg, 'RST') && has(seg, 'ACK') })
      : ({ ok: false, why: 'capture.noSuchSegment' } satisfies Refused);
    if (sent.ok) enter(from, sent.tcb, sentAt);
    else refused++;
    moves.push({
      at: sentAt, role: from, card, expected: [], skill: event ? (sent.ok && sent.outcome.retransmit ? 'retransmit' : SKILL_OF[event]) : 'wait',
      verdict: sent.ok ? 'correct' : 'wrongCard', why: sent.ok ? sent.outcome.why : sent.why, params: {}, points: 0, tookMs: 0,
      state: sender.state, segmentId: id, hinted: false,
    });
    const arriveAt = sentAt + TRAVEL_MS;
    const arrival = receive(ends[to], seg);
    enter(to, arrival.tcb, arriveAt);
    if (!arrival.accepted) refused++;
    wire.push({
      id, from, card, seq: seg.seq, ack: seg.ack, flags: seg.flags, len: seg.len, sentAt, arriveAt,
      status: arrival.accepted ? 'delivered' : 'discarded', old: false, why: arrival.outcome.why, resent: sent.ok && sent.outcome.retransmit === true,
    });
    after.push({ client: ends.client.state, server: ends.server.state });
  });
  const endsAt = (segments.length + 1) * CAPTURE_STEP_MS;
  const record: LadderRecord = {
    scenarioId: '', difficulty: 'expert', status: 'won', startedAt: 0, clockStartsAt: 0, endsAt,
    wallClockAt: Math.floor((segments[0]?.timestampUs ?? 0) / 1000), latencyMs: TRAVEL_MS,
    windows: { client: 0, server: 0 },
    nicknames: { client: hostPortText(c.client), server: hostPortText(c.server) },
    points: { client: 0, server: 0 }, wire, moves, stateLog,
  };
  return {
    record, start, after, refused, leftOut: c.segments.length - segments.length,
    frames: segments.map((s) => ({ frame: s.frame, timestampUs: s.timestampUs })),
  };
}

/** Both states as the machine inferred them at capture time `timestampUs`: after every segment captured by then. */
export function statesAt(ladder: CaptureLadder, timestampUs: number): RoleStates {
  let states = ladder.start;
  ladder.frames.forEach((f, id) => {
    if (f.timestampUs <= timestampUs) states = ladder.after[id]!;
  });
  return states;
}
