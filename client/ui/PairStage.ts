import Phaser from 'phaser';
import type { PairRoomView } from '../../shared/protocol.ts';
import { Button } from './Button.ts';
import { Ladder, type LadderLabels } from './Ladder.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface PairStageLabels {
  ladder: LadderLabels;
  back: string;
  hideNames: string;
  showNames: string;
  /** The heading: the pair's number, and its names unless they are hidden. */
  title: (names: boolean) => string;
  states: (client: string, server: string) => string;
}

/**
 * One pair's live ladder, large on the projector for the class to discuss, with the way back to
 * every pair and a switch that hides the nicknames (a pair's mistakes on the wall need not name it).
 */
export class PairStage extends Phaser.GameObjects.Container {
  readonly back: Button;
  readonly names: Button;
  private readonly title: Phaser.GameObjects.Text;
  private readonly states: Phaser.GameObjects.Text;
  private readonly ladder: Ladder;
  private readonly labels: PairStageLabels;
  private view: PairRoomView | null = null;
  private hidden = false;
  private boxWidth = 600;
  private boxHeight = 400;

  constructor(scene: Phaser.Scene, labels: PairStageLabels, onBack: () => void, onNames: (hidden: boolean) => void) {
    super(scene, 0, 0);
    this.labels = labels;
    this.title = scene.add.text(0, 0, '', textStyle(24, { bold: true }));
    this.states = scene.add.text(0, 0, '', textStyle(20, { mono: true, colour: COLOURS.dim }));
    this.ladder = new Ladder(scene, labels.ladder);
    this.back = new Button(scene, labels.back, onBack, { fontSize: 18 });
    this.names = new Button(scene, labels.hideNames, () => {
      this.hidden = !this.hidden;
      onNames(this.hidden);
      this.refresh();
    }, { fontSize: 16 });
    this.add([this.title, this.states, this.ladder, this.back, this.names]);
    scene.add.existing(this);
  }

  get namesHidden(): boolean {
    return this.hidden;
  }

  setNamesHidden(hidden: boolean): this {
    this.hidden = hidden;
    return this.refresh();
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    return this.refresh();
  }

  /** The pair room's latest state; the ladder is drawn at every frame by `tick`. */
  setView(view: PairRoomView | null): this {
    this.view = view;
    return this.refresh();
  }

  /** Draws the ladder at the pair room's time `now`. */
  tick(now: number): void {
    if (this.view && this.visible) this.ladder.show(this.view, now, true);
  }

  private refresh(): this {
    const w = this.boxWidth;
    const bw = Math.min(220, w * 0.22);
    this.back.setLabel(this.labels.back).resize(bw, 48).setPosition(bw / 2, 24);
    this.names.setLabel(this.hidden ? this.labels.showNames : this.labels.hideNames).resize(bw, 48).setPosition(w - bw / 2, 24);
    this.title.setText(this.labels.title(!this.hidden)).setWordWrapWidth(w - 2 * bw - 24, true).setPosition(bw + 12, 2);
    const client = this.view?.endpoints.get('client')?.state ?? '';
    const server = this.view?.endpoints.get('server')?.state ?? '';
    this.states.setText(this.view ? this.labels.states(client, server) : '').setPosition(bw + 12, this.title.y + this.title.height + 2);
    const top = Math.max(56, this.states.y + this.states.height + 8);
    this.ladder.setPosition(0, top).resize(w, Math.max(120, this.boxHeight - top));
    return this;
  }
}
