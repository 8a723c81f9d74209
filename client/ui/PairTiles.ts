import Phaser from 'phaser';
import type { PairTileView } from '../../shared/protocol.ts';
import { Button } from './Button.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, css } from './theme.ts';

const GAP = 8;
/** Below this size a tile would not hold its three lines (in the tiles' own px, before their zoom). */
const MIN_TILE_HEIGHT = 56;
const MIN_TILE_WIDTH = 110;

export interface PairTileLabels {
  pair: (number: number) => string;
  bot: string;
  stuck: string;
  streak: (count: number) => string;
  won: string;
  timeUp: string;
  waiting: string;
  right: (count: number, progress: number) => string;
  more: (count: number) => string;
}

/** The mark a tile carries, in words and a symbol (never by colour alone), and the colour that goes with it. */
export function tileMark(tile: PairTileView, labels: PairTileLabels): { text: string; colour: number } {
  if (tile.stuck) return { text: labels.stuck, colour: COLOURS.hint };
  if (tile.struggling) return { text: labels.streak(tile.streak), colour: COLOURS.wrong };
  if (tile.status === 'won') return { text: labels.won, colour: COLOURS.right };
  if (tile.status === 'timeUp') return { text: labels.timeUp, colour: COLOURS.dim };
  if (tile.status === 'waiting') return { text: labels.waiting, colour: COLOURS.dim };
  return { text: '', colour: COLOURS.dim };
}

/** One pair as a pressable tile: names, both states, a progress bar with its figure, and its mark. */
class PairTile extends Button {
  private readonly names: Phaser.GameObjects.Text;
  private readonly states: Phaser.GameObjects.Text;
  private readonly figures: Phaser.GameObjects.Text;
  private readonly mark: Phaser.GameObjects.Text;
  private readonly bar: Phaser.GameObjects.Graphics;
  private tileW = 200;
  private tileH = 100;

  constructor(scene: Phaser.Scene, onPress: () => void) {
    super(scene, '', onPress, { fontSize: 12 });
    this.bar = scene.add.graphics();
    this.names = scene.add.text(0, 0, '', textStyle(15, { bold: true }));
    this.states = scene.add.text(0, 0, '', textStyle(13, { mono: true, colour: COLOURS.dim }));
    this.figures = scene.add.text(0, 0, '', textStyle(13));
    this.mark = scene.add.text(0, 0, '', textStyle(13, { bold: true }));
    this.add([this.bar, this.names, this.states, this.figures, this.mark]);
  }

  place(x: number, y: number, w: number, h: number): this {
    this.tileW = w;
    this.tileH = h;
    this.resize(w, h).setPosition(x + w / 2, y + h / 2);
    return this;
  }

  show(tile: PairTileView, number: number, hideNames: boolean, labels: PairTileLabels): void {
    const { tileW: w, tileH: h } = this;
    const pad = Math.max(4, Math.min(10, h * 0.08));
    const size = Math.max(10, Math.min(18, h / 5.2));
    const left = -w / 2 + pad;
    const name = (n: string): string => (n === '' ? labels.bot : n);
    const who = hideNames ? labels.pair(number) : `${number}. ${name(tile.client)} ↔ ${name(tile.server)}`;
    this.names.setScale(1).setFontSize(size).setText(who).setPosition(left, -h / 2 + pad);
    // Long names shrink to fit the tile rather than run over its edge.
    this.names.setScale(Math.min(1, (w - 2 * pad) / Math.max(1, this.names.width)));
    this.states.setScale(1).setFontSize(size * 0.85).setText(`● ${tile.clientState} · ■ ${tile.serverState}`)
      .setPosition(left, this.names.y + this.names.height * this.names.scaleY);
    this.states.setScale(Math.min(1, (w - 2 * pad) / Math.max(1, this.states.width)));
    const mark = tileMark(tile, labels);
    const barY = this.states.y + this.states.height * this.states.scaleY + 3;
    const barW = (w - 2 * pad) * 0.45;
    this.bar.clear().fillStyle(0x0c1118, 1).fillRect(left, barY, barW, Math.max(5, size * 0.5));
    this.bar.fillStyle(tile.status === 'won' ? COLOURS.right : COLOURS.client, 1).fillRect(left, barY, (barW * tile.progress) / 100, Math.max(5, size * 0.5));
    this.figures.setFontSize(size * 0.85).setText(labels.right(tile.right, tile.progress)).setPosition(left + barW + 6, barY - size * 0.3);
    this.mark.setFontSize(size * 0.9).setText(mark.text).setColor(css(mark.colour)).setPosition(left, barY + Math.max(5, size * 0.5) + 3);
    // A stuck or struggling pair also gets a thick border: shape, not colour alone, points at it.
    if (tile.stuck || tile.struggling) this.bar.lineStyle(4, mark.colour, 1).strokeRoundedRect(-w / 2 + 2, -h / 2 + 2, w - 4, h - 4, 8);
  }
}

/**
 * Every pair of the running round as small tiles, laid out to fit the box whatever the class's
 * size (100 pairs on a projector still fit, in smaller type); pressing one picks it to show its
 * ladder large. Tiles that do not fit are summed up in a line.
 */
export class PairTiles extends Phaser.GameObjects.Container {
  private tiles: PairTile[] = [];
  private shown: readonly PairTileView[] = [];
  private readonly moreText: Phaser.GameObjects.Text;
  private boxWidth = 600;
  private boxHeight = 400;
  private hideNames = false;
  private readonly labels: PairTileLabels;
  private readonly onPick: (tile: PairTileView, number: number) => void;

  constructor(scene: Phaser.Scene, labels: PairTileLabels, onPick: (tile: PairTileView, number: number) => void) {
    super(scene, 0, 0);
    this.labels = labels;
    this.onPick = onPick;
    this.moreText = scene.add.text(0, 0, '', textStyle(14, { colour: COLOURS.dim }));
    this.add(this.moreText);
    scene.add.existing(this);
  }

  /** The tiles on screen, in reading order (for the screen's focus order and tests). */
  get items(): readonly Button[] {
    return this.tiles.filter((t) => t.visible);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    return this.setTiles(this.shown);
  }

  setHideNames(hide: boolean): this {
    if (hide === this.hideNames) return this;
    this.hideNames = hide;
    return this.setTiles(this.shown);
  }

  setTiles(tiles: readonly PairTileView[]): this {
    this.shown = tiles;
    const { columns, width, height, fit, zoom } = this.grid(tiles.length);
    // A big class's tiles are drawn smaller than the screen's type, rather than some left off.
    this.setScale(zoom);
    while (this.tiles.length < fit) {
      const index = this.tiles.length;
      const tile = new PairTile(this.scene, () => {
        const view = this.shown[index];
        if (view) this.onPick(view, index + 1);
      });
      this.add(tile);
      this.tiles.push(tile);
    }
    this.tiles.forEach((tile, i) => {
      const view = tiles[i];
      tile.setVisible(i < fit && view !== undefined);
      if (!view || i >= fit) return;
      tile.place((i % columns) * (width + GAP), Math.floor(i / columns) * (height + GAP), width, height);
      tile.show(view, i + 1, this.hideNames, this.labels);
    });
    const hidden = tiles.length - fit;
    this.moreText.setVisible(hidden > 0).setText(hidden > 0 ? this.labels.more(hidden) : '').setPosition(0, this.boxHeight / zoom - 18);
    return this;
  }

  /**
   * The grid that gives each tile the most room for its text (its height, or its width over 2.4,
   * whichever is less, up to 110); equal room, more columns. A class too big for the box at the
   * screen's size is drawn smaller (down to 0.6), and only what still does not fit is left to the
   * "more" line.
   */
  private grid(count: number): { columns: number; width: number; height: number; fit: number; zoom: number } {
    const n = Math.max(1, count);
    for (const zoom of [1, 0.85, 0.72, 0.6]) {
      const boxW = this.boxWidth / zoom;
      const boxH = this.boxHeight / zoom;
      let best: { columns: number; width: number; height: number; room: number } | null = null;
      for (let columns = 1; columns <= n; columns++) {
        const free = (boxW - GAP * (columns - 1)) / columns;
        if (free < MIN_TILE_WIDTH) break;
        const rows = Math.ceil(n / columns);
        const height = Math.min(110, (boxH - GAP * (rows - 1)) / rows);
        if (height < MIN_TILE_HEIGHT) continue;
        const width = Math.min(free, height * 3.4);
        const room = Math.min(height, width / 2.4);
        if (!best || room >= best.room) best = { columns, width, height, room };
      }
      if (best) return { ...best, fit: count, zoom };
    }
    const zoom = 0.6;
    const columns = Math.max(1, Math.floor((this.boxWidth / zoom + GAP) / (MIN_TILE_WIDTH + GAP)));
    const rows = Math.max(1, Math.floor((this.boxHeight / zoom - 22 + GAP) / (MIN_TILE_HEIGHT + GAP)));
    return { columns, width: (this.boxWidth / zoom - GAP * (columns - 1)) / columns, height: MIN_TILE_HEIGHT, fit: Math.min(count, columns * rows), zoom };
  }
}
