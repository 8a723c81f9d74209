import Phaser from 'phaser';
import { DPR } from './pixelRatio.ts';
import type { LayoutFact } from './testHook.ts';
import { Button } from './ui/Button.ts';
import { Card } from './ui/Card.ts';
import { fitOf } from './ui/fitText.ts';
import { isPanel } from './ui/panel.ts';

/** Whether an object and every container around it is drawn. */
function shown(object: Phaser.GameObjects.GameObject & Partial<Phaser.GameObjects.Components.Visible & Phaser.GameObjects.Components.Alpha>): boolean {
  for (let o: Phaser.GameObjects.GameObject | null = object; o; o = o.parentContainer) {
    const v = o as Phaser.GameObjects.GameObject & Partial<Phaser.GameObjects.Components.Visible & Phaser.GameObjects.Components.Alpha>;
    if (v.visible === false || v.alpha === 0) return false;
  }
  return true;
}

/** Each object in the order it is drawn, with the panels it is part of. */
function* walk(list: readonly Phaser.GameObjects.GameObject[], panels: readonly Phaser.GameObjects.GameObject[] = []):
  Generator<{ object: Phaser.GameObjects.GameObject; panels: readonly Phaser.GameObjects.GameObject[] }> {
  for (const object of list) {
    yield { object, panels };
    if (object instanceof Phaser.GameObjects.Container) yield* walk(object.list, isPanel(object) ? [...panels, object] : panels);
  }
}

/** A scene's own objects as it draws them: by depth, and in the order added within a depth. */
function drawn(scene: Phaser.Scene): Phaser.GameObjects.GameObject[] {
  return [...scene.children.list].sort((a, b) => depthOf(a) - depthOf(b));
}

function depthOf(object: Phaser.GameObjects.GameObject): number {
  return (object as Partial<Phaser.GameObjects.Components.Depth>).depth ?? 0;
}

/**
 * Every visible Text, Button and panel of the running screens with where it is on the page in CSS
 * px and when it is drawn, so a browser test can measure what a player sees: a text cut by a
 * texture crop, one wider than the room it was fitted to, one hidden under a panel, anything
 * outside the viewport.
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
    const orderOf = new Map<Phaser.GameObjects.GameObject, number>();
    for (const { object, panels } of walk(drawn(scene))) {
      const order = orderOf.size;
      orderOf.set(object, order);
      if (!shown(object)) continue;
      const inPanels = panels.map((p) => orderOf.get(p)!);
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
          order, inPanels, inset: 0,
        });
      } else if (object instanceof Button) {
        facts.push({ kind: 'button', scene: scene.scene.key, text: object.label, ...rect(object.worldBox()), box: null, cropped: false, fit: null, order, inPanels, inset: 0 });
      } else if (isPanel(object)) {
        facts.push({ kind: 'panel', scene: scene.scene.key, text: '', ...rect(object.panelBox()), box: null, cropped: false, fit: null, order, inPanels, inset: object.panelInset * toCss });
      }
    }
  }
  return facts;
}
