import type { MessageKey } from '../i18n/messages.ts';
import type { RngState } from '../random.ts';
import type { AgendaItem, ScenarioId } from '../scenarios/scenario.ts';
import type { Tcb } from '../tcp/endpoint.ts';
import type { ReceiveEvent } from '../tcp/events.ts';
import type { Segment } from '../tcp/segment.ts';
import type { TcpState } from '../tcp/states.ts';
import type { Reply } from '../tcp/table.ts';
import type { Card, Role } from './cards.ts';
import type { MatchSettings } from './settings.ts';

/** The kind of step a move practises; reports group mistakes by it. */
export const SKILLS = [
  'open', // send the first SYN
  'answerSyn', // SYN+ACK to a SYN
  'completeHandshake', // ACK of the SYN+ACK
  'sendData',
  'ackData',
  'close', // first FIN
  'ackFin', // ACK of the peer's FIN
  'closeAfterPeer', // FIN after the peer's FIN
  'reAck', // ACK again for a repeated segment
  'retransmit', // send again when the RTO fires
  'refuse', // RST for a segment nobody expects
  'wait', // do nothing until something arrives or a timer fires
] as const;
export type Skill = (typeof SKILLS)[number];

/** What one role should do next, if anything. */
export interface Expectation {
  readonly cards: readonly Card[];
  readonly skill: Skill;
  /** Shown when the player plays something else. */
  readonly hint: MessageKey;
}

/** One endpoint as the engine keeps it: the TCP machine plus what the game asks of it. */
export interface EndpointState {
  readonly tcb: Tcb;
  /** The answer a correct endpoint owes, and the arrival that called for it. */
  readonly owed: { readonly reply: Reply; readonly because: ReceiveEvent; readonly inState: TcpState } | null;
  readonly agenda: readonly AgendaItem[];
  /** When the retransmission timer fires; null when nothing is outstanding. */
  readonly rtoAt: number | null;
  /** The RTO fired and the oldest unacknowledged segment must be sent again. */
  readonly mustRetransmit: Card | null;
  /** The card of the oldest unacknowledged segment, to retransmit. */
  readonly unackedCard: Card | null;
  readonly timeWaitAt: number | null;
  /** When the current expected move must be made by; null while waiting is right. */
  readonly deadlineAt: number | null;
  /** Since when a move has been expected, for the speed bonus and bots. */
  readonly expectedSince: number | null;
  /**
   * From when the ★ hint of the expected move shows (after a hesitation, or at once after a
   * mistake); null while nothing is expected or when the difficulty gives no hints.
   */
  readonly hintAt: number | null;
  /** What was expected until an arrival changed it, for a card that crossed that arrival. */
  readonly superseded: Superseded | null;
}

/** An expectation an arrival or a timer replaced at `at`: a card that fits it soon after is stale, not wrong. */
export interface Superseded {
  readonly cards: readonly Card[];
  readonly skill: Skill;
  readonly at: number;
  /** The card of the segment whose arrival changed it, or `rto`: the player's retransmission timer fired. */
  readonly by: Card | 'rto';
}

/** A segment's life on the wire, kept for the ladder diagram after it has arrived. */
export interface WireSegment {
  readonly id: number;
  readonly from: Role;
  readonly card: Card;
  readonly segment: Segment;
  readonly sentAt: number;
  /** null while held back by the network. */
  readonly arriveAt: number | null;
  readonly status: 'flying' | 'delivered' | 'discarded' | 'lost';
  /** Decided when sent, revealed when it happens. */
  readonly willBeLost: boolean;
  /** Held back by the network until another segment is sent or arrives. */
  readonly heldFor: HoldCondition | null;
  /** A segment of an earlier connection (DESIGN.md §4, scenario 13). */
  readonly old: boolean;
  /** Explanation of what the arrival did. */
  readonly why: MessageKey | null;
}

/** What releases a held segment: a segment sent or arrived, or an endpoint entering a state. */
export type HoldCondition =
  | { readonly from: Role; readonly card: Card; readonly on: 'sent' | 'arrived' }
  /** A delay the sender knows nothing of: its retransmission timer runs meanwhile. */
  | { readonly on: 'state'; readonly role: Role; readonly state: TcpState };

/** A judged move, kept for scores and reports. */
export interface MoveRecord {
  readonly at: number;
  readonly role: Role;
  /** null for a missed deadline. */
  readonly card: Card | null;
  readonly expected: readonly Card[];
  readonly skill: Skill;
  readonly verdict: Verdict;
  readonly why: MessageKey;
  /** Values for the placeholders of `why`, e.g. the expected number; `NO_PARAMS` for none. */
  readonly params: Readonly<Record<string, number>>;
  readonly points: number;
  readonly tookMs: number;
  readonly state: TcpState;
  readonly segmentId: number | null;
  /** Made while the ★ hint was showing: a right move worth less than an unaided one. */
  readonly hinted: boolean;
}

/**
 * The params of a move whose `why` has no placeholders, shared by all of them: a round keeps
 * every move, and an empty object each is memory the server's young generation copies (issue 21).
 */
export const NO_PARAMS: Readonly<Record<string, number>> = Object.freeze({});

/**
 * How a move was judged. `stale`: the card fitted what was expected a moment before a segment
 * arrived (it crossed the arrival); it is not sent and costs nothing.
 */
export const VERDICTS = ['correct', 'wrongCard', 'wrongNumbers', 'missedDeadline', 'stale'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface RoleScore {
  readonly points: number;
  readonly streak: number;
  readonly bestStreak: number;
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
  /** Right moves made with the ★ hint showing. */
  readonly hinted: number;
}

export type RoundStatus = 'playing' | 'won' | 'timeUp';

/** A whole round; plain data, so it can be copied, compared, stored and replayed. */
export interface MatchState {
  readonly scenarioId: ScenarioId;
  readonly settings: MatchSettings;
  readonly seed: number;
  readonly rng: RngState;
  /** When the round was created: its get-ready step begins. */
  readonly startedAt: number;
  /** When the round's clock starts: before it nothing is due and cards are refused. */
  readonly clockStartsAt: number;
  readonly now: number;
  readonly endsAt: number;
  readonly status: RoundStatus;
  readonly endpoints: Readonly<Record<Role, EndpointState>>;
  readonly wire: readonly WireSegment[];
  readonly sent: Readonly<Record<Role, Readonly<Partial<Record<Card, number>>>>>;
  readonly moves: readonly MoveRecord[];
  readonly stateLog: readonly { readonly at: number; readonly role: Role; readonly state: TcpState }[];
  readonly scores: Readonly<Record<Role, RoleScore>>;
}

/** A card played by a role; seq and ack are the player's own in the Numbers difficulty. */
export interface PlayInput {
  readonly kind: 'play';
  readonly now: number;
  readonly role: Role;
  readonly card: Card;
  readonly seq?: number;
  readonly ack?: number;
}

/** Time passes to `now`. */
export interface TickInput {
  readonly kind: 'tick';
  readonly now: number;
}

export type MatchInput = PlayInput | TickInput;

/** What changed; the server forwards these, the client animates them. */
export type MatchEvent =
  | { readonly type: 'segmentSent'; readonly at: number; readonly id: number }
  | { readonly type: 'segmentLost'; readonly at: number; readonly id: number }
  | { readonly type: 'segmentArrived'; readonly at: number; readonly id: number; readonly accepted: boolean; readonly why: MessageKey }
  | { readonly type: 'stateChanged'; readonly at: number; readonly role: Role; readonly from: TcpState; readonly to: TcpState }
  | { readonly type: 'moveJudged'; readonly at: number; readonly move: MoveRecord }
  | { readonly type: 'rtoFired'; readonly at: number; readonly role: Role; readonly card: Card }
  | { readonly type: 'timeWaitOver'; readonly at: number; readonly role: Role }
  | { readonly type: 'roundOver'; readonly at: number; readonly status: Exclude<RoundStatus, 'playing'> }
  | { readonly type: 'inputRefused'; readonly at: number; readonly code: InputErrorCode };

/** Why the engine ignored an input; each has a message key `error.<code>`. */
export const INPUT_ERRORS = ['roundOver', 'timeWentBack', 'roundNotStarted'] as const;
export type InputErrorCode = (typeof INPUT_ERRORS)[number];

export interface StepResult {
  readonly state: MatchState;
  readonly events: readonly MatchEvent[];
}
