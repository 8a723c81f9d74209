import type Phaser from 'phaser';
import type { SoundPlace } from '../audio/cues.ts';
import { loadSoundOn, saveSoundOn } from '../audio/soundOutput.ts';
import { t } from '../i18n/text.ts';
import { hook, publish } from '../testHook.ts';
import { Button } from './Button.ts';

/**
 * The sound switch of a screen: "♪ Sound: on" or "♪ Sound: off" (the caption says the state, with
 * a ✕ when off, so it is not told by colour), remembered for its place in this browser.
 */
export class SoundToggle extends Button {
  private readonly where: SoundPlace;
  private isOn: boolean;
  private compact = false;

  constructor(scene: Phaser.Scene, place: SoundPlace) {
    super(scene, '', () => this.set(!this.isOn), { fontSize: 14 });
    this.where = place;
    this.isOn = loadSoundOn(place);
    this.show();
  }

  get soundOn(): boolean {
    return this.isOn;
  }

  /**
   * Lays it out `height` px high with its right edge at `right`; `compact` on a phone (the symbol
   * only: ♪ or ♪✕). Returns the width taken.
   */
  layOut(right: number, top: number, height: number, compact: boolean): number {
    this.compact = compact;
    const width = compact ? 52 : 124;
    this.resize(width, height).setPosition(right - width / 2, top + height / 2);
    this.show();
    return width;
  }

  private set(on: boolean): void {
    this.isOn = on;
    saveSoundOn(this.where, on);
    this.show();
  }

  private show(): void {
    const mark = this.isOn ? '♪' : '♪✕';
    this.setLabel(this.compact ? mark : `${mark} ${t(this.isOn ? 'sound.on' : 'sound.off')}`);
    publish({ sound: { ...hook.state.sound, place: this.where, on: this.isOn } });
  }
}
