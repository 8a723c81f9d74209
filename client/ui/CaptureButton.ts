import type Phaser from 'phaser';
import { locale, t } from '../i18n/text.ts';
import { downloadRoundCapture } from '../net/roundRecords.ts';
import { publish } from '../testHook.ts';
import { Button, type ButtonOptions } from './Button.ts';

/** Which round to download: its record id ('' while none has finished) and, for a class's round, the class. */
export interface CaptureTarget {
  readonly recordId: string;
  readonly classCode: string | null;
}

/**
 * "Download for Wireshark": saves a finished round as a pcapng file. The button's own label says
 * how it went, so a screen gains no other line for it.
 */
export class CaptureButton extends Button {
  private busy = false;

  constructor(scene: Phaser.Scene, target: () => CaptureTarget, options: ButtonOptions = { fontSize: 16 }) {
    super(scene, t('result.capture'), () => void this.save(target()), options);
  }

  private async save(target: CaptureTarget): Promise<void> {
    if (this.busy || !target.recordId) return;
    this.busy = true;
    this.setLabel(t('result.captureSaving'));
    const saved = await downloadRoundCapture(target.recordId, target.classCode, locale());
    this.busy = false;
    if (!this.scene) return;
    this.setLabel(saved.ok ? t('result.captureSaved') : t('result.captureFailed'));
    if (saved.ok) publish({ captureSaved: saved.value });
  }
}
