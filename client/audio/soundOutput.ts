import Phaser from 'phaser';
import { hook, publish } from '../testHook.ts';
import { SOUND_KEYS, soundOn, type Cue, type SoundPlace } from './cues.ts';
import { cueSeconds, SOUNDS, synthesise } from './sounds.ts';

/** Whether `place` makes sound, as this browser last set it (or the place's default). */
export function loadSoundOn(place: SoundPlace): boolean {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(SOUND_KEYS[place]);
  } catch {
    // Storage refused (a private window's quota): the default, and nothing is remembered.
  }
  return soundOn(place, saved);
}

export function saveSoundOn(place: SoundPlace, on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEYS[place], on ? 'on' : 'off');
  } catch {
    // As above: the setting holds for this page only.
  }
}

/** Cues of one moment follow each other by this much at most, so "sent" and "right" stay two sounds. */
const STAGGER_S = 0.12;

/**
 * Plays cues through the scene's Phaser sound manager: its AudioContext (which Phaser unlocks on
 * the first touch, click or key, as browsers require) and its master gain. A browser without Web
 * Audio, or one not yet unlocked, stays silent; every cue has its counterpart on screen.
 */
export function playCues(scene: Phaser.Scene, cues: readonly Cue[]): void {
  if (cues.length === 0) return;
  const manager = scene.sound;
  if (!(manager instanceof Phaser.Sound.WebAudioSoundManager)) return;
  const context = manager.context;
  // A suspended context would hold the sounds back and play them all at once when unlocked.
  if (context.state !== 'running') return;
  let start = context.currentTime + 0.01;
  for (const cue of cues) {
    synthesise(context, manager.destination, SOUNDS[cue], start);
    start += Math.min(STAGGER_S, cueSeconds(cue));
  }
  publish({ sound: { ...hook.state.sound, played: [...hook.state.sound.played, ...cues] } });
}
