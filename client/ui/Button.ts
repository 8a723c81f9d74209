import Phaser from 'phaser';
import { textStyle } from './textStyle.ts';
import { COLOURS, MIN_TOUCH } from './theme.ts';

/** The smallest a caption is drawn on one line before it wraps instead. */
const ONE_LINE_SCALE = 0.85;

export interface ButtonOptions {
  fontSize?: number;
  /** The main action of a screen is filled; others are outlined. */
  primary?: boolean;
}

/**
 * A tappable, focusable button. Selection and keyboard focus are drawn with shape (a thick border,
 * a ● marker), not with colour alone.
 */
export class Button extends Phaser.GameObjects.Container {
  private readonly background: Phaser.GameObjects.Graphics;
  private readonly caption: Phaser.GameObjects.Text;
  private boxWidth = 160;
  private boxHeight = MIN_TOUCH;
  private hovered = false;
  private focused = false;
  private selected = false;
  private enabled = true;
  private readonly onPress: () => void;
  private readonly options: ButtonOptions;

  constructor(scene: Phaser.Scene, label: string, onPress: () => void, options: ButtonOptions = {}) {
    super(scene, 0, 0);
    this.onPress = onPress;
    this.options = options;
    this.background = scene.add.graphics();
    this.caption = scene.add.text(0, 0, label, textStyle(options.fontSize ?? 18, { bold: true, align: 'center' })).setOrigin(0.5);
    this.add([this.background, this.caption]);
    this.setSize(this.boxWidth, this.boxHeight).setInteractive({ useHandCursor: true });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.setHovered(true));
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => this.setHovered(false));
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => this.press());
    scene.add.existing(this);
    this.redraw();
  }

  /** The caption without the ● of a chosen button. */
  get label(): string {
    return this.caption.text.replace(/^● /, '');
  }

  /** The button's box in world px (what a finger can press), for layout checks. */
  worldBox(): Phaser.Geom.Rectangle {
    const m = this.getWorldTransformMatrix();
    const w = this.boxWidth * m.scaleX;
    const h = this.boxHeight * m.scaleY;
    return new Phaser.Geom.Rectangle(m.tx - w / 2, m.ty - h / 2, w, h);
  }

  press(): void {
    if (this.enabled && this.visible) this.onPress();
  }

  setLabel(label: string): this {
    this.caption.setText(this.selected ? `● ${label}` : label);
    this.fitCaption();
    return this;
  }

  /** Sets the size in CSS px; never smaller than a fingertip. */
  resize(width: number, height: number = MIN_TOUCH): this {
    this.boxWidth = Math.max(MIN_TOUCH, width);
    this.boxHeight = Math.max(MIN_TOUCH, height);
    this.setSize(this.boxWidth, this.boxHeight);
    this.input?.hitArea.setTo(0, 0, this.boxWidth, this.boxHeight);
    this.fitCaption();
    this.redraw();
    return this;
  }

  /**
   * A caption a little too long for one line is drawn a little smaller; a longer one wraps onto a
   * second line, but one word is never broken in two ("Number|s" in a row of four on a phone), and
   * two lines still fit the button's height ("◷ Timed challenge" ran out of a 44 px button on a
   * 375 × 667 phone).
   */
  private fitCaption(): void {
    const room = this.boxWidth - 12;
    const words = this.caption.text.replace(/^● /, '');
    this.caption.setScale(1).setWordWrapWidth(null);
    const oneLine = room / this.caption.width;
    if (oneLine >= 1) return;
    if (!/\s/.test(words) || oneLine >= ONE_LINE_SCALE) {
      this.caption.setScale(oneLine);
      return;
    }
    this.caption.setWordWrapWidth(room, true);
    const lines = (this.boxHeight - 4) / this.caption.height;
    if (lines < 1) this.caption.setScale(lines);
  }

  setSelected(selected: boolean): this {
    const label = this.caption.text.replace(/^● /, '');
    this.selected = selected;
    this.setLabel(label);
    this.redraw();
    return this;
  }

  setFocused(focused: boolean): this {
    this.focused = focused;
    this.redraw();
    return this;
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.setAlpha(enabled ? 1 : 0.45);
    this.redraw();
    return this;
  }

  private setHovered(hovered: boolean): void {
    this.hovered = hovered;
    this.redraw();
  }

  private redraw(): void {
    const w = this.boxWidth;
    const h = this.boxHeight;
    const g = this.background.clear();
    const filled = this.options.primary || this.selected;
    const border = this.focused ? 4 : this.selected ? 3 : 2;
    // Border as two filled rects: WebGL leaves a notch where a stroked rounded path closes.
    g.fillStyle(this.focused ? COLOURS.focus : filled ? COLOURS.client : COLOURS.panelBorder, 1);
    g.fillRoundedRect(-w / 2, -h / 2, w, h, 10);
    g.fillStyle(filled ? (this.hovered ? 0x2f6f99 : 0x1f5578) : this.hovered ? 0x26344a : COLOURS.panel, 1);
    g.fillRoundedRect(-w / 2 + border, -h / 2 + border, w - 2 * border, h - 2 * border, 8);
  }
}
