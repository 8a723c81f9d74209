/*
 * Whether the first seconds of a match were drawn smoothly, from the time each frame took. The
 * first second is left out (the scene's text and textures are being made then); the next four
 * seconds are judged. Slow means a quarter of those frames or more took longer than 40 ms, i.e.
 * the game ran under 25 frames a second for much of the time: a few long frames (a garbage
 * collection, a tab coming back into view) do not count, a steady 30 Hz screen (33 ms) is not
 * slow, and the 133 ms frames of software WebGL are.
 */

export const FRAME_CHECK = {
  /** Frames in the scene's first this-many ms are not judged. */
  warmupMs: 1000,
  /** Judged frames add up to this many ms before a verdict. */
  windowMs: 4000,
  /** A frame slower than this is a slow frame (25 frames a second). */
  slowFrameMs: 40,
  /** The share of slow frames at which the game is slow. */
  slowShare: 0.25,
} as const;

export type FrameVerdict =
  | { readonly status: 'measuring' }
  | {
    readonly status: 'slow' | 'smooth';
    /** Frames per second over the judged window, rounded. */
    readonly fps: number;
    /** The judged frames' 75th percentile in ms, rounded. */
    readonly p75Ms: number;
  };

/** Judges a scene's frame times, in ms and in order from its first frame. */
export function judgeFrames(frames: readonly number[], check: typeof FRAME_CHECK = FRAME_CHECK): FrameVerdict {
  const judged: number[] = [];
  let elapsed = 0;
  for (const frame of frames) {
    if (elapsed >= check.warmupMs) judged.push(frame);
    elapsed += frame;
    if (elapsed >= check.warmupMs + check.windowMs) break;
  }
  const total = judged.reduce((sum, frame) => sum + frame, 0);
  if (judged.length === 0 || elapsed < check.warmupMs + check.windowMs) return { status: 'measuring' };
  const sorted = [...judged].sort((a, b) => a - b);
  const p75Ms = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.75))]!;
  const slowFrames = judged.filter((frame) => frame > check.slowFrameMs).length;
  return {
    status: slowFrames >= judged.length * check.slowShare ? 'slow' : 'smooth',
    fps: Math.round((judged.length * 1000) / total),
    p75Ms: Math.round(p75Ms),
  };
}
