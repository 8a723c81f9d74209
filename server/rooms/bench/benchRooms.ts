/** The bench's own room type (issue 21.1), registered only when BENCH_BARE_ROOM=1: never in production. */
export const BENCH_BARE_ROOM = 'benchBare';

/** What the bench asks of a bare room when it creates it. */
export interface BareRoomOptions {
  /** Bytes of state each card changes, so that its patch is as big as a pair room's. */
  readonly patchBytes: number;
  /**
   * When > 0, each card also lands this long after it was played: a second change of as many
   * bytes, patched to both clients at once, as a pair room's segment arrival is (the floor with
   * the game's frames, `npm run bench -- --bare-landings`). 0: the card's patch only.
   */
  readonly landingMs?: number;
  /**
   * The share of cards that land (0 to 1, evenly spread; 1 when absent). The bench asks for the
   * share that gives the game's patches per card: in a pair room only a right card's segment
   * lands, and readies, timers and a round's start are patches of their own.
   */
  readonly landingShare?: number;
}

/** The longest landing delay a bare room takes. */
export const BARE_LANDING_MAX_MS = 10_000;

/** The most state a card may change in a bare room: a patch stays one small frame. */
export const BARE_PATCH_MAX_BYTES = 2048;
