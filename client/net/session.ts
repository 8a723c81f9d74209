import type { ErrorCode, MoveView, NoticePayload, PairRoomView, PlayPayload } from '../../shared/protocol.ts';
import type { Listeners } from './listeners.ts';

/** The outcome of playing a card: the server's verdict, or why it refused to judge. */
export type PlayOutcome = { readonly ok: true; readonly move: MoveView } | { readonly ok: false; readonly code: ErrorCode };

/** What a session tells the scenes. */
export interface SessionEvents {
  /** A new snapshot of the room (after every patch). */
  view: PairRoomView;
  notice: NoticePayload;
  error: ErrorCode;
  /** The connection dropped; it is being re-established. */
  dropped: undefined;
  reconnected: undefined;
  /**
   * The seat could not be taken back; the game cannot go on in this room. Why, when it is known:
   * `seatInOtherTab` (another tab of this browser took it), `seatExpired`; null when the server
   * could not be reached.
   */
  lost: ErrorCode | null;
}

/**
 * One player's seat in a pair room, as the scenes see it: the room's state and intents to send.
 * Scenes depend on this interface, never on the SDK, so they can also be shown from a fixture.
 */
export interface Session {
  readonly sessionId: string;
  readonly view: PairRoomView;
  readonly events: Listeners<SessionEvents>;
  /** The room's clock now, estimated from its last patches. */
  serverNow(): number;
  play(payload: PlayPayload): Promise<PlayOutcome>;
  ready(): void;
  /** Try again to take the seat back after `lost`. */
  retry(): Promise<boolean>;
  leave(): Promise<void>;
}
