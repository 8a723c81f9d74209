import Phaser from 'phaser';
import { UI_FONT } from './theme.ts';

export interface TextFieldOptions {
  id: string;
  placeholder: string;
  maxLength: number;
  value?: string;
  /** 'numeric' brings up the number pad on phones. */
  inputMode?: 'text' | 'numeric';
  upperCase?: boolean;
  onEnter?: () => void;
  /** What a phone's keyboard writes on its Enter key: 'go' when Enter does something, unless said. */
  enterKeyHint?: 'go' | 'send';
  /** Moves keyboard focus on through the screen's own order (the canvas has no DOM focus). */
  onTab?: (backwards: boolean) => void;
}

/**
 * A DOM text input placed in the game (the only DOM the screens use, as canvas cannot take text).
 * Keys typed into it must not reach the game: Phaser listens on window, so typing "1" would also
 * play card 1.
 */
export class TextField extends Phaser.GameObjects.DOMElement {
  readonly field: HTMLInputElement;

  constructor(scene: Phaser.Scene, options: TextFieldOptions) {
    const field = document.createElement('input');
    super(scene, 0, 0, field);
    this.field = field;
    field.id = options.id;
    field.type = 'text';
    field.placeholder = options.placeholder;
    field.maxLength = options.maxLength;
    field.value = options.value ?? '';
    field.autocomplete = 'off';
    field.spellcheck = false;
    field.inputMode = options.inputMode ?? 'text';
    // A phone's keyboard: a code in capitals as it is shown, no word "corrected" into a name or a
    // code, and an Enter key that says what it does.
    if (options.upperCase) field.autocapitalize = 'characters';
    field.setAttribute('autocorrect', 'off');
    if (options.onEnter) field.enterKeyHint = options.enterKeyHint ?? 'go';
    field.setAttribute('aria-label', options.placeholder);
    // Absolute: Phaser places DOM elements by transform only, so in normal flow each would also be
    // pushed down by the height of the fields before it.
    field.style.cssText = `position:absolute;left:0;top:0;box-sizing:border-box;font:18px ${UI_FONT};padding:0 12px;border-radius:10px;`
      + 'border:2px solid #3a4d68;background:#0c1118;color:#f2f5f8;outline-offset:2px;';
    if (options.upperCase) field.style.textTransform = 'uppercase';
    field.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') options.onEnter?.();
      if (event.key === 'Escape') field.blur();
      if (event.key === 'Tab' && options.onTab) {
        event.preventDefault();
        options.onTab(event.shiftKey);
      }
    });
    this.setOrigin(0, 0);
    scene.add.existing(this);
    // Phaser cancels mousedown on the canvas, so a click on the game would not blur the field.
    scene.input.on(Phaser.Input.Events.POINTER_DOWN, () => {
      if (document.activeElement === field) field.blur();
    });
  }

  get value(): string {
    return this.field.value.trim();
  }

  setBox(x: number, y: number, width: number, height: number): this {
    this.field.style.width = `${width}px`;
    this.field.style.height = `${height}px`;
    this.field.style.fontSize = `${Math.min(20, Math.max(16, height * 0.4))}px`;
    this.setPosition(x, y);
    return this;
  }
}
