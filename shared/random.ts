/**
 * A seeded PRNG (mulberry32) whose whole state is one 32-bit number, so it can live inside a
 * match state, be copied, and be replayed. Nothing in shared/ uses Math.random.
 */
export type RngState = number;

/** Turns any string (a room id, "2026-11-24") into a 32-bit seed (FNV-1a). */
export function seedFrom(text: string): RngState {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The next float in [0, 1) and the state after it. */
export function nextFloat(state: RngState): [number, RngState] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** An integer in [min, max] and the state after it. */
export function nextInt(state: RngState, min: number, max: number): [number, RngState] {
  const [f, s] = nextFloat(state);
  return [min + Math.floor(f * (max - min + 1)), s];
}
