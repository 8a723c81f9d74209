import Phaser from 'phaser';

/**
 * Wheel and drag (a finger on a phone) over a box scroll it by whole steps: `inside` says whether
 * a point in layout px is over the box, `scroll` moves by a number of steps of `stepPx`.
 */
export function scrollInput(scene: Phaser.Scene, inside: (x: number, y: number) => boolean, scroll: (steps: number) => void,
  stepPx: () => number): void {
  const at = (pointer: Phaser.Input.Pointer): { x: number; y: number } => {
    const zoom = scene.cameras.main.zoom;
    return { x: pointer.x / zoom, y: pointer.y / zoom };
  };
  let dragFrom: number | null = null;
  const onWheel = (pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void => {
    const p = at(pointer);
    if (dy !== 0 && inside(p.x, p.y)) scroll(Math.sign(dy));
  };
  const onDown = (pointer: Phaser.Input.Pointer): void => {
    const p = at(pointer);
    dragFrom = inside(p.x, p.y) ? p.y : null;
  };
  const onMove = (pointer: Phaser.Input.Pointer): void => {
    if (dragFrom === null || !pointer.isDown) return;
    const y = at(pointer).y;
    const steps = Math.trunc((dragFrom - y) / Math.max(1, stepPx()));
    if (steps === 0) return;
    dragFrom -= steps * stepPx();
    scroll(steps);
  };
  const onUp = (): void => {
    dragFrom = null;
  };
  const input = scene.input;
  input.on(Phaser.Input.Events.POINTER_WHEEL, onWheel);
  input.on(Phaser.Input.Events.POINTER_DOWN, onDown);
  input.on(Phaser.Input.Events.POINTER_MOVE, onMove);
  input.on(Phaser.Input.Events.POINTER_UP, onUp);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    input.off(Phaser.Input.Events.POINTER_WHEEL, onWheel);
    input.off(Phaser.Input.Events.POINTER_DOWN, onDown);
    input.off(Phaser.Input.Events.POINTER_MOVE, onMove);
    input.off(Phaser.Input.Events.POINTER_UP, onUp);
  });
}
