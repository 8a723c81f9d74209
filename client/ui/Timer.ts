import Phaser from 'phaser';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

/** A countdown with its name, the seconds left and a shrinking bar; hidden when not running. */
export class Timer extends Phaser.GameObjects.Container {
  private readonly caption: Phaser.GameObjects.Text;
  private readonly bar: Phaser.GameObjects.Graphics;
  private firesAt = -1;
  private total = 1;
  private barWidth = 100;
  private readonly title: string;
  private readonly colour: number;
  private readonly format: (seconds: string) => string;
  static readonly ROW_HEIGHT = 26;

  constructor(scene: Phaser.Scene, title: string, colour: number, format: (seconds: string) => string) {
    super(scene, 0, 0);
    this.title = title;
    this.colour = colour;
    this.format = format;
    this.caption = scene.add.text(0, 0, '', textStyle(13, { bold: true, mono: true }));
    this.bar = scene.add.graphics();
    this.add([this.caption, this.bar]);
    this.setVisible(false);
    scene.add.existing(this);
  }

  setWidth(width: number): this {
    this.barWidth = width;
    return this;
  }

  /** `at` is when it fires on the room's clock, -1 when stopped; `now` is 0 until the room has told its time. */
  show(at: number, now: number): void {
    // A new room's first state can come before its first clock stamp: a countdown from 0 would
    // read fifty-odd years, and its bar would keep that as its full length.
    if (now <= 0) {
      this.setVisible(false);
      return;
    }
    if (at !== this.firesAt) {
      // A new deadline: its full length is what remains when it is first seen.
      this.firesAt = at;
      this.total = Math.max(1, at - now);
    }
    const left = at - now;
    this.setVisible(at >= 0 && left > -500);
    if (!this.visible) return;
    const seconds = Math.max(0, left / 1000).toFixed(1);
    this.caption.setText(`${this.title} ${this.format(seconds)}`);
    // On a phone the host is narrow: squeeze the caption rather than let it spill out of the box.
    this.caption.setScale(Math.min(1, this.barWidth / Math.max(1, this.caption.width)), 1);
    const fraction = Phaser.Math.Clamp(left / this.total, 0, 1);
    const g = this.bar.clear();
    g.fillStyle(COLOURS.panelBorder, 1).fillRect(0, 18, this.barWidth, 6);
    g.fillStyle(this.colour, 1).fillRect(0, 18, this.barWidth * fraction, 6);
  }
}
