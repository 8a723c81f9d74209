/**
 * Measures a screen as a player sees it, from the game's own display list (window.__tango.layout):
 * every visible text and button inside the viewport, no text cut by a texture crop, none wider
 * than the room it was fitted to, none hidden under a panel drawn over it nor out of its own
 * panel nor under a button not its own, every caption inside its button and whole, every button
 * a fingertip tall, every text field on screen and under no image.
 */
import type { Page } from 'playwright-core';
import type { LayoutFact } from '../../client/testHook.ts';

/** Half a CSS px: rounding of the canvas, not a fault a person could see. */
const SLACK = 0.5;
/**
 * The least height of a button on screen, in CSS px: they are made 44 (a fingertip), and a short
 * phone's screen zoomed out to fit may take up to a fifth off (37.5 on a 375 × 667 Start screen in
 * private mode with an error under its last button; WCAG 2.2's minimum target is 24).
 */
const MIN_BUTTON = 35;

export interface Measured {
  readonly facts: LayoutFact[];
  readonly viewport: { width: number; height: number };
  /** One line per fault, empty when the screen fits. */
  readonly faults: string[];
}

/** A box on the page, in CSS px. */
export type Rect = { x: number; y: number; width: number; height: number };

/** How far two rectangles overlap, in CSS px of the narrower way (0 when apart or touching). */
export function overlap(a: Rect, b: Rect): number {
  const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, Math.min(dx, dy));
}

/** Waits two frames (so a relayout has been drawn), then measures the current screen. */
export async function measureLayout(page: Page): Promise<Measured> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const { facts, fields, images, viewport } = await page.evaluate(() => {
    const shownOnes = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((f) => f.offsetParent !== null && getComputedStyle(f).visibility !== 'hidden' && getComputedStyle(f.parentElement ?? f).display !== 'none')
      .map((f) => ({ id: f.id, ...JSON.parse(JSON.stringify(f.getBoundingClientRect())) as Rect }));
    return { facts: window.__tango.layout?.() ?? [], fields: shownOnes('input'), images: shownOnes('img'), viewport: { width: innerWidth, height: innerHeight } };
  });
  const faults: string[] = [];
  if (facts.length === 0) faults.push('the page reported no layout (no window.__tango.layout, or nothing on screen)');
  const outside = (r: Rect, box: Rect): boolean =>
    r.x < box.x - SLACK || r.y < box.y - SLACK || r.x + r.width > box.x + box.width + SLACK || r.y + r.height > box.y + box.height + SLACK;
  const where = (r: Rect): string => `at ${Math.round(r.x)},${Math.round(r.y)} size ${Math.round(r.width)}×${Math.round(r.height)}`;
  const screen = { x: 0, y: 0, ...viewport };
  const panels = facts.filter((f) => f.kind === 'panel');
  const buttons = facts.filter((f) => f.kind === 'button');
  for (const f of facts) {
    const name = `${f.scene}: ${f.kind} "${f.text.replace(/\n/g, '⏎')}"`;
    if (f.cropped) faults.push(`${name} is cut by a texture crop`);
    if (f.fit && f.fit.atRest > f.fit.width + SLACK) faults.push(`${name} is ${Math.round(f.fit.atRest)} px wide in a room of ${Math.round(f.fit.width)}`);
    if (outside(f, screen)) faults.push(`${name} is outside the ${viewport.width}×${viewport.height} viewport, ${where(f)}`);
    if (f.box && outside(f, f.box)) faults.push(`${name} overflows its button ${where(f.box)}: ${where(f)}`);
    if (f.kind === 'button' && f.height < MIN_BUTTON) faults.push(`${name} is ${Math.round(f.height)} px tall, under a fingertip`);
    // A card or a button says what it does in full: "SYN+A…" once stood for SYN+ACK on a 375 px phone.
    if (f.box && f.fit && f.text !== f.fit.full) faults.push(`${name} is cut in its button, whole it is "${f.fit.full}"`);
    if (f.kind !== 'text') continue;
    // No button lies over a text but its own caption (the sound switch once covered the Start
    // screen's tagline on a laptop).
    for (const button of buttons) {
      const own = f.box !== null && Math.abs(f.box.x - button.x) < 1 && Math.abs(f.box.y - button.y) < 1;
      if (button.scene === f.scene && !own && overlap(f, button) > SLACK) faults.push(`${name} ${where(f)} is under the button "${button.text}" ${where(button)}`);
    }
    // A panel's own texts stay inside it (an ISN once ran over a phone's host border), and a panel
    // drawn after a text and over it hides it (a long goal once went under a phone's hosts).
    for (const panel of panels) {
      if (panel.scene !== f.scene) continue;
      const room = { x: panel.x + panel.inset, y: panel.y + panel.inset, width: panel.width - 2 * panel.inset, height: panel.height - 2 * panel.inset };
      if (f.inPanels.at(-1) === panel.order && outside(f, room)) faults.push(`${name} ${where(f)} overflows its panel ${where(panel)}`);
      if (f.order < panel.order && !f.inPanels.includes(panel.order) && overlap(f, panel) > SLACK) faults.push(`${name} ${where(f)} is hidden under a panel ${where(panel)}`);
    }
  }
  for (const field of fields) {
    if (outside(field, screen)) faults.push(`text field #${field.id} is outside the viewport, ${where(field)}`);
    // A QR code over the class link once hid the end of it on a teacher's phone.
    for (const image of images) {
      if (overlap(image, field) > SLACK) faults.push(`image #${image.id} ${where(image)} covers text field #${field.id} ${where(field)}`);
    }
  }
  return { facts, viewport, faults };
}

/** The visible text that contains `text`, or undefined. */
export function textFact(measured: Measured, text: string): LayoutFact | undefined {
  return measured.facts.find((f) => f.kind === 'text' && f.text.includes(text));
}
