import Phaser from 'phaser';
import type { Role } from '../../shared/match/cards.ts';
import type { EndpointView } from '../../shared/protocol.ts';
import { fitText } from './fitText.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, ROLE_COLOUR } from './theme.ts';
import { Timer } from './Timer.ts';
import { topLeftBox, type Panel } from './panel.ts';

export interface HostLabels {
  role: string;
  nickname: string;
  /** This player's endpoint: its nickname is followed by "(you)" (`youLabel`), which is never cut. */
  you: boolean;
  youLabel: string;
  rto: string;
  timeWait: string;
  deadline: string;
  seconds: (s: string) => string;
  /** "ISN {isn}" on the player's own host when they set numbers themselves; '' otherwise. */
  isn: (isn: number) => string;
}

/**
 * One TCP endpoint: its role (a circle for the client, a square for the server, so the two
 * differ by shape as well as colour), the player's name and the current TCP state, with its timers.
 */
export class Host extends Phaser.GameObjects.Container implements Panel {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly nickname: Phaser.GameObjects.Text;
  private readonly stateText: Phaser.GameObjects.Text;
  private readonly isnText: Phaser.GameObjects.Text;
  private readonly timers: readonly Timer[];
  private boxWidth = 160;
  private boxHeight = 140;
  private shownState = '';
  private shownIsn = '';
  private timersTop = 78;
  readonly role: Role;
  private labels: HostLabels;

  constructor(scene: Phaser.Scene, role: Role, labels: HostLabels) {
    super(scene, 0, 0);
    this.role = role;
    this.labels = labels;
    this.frame = scene.add.graphics();
    this.title = scene.add.text(0, 0, '', textStyle(15, { bold: true, colour: ROLE_COLOUR[role] }));
    this.nickname = scene.add.text(0, 0, '', textStyle(13, { colour: COLOURS.dim }));
    this.stateText = scene.add.text(0, 0, '', textStyle(20, { bold: true, mono: true }));
    this.isnText = scene.add.text(0, 0, '', textStyle(13, { mono: true, colour: COLOURS.dim }));
    this.timers = [
      new Timer(scene, labels.rto, COLOURS.wrong, labels.seconds),
      new Timer(scene, labels.timeWait, COLOURS.lost, labels.seconds),
      new Timer(scene, labels.deadline, COLOURS.hint, labels.seconds),
    ];
    this.add([this.frame, this.title, this.nickname, this.stateText, this.isnText, ...this.timers]);
    scene.add.existing(this);
    this.setLabels(labels);
  }

  setLabels(labels: HostLabels): void {
    this.labels = labels;
    this.redraw();
  }

  /** A border of up to 4 px, and air. */
  readonly panelInset = 6;

  panelBox(): Phaser.Geom.Rectangle {
    return topLeftBox(this, this.boxWidth, this.boxHeight);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    this.redraw();
    return this;
  }

  /** Shows the endpoint's state and timers at the room's time `now`. */
  show(endpoint: EndpointView | undefined, now: number): void {
    const state = endpoint?.state ?? '';
    if (state !== this.shownState) {
      this.shownState = state;
      this.fitState();
      // A state change is the lesson: make it noticeable, but never past the box. A name that
      // fills it (SYN-RECEIVED in a phone's host box) would cross the border as it popped: it fades in.
      const pop = Math.min(1.25, this.stateRoom() / Math.max(1, this.stateText.width));
      this.scene.tweens.add(pop > 1.05
        ? { targets: this.stateText, scale: { from: pop, to: 1 }, duration: 300 }
        : { targets: this.stateText, alpha: { from: 0.25, to: 1 }, duration: 300 });
    }
    // Numbers players need their own ISN for the first SYN or SYN+ACK; later numbers follow from it.
    const isn = endpoint ? this.labels.isn(endpoint.iss) : '';
    if (isn !== this.shownIsn) {
      this.shownIsn = isn;
      this.fitIsn();
    }
    const [rto, timeWait, deadline] = this.timers;
    rto?.show(endpoint?.rtoAt ?? -1, now);
    timeWait?.show(endpoint?.timeWaitAt ?? -1, now);
    deadline?.show(this.labels.you ? (endpoint?.deadlineAt ?? -1) : -1, now);
    // Running timers stack from the top, so the box never has a gap where a stopped one was.
    let y = this.timersTop + (this.isnText.text ? 16 : 0);
    for (const timer of this.timers) {
      if (!timer.visible) continue;
      timer.setY(y);
      y += Timer.ROW_HEIGHT + 2;
    }
  }

  /** The longest state names (SYN-RECEIVED, ESTABLISHED) must fit a phone's narrow host box: shrink to fit, never cut. */
  private fitState(): void {
    fitText(this.stateText, this.shownState, this.stateRoom(), { size: 22, minSize: 8 });
  }

  /** "初始序號 4226" fills a phone's narrow host box: shrink to fit, never past the border. */
  private fitIsn(): void {
    fitText(this.isnText, this.shownIsn, this.stateRoom(), { size: 13, minSize: 10 });
  }

  /** The state's width inside the box's padding, as for the title and the nickname. */
  private stateRoom(): number {
    return this.boxWidth - 20;
  }

  private redraw(): void {
    const w = this.boxWidth;
    const h = this.boxHeight;
    const pad = 8;
    const border = this.labels.you ? 4 : 2;
    const g = this.frame.clear();
    g.fillStyle(ROLE_COLOUR[this.role], 1).fillRoundedRect(0, 0, w, h, 12);
    g.fillStyle(COLOURS.panel, 1).fillRoundedRect(border, border, w - 2 * border, h - 2 * border, 10);
    fitText(this.title.setPosition(pad + 2, pad), `${this.role === 'client' ? '●' : '■'} ${this.labels.role}`, w - 2 * pad - 4, { size: 15 });
    fitText(this.nickname.setPosition(pad + 2, pad + 20), this.labels.nickname, w - 2 * pad - 4,
      { size: 13, minSize: 11, suffix: this.labels.you ? ` (${this.labels.youLabel})` : '' });
    this.stateText.setPosition(pad + 2, pad + 40);
    this.fitState();
    this.isnText.setPosition(pad + 2, pad + 66);
    this.fitIsn();
    this.timersTop = pad + 70;
    for (const timer of this.timers) timer.setWidth(w - 2 * pad - 4).setX(pad + 2);
  }
}
