import type Phaser from 'phaser';
import { Button } from './Button.ts';
import { TextField } from './TextField.ts';

/**
 * A line of text to pass on (a link, a score to share) in a read-only field, with a Copy button.
 * Where the clipboard cannot be used (a plain-http page) the text is selected to copy by hand.
 */
export class CopyField {
  readonly field: TextField;
  readonly button: Button;
  private readonly labels: { copy: string; copied: string };
  private readonly scene: Phaser.Scene;

  constructor(scene: Phaser.Scene, id: string, labels: { copy: string; copied: string }) {
    this.scene = scene;
    this.labels = labels;
    this.field = new TextField(scene, { id, placeholder: '', maxLength: 300 });
    this.field.field.readOnly = true;
    this.button = new Button(scene, labels.copy, () => void this.copy(), { primary: true });
  }

  setText(text: string): this {
    this.field.field.value = text;
    return this;
  }

  setVisible(visible: boolean): this {
    this.field.setVisible(visible);
    this.button.setVisible(visible);
    return this;
  }

  /**
   * Places the field and its button `width` wide at (x, y): on one line, or on a phone the button
   * under the field, so the whole line can be read (unless `oneRow`: a screen short of room keeps
   * them on one line, the field scrolling). Returns the height used.
   */
  layout(x: number, y: number, width: number, height = 48, oneRow = false): number {
    const buttonWidth = Math.min(160, Math.max(96, width * 0.28));
    if (width < 480 && !oneRow) {
      this.field.setBox(x, y, width, height);
      this.field.field.style.fontSize = '15px';
      this.button.resize(buttonWidth, 44).setPosition(x + width - buttonWidth / 2, y + height + 6 + 22);
      return height + 6 + 44;
    }
    this.field.setBox(x, y, width - buttonWidth - 8, height);
    this.button.resize(buttonWidth, height).setPosition(x + width - buttonWidth / 2, y + height / 2);
    return height;
  }

  async copy(): Promise<void> {
    const text = this.field.field.value;
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // Clipboard access needs a secure context; the old command still works on a selection.
      this.field.field.select();
      copied = document.execCommand('copy');
    }
    if (!copied) return;
    this.button.setLabel(this.labels.copied);
    this.scene.time.delayedCall(2000, () => this.button.setLabel(this.labels.copy));
  }
}
