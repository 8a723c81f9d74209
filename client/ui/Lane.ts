import Phaser from 'phaser';
import type { PairRoomView, SegmentView } from '../../shared/protocol.ts';
import { SegmentSprite } from './SegmentSprite.ts';
import { COLOURS } from './theme.ts';
import { topLeftBox, type Panel } from './panel.ts';

/** How far a held segment creeps along before it waits for the segment it is held for. */
const HELD_AT = 0.35;

/**
 * The network between the hosts, client on the left, server on the right. Segments move from
 * `sentAt` to `arriveAt` on the room's clock, so their speed is the real latency and two in flight
 * at once cross; a lost one vanishes halfway.
 */
export class Lane extends Phaser.GameObjects.Container implements Panel {
  private readonly strip: Phaser.GameObjects.Graphics;
  private readonly sprites = new Map<number, SegmentSprite>();
  /**
   * Lost segments already shown vanishing (by id and send time: a timed challenge's next round
   * numbers its segments from 1 again), so that once the sprite is gone it is not drawn and lost again.
   */
  private readonly shownLost = new Set<string>();
  private laneWidth = 200;
  private laneHeight = 90;
  private readonly labels: { lost: string; held: string };
  private readonly onLostShown: () => void;

  constructor(scene: Phaser.Scene, labels: { lost: string; held: string }, onLostShown: () => void) {
    super(scene, 0, 0);
    this.labels = labels;
    this.onLostShown = onLostShown;
    this.strip = scene.add.graphics();
    this.add(this.strip);
    scene.add.existing(this);
  }

  readonly panelInset = 0;

  panelBox(): Phaser.Geom.Rectangle {
    return topLeftBox(this, this.laneWidth, this.laneHeight);
  }

  resize(width: number, height: number): this {
    this.laneWidth = width;
    this.laneHeight = height;
    const g = this.strip.clear();
    g.fillStyle(0x161e2b, 1).fillRoundedRect(0, 0, width, height, 10);
    // A dashed midline, where lost segments disappear.
    g.lineStyle(2, COLOURS.panelBorder, 1);
    for (let y = 6; y < height - 6; y += 12) g.lineBetween(width / 2, y, width / 2, y + 6);
    return this;
  }

  showView(view: PairRoomView, now: number): void {
    const seen = new Set<number>();
    for (const segment of view.segments) {
      seen.add(segment.id);
      this.place(segment, now, view.latencyMs);
    }
    for (const [id, sprite] of this.sprites) {
      if (!seen.has(id) && !sprite.vanishing) this.forget(id);
    }
  }

  private place(segment: SegmentView, now: number, latencyMs: number): void {
    const held = segment.arriveAt < 0;
    const travel = held ? Math.max(1, latencyMs) : Math.max(1, segment.arriveAt - segment.sentAt);
    let progress = Phaser.Math.Clamp((now - segment.sentAt) / travel, 0, 1);
    if (held) progress = Math.min(progress, HELD_AT);
    const lost = segment.status === 'lost';
    if (lost) progress = Math.min(progress, 0.5);
    const done = !lost && progress >= 1;

    let sprite = this.sprites.get(segment.id);
    if (!sprite) {
      if (this.shownLost.has(`${segment.id}@${segment.sentAt}`)) return;
      // A segment that arrived before we saw it (e.g. after a reconnect) is in the ladder only.
      if (done || (lost && now - segment.sentAt > travel + 1500)) return;
      sprite = new SegmentSprite(this.scene, segment);
      this.add(sprite);
      this.sprites.set(segment.id, sprite);
    }
    if (sprite.vanishing) return;
    if (done) {
      this.forget(segment.id);
      return;
    }
    const width = Math.min(100, Math.max(80, this.laneWidth * 0.32));
    const from = segment.from === 'client' ? width / 2 : this.laneWidth - width / 2;
    const to = segment.from === 'client' ? this.laneWidth - width / 2 : width / 2;
    // Each direction has its own track, so crossing segments stay readable.
    const y = segment.from === 'client' ? this.laneHeight * 0.3 : this.laneHeight * 0.68;
    sprite.setBoxWidth(width).setPosition(from + (to - from) * progress, y);
    sprite.setHeld(held, this.labels.held);
    if (lost && progress >= 0.5) {
      this.shownLost.add(`${segment.id}@${segment.sentAt}`);
      sprite.vanish(this.labels.lost, () => this.sprites.delete(segment.id));
      this.onLostShown();
    }
  }

  private forget(id: number): void {
    this.sprites.get(id)?.destroy();
    this.sprites.delete(id);
  }
}
