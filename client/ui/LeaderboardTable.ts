import Phaser from 'phaser';
import type { LeaderboardRow } from '../../shared/protocol.ts';
import { scrollInput } from './scrollInput.ts';
import { TableBox, type CellStyle } from './TableBox.ts';
import { COLOURS } from './theme.ts';

export interface TableLabels {
  rank: string;
  nickname: string;
  points: string;
  accuracy: string;
  streak: string;
  you: string;
  percent: (value: number) => string;
  more: (above: number, below: number) => string;
  notOn: string;
}

/** Whether a line of the top is the asking player's own (the server sends no player ids). */
function same(a: LeaderboardRow, b: LeaderboardRow | null): boolean {
  return b !== null && a.rank === b.rank && a.nickname === b.nickname && a.points === b.points && a.at === b.at;
}

/**
 * The lines of a leaderboard in columns, scrolled a line at a time; only the lines that fit are
 * drawn. The player's own line is marked ▶ and "(you)", in bold, on a lighter band — never by
 * colour alone — and, when it is scrolled away or below the top 100, it is pinned at the bottom.
 */
export class LeaderboardTable extends TableBox {
  private rows: readonly LeaderboardRow[] = [];
  private you: LeaderboardRow | null = null;
  private firstRow = 0;
  private readonly labels: TableLabels;

  constructor(scene: Phaser.Scene, labels: TableLabels) {
    super(scene, 320);
    this.labels = labels;
    const inside = (x: number, y: number): boolean => x >= this.x && y >= this.y && x <= this.x + this.boxWidth && y <= this.y + this.boxHeight;
    scrollInput(scene, inside, (steps) => this.scroll(steps), () => this.rowHeight);
  }

  private get rowHeight(): number {
    return this.boxWidth < 520 ? 36 : 42;
  }

  /** Lines that fit between the heading and the footer (what is scrolled away, and the own line pinned). */
  get page(): number {
    return Math.max(1, Math.floor((this.boxHeight - 3 * this.rowHeight - 8) / this.rowHeight));
  }

  setRows(rows: readonly LeaderboardRow[], you: LeaderboardRow | null): this {
    this.rows = rows;
    this.you = you;
    // Open where the player is, so their own line is in view.
    const own = rows.findIndex((row) => same(row, you));
    this.firstRow = own < 0 ? 0 : Math.max(0, Math.min(own - Math.floor(this.page / 2), rows.length - this.page));
    this.redraw();
    return this;
  }

  scroll(steps: number): void {
    const next = Phaser.Math.Clamp(this.firstRow + steps, 0, Math.max(0, this.rows.length - this.page));
    if (next === this.firstRow) return;
    this.firstRow = next;
    this.redraw();
  }

  protected redraw(): void {
    const g = this.clear();
    const w = this.boxWidth;
    const h = this.rowHeight;
    const narrow = w < 520;
    const size = narrow ? 15 : 19;
    // Columns: rank, nickname, points, accuracy and (with room) best streak, numbers right-aligned.
    const streakX = narrow ? -1 : w - 12;
    const accuracyX = narrow ? w - 10 : w - 120;
    const pointsX = accuracyX - (narrow ? 96 : 140);
    const nameX = narrow ? 58 : 80;
    const write = (x: number, y: number, s: string, style: Omit<CellStyle, 'size'>): void => void this.cell(x, y, h, s, { size, ...style });
    const line = (y: number, row: LeaderboardRow, own: boolean): void => {
      if (own) this.ownBand(0, y, w, h);
      write(8, y, `${own ? '▶ ' : ''}${row.rank}`, { bold: true, colour: own ? COLOURS.text : COLOURS.dim });
      // A long nickname is cut at the points column rather than running into it.
      write(nameX, y, row.nickname, { bold: own, maxWidth: Math.max(20, pointsX - 70 - nameX), suffix: own ? ` (${this.labels.you})` : '' });
      write(pointsX, y, String(row.points), { bold: true, right: true });
      write(accuracyX, y, this.labels.percent(row.accuracy), { right: true, colour: own ? COLOURS.text : COLOURS.dim });
      if (streakX > 0) write(streakX, y, String(row.bestStreak), { right: true, colour: own ? COLOURS.text : COLOURS.dim });
    };

    // Heading.
    write(8, 0, this.labels.rank, { colour: COLOURS.dim });
    write(nameX, 0, this.labels.nickname, { colour: COLOURS.dim });
    write(pointsX, 0, this.labels.points, { colour: COLOURS.dim, right: true });
    write(accuracyX, 0, this.labels.accuracy, { colour: COLOURS.dim, right: true });
    if (streakX > 0) write(streakX, 0, this.labels.streak, { colour: COLOURS.dim, right: true });
    g.fillStyle(COLOURS.panelBorder, 1).fillRect(0, h - 2, w, 2);

    const shown = this.rows.slice(this.firstRow, this.firstRow + this.page);
    shown.forEach((row, i) => {
      const y = h + i * h;
      if (i % 2 === 1) g.fillStyle(COLOURS.panel, 1).fillRect(0, y, w, h);
      line(y, row, same(row, this.you));
    });

    // Footer: what is scrolled away, and the player's own line when it is not in view.
    const footerY = h + this.page * h + 4;
    const above = this.firstRow;
    const below = Math.max(0, this.rows.length - this.firstRow - shown.length);
    const ownInView = shown.some((row) => same(row, this.you));
    const parts = [above > 0 || below > 0 ? this.labels.more(above, below) : ''];
    if (!ownInView && !this.you) parts.push(this.labels.notOn);
    this.cell(8, footerY, h, parts.filter(Boolean).join('   ·   '), { size: narrow ? 14 : 17, colour: COLOURS.dim }).setWordWrapWidth(w - 16, true);
    // Scrolled away or below the top 100, the player's own line stays in sight under the list.
    if (!ownInView && this.you) line(footerY + h, this.you, true);
  }
}
