/**
 * What a seated match plays, given to its clock as data: how one input steps it, which match
 * the deliveries and bots run in, when it ends and who plays which role. A pair room's policy
 * plays one round at a time (the room starts the next); a challenge's plays scenario after
 * scenario until its time is up.
 */
import type { ChallengeEvent } from '../../../shared/challenge/run.ts';
import type { Role } from '../../../shared/match/cards.ts';
import type { MatchEvent, MatchInput, MatchState } from '../../../shared/match/types.ts';
import type { Seat } from './seats.ts';

/** What a step of any seated match may tell: the engine's events, and a challenge's own. */
export type SeatedEvent = MatchEvent | ChallengeEvent;

export interface Stepped<S> {
  readonly state: S;
  readonly events: readonly SeatedEvent[];
}

export interface RoundPolicy<S, T extends Seat = Seat> {
  /** The match being played now: its deliveries, timers and bots are what the alarm waits for. */
  match(state: S): MatchState;
  step(state: S, input: MatchInput): Stepped<S>;
  /** This step ended what the policy plays (the round, the challenge). */
  ended(before: S, after: S, events: readonly SeatedEvent[]): boolean;
  /** A hard end the engine's own timers do not know (a challenge's time), Infinity when none. */
  deadline(state: S): number;
  /** The same state, ending at `now`: the next tick ends it as its time being up would. */
  cutShort(state: S, now: number): S;
  /** The role a seat plays (`state` null before anything started). */
  roleOf(seat: T, state: S | null): Role;
  /** The player list's points for a seat; `running` is null between rounds. */
  total(seat: T, running: S | null): number;
  /** Whether the player list shows a seat as ready for the next round. */
  ready(seat: T): boolean;
  /** Brings the synchronised state up to date after a step (`before` null at the first start). */
  project(state: S, before: S | null): void;
}
