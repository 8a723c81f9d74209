import Phaser from 'phaser';
import type { StandingView } from '../../shared/protocol.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface StandingsLabels {
  rank: string;
  nickname: string;
  points: string;
  accuracy: string;
  percent: (value: number) => string;
  none: string;
  more: (count: number) => string;
}

/** Accuracy as shown: whole percent, or "—" before the student's first judged move. */
export function accuracyText(row: Pick<StandingView, 'accuracy' | 'correct' | 'mistakes' | 'missed'>, labels: Pick<StandingsLabels, 'percent' | 'none'>): string {
  return row.correct + row.mistakes + row.missed === 0 ? labels.none : labels.percent(Math.floor(row.accuracy * 100));
}

/**
 * A class's live leaderboard for the projector: rank, name, points, accuracy in big type, as many
 * lines as fit (one or two columns of them), and how many more there are. The marked student
 * (a student's own line) has ▶ and a framed band, not colour alone.
 */
export class ClassStandingsTable extends Phaser.GameObjects.Container {
  private readonly bands: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private rows: readonly StandingView[] = [];
  private mark = '';
  private boxWidth = 400;
  private boxHeight = 300;
  private readonly labels: StandingsLabels;

  constructor(scene: Phaser.Scene, labels: StandingsLabels) {
    super(scene, 0, 0);
    this.labels = labels;
    this.bands = scene.add.graphics();
    this.add(this.bands);
    scene.add.existing(this);
  }

  setRows(rows: readonly StandingView[], mark = ''): this {
    this.rows = rows;
    this.mark = mark;
    this.redraw();
    return this;
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    this.redraw();
    return this;
  }

  private redraw(): void {
    for (const text of this.texts) text.destroy();
    this.texts = [];
    const g = this.bands.clear();
    const narrow = this.boxWidth < 520;
    const rowHeight = narrow ? 34 : 44;
    const size = narrow ? 16 : 22;
    // Two columns of lines when the box is wide enough: a projector shows twice as many names.
    const columns = this.boxWidth >= 1000 ? 2 : 1;
    const gap = 24;
    const colWidth = (this.boxWidth - gap * (columns - 1)) / columns;
    const perColumn = Math.max(1, Math.floor((this.boxHeight - rowHeight - 24) / rowHeight));
    const fits = perColumn * columns;
    const shown = this.rows.length > fits ? this.rows.slice(0, fits - 1) : this.rows;
    const write = (x: number, y: number, s: string, o: { bold?: boolean; dim?: boolean; right?: boolean; crop?: number; small?: boolean }): void => {
      const text = this.scene.add.text(x, y + rowHeight / 2, s, textStyle(o.small ? size - 3 : size, { bold: o.bold ?? false, colour: o.dim ? COLOURS.dim : COLOURS.text, mono: o.right ?? false }))
        .setOrigin(o.right ? 1 : 0, 0.5);
      if (o.crop) text.setCrop(0, 0, o.crop, rowHeight * 2);
      this.add(text);
      this.texts.push(text);
    };
    for (let c = 0; c < columns; c++) {
      const x0 = c * (colWidth + gap);
      const accuracyX = x0 + colWidth - 8;
      const pointsX = accuracyX - (narrow ? 100 : 140);
      const nameX = x0 + (narrow ? 44 : 64);
      write(x0 + 8, 0, this.labels.rank, { dim: true, small: true });
      write(nameX, 0, this.labels.nickname, { dim: true, small: true });
      write(pointsX, 0, this.labels.points, { dim: true, small: true, right: true });
      write(accuracyX, 0, this.labels.accuracy, { dim: true, small: true, right: true });
      g.fillStyle(COLOURS.panelBorder, 1).fillRect(x0, rowHeight - 2, colWidth, 2);
      shown.slice(c * perColumn, (c + 1) * perColumn).forEach((row, i) => {
        const y = rowHeight * (i + 1);
        const own = row.studentId === this.mark;
        if (own) {
          g.fillStyle(COLOURS.focus, 1).fillRoundedRect(x0, y + 2, colWidth, rowHeight - 4, 8);
          g.fillStyle(0x26405a, 1).fillRoundedRect(x0 + 3, y + 5, colWidth - 6, rowHeight - 10, 6);
        } else if (i % 2 === 1) g.fillStyle(COLOURS.panel, 1).fillRect(x0, y, colWidth, rowHeight);
        write(x0 + 8, y, `${own ? '▶' : ''}${row.rank}`, { bold: true, dim: !own });
        write(nameX, y, row.nickname, { bold: own || row.rank <= 3, crop: Math.max(40, pointsX - 70 - nameX) });
        write(pointsX, y, String(row.points), { bold: true, right: true });
        write(accuracyX, y, accuracyText(row, this.labels), { right: true, dim: !own });
      });
    }
    if (shown.length < this.rows.length) {
      const y = rowHeight * (Math.min(perColumn, shown.length - (columns - 1) * perColumn) + 1);
      write((columns - 1) * (colWidth + gap) + 8, Math.max(rowHeight, y), this.labels.more(this.rows.length - shown.length), { dim: true });
    }
  }
}
