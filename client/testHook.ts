import type Phaser from 'phaser';
import type { PairRoomView } from '../shared/protocol.ts';
import type { FrameVerdict } from './frameCheck.ts';
import type { RendererDecision } from './rendererChoice.ts';

/**
 * What browser tests read instead of pixels: scenes publish discrete facts here when they change,
 * so a test waits for a fact rather than sleeping. Harmless in production: it only mirrors what
 * the screen already shows.
 */
export interface TangoState {
  ready: boolean;
  scene: string;
  width: number;
  height: number;
  sessionId: string;
  role: string;
  /** The explanation currently shown under the lane ('' when none). */
  explanation: string;
  /** The get-ready step over the match, its lines joined by ' | ' ('' when not shown). */
  getReady: string;
  /** The teacher's console: the class clock's count-down as the phase line shows it ('' when none). */
  classClock: string;
  /** How many lost segments have been shown vanishing. */
  lostShown: number;
  /** Verdicts this player received, in order: 'correct', 'wrongCard'… */
  verdicts: string[];
  connection: 'none' | 'open' | 'dropped' | 'lost';
  /** Why the player was last refused a room or a seat, as a code ('seatExpired', 'roomFull', 'unreachable'…); '' when not. */
  refusal: string;
  /** The timed challenge's end screen: the result as shown, null until it has come. */
  challenge: { points: number; accuracy: number; bestStreak: number; standing: string; rank: number; share: string; mistakes: string[] } | null;
  /** The leaderboard on screen: its lines' nicknames in order and the rank of the highlighted own line. */
  leaderboard: { loading: boolean; nicknames: string[]; you: number | null } | null;
  /** A class as its screen shows it (the teacher's console or a student's lobby). */
  classroom: {
    phase: string; round: number; paused: boolean; locked: boolean; students: string[]; leaderboard: string[];
    /** The teacher's console: the names with a button on screen, in order (their targets are student.0, student.1…). */
    roster?: string[];
    /** The teacher's console: the class's playlist and number of rounds as the server holds them. */
    settings?: { playlist: string[]; rounds: number };
    /** The teacher's console: what its panel shows ('roster', 'tiles', 'board', 'review' or 'stage'). */
    panel?: string;
    /** The teacher's console: every pair's tile as the server last sent it (targets tile.0, tile.1…). */
    tiles?: { client: string; server: string; clientState: string; serverState: string; right: number; progress: number; status: string; stuck: boolean; struggling: boolean }[];
    /** The teacher's console: the pair shown large (its room code; '') and the segments its ladder has drawn. */
    watching?: { pairCode: string; segments: number; namesHidden: boolean };
    /** Between rounds: the podium's nicknames (first place first), the chart's steps, the next scenario. */
    podium?: string[];
    /** The podium's blocks have finished rising (its short animation). */
    podiumRisen?: boolean;
    steps?: string[];
    next?: string;
  } | null;
  /** The scenario picker: the playlist as chosen so far, and the scenarios marked ✓ (played without a mistake). */
  scenarios: { chosen: string[]; mastered: string[] } | null;
  /** The class report on screen: its students' nicknames in rank order. */
  classReport: { students: string[]; misconceptions: string[]; downloaded: string } | null;
  /** The teacher's Time screen: who has extra time or no deadline, as it says it. */
  classTime: string | null;
  /** The renderer the game draws with and why (rendererChoice.ts); set before the game is made. */
  renderer: RendererDecision | null;
  /** The check of a match's first seconds (frameCheck.ts): null until a match starts, never again once judged. */
  frames: FrameVerdict | null;
  /** The slow-game notice's text while it is on screen, '' otherwise. */
  rendererNotice: string;
  /** The file name of the last round capture saved ('' before one is). */
  captureSaved: string;
  /** The replay page: the step shown (0-based) of how many, its explanation lines, or why it could not load. */
  replay: { step: number; steps: number; lines: string[]; failure: string } | null;
  /**
   * A capture file the player opened: why it could not be ('' when it could); on its ladder, the
   * connection shown (0-based) of how many, the segments the machine refused, and both ends' states
   * after the last segment, as the machine inferred them.
   */
  capture: { error: string; file: string; connection: number; connections: number; refused: number; client: string; server: string } | null;
  /** Sound: the current screen's place ('play', 'classPhone', 'projector'; '' on a screen without), whether it is on, and every cue played on this page, in order. */
  sound: { place: string; on: boolean; played: string[] };
}

/** One visible Text or Button of the running screens, in CSS px of the page (what `layout()` reports). */
export interface LayoutFact {
  /** A panel is an opaque box (a host, the lane…): a text drawn before it and under it is hidden. */
  kind: 'text' | 'button' | 'panel';
  scene: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A caption's button box, which it must stay inside; null for other texts. */
  box: { x: number; y: number; width: number; height: number } | null;
  /** Cut by a texture crop (setCrop), which is in texture px and so wrong at any pixel ratio but 1. */
  cropped: boolean;
  /** For a text fitted with fitText: the width it was given, its whole string, its width at rest (no animation). */
  fit: { width: number; full: string; atRest: number } | null;
  /** Where it comes in the drawing order: a later one is drawn over it. */
  order: number;
  /** The `order` of each panel it is part of, which cannot hide it. */
  inPanels: number[];
  /** A panel's: how far its own texts keep from its edge. */
  inset: number;
}

export interface TangoHook {
  state: TangoState;
  view: PairRoomView | null;
  /** Centres of the current screen's buttons and cards in CSS px of the page ('card.SYN', 'next'…), for tests that click. */
  targets: Record<string, { x: number; y: number }>;
  game?: Phaser.Game;
  /** Walks the running screens' display lists (client/layoutFacts.ts) for tests that measure the layout. */
  layout?: () => LayoutFact[];
}

declare global {
  interface Window {
    __tango: TangoHook;
  }
}

export const hook: TangoHook = (window.__tango ??= {
  state: {
    ready: false, scene: '', width: 0, height: 0, sessionId: '', role: '', explanation: '', getReady: '', classClock: '',
    lostShown: 0, verdicts: [], connection: 'none', refusal: '', challenge: null, leaderboard: null, classroom: null, scenarios: null, classReport: null, classTime: null,
    renderer: null, frames: null, rendererNotice: '', captureSaved: '', replay: null, capture: null,
    sound: { place: '', on: false, played: [] },
  },
  view: null,
  targets: {},
});

export function publish(patch: Partial<TangoState>): void {
  Object.assign(hook.state, patch);
}
