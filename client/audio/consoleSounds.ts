import type Phaser from 'phaser';
import type { ClassroomView } from '../../shared/protocol.ts';
import type { SoundToggle } from '../ui/SoundToggle.ts';
import { classClockMoment } from './classClockMoment.ts';
import { classClockEvents, classEvents, cuesFor, type ClassClockMoment, type ClassMoment } from './cues.ts';
import { playCues } from './soundOutput.ts';

/**
 * The projector's sounds: a round starting (the phase line says so) and ending (the leaderboard
 * and the review come up), and the class clock's ticks (its count-down is on screen beside them).
 */
export class ConsoleSounds {
  private readonly scene: Phaser.Scene;
  private readonly toggle: SoundToggle;
  private before: ClassMoment | null = null;
  private clockBefore: ClassClockMoment | null = null;

  constructor(scene: Phaser.Scene, toggle: SoundToggle) {
    this.scene = scene;
    this.toggle = toggle;
    // The projector shows the console while the teacher's keyboard is often in another window
    // (slides, the register): Phaser would otherwise suspend its audio whenever the page loses focus.
    scene.sound.pauseOnBlur = false;
  }

  /** Called with every view the console shows. */
  follow(view: ClassroomView): void {
    const moment: ClassMoment = { phase: view.phase, round: view.round };
    playCues(this.scene, cuesFor(classEvents(this.before, moment), this.toggle.soundOn));
    this.before = moment;
  }

  /** Called every frame with the class room's time: the count-down's numbers tick as they change. Returns what the count-down shows. */
  tick(view: ClassroomView, now: number): ClassClockMoment {
    const moment = classClockMoment(view, now);
    playCues(this.scene, cuesFor(classClockEvents(this.clockBefore, moment), this.toggle.soundOn));
    this.clockBefore = moment;
    return moment;
  }
}
