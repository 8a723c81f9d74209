/**
 * Which sounds the game makes, decided as data: events the client already learns from the server
 * (a verdict, a segment that reached the player, the count-down on screen, the class's phase) go
 * in, cue names come out. Nothing here plays anything or reads a clock, so the choice is tested
 * without a browser; client/audio/sounds.ts draws each cue, soundOutput.ts plays them.
 */
import type { ClassPhase } from '../../shared/protocol.ts';
import type { Verdict } from '../../shared/match/types.ts';

/** Every sound, by name; each has a recipe in sounds.ts and a visible counterpart on screen. */
export const CUES = ['tick', 'go', 'roundStart', 'fanfare', 'sent', 'arrived', 'lost', 'right', 'wrong'] as const;
export type Cue = (typeof CUES)[number];

/**
 * Where sound is heard. Each place keeps its own setting: muting the game on a laptop at home
 * does not mute the projector, and a phone in class is silent unless its student turns it on.
 */
export const SOUND_PLACES = ['play', 'classPhone', 'projector'] as const;
export type SoundPlace = (typeof SOUND_PLACES)[number];

/** The localStorage key of each place's setting, 'on' or 'off' (absent: the place's default). */
export const SOUND_KEYS: Readonly<Record<SoundPlace, string>> = {
  play: 'tango.sound.play',
  classPhone: 'tango.sound.classPhone',
  projector: 'tango.sound.projector',
};

/** The round's last seconds tick, as the header's clock shows them. */
export const LAST_SECONDS = 5;

/** Whether a place makes sound, given its saved setting: on by default, but thirty phones in a classroom are silent unless turned on. */
export function soundOn(place: SoundPlace, saved: string | null): boolean {
  if (saved === 'on') return true;
  if (saved === 'off') return false;
  return place !== 'classPhone';
}

/** Something the screen shows that has a sound. */
export type SoundEvent =
  /** The get-ready step shows a new number (3, 2, 1). */
  | { readonly kind: 'getReady'; readonly secondsLeft: number }
  /** The get-ready step is over: the round's clock runs. */
  | { readonly kind: 'clockStarted' }
  /** The round's clock shows a new whole second. */
  | { readonly kind: 'timeLeft'; readonly seconds: number }
  /** The player's own card, as the server judged it; `sent` when it put a segment on the wire. */
  | { readonly kind: 'judged'; readonly verdict: Verdict; readonly sent: boolean }
  /** A segment from the peer reached the player's host. */
  | { readonly kind: 'arrived' }
  /** A lost segment was shown vanishing. */
  | { readonly kind: 'lost' }
  /** The class's round began (the projector). */
  | { readonly kind: 'classRoundStarted' }
  /** The class's round is over: the leaderboard and the review take the screen (the projector). */
  | { readonly kind: 'classRoundEnded' };

function cuesOf(event: SoundEvent): Cue[] {
  switch (event.kind) {
    case 'getReady':
      return event.secondsLeft > 0 ? ['tick'] : [];
    case 'clockStarted':
      return ['go'];
    case 'timeLeft':
      return event.seconds > 0 && event.seconds <= LAST_SECONDS ? ['tick'] : [];
    case 'judged':
      if (event.verdict === 'correct') return event.sent ? ['sent', 'right'] : ['right'];
      // A stale card crossed the peer's segment: not sent, and nobody's mistake.
      return event.verdict === 'stale' ? [] : ['wrong'];
    case 'arrived':
      return ['arrived'];
    case 'lost':
      return ['lost'];
    case 'classRoundStarted':
      return ['roundStart'];
    case 'classRoundEnded':
      return ['fanfare'];
  }
}

/** The cues these events make, in order; none when the place's sound is off. */
export function cuesFor(events: readonly SoundEvent[], on: boolean): Cue[] {
  return on ? events.flatMap(cuesOf) : [];
}

/** What a match screen shows that has sounds, at one moment. */
export interface MatchMoment {
  /** The get-ready step's count-down, null when it is not shown. */
  readonly readySeconds: number | null;
  /** The round's clock in whole seconds while it runs, null otherwise (get-ready, round over). */
  readonly secondsLeft: number | null;
  /** The peer's segments that have reached the player's host so far. */
  readonly arrived: ReadonlySet<number>;
}

/**
 * What changed between two moments of a match screen. The first moment (null before) says only
 * the count-down's number if it is showing: segments that had arrived and a clock already running
 * when the screen opened (a reload mid-round) are not news.
 */
export function matchEvents(previous: MatchMoment | null, now: MatchMoment): SoundEvent[] {
  const before = previous ?? { readySeconds: null, secondsLeft: null, arrived: now.arrived };
  const events: SoundEvent[] = [];
  if (now.readySeconds !== null && now.readySeconds !== before.readySeconds) events.push({ kind: 'getReady', secondsLeft: now.readySeconds });
  if (before.readySeconds !== null && now.readySeconds === null && now.secondsLeft !== null) events.push({ kind: 'clockStarted' });
  if (now.secondsLeft !== null && before.secondsLeft !== null && now.secondsLeft < before.secondsLeft) events.push({ kind: 'timeLeft', seconds: now.secondsLeft });
  // Several segments landing in one frame are one sound.
  if ([...now.arrived].some((id) => !before.arrived.has(id))) events.push({ kind: 'arrived' });
  return events;
}

/** What the projector's count-down shows at one moment (classClockMoment.ts): the match screen's numbers, for the whole class. */
export type ClassClockMoment = Pick<MatchMoment, 'readySeconds' | 'secondsLeft'>;

const NOTHING_ARRIVED: ReadonlySet<number> = new Set();

/**
 * What changed on the projector's count-down: a tick for each get-ready number, `go` when the
 * clock starts and a tick for each of the last seconds, as a player's own screen has them.
 */
export function classClockEvents(before: ClassClockMoment | null, now: ClassClockMoment): SoundEvent[] {
  return matchEvents(before && { ...before, arrived: NOTHING_ARRIVED }, { ...now, arrived: NOTHING_ARRIVED });
}

/** What the projector shows that has sounds: the class's phase and round. */
export interface ClassMoment {
  readonly phase: ClassPhase;
  readonly round: number;
}

/** What changed between two moments of the teacher's console; the first says nothing. */
export function classEvents(before: ClassMoment | null, now: ClassMoment): SoundEvent[] {
  if (!before) return [];
  if (now.phase === 'playing' && (before.phase !== 'playing' || before.round !== now.round)) return [{ kind: 'classRoundStarted' }];
  if (before.phase === 'playing' && now.phase !== 'playing') return [{ kind: 'classRoundEnded' }];
  return [];
}
