import Phaser from 'phaser';
import { Button } from './Button.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, MIN_TOUCH } from './theme.ts';

/** A titled row of buttons of which one is chosen (marked ●), with a line of help under it. */
export class ChoiceRow<T extends string> extends Phaser.GameObjects.Container {
  readonly buttons: readonly Button[];
  private readonly title: Phaser.GameObjects.Text;
  private readonly help: Phaser.GameObjects.Text;
  private chosen: T;
  private readonly values: readonly T[];
  private readonly helpFor: (value: T) => string;

  constructor(scene: Phaser.Scene, title: string, values: readonly T[], labels: (value: T) => string,
    chosen: T, helpFor: (value: T) => string, onChange: (value: T) => void) {
    super(scene, 0, 0);
    this.values = values;
    this.helpFor = helpFor;
    this.chosen = chosen;
    this.title = scene.add.text(0, 0, title, textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.help = scene.add.text(0, 0, '', textStyle(13, { colour: COLOURS.dim }));
    this.buttons = values.map((value) => new Button(scene, labels(value), () => {
      this.choose(value);
      onChange(value);
    }, { fontSize: 16 }));
    this.add([this.title, ...this.buttons, this.help]);
    scene.add.existing(this);
    this.choose(chosen);
  }

  get value(): T {
    return this.chosen;
  }

  choose(value: T): void {
    this.chosen = value;
    this.values.forEach((v, i) => this.buttons[i]?.setSelected(v === value));
    this.help.setText(this.helpFor(value));
  }

  /** Lays the row out `width` wide; returns its height. */
  layout(width: number, buttonHeight = MIN_TOUCH + 4): number {
    const gap = 8;
    const w = (width - gap * (this.buttons.length - 1)) / this.buttons.length;
    this.buttons.forEach((button, i) => button.resize(w, buttonHeight).setPosition(i * (w + gap) + w / 2, 22 + buttonHeight / 2));
    this.help.setWordWrapWidth(width, true).setPosition(0, 28 + buttonHeight);
    return 28 + buttonHeight + (this.help.text ? this.help.height + 2 : 0);
  }
}
