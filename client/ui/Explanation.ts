import Phaser from 'phaser';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';
import { topLeftBox, type Panel } from './panel.ts';

/** What kind of message it is; each has its own glyph as well as its own colour. */
export type Tone = 'hint' | 'mistake' | 'right' | 'info';

const GLYPH: Readonly<Record<Tone, string>> = { hint: '★', mistake: '✗', right: '✓', info: 'ℹ' };
const COLOUR: Readonly<Record<Tone, number>> = { hint: COLOURS.hint, mistake: COLOURS.wrong, right: COLOURS.right, info: COLOURS.dim };

const MIN_FONT = 11;
/** Above and below the text: it starts 8 px down, and the border is up to 6 px thick. */
const PADDING = 16;

/** A panel with one explanation: a hint, why a move was wrong, or what just happened. */
export class Explanation extends Phaser.GameObjects.Container implements Panel {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly glyph: Phaser.GameObjects.Text;
  private readonly message: Phaser.GameObjects.Text;
  private boxWidth = 300;
  private boxHeight = 60;
  /** The height the screen gives the panel, and the most it may grow to when its text needs it. */
  private baseHeight = 60;
  private maxHeight = 60;
  private tone: Tone = 'info';
  private fontSize = 16;

  constructor(scene: Phaser.Scene) {
    super(scene, 0, 0);
    this.frame = scene.add.graphics();
    this.glyph = scene.add.text(10, 8, '', textStyle(20, { bold: true }));
    this.message = scene.add.text(38, 8, '', textStyle(16, { wrap: 250 }));
    this.add([this.frame, this.glyph, this.message]);
    scene.add.existing(this);
  }

  /** A border of up to 6 px on the left. */
  readonly panelInset = 6;

  panelBox(): Phaser.Geom.Rectangle {
    return topLeftBox(this, this.boxWidth, this.boxHeight);
  }

  /**
   * `height` is the panel's usual height; up to `maxHeight` it grows when its text needs it (the
   * screen lays itself out again, see `say`).
   */
  resize(width: number, height: number, maxHeight = height): this {
    this.boxWidth = width;
    this.baseHeight = height;
    this.maxHeight = Math.max(height, maxHeight);
    this.fontSize = width < 420 ? 14 : height > 80 ? 18 : 16;
    this.message.setWordWrapWidth(width - 48, true);
    this.fit();
    this.redraw();
    return this;
  }

  /** The panel's height now: its usual one, or more while a long text needs it. */
  get panelHeight(): number {
    return this.boxHeight;
  }

  /**
   * An explanation says what the state means and why the card does not fit it: on a phone that
   * is often longer than the panel's usual four lines (a wrong card's, over 200 characters, ran
   * past the panel's border). The panel grows first, as far as it may, and only then does the
   * text step down in size (not below 11 px). True when the panel's height changed.
   */
  private fit(): boolean {
    const before = this.boxHeight;
    let size = this.fontSize;
    this.message.setFontSize(size);
    this.boxHeight = Math.min(this.maxHeight, Math.max(this.baseHeight, Math.ceil(this.message.height) + PADDING));
    while (this.message.height > this.boxHeight - PADDING && size > MIN_FONT) this.message.setFontSize(--size);
    return this.boxHeight !== before;
  }

  /** Shows `text`; true when the panel took another height for it, so the screen must lay itself out again. */
  say(tone: Tone, text: string): boolean {
    const changed = tone !== this.tone || text !== this.message.text;
    // The scene says the same thing on every patch; measuring and fitting it again is wasted work.
    if (!changed) return false;
    this.tone = tone;
    this.glyph.setText(text ? GLYPH[tone] : '').setColor(`#${COLOUR[tone].toString(16).padStart(6, '0')}`);
    this.message.setText(text);
    const resized = this.fit();
    this.redraw();
    if (tone === 'mistake') this.scene.tweens.add({ targets: this, x: { from: this.x - 6, to: this.x }, duration: 240, ease: 'Bounce' });
    return resized;
  }

  get text(): string {
    return this.message.text;
  }

  private redraw(): void {
    const g = this.frame.clear();
    g.fillStyle(COLOUR[this.tone], 1).fillRoundedRect(0, 0, this.boxWidth, this.boxHeight, 10);
    g.fillStyle(COLOURS.panel, 1).fillRoundedRect(this.tone === 'mistake' ? 6 : 3, 3, this.boxWidth - (this.tone === 'mistake' ? 9 : 6), this.boxHeight - 6, 8);
  }
}
