import type { Role } from '../../shared/match/cards.ts';

/**
 * Colours from the Okabe–Ito palette, chosen to stay distinct for the common forms of colour
 * blindness. Colour is never the only signal: every state also has a label, a glyph or a pattern.
 */
export const COLOURS = {
  background: 0x10141c,
  panel: 0x1b2433,
  panelBorder: 0x3a4d68,
  text: 0xf2f5f8,
  dim: 0x9fb0c4,
  client: 0x56b4e9, // sky blue
  server: 0xe69f00, // orange
  right: 0x009e73, // bluish green, always with ✓
  wrong: 0xd55e00, // vermillion, always with ✗
  lost: 0xcc79a7, // reddish purple, always dashed and with ✗
  hint: 0xf0e442, // yellow, always with ★
  focus: 0xffffff,
} as const;

export const ROLE_COLOUR: Readonly<Record<Role, number>> = { client: COLOURS.client, server: COLOURS.server };

/** Each role's shape, so a role reads without its colour: ● client, ■ server. */
export const ROLE_MARK: Readonly<Record<Role, string>> = { client: '●', server: '■' };

/** '#rrggbb' for Text styles, which take CSS colours. */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** A CJK-capable family first: canvas text uses system fonts, and Chinese shows as boxes without one. */
export const UI_FONT =
  '"Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Sans TC", "Noto Sans SC", "PingFang TC", "PingFang SC", "Microsoft JhengHei", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
export const MONO_FONT = '"DejaVu Sans Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace';

/** Smallest side of anything tappable, in CSS px (WCAG 2.5.5 asks for 44). */
export const MIN_TOUCH = 44;
