/**
 * One step's working copy of a match. `step` stays pure (it never changes the state it is
 * given, and every part it changes is a new object or list, which the server's projection
 * relies on to skip what did not change), but it no longer copies the whole match at every
 * helper: each helper copied it and the endpoints again, 4–5 copies per card, each list copied
 * for every record added (issue 21). Here the match is copied once, on the step's first change,
 * and each list and record set once, on its own first change; later changes in the same step go
 * into those copies. Endpoints and records are still replaced whole: they are small, and a
 * replaced one is how a reader sees that it changed.
 */
import type { Card, Role } from './cards.ts';
import type { EndpointState, MatchState, MoveRecord, RoleScore, RoundStatus, WireSegment } from './types.ts';

type StateLogEntry = MatchState['stateLog'][number];
type Sent = Partial<Record<Card, number>>;

/** The match as a step changes it: its own copies of whatever it has changed so far. */
type Working = { -readonly [K in keyof MatchState]: MatchState[K] };

/** What of a `Working` copy this step owns; anything not owned is still shared with the step's input. */
const OWN_ENDPOINTS = 1;
const OWN_WIRE = 2;
const OWN_MOVES = 4;
const OWN_STATE_LOG = 8;
const OWN_SCORES = 16;
const OWN_SENT = 32;
const OWN_SENT_CLIENT = 64;
const OWN_SENT_SERVER = 128;

export class Draft {
  private current: MatchState;
  private copy: Working | null = null;
  private owned = 0;

  constructor(from: MatchState) {
    this.current = from;
  }

  /** The match as it stands now in this step; the step's input until something changes. */
  get state(): MatchState {
    return this.current;
  }

  setNow(now: number): void {
    if (this.current.now !== now) this.edit().now = now;
  }

  setStatus(status: RoundStatus): void {
    if (this.current.status !== status) this.edit().status = status;
  }

  setRng(rng: MatchState['rng']): void {
    if (this.current.rng !== rng) this.edit().rng = rng;
  }

  /** Replaces one endpoint. */
  setEndpoint(role: Role, ep: EndpointState): void {
    if (this.current.endpoints[role] === ep) return;
    const m = this.own(OWN_ENDPOINTS);
    (m.endpoints as Record<Role, EndpointState>)[role] = ep;
  }

  setScore(role: Role, score: RoleScore): void {
    if (this.current.scores[role] === score) return;
    const m = this.own(OWN_SCORES);
    (m.scores as Record<Role, RoleScore>)[role] = score;
  }

  /** Puts a new segment on the wire; its id is its place in the list, from 1. */
  addSegment(w: WireSegment): void {
    const m = this.edit();
    m.wire = this.appended(OWN_WIRE, m.wire, w);
  }

  /** Replaces a segment by its id. */
  replaceSegment(w: WireSegment): void {
    const wire = this.own(OWN_WIRE).wire as WireSegment[];
    // Ids are given in order from 1 (engine.ts, network.ts), so a segment's id is its place + 1.
    if (wire[w.id - 1]?.id !== w.id) throw new Error(`segment ${w.id} is not at its place on the wire`);
    wire[w.id - 1] = w;
  }

  addMove(move: MoveRecord): void {
    const m = this.edit();
    m.moves = this.appended(OWN_MOVES, m.moves, move);
  }

  logState(entry: StateLogEntry): void {
    const m = this.edit();
    m.stateLog = this.appended(OWN_STATE_LOG, m.stateLog, entry);
  }

  /** Counts one more `card` sent by `from`. */
  countSent(from: Role, card: Card): void {
    const m = this.own(OWN_SENT);
    const own = from === 'client' ? OWN_SENT_CLIENT : OWN_SENT_SERVER;
    const sent = m.sent as Record<Role, Sent>;
    if (!(this.owned & own)) {
      sent[from] = { ...sent[from] };
      this.owned |= own;
    }
    sent[from][card] = (sent[from][card] ?? 0) + 1;
  }

  /** The copy, made on the step's first change: only its fields are new, its parts are shared. */
  private edit(): Working {
    if (this.copy) return this.copy;
    const copy: Working = { ...this.current };
    this.copy = copy;
    this.current = copy;
    return copy;
  }

  /** The copy, with its own `part` (a list or a record) to change in place. */
  private own(part: number): Working {
    const m = this.edit();
    if (this.owned & part) return m;
    this.owned |= part;
    switch (part) {
      case OWN_ENDPOINTS: m.endpoints = { client: m.endpoints.client, server: m.endpoints.server }; break;
      case OWN_WIRE: m.wire = m.wire.slice(); break;
      case OWN_SCORES: m.scores = { client: m.scores.client, server: m.scores.server }; break;
      case OWN_SENT: m.sent = { client: m.sent.client, server: m.sent.server }; break;
    }
    return m;
  }

  /** `list` with `item` at its end: the step's own copy the first time, that copy grown after. */
  private appended<T>(part: number, list: readonly T[], item: T): readonly T[] {
    if (this.owned & part) {
      (list as T[]).push(item);
      return list;
    }
    this.owned |= part;
    return appendedCopy(list, item);
  }
}

/**
 * A copy of `list` with `item` at its end, of the exact length. `[...list, item]`, or a copy and
 * then a push, grows its store by half again plus 16 slots: 465 bytes for 14 items against 160.
 */
function appendedCopy<T>(list: readonly T[], item: T): T[] {
  const copy = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) copy[i] = list[i]!;
  copy[list.length] = item;
  return copy;
}
