import Phaser from 'phaser';
import type { PodiumEntry } from '../../shared/classroom/podium.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface PodiumLabels {
  title: string;
  points: (points: number) => string;
  nobody: string;
}

/** Each place's block height (share of the tallest), and where the 1st, 2nd and 3rd entries stand: middle, left, right. */
const HEIGHTS = [1, 0.72, 0.5] as const;
const SLOT_OF_INDEX = [1, 0, 2] as const;
const RISE_MS = 650;

/**
 * The first three of the class on a podium: each block carries its place as a number (1, 2, 3)
 * and the student's name and points stand on it, so nothing relies on the blocks' colour. The
 * blocks rise one after another, third place first, each time the podium changes.
 */
export class Podium extends Phaser.GameObjects.Container {
  private readonly title: Phaser.GameObjects.Text;
  private readonly blocks: Phaser.GameObjects.Graphics;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly empty: Phaser.GameObjects.Text;
  private readonly labels: PodiumLabels;
  private entries: readonly PodiumEntry[] = [];
  private key = '';
  private boxWidth = 400;
  private boxHeight = 260;
  /** How far each block has risen, 0–1 (animated). */
  private readonly risenBy = [0, 0, 0];
  private tweens: Phaser.Tweens.Tween[] = [];
  private readonly onRisen: () => void;

  /** `onRisen`: the blocks have finished rising (the screen may say so to tests). */
  constructor(scene: Phaser.Scene, labels: PodiumLabels, onRisen: () => void = () => undefined) {
    super(scene, 0, 0);
    this.labels = labels;
    this.onRisen = onRisen;
    this.title = scene.add.text(0, 0, labels.title, textStyle(22, { bold: true }));
    this.blocks = scene.add.graphics();
    this.empty = scene.add.text(0, 40, labels.nobody, textStyle(18, { colour: COLOURS.dim }));
    this.add([this.title, this.blocks, this.empty]);
    for (let i = 0; i < 9; i++) {
      const text = scene.add.text(0, 0, '', textStyle(18, { bold: true, align: 'center' })).setOrigin(0.5, 1);
      this.texts.push(text);
      this.add(text);
    }
    scene.add.existing(this);
  }

  /** Whether every block has finished rising. */
  get risen(): boolean {
    return this.entries.every((_, i) => this.risenBy[i] === 1);
  }

  /** The podium's nicknames, first place first (for tests). */
  get names(): string[] {
    return this.entries.map((e) => e.nickname);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    this.draw();
    return this;
  }

  setEntries(entries: readonly PodiumEntry[]): this {
    this.entries = entries;
    const key = entries.map((e) => `${e.studentId}:${e.points}`).join('|');
    if (key !== this.key) {
      this.key = key;
      this.rise();
    }
    this.draw();
    return this;
  }

  private rise(): void {
    for (const tween of this.tweens) tween.stop();
    this.risenBy.fill(0);
    // Third place first, the winner last: the short wait is the show.
    this.tweens = [2, 1, 0].map((i, order) => this.scene.tweens.addCounter({
      from: 0, to: 1, duration: RISE_MS, delay: order * 350, ease: 'Back.easeOut',
      onUpdate: (tween) => { this.risenBy[i] = tween.getValue() ?? 1; this.draw(); },
      onComplete: () => {
        this.risenBy[i] = 1;
        this.draw();
        if (this.risen) this.onRisen();
      },
    }));
  }

  private draw(): void {
    const w = this.boxWidth;
    const top = this.title.height + 8;
    const slotW = w / 3;
    const blockW = slotW * 0.82;
    const nameRoom = this.boxHeight < 220 ? 50 : 64;
    const tallest = Math.max(40, this.boxHeight - top - nameRoom);
    const g = this.blocks.clear();
    this.empty.setVisible(this.entries.length === 0).setPosition(0, top + 8);
    this.texts.forEach((t) => t.setVisible(false));
    this.entries.forEach((entry, i) => {
      const slot = SLOT_OF_INDEX[i]!;
      const cx = slot * slotW + slotW / 2;
      // Tied students share a place: their blocks stand as high as their rank, not their order.
      const place = Math.min(3, Math.max(1, entry.rank)) - 1;
      const full = tallest * HEIGHTS[place]!;
      const h = Math.max(2, full * this.risenBy[i]!);
      const bottom = this.boxHeight;
      g.fillStyle(place === 0 ? COLOURS.hint : COLOURS.panel, 1).fillRect(cx - blockW / 2, bottom - h, blockW, h);
      g.lineStyle(2, COLOURS.panelBorder, 1).strokeRect(cx - blockW / 2, bottom - h, blockW, h);
      const number = this.texts[i * 3]!;
      const size = Math.max(16, Math.min(56, full * 0.45));
      number.setVisible(h > size).setFontSize(size).setColor(place === 0 ? '#10141c' : '#f2f5f8').setText(`${entry.rank}`)
        .setPosition(cx, bottom - h + size * 1.15);
      const name = this.texts[i * 3 + 1]!;
      name.setVisible(true).setFontSize(Math.max(14, Math.min(26, slotW / 8))).setText(`${place === 0 ? '♛ ' : ''}${entry.nickname}`)
        .setPosition(cx, bottom - h - 26);
      name.setScale(Math.min(1, slotW / Math.max(1, name.width)));
      const points = this.texts[i * 3 + 2]!;
      points.setVisible(true).setFontSize(Math.max(12, Math.min(18, slotW / 11))).setColor('#9fb0c4').setText(this.labels.points(entry.points))
        .setPosition(cx, bottom - h - 4);
    });
  }
}
