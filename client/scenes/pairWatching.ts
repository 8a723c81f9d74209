import Phaser from 'phaser';
import type { ErrorCode, PairTileView } from '../../shared/protocol.ts';
import type { ClassSession } from '../net/classSession.ts';
import type { PairWatch } from '../net/pairWatch.ts';
import { PairStage } from '../ui/PairStage.ts';
import { stageLabels } from './classShowTexts.ts';

export interface PairWatchingHooks {
  /** What is shown changed (a pair shown large or put away, names hidden): the console lays out again. */
  changed(): void;
  /** The watched pair's room moved on: the console publishes what it shows. */
  moved(): void;
  /** The pair could not be watched. */
  refused(code: ErrorCode): void;
}

/**
 * The teacher's console showing one pair large: it watches that pair room (no seat, through the
 * class's `watchPair`), hands its state to the stage that draws the live ladder, and lets go of
 * it when the teacher goes back, the next round begins or the console closes.
 */
export class PairWatching {
  stage: PairStage;
  private readonly scene: Phaser.Scene;
  private readonly session: ClassSession;
  private readonly hooks: PairWatchingHooks;
  private watch: PairWatch | null = null;
  private shown: { number: number; client: string; server: string; pairCode: string } | null = null;
  private hidden = false;
  private asking = false;

  constructor(scene: Phaser.Scene, session: ClassSession, hooks: PairWatchingHooks) {
    this.scene = scene;
    this.session = session;
    this.hooks = hooks;
    this.stage = this.makeStage();
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      void this.watch?.leave();
      this.watch = null;
    });
  }

  /** The pair room shown large, '' when none. */
  get pairCode(): string {
    return this.shown?.pairCode ?? '';
  }

  get active(): boolean {
    return this.shown !== null;
  }

  get namesHidden(): boolean {
    return this.hidden;
  }

  /** Segments on the shown ladder (for tests). */
  get segments(): number {
    return this.watch?.view.segments.length ?? 0;
  }

  /** Draws the ladder at the pair room's time (every frame). */
  tick(): void {
    if (this.watch && this.stage.visible) this.stage.tick(this.watch.serverNow());
  }

  /** Shows pair `number` of the tiles large. */
  async show(tile: PairTileView, number: number): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    await this.stop();
    const watch = await this.session.watch(tile.pairCode);
    this.asking = false;
    if (!this.scene.scene.isActive()) {
      if (typeof watch !== 'string') void watch.leave();
      return;
    }
    if (typeof watch === 'string') return this.hooks.refused(watch);
    this.watch = watch;
    this.shown = { number, client: tile.client, server: tile.server, pairCode: tile.pairCode };
    // The stage's heading names this pair: a new stage, in the old one's place.
    this.stage.destroy();
    this.stage = this.makeStage().setView(watch.view);
    watch.events.on('view', (view) => {
      this.stage.setView(view);
      this.hooks.moved();
    });
    watch.events.on('closed', () => void this.stop());
    this.hooks.changed();
  }

  /** Back to every pair. */
  async stop(): Promise<void> {
    const watch = this.watch;
    if (!watch && !this.shown) return;
    this.watch = null;
    this.shown = null;
    if (this.scene.scene.isActive()) this.hooks.changed();
    await watch?.leave();
  }

  private makeStage(): PairStage {
    return new PairStage(this.scene, stageLabels(this.shown), () => void this.stop(), (hidden) => {
      this.hidden = hidden;
      this.hooks.changed();
    }).setNamesHidden(this.hidden);
  }
}
