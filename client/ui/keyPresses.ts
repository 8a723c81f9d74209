import type Phaser from 'phaser';

/**
 * Listens to a scene's key-down events, each browser event once.
 *
 * Phaser's keyboard plugin replays its whole frame queue on every new key event and only skips the
 * one event it handled last as a duplicate, so two presses within one frame (a slow phone, a fast
 * typist) reach a `keydown` listener three times: a card played twice, a replay step skipped.
 * Remembering the events already handled makes each press count once.
 */
export function onKeyPress(scene: Phaser.Scene, name: string, handler: (event: KeyboardEvent) => void): void {
  const keyboard = scene.input.keyboard;
  if (!keyboard) return;
  const handled = new WeakSet<KeyboardEvent>();
  const once = (event: KeyboardEvent): void => {
    if (handled.has(event)) return;
    handled.add(event);
    handler(event);
  };
  keyboard.on(name, once);
  scene.events.once('shutdown', () => keyboard.off(name, once));
}
