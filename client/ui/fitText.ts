import type Phaser from 'phaser';

/** What `fitText` promised for a Text, read back by the layout facts that browser tests measure. */
export interface TextFit {
  /** The width the text was given, in layout px (CSS px before the screen's zoom). */
  readonly width: number;
  /** The whole text before it was cut. */
  readonly full: string;
  /** The font size it was asked for, before any shrinking. */
  readonly size: number;
  /** The string shown after fitting (the full text, or its start and "…"). */
  readonly shown: string;
}

const FIT_KEY = 'tango.fit';
const BASE_SIZE_KEY = 'tango.fitBaseSize';

export interface FitOptions {
  /** The font size (px) it should have when there is room; default: the size it was first fitted at. */
  readonly size?: number;
  /** The smallest font size (px) it may shrink to before it is cut; default: 80 % of its own size. */
  readonly minSize?: number;
  /** Written after the text and never cut (" (you)" after a nickname). */
  readonly suffix?: string;
}

function fontSize(text: Phaser.GameObjects.Text): number {
  return Number.parseFloat(String(text.style.fontSize)) || 16;
}

/**
 * Makes a one-line Text fit `maxWidth` layout px: first a smaller font (down to `minSize`), then
 * the end cut off with "…". It measures `text.width`, which is in layout px at any resolution,
 * and changes the string rather than cropping the texture: a crop is in texture pixels, so at a
 * pixel ratio of 3 a crop in CSS px would show a third of what was meant.
 */
export function fitText(text: Phaser.GameObjects.Text, full: string, maxWidth: number, options: FitOptions = {}): Phaser.GameObjects.Text {
  const suffix = options.suffix ?? '';
  const base = options.size ?? (text.getData(BASE_SIZE_KEY) as number | undefined) ?? fontSize(text);
  text.setData(BASE_SIZE_KEY, base);
  const before = fitOf(text);
  // Screens fit their header on every frame: an unchanged fit costs nothing.
  if (before && before.full === full + suffix && before.width === maxWidth && before.size === base && before.shown === text.text) return text;
  const minSize = Math.min(base, options.minSize ?? Math.round(base * 0.8));
  // Scale is left to animations (a state that pops in): the fit is for the text at rest.
  const room = Math.max(0, maxWidth);
  const done = (): Phaser.GameObjects.Text => text.setData(FIT_KEY, { width: maxWidth, full: full + suffix, size: base, shown: text.text } satisfies TextFit);
  text.setFontSize(base).setText(full + suffix);
  if (text.width <= room) return done();
  let size = Math.max(minSize, Math.floor((base * room) / text.width));
  text.setFontSize(size);
  // A width does not shrink exactly with the size (glyphs are measured in whole pixels): on a
  // 375 px phone SYN+ACK came out 0.3 px too wide at the estimate and was cut to "SYN+A…".
  while (text.width > room && size > minSize) text.setFontSize(--size);
  if (text.width <= room) return done();
  // Binary search for the longest start that fits with the ellipsis (by code point: no split emoji).
  const chars = Array.from(full);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    text.setText(`${chars.slice(0, middle).join('').trimEnd()}…${suffix}`);
    if (text.width <= room) low = middle;
    else high = middle - 1;
  }
  text.setText(`${chars.slice(0, low).join('').trimEnd()}…${suffix}`);
  return done();
}

/** What `fitText` last promised for this Text, or null when it was never fitted. */
export function fitOf(text: Phaser.GameObjects.Text): TextFit | null {
  return (text.getData(FIT_KEY) as TextFit | undefined) ?? null;
}
