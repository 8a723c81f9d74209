import type { Cue } from './cues.ts';

/**
 * Each cue drawn with the Web Audio API: a few short tones, so there is no audio file to load or
 * to license. A tone glides from `from` to `to` Hz (a sweep when they differ) under an envelope
 * that rises in 10 ms and fades out by its end.
 */
export interface Tone {
  /** Seconds after the cue starts. */
  readonly at: number;
  readonly seconds: number;
  readonly from: number;
  readonly to: number;
  readonly wave: OscillatorType;
  /** Peak gain; the whole game stays well below 1. */
  readonly gain: number;
}

const note = (at: number, seconds: number, hz: number, wave: OscillatorType = 'sine', gain = 0.22): Tone => ({ at, seconds, from: hz, to: hz, wave, gain });
const sweep = (at: number, seconds: number, from: number, to: number, wave: OscillatorType = 'sine', gain = 0.2): Tone => ({ at, seconds, from, to, wave, gain });

// C major: C5 523, E5 659, G5 784, C6 1047; G4 392.
export const SOUNDS: Readonly<Record<Cue, readonly Tone[]>> = {
  tick: [note(0, 0.07, 880, 'square', 0.08)],
  go: [note(0, 0.25, 1320, 'triangle', 0.3)],
  roundStart: [note(0, 0.12, 523, 'triangle'), note(0.1, 0.12, 659, 'triangle'), note(0.2, 0.3, 784, 'triangle', 0.26)],
  fanfare: [
    note(0, 0.12, 392, 'triangle', 0.24), note(0.12, 0.12, 523, 'triangle', 0.24), note(0.24, 0.12, 659, 'triangle', 0.24),
    note(0.36, 0.7, 784, 'triangle', 0.26), note(0.36, 0.7, 1047, 'square', 0.05),
  ],
  sent: [sweep(0, 0.09, 420, 900, 'sine', 0.16)],
  arrived: [note(0, 0.06, 660, 'sine', 0.16), note(0.07, 0.08, 880, 'sine', 0.16)],
  lost: [sweep(0, 0.32, 520, 140, 'sawtooth', 0.07)],
  right: [note(0, 0.08, 784, 'sine', 0.2), note(0.08, 0.16, 1175, 'sine', 0.2)],
  wrong: [sweep(0, 0.24, 170, 120, 'square', 0.08)],
};

/** Schedules a cue's tones on `context` from `start` (its clock, in seconds) into `destination`. */
export function synthesise(context: BaseAudioContext, destination: AudioNode, tones: readonly Tone[], start: number): void {
  for (const tone of tones) {
    const t0 = start + tone.at;
    const t1 = t0 + tone.seconds;
    const oscillator = context.createOscillator();
    const envelope = context.createGain();
    oscillator.type = tone.wave;
    oscillator.frequency.setValueAtTime(tone.from, t0);
    if (tone.to !== tone.from) oscillator.frequency.exponentialRampToValueAtTime(tone.to, t1);
    envelope.gain.setValueAtTime(0.0001, t0);
    envelope.gain.linearRampToValueAtTime(tone.gain, t0 + 0.01);
    envelope.gain.exponentialRampToValueAtTime(0.0001, t1);
    oscillator.connect(envelope).connect(destination);
    oscillator.start(t0);
    oscillator.stop(t1 + 0.02);
  }
}

/** How long a cue lasts, in seconds. */
export function cueSeconds(cue: Cue): number {
  return Math.max(...SOUNDS[cue].map((t) => t.at + t.seconds));
}
