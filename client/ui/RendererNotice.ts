import Phaser from 'phaser';
import { DPR } from '../pixelRatio.ts';
import { hook } from '../testHook.ts';
import { Button } from './Button.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, MIN_TOUCH } from './theme.ts';

export interface RendererNoticeTexts {
  readonly message: string;
  readonly switchTo: string;
  readonly keep: string;
}

const MARGIN = 8;
const PADDING = 10;
const MAX_WIDTH = 420;

/**
 * A small panel in the top right corner saying the game runs slowly and offering the other
 * renderer. It blocks nothing: the match goes on under and beside it. It places itself from the
 * camera rather than from its scene's layout, so a scene only has to create it.
 */
export class RendererNotice extends Phaser.GameObjects.Container {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly message: Phaser.GameObjects.Text;
  private readonly switchButton: Button;
  private readonly keepButton: Button;

  constructor(scene: Phaser.Scene, texts: RendererNoticeTexts, onSwitch: () => void, onKeep: () => void) {
    super(scene, 0, 0);
    this.frame = scene.add.graphics();
    this.message = scene.add.text(PADDING, PADDING, `ℹ ${texts.message}`, textStyle(14, { wrap: MAX_WIDTH - 2 * PADDING }));
    this.switchButton = new Button(scene, texts.switchTo, onSwitch, { fontSize: 15, primary: true });
    this.keepButton = new Button(scene, texts.keep, onKeep, { fontSize: 15 });
    this.add([this.frame, this.message, this.switchButton, this.keepButton]);
    this.setDepth(1000);
    scene.add.existing(this);
    this.place();
    const place = (): void => this.place();
    scene.scale.on(Phaser.Scale.Events.RESIZE, place);
    this.once(Phaser.GameObjects.Events.DESTROY, () => scene.scale.off(Phaser.Scale.Events.RESIZE, place));
  }

  get text(): string {
    return this.message.text;
  }

  /** Fits the panel into the view's top right corner, and tells tests where its buttons are. */
  private place(): void {
    const camera = this.scene.cameras.main;
    const viewWidth = camera.width / camera.zoom;
    const width = Math.min(MAX_WIDTH, viewWidth - 2 * MARGIN);
    this.message.setWordWrapWidth(width - 2 * PADDING, true);
    const buttonsTop = PADDING + this.message.height + 8;
    const buttonWidth = (width - 2 * PADDING - 8) / 2;
    this.switchButton.resize(buttonWidth).setPosition(PADDING + buttonWidth / 2, buttonsTop + MIN_TOUCH / 2);
    this.keepButton.resize(buttonWidth).setPosition(width - PADDING - buttonWidth / 2, buttonsTop + MIN_TOUCH / 2);
    const height = buttonsTop + MIN_TOUCH + PADDING;
    this.frame.clear()
      .fillStyle(COLOURS.dim, 1).fillRoundedRect(0, 0, width, height, 10)
      .fillStyle(COLOURS.panel, 1).fillRoundedRect(2, 2, width - 4, height - 4, 8);
    this.setPosition(viewWidth - MARGIN - width, MARGIN);
    // Page px per layout px: the camera's zoom without the pixel ratio (Screen.publishTargets).
    const toPage = camera.zoom / DPR;
    for (const [name, button] of [['renderer.switch', this.switchButton], ['renderer.keep', this.keepButton]] as const) {
      const bounds = button.getBounds();
      hook.targets[name] = { x: bounds.centerX * toPage, y: bounds.centerY * toPage };
    }
  }
}
