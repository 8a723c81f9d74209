import type Phaser from 'phaser';
import { t } from '../i18n/text.ts';
import { Button } from './Button.ts';
import { CaptureButton } from './CaptureButton.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

/** A kept round to pick: its record id and the line that names it. */
export interface PickedRound {
  readonly recordId: string;
  readonly text: string;
}

/**
 * One kept round at a time (a class's pairs, a challenge's rounds), in order: ◀ ▶ to choose it,
 * its capture file for Wireshark and its replay. One picker rather than a button per round: a
 * class of 200 plays 100 pairs a round, more than any screen lists.
 */
export class RoundPicker {
  readonly label: Phaser.GameObjects.Text;
  readonly previous: Button;
  readonly following: Button;
  readonly capture: CaptureButton;
  readonly replay: Button;
  private rounds: readonly PickedRound[] = [];
  private index = 0;

  /** `classCode`: the class the rounds belong to, whose key the downloads send (null for others). */
  constructor(scene: Phaser.Scene, classCode: string | null, onReplay: (round: PickedRound) => void) {
    this.label = scene.add.text(0, 0, '', textStyle(15, { colour: COLOURS.dim }));
    this.previous = new Button(scene, '◀', () => this.choose(this.index - 1));
    this.following = new Button(scene, '▶', () => this.choose(this.index + 1));
    this.capture = new CaptureButton(scene, () => ({ recordId: this.current?.recordId ?? '', classCode }));
    this.replay = new Button(scene, t('result.replay'), () => this.current && onReplay(this.current), { fontSize: 16 });
    this.setVisible(false);
  }

  get current(): PickedRound | undefined {
    return this.rounds[this.index];
  }

  get buttons(): readonly Button[] {
    return [this.previous, this.following, this.capture, this.replay];
  }

  /** The rounds to pick from; none hides the picker. */
  show(rounds: readonly PickedRound[]): void {
    this.rounds = rounds;
    this.setVisible(rounds.length > 0);
    this.choose(0);
  }

  /** Moves to another pair's round (wrapping round); the capture button's label starts afresh. */
  choose(index: number): void {
    if (this.rounds.length === 0) return;
    this.index = (index + this.rounds.length) % this.rounds.length;
    this.label.setText(this.current!.text);
    this.capture.setLabel(t('result.capture'));
  }

  /**
   * Lays the picker out at (x, y) across `width`: ◀ ▶ beside the line that names the round, then
   * the download and the replay side by side (half the width each, so their labels fit a phone).
   * Returns the height used.
   */
  layout(x: number, y: number, width: number): number {
    if (!this.label.visible) return 0;
    const side = 48;
    const gap = 8;
    const textX = x + 2 * side + 2 * gap;
    this.label.setWordWrapWidth(Math.max(80, width - (textX - x)), true);
    const top = Math.max(44, this.label.height);
    this.previous.resize(side, 44).setPosition(x + side / 2, y + top / 2);
    this.following.resize(side, 44).setPosition(x + side + gap + side / 2, y + top / 2);
    this.label.setPosition(textX, y + (top - this.label.height) / 2);
    const half = Math.min(260, (width - gap) / 2);
    const row = y + top + gap + 22;
    this.capture.resize(half, 44).setPosition(x + half / 2, row);
    this.replay.resize(half, 44).setPosition(x + half + gap + half / 2, row);
    return top + gap + 44 + 10;
  }

  private setVisible(visible: boolean): void {
    this.label.setVisible(visible);
    for (const b of this.buttons) b.setVisible(visible);
  }
}
