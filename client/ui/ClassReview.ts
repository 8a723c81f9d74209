import Phaser from 'phaser';
import type { PodiumEntry } from '../../shared/classroom/podium.ts';
import type { StepTally } from '../../shared/classroom/stepTally.ts';
import { Podium, type PodiumLabels } from './Podium.ts';
import { StepChart, type StepChartLabels } from './StepChart.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface ClassReviewLabels {
  podium: PodiumLabels;
  chart: StepChartLabels;
}

/** What the review shows: the podium, the chart of steps, the next round, and (on the projector) the common mistakes. */
export interface ReviewContent {
  readonly podium: readonly PodiumEntry[];
  readonly steps: readonly StepTally[];
  readonly hardest: StepTally['skill'] | null;
  /** The next round's scenario and what it teaches, as lines ('' lines are left out). */
  readonly next: readonly string[];
  /** The class's most common mistakes, one line each (empty on a student's screen). */
  readonly mistakes: readonly string[];
}

/**
 * Between rounds, on the projector and in the students' lobby: the podium, the chart of right and
 * wrong answers per step, and what the next round plays and teaches. Two columns on a wide
 * screen, one above the other on a phone.
 */
export class ClassReview extends Phaser.GameObjects.Container {
  readonly podium: Podium;
  private readonly chart: StepChart;
  private readonly nextText: Phaser.GameObjects.Text;
  private readonly mistakes: Phaser.GameObjects.Text;
  private content: ReviewContent = { podium: [], steps: [], hardest: null, next: [], mistakes: [] };
  private boxWidth = 600;
  private boxHeight = 400;

  constructor(scene: Phaser.Scene, labels: ClassReviewLabels, onRisen?: () => void) {
    super(scene, 0, 0);
    this.podium = new Podium(scene, labels.podium, onRisen);
    this.chart = new StepChart(scene, labels.chart);
    this.nextText = scene.add.text(0, 0, '', textStyle(20, { colour: COLOURS.hint }));
    this.mistakes = scene.add.text(0, 0, '', textStyle(17));
    this.add([this.podium, this.chart, this.nextText, this.mistakes]);
    scene.add.existing(this);
  }

  setContent(content: ReviewContent): this {
    this.content = content;
    this.podium.setEntries(content.podium);
    this.chart.setSteps(content.steps, content.hardest);
    this.nextText.setText(content.next.filter(Boolean).join('\n'));
    this.mistakes.setText(content.mistakes.join('\n'));
    return this.resize(this.boxWidth, this.boxHeight);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    const wide = width >= 760;
    const gap = wide ? 28 : 12;
    const colW = wide ? (width - gap) / 2 : width;
    const nextSize = wide ? 20 : 15;
    this.nextText.setFontSize(nextSize).setWordWrapWidth(colW, true);
    this.mistakes.setVisible(this.content.mistakes.length > 0).setFontSize(wide ? 17 : 14).setWordWrapWidth(colW, true);
    if (wide) {
      const podiumH = Math.min(360, height - this.nextText.height - gap);
      this.podium.setPosition(0, 0).resize(colW, Math.max(140, podiumH));
      this.nextText.setPosition(0, Math.max(140, podiumH) + gap);
      const mistakesH = this.mistakes.visible ? Math.min(this.mistakes.height, height * 0.4) : 0;
      this.chart.setPosition(colW + gap, 0).resize(colW, Math.max(100, height - mistakesH - (mistakesH ? gap : 0)));
      this.mistakes.setPosition(colW + gap, height - mistakesH);
    } else {
      const podiumH = Math.max(130, Math.min(190, height * 0.4));
      this.podium.setPosition(0, 0).resize(colW, podiumH);
      this.nextText.setPosition(0, podiumH + gap);
      const chartTop = this.nextText.y + this.nextText.height + gap;
      this.chart.setPosition(0, chartTop).resize(colW, Math.max(80, height - chartTop));
      this.mistakes.setPosition(0, height);
    }
    return this;
  }
}
