import type Phaser from 'phaser';
import { TEXT_RESOLUTION } from '../pixelRatio.ts';
import { COLOURS, css, MONO_FONT, UI_FONT } from './theme.ts';

interface StyleOptions {
  colour?: number;
  bold?: boolean;
  mono?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Wrap width in CSS px; Chinese has no spaces, so the advanced wrap is used. */
  wrap?: number;
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
    ...(options.wrap ? { wordWrap: { width: options.wrap, useAdvancedWrap: true } } : {}),
  };
}
