/**
 * A class's student without a browser: an SDK client that joins the class, takes each round's
 * seat and plays it, for browser tests that need a fuller class than they can afford pages for.
 * It can open with a few wrong cards and then sit still for a while, so the teacher's tiles have
 * a mistake streak to show for long enough to be seen.
 */
import { Client, type Room } from '@colyseus/sdk';
import type { Card } from '../../shared/match/cards.ts';
import { CLASS_MSG, CLIENT_MSG, type PairRoomView, type SeatPayload } from '../../shared/protocol.ts';
import { hintCardsOf } from '../../shared/stateRecords.ts';

type PairState = { toJSON(): unknown } & Pick<PairRoomView, 'phase' | 'serverTime' | 'roundClockStartsAt'> & {
  players: Map<string, { role: string }>;
  // One string on the wire (shared/stateRecords.ts).
  endpoints: Map<string, { hintCards: string }>;
};

export interface SdkStudent {
  readonly nickname: string;
  /** Settles when the student's first round is over (their pair room says finished). */
  readonly played: Promise<void>;
  leave(): Promise<void>;
}

export async function sdkStudent(url: string, code: string, nickname: string, blunders = 0, thenWaitMs = 0): Promise<SdkStudent> {
  const client = new Client(url);
  const room = await client.joinById(code, { nickname });
  const rooms: Room[] = [room];
  // A student hears of notices and welcomes it has nothing to do with.
  room.onMessage('*', () => undefined);
  const played = new Promise<void>((resolve, reject) => {
    room.onMessage(CLASS_MSG.seat, (seat: SeatPayload) => {
      void client.consumeSeatReservation(seat.reservation).then((pair) => {
        rooms.push(pair);
        pair.onMessage('*', () => undefined);
        let left = blunders;
        let busy = false;
        let waitUntil = 0;
        pair.onStateChange((raw) => {
          const s = raw as unknown as PairState;
          if (s.phase === 'finished') return resolve();
          if (busy || s.phase !== 'playing' || s.serverTime < s.roundClockStartsAt || performance.now() < waitUntil) return;
          const role = s.players.get(pair.sessionId)?.role ?? '';
          const hint = hintCardsOf(s.endpoints.get(role)?.hintCards ?? '').at(0);
          const card: Card | undefined = left > 0 ? 'FIN' : hint;
          if (!card) return;
          busy = true;
          if (left > 0 && --left === 0) waitUntil = performance.now() + thenWaitMs;
          pair.request(CLIENT_MSG.play, { card }).catch(() => undefined).finally(() => { busy = false; });
        });
      }, reject);
    });
  });
  return {
    nickname, played,
    leave: async () => { await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined))); },
  };
}
