/**
 * What a player's explanation panel says during a round, apart from the client's own notices
 * (a mistake just made, a pause): the ★ hint's "do this" once it shows, else what last happened
 * to this endpoint. Shared so that the client shows it and tests check it with the same rule.
 */
import type { Role } from './cards.ts';
import { hintShowing } from './hints.ts';

/** A judged move as both the engine's record and the room's view carry it. */
interface MoveLike {
  readonly at: number;
  readonly role: Role;
  readonly verdict: string;
  readonly why: string;
}

/** A segment as both the engine's wire and the room's view carry it (arriveAt -1 or null while held). */
interface SegmentLike {
  readonly from: Role;
  readonly arriveAt: number | null;
  readonly status: string;
  readonly why: string | null;
}

/** What the panel draws on: the endpoint's hint (key '' when none) and the round's history. */
export interface PanelSource {
  readonly hintKey: string;
  /** -1 when the hint never shows. */
  readonly hintAt: number;
  readonly moves: readonly MoveLike[];
  readonly segments: readonly SegmentLike[];
  /** A move is expected of the endpoint now (the room's `moveDue`, deadline or none): it must not be told to wait. */
  readonly moveDue: boolean;
}

/** The text key of the latest thing that happened to `me`: its own right move or an arrival. */
export function latestHappening(source: Pick<PanelSource, 'moves' | 'segments'>, me: Role): string | null {
  const happened = [
    ...source.moves.filter((m) => m.role === me && m.verdict === 'correct').map((m) => ({ at: m.at, why: m.why })),
    ...source.segments
      .filter((s) => s.from !== me && s.arriveAt !== null && s.arriveAt >= 0 && s.status !== 'flying' && s.status !== 'lost' && s.why)
      .map((s) => ({ at: s.arriveAt ?? 0, why: s.why ?? '' })),
  ].sort((a, b) => a.at - b.at);
  return happened.at(-1)?.why ?? null;
}

/**
 * The panel's text key at room time `now`: the hint once it shows (after a hesitation or a
 * mistake, `hintAt`), else what last happened, else that it is the player's move or that there
 * is nothing to send. Which of the two kinds it is matters: only the hint may name the move to make.
 */
export function panelKey(source: PanelSource, me: Role, now: number): { kind: 'hint' | 'happened'; key: string } {
  if (source.hintKey && hintShowing(source.hintAt, now)) return { kind: 'hint', key: source.hintKey };
  return { kind: 'happened', key: latestHappening(source, me) ?? (source.moveDue ? 'hint.yourMove' : 'hint.wait') };
}
