import Phaser from 'phaser';
import type { StepTally } from '../../shared/classroom/stepTally.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface StepChartLabels {
  title: string;
  /** A step's name (a kind of move: "ACK the SYN+ACK"). */
  step: (skill: StepTally['skill']) => string;
  counts: (s: StepTally) => string;
  hardest: string;
  none: string;
}

/**
 * The class's answers per step as bars: right, wrong and too late side by side, each part
 * followed by its count with its symbol (✓ ✗ ◷) so the chart reads without its colours, and the
 * step the class missed most marked in words.
 */
export class StepChart extends Phaser.GameObjects.Container {
  private readonly title: Phaser.GameObjects.Text;
  private readonly bars: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private readonly labels: StepChartLabels;
  private steps: readonly StepTally[] = [];
  private hardest: StepTally['skill'] | null = null;
  private boxWidth = 500;
  private boxHeight = 300;

  constructor(scene: Phaser.Scene, labels: StepChartLabels) {
    super(scene, 0, 0);
    this.labels = labels;
    this.title = scene.add.text(0, 0, labels.title, textStyle(18, { bold: true }));
    this.bars = scene.add.graphics();
    this.add([this.title, this.bars]);
    scene.add.existing(this);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    return this.draw();
  }

  /** `hardest`: the step to mark (shared/classroom/stepTally.ts `hardestStep`). */
  setSteps(steps: readonly StepTally[], hardest: StepTally['skill'] | null): this {
    this.steps = steps;
    this.hardest = hardest;
    return this.draw();
  }

  private draw(): this {
    for (const t of this.texts) t.destroy();
    this.texts = [];
    const g = this.bars.clear();
    const w = this.boxWidth;
    this.title.setWordWrapWidth(w, true);
    let y = this.title.height + 8;
    const text = (x: number, ty: number, s: string, size: number, colour: number = COLOURS.text, bold = false): Phaser.GameObjects.Text => {
      const t = this.scene.add.text(x, ty, s, textStyle(size, { colour, bold }));
      this.add(t);
      this.texts.push(t);
      return t;
    };
    if (this.steps.length === 0) {
      text(0, y, this.labels.none, 16, COLOURS.dim);
      return this;
    }
    // On a phone each step takes two lines (its name, then its bar and counts); beside each other on a wider screen.
    const stacked = w < 520;
    const rowH = stacked ? Math.max(24, Math.min(44, (this.boxHeight - y) / this.steps.length))
      : Math.max(28, Math.min(52, (this.boxHeight - y) / this.steps.length));
    const size = stacked ? Math.max(11, Math.min(15, rowH * 0.34)) : Math.max(12, Math.min(18, rowH * 0.38));
    const counts = this.steps.map((s) => this.labels.counts(s));
    const countsW = Math.max(...counts.map((c) => { const t = text(0, 0, c, size, COLOURS.text, true); const cw = t.width; t.destroy(); return cw; }));
    this.texts = [];
    const labelW = stacked ? w : Math.min(w * 0.4, 300);
    const barX = stacked ? 0 : labelW + 8;
    const barW = Math.max(40, w - barX - countsW - 12);
    const most = Math.max(1, ...this.steps.map((s) => s.right + s.wrong + s.late));
    this.steps.forEach((s, i) => {
      const name = text(0, y + 2, this.labels.step(s.skill), size);
      name.setWordWrapWidth(labelW, true);
      const hardest = s.skill === this.hardest;
      if (hardest && !stacked) text(0, y + name.height + 1, this.labels.hardest, size * 0.85, COLOURS.hint, true);
      if (hardest && stacked) text(name.width + 8, y + 2, this.labels.hardest, size * 0.9, COLOURS.hint, true);
      const barY = stacked ? y + name.height + 3 : y + 4;
      const barH = stacked ? Math.max(8, rowH - name.height - 8) : rowH * 0.5;
      let x = barX;
      for (const [n, colour] of [[s.right, COLOURS.right], [s.wrong, COLOURS.wrong], [s.late, COLOURS.dim]] as const) {
        const part = (barW * n) / most;
        if (part > 0) g.fillStyle(colour, 1).fillRect(x, barY, part, barH);
        x += part;
      }
      text(w - countsW, stacked ? barY + barH / 2 - size * 0.65 : y + 2, counts[i]!, size, COLOURS.text, true);
      y += rowH;
    });
    return this;
  }
}
