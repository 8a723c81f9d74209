import Phaser from 'phaser';
import { COLOURS, MIN_TOUCH } from './theme.ts';

/**
 * A track with a knob that picks one of `count` steps: drag or tap anywhere on it. The knob is a
 * filled circle with a ring, readable without colour.
 */
export class StepSlider extends Phaser.GameObjects.Container {
  private readonly graphics: Phaser.GameObjects.Graphics;
  /** Gives the container its extent (a Graphics has none), for its bounds and hit area. */
  private readonly area: Phaser.GameObjects.Zone;
  private trackWidth = 300;
  private stepCount = 1;
  private value = 0;
  private readonly onPick: (step: number) => void;

  constructor(scene: Phaser.Scene, onPick: (step: number) => void) {
    super(scene, 0, 0);
    this.onPick = onPick;
    this.graphics = scene.add.graphics();
    this.area = scene.add.zone(0, 0, this.trackWidth, MIN_TOUCH);
    this.add([this.area, this.graphics]);
    this.setSize(this.trackWidth, MIN_TOUCH).setInteractive({ useHandCursor: true, draggable: false });
    const pick = (pointer: Phaser.Input.Pointer) => {
      if (!pointer.isDown) return;
      const local = pointer.positionToCamera(scene.cameras.main) as Phaser.Math.Vector2;
      const f = Phaser.Math.Clamp((local.x - (this.x - this.trackWidth / 2)) / this.trackWidth, 0, 1);
      const step = Math.round(f * (this.stepCount - 1));
      if (step !== this.value) this.onPick(step);
    };
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, pick);
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_MOVE, pick);
    scene.add.existing(this);
  }

  resize(width: number): this {
    this.trackWidth = width;
    this.setSize(width, MIN_TOUCH);
    this.area.setSize(width, MIN_TOUCH);
    if (this.input) this.input.hitArea.setTo(0, 0, width, MIN_TOUCH);
    this.redraw();
    return this;
  }

  set(step: number, count: number): this {
    this.value = step;
    this.stepCount = Math.max(1, count);
    this.redraw();
    return this;
  }

  private redraw(): void {
    const g = this.graphics.clear();
    const half = this.trackWidth / 2;
    g.fillStyle(COLOURS.panelBorder, 1).fillRoundedRect(-half, -3, this.trackWidth, 6, 3);
    for (let i = 0; i < this.stepCount && this.stepCount <= 80; i++) {
      const x = -half + (this.stepCount === 1 ? 0 : (i / (this.stepCount - 1)) * this.trackWidth);
      g.fillStyle(COLOURS.dim, 1).fillRect(x - 1, -8, 2, 16);
    }
    const x = -half + (this.stepCount === 1 ? 0 : (this.value / (this.stepCount - 1)) * this.trackWidth);
    g.fillStyle(COLOURS.text, 1).fillCircle(x, 0, 10);
    g.lineStyle(3, COLOURS.focus, 1).strokeCircle(x, 0, 14);
  }
}
