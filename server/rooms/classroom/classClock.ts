/**
 * The class clock (issue 19): one count-down for the projector although every pair starts its
 * own get-ready when both its seats are taken. Pairs report their clock as durations from the
 * moment they send it (each pair room's match clock is its own, and may live in another
 * process); here they become times on the class room's clock. The get-ready ends with the
 * earliest pair's, the round with the latest pair's: the projector counts down with the first
 * pairs to play and never says the time is up while a pair still plays. A pause moves both on
 * by its length, as it does every pair's clock.
 */
import type { ClassroomState } from '../schema/ClassroomState.ts';

type ClockFields = Pick<ClassroomState, 'clockStartsAt' | 'clockEndsAt' | 'serverTime'>;

export class ClassClock {
  private readonly view: ClockFields;
  private readonly now: () => number;
  private pausedAt: number | null = null;

  constructor(view: ClockFields, now: () => number) {
    this.view = view;
    this.now = now;
  }

  /** A new round (or none): no pair plays yet. */
  reset(): void {
    this.pausedAt = null;
    this.set(-1, -1);
  }

  /** A pair's round began: its get-ready ends in `readyMs`, its round in `roundMs` (of its running clock). */
  pairStarted(readyMs: number, roundMs: number): void {
    // A pair that starts while the class is paused has its clock stopped too: it runs from the resume.
    const base = this.pausedAt ?? this.now();
    const { clockStartsAt, clockEndsAt } = this.view;
    this.set(clockStartsAt < 0 ? base + readyMs : Math.min(clockStartsAt, base + readyMs), Math.max(clockEndsAt, base + roundMs));
  }

  /**
   * Someone is about to receive the whole state (a screen opened or reloaded, a student back):
   * it carries the time now, which the page takes as now. While paused it stays at the pause,
   * where every pair's clock stands.
   */
  stampForNewcomer(): void {
    if (this.pausedAt === null) this.view.serverTime = this.now();
  }

  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.now();
    this.view.serverTime = this.pausedAt;
  }

  resume(): void {
    if (this.pausedAt === null) return;
    const pausedAt = this.pausedAt;
    const shift = this.now() - pausedAt;
    this.pausedAt = null;
    const { clockStartsAt, clockEndsAt } = this.view;
    // A get-ready already over stays over; one that was running resumes where it stopped.
    this.set(clockStartsAt > pausedAt ? clockStartsAt + shift : clockStartsAt, clockEndsAt < 0 ? clockEndsAt : clockEndsAt + shift);
  }

  private set(startsAt: number, endsAt: number): void {
    Object.assign(this.view, { clockStartsAt: startsAt, clockEndsAt: endsAt, serverTime: this.pausedAt ?? this.now() });
  }
}
