import Phaser from 'phaser';
import { scrollInput } from './scrollInput.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

/**
 * Wrapped lines of text in a box of fixed height, scrolled a line at a time by wheel, drag or keys.
 * Only the lines that fit are drawn (no mask: Phaser 4's geometry masks are Canvas-only), and
 * what is hidden above and below is said in words, not only shown by a scroll bar.
 */
export class LineList extends Phaser.GameObjects.Container {
  private readonly heading: Phaser.GameObjects.Text;
  private readonly footer: Phaser.GameObjects.Text;
  private texts: Phaser.GameObjects.Text[] = [];
  private lines: readonly string[] = [];
  private firstLine = 0;
  private shown = 0;
  private boxWidth = 300;
  private boxHeight = 200;
  private fontSize = 15;
  private readonly moreText: (above: number, below: number) => string;

  constructor(scene: Phaser.Scene, moreText: (above: number, below: number) => string) {
    super(scene, 0, 0);
    this.moreText = moreText;
    this.heading = scene.add.text(0, 0, '', textStyle(17, { bold: true }));
    this.footer = scene.add.text(0, 0, '', textStyle(13, { colour: COLOURS.dim }));
    this.add([this.heading, this.footer]);
    scene.add.existing(this);
    const inside = (x: number, y: number): boolean => this.visible
      && x >= this.x && y >= this.y && x <= this.x + this.boxWidth && y <= this.y + this.boxHeight;
    scrollInput(scene, inside, (steps) => this.scroll(steps), () => this.fontSize * 2);
  }

  setContent(heading: string, lines: readonly string[]): this {
    this.heading.setText(heading);
    this.lines = lines;
    this.firstLine = Math.min(this.firstLine, Math.max(0, lines.length - 1));
    this.redraw();
    return this;
  }

  resize(width: number, height: number, fontSize = 15): this {
    this.boxWidth = width;
    this.boxHeight = height;
    this.fontSize = fontSize;
    this.heading.setFontSize(fontSize + 3);
    this.redraw();
    return this;
  }

  /** Moves by `step` lines; a step past either end stops there. */
  scroll(step: number): void {
    const last = Math.max(0, this.lines.length - Math.max(1, this.shown));
    const next = Phaser.Math.Clamp(this.firstLine + step, 0, last);
    if (next === this.firstLine) return;
    this.firstLine = next;
    this.redraw();
  }

  /** How many lines fit now (a page, for Page Up / Page Down). */
  get page(): number {
    return Math.max(1, this.shown);
  }

  private redraw(): void {
    for (const text of this.texts) text.destroy();
    this.texts = [];
    const footerHeight = 20;
    let y = this.heading.height + 6;
    let i = this.firstLine;
    for (; i < this.lines.length; i++) {
      const text = this.scene.add.text(0, y, this.lines[i] ?? '', textStyle(this.fontSize, { wrap: this.boxWidth }));
      // The last line may use the footer's room when nothing comes after it.
      const room = this.boxHeight - (i === this.lines.length - 1 && this.firstLine === 0 ? 0 : footerHeight);
      if (y + text.height > room && this.texts.length > 0) {
        text.destroy();
        break;
      }
      this.add(text);
      this.texts.push(text);
      y += text.height + 4;
    }
    this.shown = this.texts.length;
    const below = this.lines.length - i;
    const above = this.firstLine;
    this.footer.setText(above > 0 || below > 0 ? this.moreText(above, below) : '').setPosition(0, this.boxHeight - footerHeight + 2);
  }
}
