/**
 * A class pair's tile for the teacher's console: the pair room looks at its match twice a second
 * and reports its summary (shared/classroom/pairTile.ts) to the class only when it changed. The
 * bound is by construction: at most two reports a second per pair, however busy the pair (plus
 * the last, with the round's result), and none from a pair where nothing moves, so 100 pairs cost the class at most 200 small messages a
 * second and usually far fewer. The look is also what notices that a pair has got stuck, which
 * no event would say.
 */
import type { Clock, Delayed } from '@colyseus/core';
import { sameTile, stepsOfRound, tileOf, type PairTileSummary } from '../../../shared/classroom/pairTile.ts';
import type { MatchState } from '../../../shared/match/types.ts';

/** How often the pair looks at its match: at most this many reports per second is 1000 / it. */
export const TILE_EVERY_MS = 500;

export interface TileSource {
  readonly clock: Clock;
  /** The match being played (or last played); null before the round begins. */
  readonly match: () => MatchState | null;
  /** The match clock (it stands still while the class is paused). */
  readonly now: () => number;
  readonly send: (tile: PairTileSummary) => void;
}

export class TileReport {
  private readonly source: TileSource;
  private timer: Delayed | undefined;
  private last: PairTileSummary | null = null;
  /** The round whose steps were counted (by its start time), and its count. */
  private counted: { readonly startedAt: number; readonly steps: number } | null = null;

  constructor(source: TileSource) {
    this.source = source;
  }

  start(): void {
    this.timer ??= this.source.clock.setInterval(() => this.look(), TILE_EVERY_MS);
  }

  /** The round is over with `match`: its last tile goes out now, and nothing more. */
  finish(match: MatchState): void {
    this.look(match);
    this.timer?.clear();
    this.timer = undefined;
  }

  private look(match = this.source.match()): void {
    if (!match) return;
    if (this.counted?.startedAt !== match.startedAt) {
      // Counted once per round, from wherever the round is when first seen: the right moves so
      // far and those a flawless pair would still make from there.
      this.counted = { startedAt: match.startedAt, steps: stepsOfRound(match) };
    }
    const tile = tileOf(match, this.counted.steps, Math.max(match.now, this.source.now()));
    if (sameTile(this.last, tile)) return;
    this.last = tile;
    this.source.send(tile);
  }
}
