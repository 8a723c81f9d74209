import type Phaser from 'phaser';
import { TEXT_RESOLUTION } from '../pixelRatio.ts';
import { wrapLines } from './lineBreak.ts';
import { COLOURS, css, MONO_FONT, UI_FONT } from './theme.ts';

interface StyleOptions {
  colour?: number;
  bold?: boolean;
  mono?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Wrap width in CSS px (a screen may set it later with `setWordWrapWidth`). */
  wrap?: number;
}

/**
 * Every text wraps by lineBreak.ts, Chinese-aware, at whatever width it is given; Phaser calls
 * this on each change of a text that has a width or this callback, so no width means unchanged.
 */
function wrapToWidth(text: string, shown: Phaser.GameObjects.Text): string | string[] {
  const width = shown.style.wordWrapWidth;
  if (!width) return text;
  const context = shown.context;
  return wrapLines(text, width, (s) => context.measureText(s).width + [...s].length * shown.letterSpacing);
}

/** A Text style in CSS px, rasterised at the device's pixel ratio so it stays crisp on phones. */
export function textStyle(size: number, options: StyleOptions = {}): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: options.mono ? MONO_FONT : UI_FONT,
    fontSize: `${Math.round(size)}px`,
    fontStyle: options.bold ? 'bold' : '',
    color: css(options.colour ?? COLOURS.text),
    align: options.align ?? 'left',
    resolution: TEXT_RESOLUTION,
    wordWrap: { callback: wrapToWidth, ...(options.wrap ? { width: options.wrap } : {}) },
  };
}
