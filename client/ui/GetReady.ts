import Phaser from 'phaser';
import type { Role } from '../../shared/match/cards.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, ROLE_COLOUR } from './theme.ts';

/** What the get-ready step says: the player's role, the scenario's goal, the seconds left. */
export interface GetReadyFacts {
  readonly role: Role;
  /** "You are the ■ SERVER", in the player's language. */
  readonly youAre: string;
  readonly goal: string;
  readonly secondsLeft: number;
}

/**
 * Shown over the match while a round's clock has not started: which end the player is, what the
 * round is for, and a count-down, so nobody's first deadline starts while they look elsewhere.
 * Drawn in the role's colour and with its shape (● / ■) in the text. It takes no input: a card
 * played early is refused by the server (roundNotStarted), which the panel says, and a tap just
 * as the clock starts is never swallowed by a cover that is about to go.
 */
export class GetReady extends Phaser.GameObjects.Container {
  private readonly shade: Phaser.GameObjects.Rectangle;
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly role: Phaser.GameObjects.Text;
  private readonly goal: Phaser.GameObjects.Text;
  private readonly countDown: Phaser.GameObjects.Text;
  private boxWidth = 320;
  private shown = '';

  constructor(scene: Phaser.Scene) {
    super(scene, 0, 0);
    this.shade = scene.add.rectangle(0, 0, 10, 10, COLOURS.background, 0.72).setOrigin(0.5);
    this.frame = scene.add.graphics();
    this.role = scene.add.text(0, 0, '', textStyle(26, { bold: true, align: 'center' })).setOrigin(0.5);
    this.goal = scene.add.text(0, 0, '', textStyle(17, { align: 'center' })).setOrigin(0.5);
    this.countDown = scene.add.text(0, 0, '', textStyle(64, { bold: true, mono: true, align: 'center' })).setOrigin(0.5);
    this.add([this.shade, this.frame, this.role, this.goal, this.countDown]);
    this.setDepth(20).setVisible(false);
    scene.add.existing(this);
  }

  /** Covers a screen `width` × `height`, centred on it. */
  resize(width: number, height: number): this {
    this.setPosition(width / 2, height / 2);
    this.shade.setSize(width, height);
    this.boxWidth = Math.min(520, width - 24);
    this.role.setWordWrapWidth(this.boxWidth - 32, true).setFontSize(width < 420 ? 21 : 26);
    this.goal.setWordWrapWidth(this.boxWidth - 32, true).setFontSize(width < 420 ? 15 : 17);
    this.shown = '';
    return this;
  }

  /** Shows the step with these facts, or hides it (null) once the clock has started. */
  show(facts: GetReadyFacts | null): void {
    this.setVisible(facts !== null);
    if (!facts) {
      this.shown = '';
      return;
    }
    const key = `${facts.youAre}|${facts.goal}|${facts.secondsLeft}|${this.boxWidth}`;
    if (key === this.shown) return;
    this.shown = key;
    this.role.setText(facts.youAre);
    this.goal.setText(facts.goal);
    this.countDown.setText(String(facts.secondsLeft));
    const gap = 12;
    const h = this.role.height + this.goal.height + this.countDown.height + 2 * gap + 32;
    let y = -h / 2 + 16;
    for (const text of [this.role, this.goal, this.countDown]) {
      text.setY(y + text.height / 2);
      y += text.height + gap;
    }
    const w = this.boxWidth;
    this.frame.clear()
      .fillStyle(ROLE_COLOUR[facts.role], 1).fillRoundedRect(-w / 2, -h / 2, w, h, 12)
      .fillStyle(COLOURS.panel, 1).fillRoundedRect(-w / 2 + 4, -h / 2 + 4, w - 8, h - 8, 9);
  }
}
