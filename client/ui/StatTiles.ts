import Phaser from 'phaser';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface Stat {
  label: string;
  value: string;
}

/** A row of big numbers with their names (points, accuracy…), readable across a classroom. */
export class StatTiles extends Phaser.GameObjects.Container {
  private readonly frames: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[];
  private readonly values: Phaser.GameObjects.Text[];

  constructor(scene: Phaser.Scene, count: number) {
    super(scene, 0, 0);
    this.frames = scene.add.graphics();
    this.labels = Array.from({ length: count }, () => scene.add.text(0, 0, '', textStyle(14, { colour: COLOURS.dim })).setOrigin(0.5, 0));
    this.values = Array.from({ length: count }, () => scene.add.text(0, 0, '', textStyle(34, { bold: true, mono: true })).setOrigin(0.5, 0));
    this.add([this.frames, ...this.labels, ...this.values]);
    scene.add.existing(this);
  }

  show(stats: readonly Stat[]): void {
    stats.forEach((stat, i) => {
      this.labels[i]?.setText(stat.label);
      this.values[i]?.setText(stat.value);
    });
  }

  /** Lays the tiles out `width` wide, all in one row or two per row on a phone; returns the height. */
  layout(width: number): number {
    const count = this.values.length;
    const perRow = width < 520 ? 2 : count;
    const gap = 8;
    const tileWidth = (width - gap * (perRow - 1)) / perRow;
    const tileHeight = width < 520 ? 72 : 88;
    const g = this.frames.clear();
    for (let i = 0; i < count; i++) {
      const x = (i % perRow) * (tileWidth + gap);
      const y = Math.floor(i / perRow) * (tileHeight + gap);
      g.fillStyle(COLOURS.panelBorder, 1).fillRoundedRect(x, y, tileWidth, tileHeight, 10);
      g.fillStyle(COLOURS.panel, 1).fillRoundedRect(x + 2, y + 2, tileWidth - 4, tileHeight - 4, 8);
      this.labels[i]?.setPosition(x + tileWidth / 2, y + 8).setFontSize(width < 520 ? 13 : 15);
      const value = this.values[i];
      value?.setPosition(x + tileWidth / 2, y + (width < 520 ? 26 : 30)).setFontSize(width < 520 ? 30 : 40);
      // A long value (Chinese "12 / 14") must stay inside its tile.
      if (value) value.setScale(Math.min(1, (tileWidth - 12) / Math.max(1, value.width)));
    }
    const rows = Math.ceil(count / perRow);
    return rows * tileHeight + (rows - 1) * gap;
  }
}
