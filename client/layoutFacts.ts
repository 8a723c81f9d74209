import Phaser from 'phaser';
import { DPR } from './pixelRatio.ts';
import type { LayoutFact } from './testHook.ts';
import { Button } from './ui/Button.ts';
import { Card } from './ui/Card.ts';
import { fitOf } from './ui/fitText.ts';

/** Whether an object and every container around it is drawn. */
function shown(object: Phaser.GameObjects.GameObject & Partial<Phaser.GameObjects.Components.Visible & Phaser.GameObjects.Components.Alpha>): boolean {
  for (let o: Phaser.GameObjects.GameObject | null = object; o; o = o.parentContainer) {
    const v = o as Phaser.GameObjects.GameObject & Partial<Phaser.GameObjects.Components.Visible & Phaser.GameObjects.Components.Alpha>;
    if (v.visible === false || v.alpha === 0) return false;
  }
  return true;
}

function* walk(list: readonly Phaser.GameObjects.GameObject[]): Generator<Phaser.GameObjects.GameObject> {
  for (const object of list) {
    yield object;
    if (object instanceof Phaser.GameObjects.Container) yield* walk(object.list);
  }
}

/**
 * Every visible Text and Button of the running screens with where it is on the page in CSS px, so
 * a browser test can measure what a player sees: a text cut by a texture crop, one wider than the
 * room it was fitted to, anything outside the viewport.
 */
export function layoutFacts(game: Phaser.Game): LayoutFact[] {
  const facts: LayoutFact[] = [];
  for (const scene of game.scene.getScenes(true)) {
    const camera = scene.cameras.main;
    // World px to CSS px of the page: the camera's zoom is DPR × the screen's own zoom.
    const toCss = camera.zoom / DPR;
    const rect = (bounds: Phaser.Geom.Rectangle) => ({
      x: (bounds.x - camera.scrollX) * toCss, y: (bounds.y - camera.scrollY) * toCss, width: bounds.width * toCss, height: bounds.height * toCss,
    });
    for (const object of walk(scene.children.list)) {
      if (!shown(object)) continue;
      if (object instanceof Phaser.GameObjects.Text) {
        if (!object.text.trim()) continue;
        const fit = fitOf(object);
        // A caption's box is its button's or its card's.
        const parent = object.parentContainer;
        const box = parent instanceof Button || parent instanceof Card ? rect(parent.worldBox()) : null;
        facts.push({
          kind: 'text', scene: scene.scene.key, text: object.text, ...rect(object.getBounds()), box,
          cropped: object.isCropped,
          fit: fit ? { width: fit.width * toCss, full: fit.full, atRest: object.width * toCss } : null,
        });
      } else if (object instanceof Button) {
        facts.push({ kind: 'button', scene: scene.scene.key, text: object.label, ...rect(object.worldBox()), box: null, cropped: false, fit: null });
      }
    }
  }
  return facts;
}
