import Phaser from 'phaser';
import { judgedMoves } from '../../shared/match/accuracy.ts';
import type { StandingView } from '../../shared/protocol.ts';
import { TableBox } from './TableBox.ts';
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
  return judgedMoves(row) === 0 ? labels.none : labels.percent(row.accuracy);
}

/**
 * A class's live leaderboard for the projector: rank, name, points, accuracy in big type, as many
 * lines as fit (one or two columns of them), and how many more there are. The marked student
 * (a student's own line) has ▶ and a framed band, not colour alone.
 */
export class ClassStandingsTable extends TableBox {
  private rows: readonly StandingView[] = [];
  private mark = '';
  private readonly labels: StandingsLabels;

  constructor(scene: Phaser.Scene, labels: StandingsLabels) {
    super(scene, 400);
    this.labels = labels;
  }

  setRows(rows: readonly StandingView[], mark = ''): this {
    this.rows = rows;
    this.mark = mark;
    this.redraw();
    return this;
  }

  protected redraw(): void {
    const g = this.clear();
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
    const dim = COLOURS.dim;
    const heading = { size: size - 3, colour: dim };
    for (let c = 0; c < columns; c++) {
      const x0 = c * (colWidth + gap);
      const accuracyX = x0 + colWidth - 8;
      const pointsX = accuracyX - (narrow ? 100 : 140);
      const nameX = x0 + (narrow ? 44 : 64);
      this.cell(x0 + 8, 0, rowHeight, this.labels.rank, heading);
      this.cell(nameX, 0, rowHeight, this.labels.nickname, heading);
      this.cell(pointsX, 0, rowHeight, this.labels.points, { ...heading, right: true });
      this.cell(accuracyX, 0, rowHeight, this.labels.accuracy, { ...heading, right: true });
      g.fillStyle(COLOURS.panelBorder, 1).fillRect(x0, rowHeight - 2, colWidth, 2);
      shown.slice(c * perColumn, (c + 1) * perColumn).forEach((row, i) => {
        const y = rowHeight * (i + 1);
        const own = row.studentId === this.mark;
        if (own) this.ownBand(x0, y, colWidth, rowHeight);
        else if (i % 2 === 1) g.fillStyle(COLOURS.panel, 1).fillRect(x0, y, colWidth, rowHeight);
        this.cell(x0 + 8, y, rowHeight, `${own ? '▶' : ''}${row.rank}`, { size, bold: true, colour: own ? COLOURS.text : dim });
        this.cell(nameX, y, rowHeight, row.nickname, { size, bold: own || row.rank <= 3, maxWidth: Math.max(40, pointsX - 70 - nameX) });
        this.cell(pointsX, y, rowHeight, String(row.points), { size, bold: true, right: true });
        this.cell(accuracyX, y, rowHeight, accuracyText(row, this.labels), { size, right: true, colour: own ? COLOURS.text : dim });
      });
    }
    if (shown.length < this.rows.length) {
      const y = rowHeight * (Math.min(perColumn, shown.length - (columns - 1) * perColumn) + 1);
      this.cell((columns - 1) * (colWidth + gap) + 8, Math.max(rowHeight, y), rowHeight, this.labels.more(this.rows.length - shown.length), { size, colour: dim });
    }
  }
}
