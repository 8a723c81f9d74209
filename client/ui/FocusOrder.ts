import type Phaser from 'phaser';
import type { Button } from './Button.ts';
import { onKeyPress } from './keyPresses.ts';
import type { TextField } from './TextField.ts';

type Focusable = Button | TextField;

function isField(item: Focusable): item is TextField {
  return 'field' in item;
}

/**
 * Keyboard focus over a screen's buttons and fields in reading order: Tab and Shift+Tab move,
 * Enter or Space presses. Canvas buttons have no DOM focus, so the screen keeps its own.
 */
export class FocusOrder {
  private items: Focusable[] = [];
  private index = -1;

  constructor(scene: Phaser.Scene) {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Tab') {
        event.preventDefault();
        this.move(event.shiftKey ? -1 : 1);
      } else if ((event.key === 'Enter' || event.key === ' ') && this.index >= 0) {
        const item = this.items[this.index];
        if (item && !isField(item)) {
          event.preventDefault();
          item.press();
        }
      }
    };
    onKeyPress(scene, 'keydown', onKey);
  }

  /** The focusable items, in order; only visible ones are visited. */
  setItems(items: Focusable[]): void {
    const current = this.items[this.index];
    this.items = items;
    this.index = current ? items.indexOf(current) : -1;
  }

  move(step: number): void {
    const visible = this.items.filter((item) => item.visible);
    if (visible.length === 0) return;
    const current = this.items[this.index];
    const at = current ? visible.indexOf(current) : -1;
    const next = visible[(at + step + visible.length) % visible.length] ?? visible[0];
    if (next) this.focus(next);
  }

  focus(item: Focusable): void {
    for (const other of this.items) if (!isField(other)) other.setFocused(other === item);
    this.index = this.items.indexOf(item);
    if (isField(item)) item.field.focus();
    else if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
  }
}
