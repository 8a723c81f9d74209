import Phaser from 'phaser';
import { fitText } from './fitText.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface HeaderFacts {
  round: string;
  /** "2/4", for a phone, where the round shares the title's line. */
  roundShort: string;
  title: string;
  goal: string;
  timeLeft: string;
  points: string;
  streak: string;
}

/** The top line of the match: round, scenario and its goal on the left, time and score on the right. */
export class MatchHeader extends Phaser.GameObjects.Container {
  private readonly round: Phaser.GameObjects.Text;
  private readonly title: Phaser.GameObjects.Text;
  private readonly goal: Phaser.GameObjects.Text;
  private readonly score: Phaser.GameObjects.Text;
  private boxWidth = 360;
  private narrow = false;
  /** The height the scene last laid out below, which a longer or shorter goal changes. */
  private laidOut = 0;

  constructor(scene: Phaser.Scene) {
    super(scene, 0, 0);
    this.round = scene.add.text(0, 0, '', textStyle(13, { colour: COLOURS.dim }));
    this.title = scene.add.text(0, 16, '', textStyle(20, { bold: true }));
    this.goal = scene.add.text(0, 44, '', textStyle(14, { colour: COLOURS.dim, wrap: 300 }));
    this.score = scene.add.text(0, 0, '', textStyle(15, { bold: true, mono: true, align: 'right' })).setOrigin(1, 0);
    this.add([this.round, this.title, this.goal, this.score]);
    scene.add.existing(this);
  }

  /** Returns the height used, which the goal's lines decide. */
  resize(width: number): number {
    this.boxWidth = width;
    const narrow = width < 560;
    this.narrow = narrow;
    this.goal.setFontSize(narrow ? 12 : 15).setWordWrapWidth(narrow ? width : width - 220, true).setY(narrow ? 40 : 46);
    this.score.setX(width);
    return (this.laidOut = this.neededHeight());
  }

  /** Two lines of goal fit the usual height; a longer goal (a phone, a long language) takes more rather than going under the hosts. */
  private neededHeight(): number {
    const usual = this.narrow ? 74 : 70;
    return this.goal.text === '' ? usual : Math.max(usual, Math.ceil(this.goal.y + this.goal.height) + 4);
  }

  /** Shows `facts`; true when the goal now needs another height than the scene laid out, which must then lay out again. */
  show(facts: HeaderFacts): boolean {
    this.round.setText(this.narrow ? '' : facts.round);
    this.goal.setText(facts.goal);
    // A phone has no room for a column: the score takes the first line.
    const score = [facts.timeLeft, facts.points, facts.streak];
    if (this.narrow) fitText(this.score, score.join(' · '), this.boxWidth, { size: 13, minSize: 11 });
    else this.score.setFontSize(15).setText(score.join('\n'));
    // On a phone the score has a line of its own above the title; on a wide screen it is a column beside it.
    fitText(this.title, this.narrow ? `${facts.roundShort} · ${facts.title}` : facts.title,
      this.narrow ? this.boxWidth : this.boxWidth - this.score.width - 12, { size: this.narrow ? 17 : 22, minSize: this.narrow ? 13 : 16 });
    return this.neededHeight() !== this.laidOut;
  }
}
