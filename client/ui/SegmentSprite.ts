import Phaser from 'phaser';
import type { SegmentView } from '../../shared/protocol.ts';
import { compactNumbers } from './segmentNumbers.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, ROLE_COLOUR } from './theme.ts';

/**
 * A segment on the wire: its card in the sender's colour with an arrow for its direction, so
 * direction never depends on colour. A lost one shows ✗ and fades away where it was lost.
 */
export class SegmentSprite extends Phaser.GameObjects.Container {
  private readonly shape: Phaser.GameObjects.Graphics;
  private readonly caption: Phaser.GameObjects.Text;
  private readonly numbers: Phaser.GameObjects.Text;
  private boxWidth = 86;
  private held = false;
  vanishing = false;
  readonly segment: SegmentView;

  constructor(scene: Phaser.Scene, segment: SegmentView) {
    super(scene, 0, 0);
    this.segment = segment;
    this.shape = scene.add.graphics();
    const arrow = segment.from === 'client' ? '→' : '←';
    const label = segment.from === 'client' ? `${segment.card} ${arrow}` : `${arrow} ${segment.card}`;
    this.caption = scene.add.text(0, -1, label, textStyle(14, { bold: true, mono: true, colour: COLOURS.background })).setOrigin(0.5);
    this.numbers = scene.add.text(0, 17, compactNumbers(segment), textStyle(11, { mono: true, colour: COLOURS.dim })).setOrigin(0.5, 0);
    this.add([this.shape, this.caption, this.numbers]);
    scene.add.existing(this);
    this.redraw();
  }

  setBoxWidth(width: number): this {
    if (width !== this.boxWidth) {
      this.boxWidth = width;
      this.caption.setFontSize(width < 90 ? 12 : 14);
      this.redraw();
    }
    return this;
  }

  /** Held back by the network (it waits for another segment before travelling on). */
  setHeld(held: boolean, heldLabel: string): void {
    if (held === this.held) return;
    this.held = held;
    this.numbers.setText(held ? `‖ ${heldLabel}` : compactNumbers(this.segment));
  }

  /** Shows the loss where it happened, then goes; `done` runs when it has gone. */
  vanish(lostLabel: string, done: () => void): void {
    this.vanishing = true;
    this.numbers.setText(`✗ ${lostLabel}`).setColor('#ffffff');
    const g = this.shape;
    g.lineStyle(3, COLOURS.wrong, 1);
    g.lineBetween(-12, -12, 12, 12).lineBetween(-12, 12, 12, -12);
    this.scene.tweens.add({
      targets: this, alpha: 0, scale: 0.6, y: this.y + 24, delay: 700, duration: 700,
      onComplete: () => { done(); this.destroy(); },
    });
  }

  private redraw(): void {
    const w = this.boxWidth;
    const h = 28;
    const g = this.shape.clear();
    g.fillStyle(ROLE_COLOUR[this.segment.from], 1).fillRoundedRect(-w / 2, -h / 2, w, h, 8);
    if (this.segment.old) {
      // A segment of an earlier connection: hatched, so it stands out without colour.
      g.lineStyle(2, COLOURS.background, 0.6);
      for (let x = -w / 2 + 6; x < w / 2; x += 10) g.lineBetween(x, h / 2, x + 8, -h / 2);
    }
  }
}
