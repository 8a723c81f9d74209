/**
 * How a class and its pair rooms talk: Colyseus presence publish/subscribe, never object
 * references, so a pair room may live in another process than its class once the presence is
 * Redis. Every message is plain JSON and names the class round it belongs to, so a late one
 * from an earlier round is recognised and ignored.
 */
import type { Presence } from '@colyseus/core';
import type { PairTileSummary } from '../../../shared/classroom/pairTile.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { MoveRecord, Skill } from '../../../shared/match/types.ts';

/** A student's score in one round, counted from the moves they made themselves. */
export interface StudentTotals {
  readonly studentId: string;
  readonly points: number;
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
}

/** Pair room → its class. */
export type PairReport =
  | { readonly kind: 'seated'; readonly round: number; readonly pairCode: string; readonly studentId: string }
  | { readonly kind: 'botPlays'; readonly round: number; readonly pairCode: string; readonly studentId: string }
  | {
      readonly kind: 'move'; readonly round: number; readonly pairCode: string; readonly studentId: string;
      readonly points: number; readonly verdict: MoveRecord['verdict']; readonly skill: Skill; readonly why: MessageKey;
    }
  | { readonly kind: 'result'; readonly round: number; readonly pairCode: string; readonly totals: readonly StudentTotals[] }
  /** The pair's round began: its get-ready ends and its round runs out so many ms from now (classClock.ts). */
  | { readonly kind: 'clock'; readonly round: number; readonly pairCode: string; readonly readyMs: number; readonly roundMs: number }
  /** The pair's tile for the teacher, sent only when it changed and at most twice a second (tileReport.ts). */
  | { readonly kind: 'tile'; readonly round: number; readonly pairCode: string; readonly tile: PairTileSummary };

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A report as a pair room writes it; the link adds the round and the pair's code. */
export type PairNews = Without<PairReport, 'round' | 'pairCode'>;

/** Class → one of its pair rooms. */
export type ClassCommand =
  | { readonly kind: 'pause' | 'resume' | 'end'; readonly round: number }
  | { readonly kind: 'kick'; readonly studentId: string }
  /** Pair rooms of this round and earlier close: their players have seen their ladder. */
  | { readonly kind: 'dismiss'; readonly round: number };

const reportsOf = (classCode: string) => `class:${classCode}`;
// One channel per pair: LocalPresence warns past ten listeners on one channel, and a class has up to 100 pairs.
const commandsOf = (classCode: string, pairCode: string) => `class:${classCode}:pair:${pairCode}`;

export function reportToClass(presence: Presence, classCode: string, report: PairReport): void {
  void presence.publish(reportsOf(classCode), report);
}

export function listenToPairs(presence: Presence, classCode: string, handler: (report: PairReport) => void): Promise<unknown> {
  return presence.subscribe(reportsOf(classCode), handler);
}

export function commandPairs(presence: Presence, classCode: string, pairCodes: Iterable<string>, command: ClassCommand): void {
  for (const pairCode of pairCodes) void presence.publish(commandsOf(classCode, pairCode), command);
}

export function listenToClass(
  presence: Presence, classCode: string, pairCode: string, handler: (command: ClassCommand) => void,
): Promise<unknown> {
  return presence.subscribe(commandsOf(classCode, pairCode), handler);
}
