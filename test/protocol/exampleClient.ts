/**
 * The example client of server/PROTOCOL.md ("An example client"): written from that document
 * alone, with nothing from shared/ or server/, so it shows what a client in another language
 * needs. It creates a solo room in the Numbers difficulty, plays the cards the hints name with
 * the sequence and acknowledgment numbers it works out itself (PROTOCOL.md, "Numbers"), and
 * returns when the match is over. test/protocol/exampleClient.test.ts runs it against a real server.
 */
import { Client, type Room } from '@colyseus/sdk';

/** What the example saw: each of its moves' verdicts, and how each round ended. */
export interface ExampleRun {
  readonly verdicts: string[];
  readonly roundStatuses: string[];
  /** Codes of the refusals it met (a refused request changes nothing). */
  readonly refusals: string[];
}

// The parts of the state this client reads (PROTOCOL.md, "Synchronised state").
interface Endpoint {
  role: string; state: string; iss: number; sndUna: number; sndNxt: number; rcvNxt: number;
  mustRetransmit: string; hintCards: string;
}
interface Segment { from: string; seq: number; ack: number; len: number; flags: string; status: string }
interface Player { role: string; ready: boolean }
interface State {
  code: string; phase: string; round: number; rounds: number; roundStatus: string; serverTime: number; roundClockStartsAt: number;
  players: Map<string, Player>; endpoints: Map<string, Endpoint>; segments: string[];
}

/** PROTOCOL.md, "Segment": each of the state's segments is a string, a JSON array of its fields in this order. */
const SEGMENT_FIELDS = ['id', 'from', 'card', 'seq', 'ack', 'len', 'flags', 'sentAt', 'arriveAt', 'status', 'old', 'why'];

function segmentOf(text: string): Segment {
  const values = JSON.parse(text) as unknown[];
  return Object.fromEntries(SEGMENT_FIELDS.map((field, i) => [field, values[i]])) as unknown as Segment;
}

const SYNCHRONIZED = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'];

/** The numbers of `card` by PROTOCOL.md's rules. */
export function numbersFor(card: string, me: Endpoint, segments: readonly Segment[]): { seq: number; ack?: number } {
  const ack = me.rcvNxt;
  if (card === 'SYN') return { seq: me.iss }; // a SYN's ack is ignored
  if (card === 'SYN+ACK') return { seq: me.iss, ack }; // ISS, though sndNxt already shows ISS + 1
  if (card === 'RST') {
    if (SYNCHRONIZED.includes(me.state)) return { seq: me.sndNxt };
    const last = segments.filter((s) => s.from !== me.role && s.status !== 'flying' && s.status !== 'lost').at(-1);
    if (last?.flags.split(',').includes('ACK')) return { seq: last.ack };
    const len = last ? last.len + (last.flags.includes('SYN') ? 1 : 0) + (last.flags.includes('FIN') ? 1 : 0) : 0;
    return { seq: 0, ack: last ? (last.seq + len) >>> 0 : 0 };
  }
  // A resend (the RTO fired) starts again at the oldest unacknowledged number.
  if (me.mustRetransmit === card) return { seq: me.sndUna, ack };
  return { seq: me.sndNxt, ack };
}

/** An error code from anything a request or join rejects with (PROTOCOL.md, "Refusals"). */
export function codeOf(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: number; reason?: { code?: string } };
  if (e.name === 'rejected' && typeof e.reason?.code === 'string') return e.reason.code;
  if (e.name === 'no_handler') return 'unknownMessage';
  if (e.code === 522) return e.message && /^[a-zA-Z]+$/.test(e.message) ? e.message : 'roomNotFound';
  if (e.code === 524) return 'seatExpired';
  if (e.code === 525 && e.message) return e.message;
  return 'noAnswer';
}

/** Plays a whole solo match of `rounds` handshakes in the Numbers difficulty. */
export async function playExample(url: string, rounds = 1): Promise<ExampleRun> {
  const run: ExampleRun = { verdicts: [], roundStatuses: [], refusals: [] };
  // The version this client was written for (PROTOCOL.md, "Protocol version"): a newer server refuses it.
  const room: Room = await new Client(url, { headers: { 'x-tango-protocol': '2' } }).create('pair', {
    nickname: 'Example', mode: 'solo', difficulty: 'numbers', playlist: ['handshake'], rounds,
  });
  return new Promise<ExampleRun>((resolve, reject) => {
    let busy = false;
    let lastRound = 0;
    room.onMessage('error', (e: { code: string }) => run.refusals.push(e.code));
    // A finished room closes soon after (PROTOCOL.md): that ends the match too.
    room.onLeave((code) => (run.roundStatuses.length === rounds ? resolve(run) : reject(new Error(`the room closed (${code}): ${JSON.stringify(run)}`))));
    const act = async (state: State): Promise<void> => {
      if (busy) return;
      if (state.round > lastRound && state.roundStatus !== 'playing') {
        lastRound = state.round;
        run.roundStatuses.push(state.roundStatus);
      }
      if (state.phase === 'finished') {
        resolve(run);
        await room.leave();
        return;
      }
      const me = state.players.get(room.sessionId);
      const endpoint = me ? state.endpoints.get(me.role) : undefined;
      if (state.phase === 'between' && me && !me.ready) {
        busy = true;
        await room.request('ready', {}).catch((e: unknown) => run.refusals.push(codeOf(e)));
        busy = false;
        return;
      }
      // Cards wait for the round's clock (the get-ready step refuses them).
      if (state.phase !== 'playing' || !endpoint || state.serverTime < state.roundClockStartsAt) return;
      // The hint's cards are one string, a space between two cards.
      const card = endpoint.hintCards.split(' ')[0];
      if (!card) return;
      busy = true;
      try {
        const { move } = await room.request('play', { card, ...numbersFor(card, endpoint, [...state.segments].map(segmentOf)) }) as { move: { verdict: string } };
        run.verdicts.push(move.verdict);
      } catch (e) {
        run.refusals.push(codeOf(e));
      } finally {
        busy = false;
      }
    };
    room.onStateChange((state) => void act(state as unknown as State).catch(reject));
  });
}
