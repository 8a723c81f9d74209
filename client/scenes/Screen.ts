import Phaser from 'phaser';
import { DPR, uiScale } from '../pixelRatio.ts';
import { hook, publish } from '../testHook.ts';
import { onKeyPress } from '../ui/keyPresses.ts';

/**
 * What every screen shares: the camera zoomed by the pixel ratio so layout is in CSS px, and a
 * `layout` pass on every resize, from a 360 px phone to a 1920 px projector.
 */
export abstract class Screen extends Phaser.Scene {
  /** An overlay does not count as the page's screen for tests. */
  protected readonly overlay: boolean = false;

  /** Lays out every object for a viewport of w × h CSS px. */
  protected abstract layout(width: number, height: number): void;

  /** Layout px per CSS px: 1 up to a laptop, more on a projector. */
  protected zoom = 1;
  /** The zoom for this viewport before `fitHeight` made it smaller. */
  private baseZoom = 1;
  /** `fitHeight` is laying the screen out again: it does not zoom twice. */
  private fitting = false;
  /** How far down the last layout went, as it told `fitHeight`. */
  private fittedBottom = 0;

  protected get viewWidth(): number {
    return this.scale.gameSize.width / DPR / this.zoom;
  }

  protected get viewHeight(): number {
    return this.scale.gameSize.height / DPR / this.zoom;
  }

  /**
   * The height a screen chooses its spacing by: the view's before `fitHeight` zooms out. Zoomed
   * out, the view is taller, and a screen that chose roomier spacing for it needed more zoom
   * still: a 375 × 667 phone's Start screen in private mode took its tagline back and drew its
   * buttons 32 px tall, below a fingertip.
   */
  protected get spacingHeight(): number {
    return this.scale.gameSize.height / DPR / this.baseZoom;
  }

  /** Call at the end of `create`, once the objects exist. */
  protected startLayout(): void {
    const relayout = (): void => this.relayout();
    relayout();
    this.scale.on(Phaser.Scale.Events.RESIZE, relayout);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, relayout));
    if (!this.overlay) publish({ ready: true, scene: this.scene.key });
  }

  /** Lays the screen out afresh for the viewport, as on a resize (content that changed height included). */
  protected relayout(): void {
    this.zoom = this.baseZoom = uiScale();
    this.cameras.main.setOrigin(0, 0).setZoom(DPR * this.zoom);
    this.layout(this.viewWidth, this.viewHeight);
    publish({ width: Math.round(this.viewWidth * this.zoom), height: Math.round(this.viewHeight * this.zoom) });
  }

  /**
   * Call at the end of `layout` with how far down the content went: on a screen too short for
   * it (a 360 × 640 phone) the camera zooms out just enough to show all of it, and lays out again.
   * Laid out again in a taller view, text wraps differently, so the zoom is corrected until what
   * is drawn fits; the spacing stays the one chosen for the real height (`spacingHeight`).
   */
  protected fitHeight(bottom: number): void {
    this.fittedBottom = bottom;
    if (this.fitting || bottom <= this.viewHeight + 1) return;
    this.fitting = true;
    for (let pass = 0; pass < 4 && this.fittedBottom > this.viewHeight + 1; pass++) {
      this.zoom *= this.viewHeight / this.fittedBottom;
      this.cameras.main.setZoom(DPR * this.zoom);
      this.layout(this.viewWidth, this.viewHeight);
    }
    // Still a little over: zoom out once more without laying out again, which can only shrink it.
    if (this.fittedBottom > this.viewHeight + 1) {
      const shrink = this.viewHeight / this.fittedBottom;
      this.zoom *= shrink;
      this.cameras.main.setZoom(DPR * this.zoom);
      // The camera's origin is the top left: what was published for tests moves with the zoom.
      for (const target of Object.values(hook.targets)) {
        target.x *= shrink;
        target.y *= shrink;
      }
    }
    this.fitting = false;
  }

  /** Publishes where the named objects are on the page, for tests that click (call after layout). */
  protected publishTargets(objects: Record<string, Phaser.GameObjects.Container>): void {
    hook.targets = {};
    for (const [name, object] of Object.entries(objects)) {
      const bounds = object.getBounds();
      hook.targets[name] = { x: bounds.centerX * this.zoom, y: bounds.centerY * this.zoom };
    }
  }

  /** Adds a key handler for this screen only, removed when the screen closes. */
  protected onKey(key: string, handler: (event: KeyboardEvent) => void): void {
    onKeyPress(this, `keydown-${key}`, handler);
  }
}
