import type Phaser from 'phaser';
import type { PairRoundView } from '../../shared/protocol.ts';
import { game, t } from '../i18n/text.ts';
import { Button } from './Button.ts';
import { CaptureButton } from './CaptureButton.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

/**
 * One pair's round of a class at a time, in round order: ◀ ▶ to choose it, its capture file for
 * Wireshark and its replay. One picker rather than a button per pair: a class of 200 plays 100
 * pairs a round, more than any screen lists.
 */
export class PairRoundPicker {
  readonly label: Phaser.GameObjects.Text;
  readonly previous: Button;
  readonly following: Button;
  readonly capture: CaptureButton;
  readonly replay: Button;
  private rounds: readonly PairRoundView[] = [];
  private index = 0;

  constructor(scene: Phaser.Scene, classCode: string, onReplay: (round: PairRoundView) => void) {
    this.label = scene.add.text(0, 0, '', textStyle(15, { colour: COLOURS.dim }));
    this.previous = new Button(scene, '◀', () => this.choose(this.index - 1));
    this.following = new Button(scene, '▶', () => this.choose(this.index + 1));
    this.capture = new CaptureButton(scene, () => ({ recordId: this.current?.recordId ?? '', classCode }));
    this.replay = new Button(scene, t('class.pairReplay'), () => this.current && onReplay(this.current), { fontSize: 16 });
    this.setVisible(false);
  }

  get current(): PairRoundView | undefined {
    return this.rounds[this.index];
  }

  get buttons(): readonly Button[] {
    return [this.previous, this.following, this.capture, this.replay];
  }

  /** The class's pairs' rounds; none hides the picker. */
  show(rounds: readonly PairRoundView[]): void {
    this.rounds = rounds;
    this.setVisible(rounds.length > 0);
    this.choose(0);
  }

  /** Moves to another pair's round (wrapping round); the capture button's label starts afresh. */
  choose(index: number): void {
    if (this.rounds.length === 0) return;
    this.index = (index + this.rounds.length) % this.rounds.length;
    const r = this.current!;
    const name = (role: 'client' | 'server') => r.nicknames[role] || t('waiting.bot');
    this.label.setText(`${t('class.pairRound', { n: this.index + 1, count: this.rounds.length, round: r.roundNo })}: `
      + `● ${name('client')} · ■ ${name('server')} · ${game(`scenario.${r.scenarioId}.title`)} · ${r.status === 'won' ? '✓' : '◷'}`);
    this.capture.setLabel(t('result.capture'));
  }

  /** Lays the picker out at (x, y) across `width`; returns the height used. */
  layout(x: number, y: number, width: number): number {
    if (!this.label.visible) return 0;
    this.label.setWordWrapWidth(width, true).setPosition(x, y);
    const top = y + this.label.height + 6;
    const side = 52;
    const bw = Math.min(220, (width - 2 * side - 3 * 8) / 2);
    this.previous.resize(side, 44).setPosition(x + side / 2, top + 22);
    this.following.resize(side, 44).setPosition(x + side + 8 + side / 2, top + 22);
    this.capture.resize(bw, 44).setPosition(x + 2 * side + 16 + bw / 2, top + 22);
    this.replay.resize(bw, 44).setPosition(x + 2 * side + 24 + bw + bw / 2, top + 22);
    return this.label.height + 6 + 44 + 8;
  }

  private setVisible(visible: boolean): void {
    this.label.setVisible(visible);
    for (const b of this.buttons) b.setVisible(visible);
  }
}
