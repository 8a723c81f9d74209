import Phaser from 'phaser';
import { fitText } from './fitText.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

/** How one cell of a table is written. */
export interface CellStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly colour?: number;
  /** Right-aligned at x, in the monospaced face (numbers line up). */
  readonly right?: boolean;
  /** At most this wide (shrunk a little, then cut with "…"), so that a long nickname does not run into the next column. */
  readonly maxWidth?: number;
  /** Written after a cut text and never cut itself (" (you)"). */
  readonly suffix?: string;
}

/**
 * What the game's tables of ranked lines share: a box that is redrawn whole when its rows or
 * its size change, bands drawn under the lines, and the own line marked by a framed band (with
 * ▶ and bold text from the table itself), never by colour alone.
 */
export abstract class TableBox extends Phaser.GameObjects.Container {
  protected readonly bands: Phaser.GameObjects.Graphics;
  protected boxWidth: number;
  protected boxHeight = 300;
  private texts: Phaser.GameObjects.Text[] = [];

  constructor(scene: Phaser.Scene, width: number) {
    super(scene, 0, 0);
    this.boxWidth = width;
    this.bands = scene.add.graphics();
    this.add(this.bands);
    scene.add.existing(this);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    this.redraw();
    return this;
  }

  /** Draws every line again from the rows and the box's size. */
  protected abstract redraw(): void;

  /** Clears the previous drawing: its texts and its bands. */
  protected clear(): Phaser.GameObjects.Graphics {
    for (const text of this.texts) text.destroy();
    this.texts = [];
    return this.bands.clear();
  }

  /** Writes a cell centred vertically in the line of height `lineHeight` starting at `y`. */
  protected cell(x: number, y: number, lineHeight: number, s: string, style: CellStyle): Phaser.GameObjects.Text {
    const text = this.scene.add.text(x, y + lineHeight / 2, s + (style.suffix ?? ''),
      textStyle(style.size, { bold: style.bold ?? false, colour: style.colour ?? COLOURS.text, mono: style.right ?? false }))
      .setOrigin(style.right ? 1 : 0, 0.5);
    if (style.maxWidth !== undefined) fitText(text, s, style.maxWidth, { suffix: style.suffix ?? '' });
    this.add(text);
    this.texts.push(text);
    return text;
  }

  /** The framed band behind the reader's own line. */
  protected ownBand(x: number, y: number, width: number, lineHeight: number): void {
    this.bands.fillStyle(COLOURS.focus, 1).fillRoundedRect(x, y + 2, width, lineHeight - 4, 8);
    this.bands.fillStyle(0x26405a, 1).fillRoundedRect(x + 3, y + 5, width - 6, lineHeight - 10, 6);
  }
}
