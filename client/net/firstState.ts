import type { Room } from '@colyseus/sdk';

/** Longer than a first state ever takes; only a safety net should the SDK deliver it before join resolves. */
const FIRST_STATE_MS = 3000;

/**
 * Join resolves on the room's handshake, before its first full state: a screen chosen from that
 * empty state is the wrong one (a quick match flashed "Round complete" before its waiting screen),
 * or throws (a teacher's reloaded console read a class with no settings, and a throw in a Phaser
 * scene's update stops the whole game: the projector froze).
 */
export function firstState(room: Room): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Removed after the SDK's loop over its handlers: removing inside it would skip the next one.
      queueMicrotask(() => room.onStateChange.remove(done));
      resolve();
    };
    const timer = setTimeout(done, FIRST_STATE_MS);
    room.onStateChange(done);
  });
}
