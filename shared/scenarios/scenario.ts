import type { Card, Role } from '../match/cards.ts';
import type { TcpState } from '../tcp/states.ts';

/** Something an endpoint's application wants done, in order. */
export type AgendaItem =
  | { readonly do: 'connect' } // active open: send SYN
  | { readonly do: 'data'; readonly afterPeerClose?: boolean } // send one DATA card (after the peer's FIN: half-close)
  | { readonly do: 'close' } // active close: send FIN, even behind data not yet acknowledged
  | { readonly do: 'abort' } // the application aborts: RST
  | { readonly do: 'closeAfterPeer'; readonly combined?: boolean }; // passive close, after the peer's FIN

/** A scripted network event: the nth segment of a card from a role is lost, kept from loss, or held back. */
export type NetworkScript =
  | { readonly kind: 'drop'; readonly from: Role; readonly card: Card; readonly nth: number }
  /** Never lost, even at random: a segment the scenario's lesson needs to arrive. */
  | { readonly kind: 'deliver'; readonly from: Role; readonly card: Card; readonly nth: number }
  /** Held in the network until a segment `until` from `untilFrom` has been sent or has arrived. */
  | {
      readonly kind: 'hold'; readonly from: Role; readonly card: Card; readonly nth: number;
      readonly untilFrom: Role; readonly until: Card; readonly on: 'sent' | 'arrived';
    }
  /**
   * Delayed in the network until `untilRole` is in `untilState`. Unlike a hold, the sender does
   * not know: its retransmission timer runs, and the original arrives late, as an old segment.
   */
  | {
      readonly kind: 'delay'; readonly from: Role; readonly card: Card; readonly nth: number;
      readonly untilRole: Role; readonly untilState: TcpState;
    };

/** A segment from an earlier connection that the network delivers at the start of the round. */
export interface OldDuplicate {
  readonly from: Role;
  readonly card: Card;
  /** Its sequence number, relative to the sender's ISN of this round. */
  readonly seqOffset: number;
}

export const SCENARIO_IDS = [
  'handshake',
  'client-close',
  'server-close',
  'whole-life',
  'lost-syn',
  'lost-syn-ack',
  'lost-handshake-ack',
  'lost-last-ack',
  'simultaneous-open',
  'simultaneous-close',
  'three-segment-close',
  'connection-refused',
  'old-duplicate-syn',
  'lost-data',
  'half-close',
  'out-of-order',
  'old-segment-time-wait',
  'abort',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** The scenarios of a match that names none: the handshake, both closes and a whole connection. */
export const DEFAULT_PLAYLIST: readonly ScenarioId[] = SCENARIO_IDS.slice(0, 4);

/** A round of the game, as data (DESIGN.md §4). */
export interface Scenario {
  readonly id: ScenarioId;
  /** Where each endpoint starts; ESTABLISHED means a handshake already happened. */
  readonly start: Readonly<Record<Role, 'CLOSED' | 'LISTEN' | 'ESTABLISHED'>>;
  readonly agenda: Readonly<Record<Role, readonly AgendaItem[]>>;
  readonly network: readonly NetworkScript[];
  readonly oldDuplicate?: OldDuplicate;
  /** The round is won when both endpoints rest in these states. */
  readonly goal: Readonly<Record<Role, TcpState>>;
  readonly timeLimitMs: number;
}

/** True when `s` names a scenario. */
export function isScenarioId(s: unknown): s is ScenarioId {
  return typeof s === 'string' && (SCENARIO_IDS as readonly string[]).includes(s);
}
