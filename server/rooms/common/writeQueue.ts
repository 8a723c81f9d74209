/**
 * A room's writes to the database, off the room's path: a round's end, a join, a kick do not
 * wait for the disk or for Postgres. They are written in the order the room made them (with
 * Postgres two writes could otherwise overtake each other on two connections: a round's end
 * before its start). A write that fails is logged and the room goes on with what it holds in
 * memory; it never becomes an unhandled rejection, which would stop the process.
 */
import { logger } from '@colyseus/core';

export class WriteQueue {
  readonly #where: () => string;
  #last: Promise<void> = Promise.resolve();

  /** `where` names the room in the log (its code, known only once the room has one). */
  constructor(where: () => string) {
    this.#where = where;
  }

  /** Runs `write` after the writes queued before it; `what` names it in the log if it fails. */
  add(what: string, write: () => Promise<unknown>): void {
    this.#last = this.#last.then(write).then(
      () => undefined,
      (e: unknown) => logger.error(`${this.#where()}: ${what} not stored:`, e),
    );
  }

  /** Resolves once everything queued so far is written (or has failed and been logged). */
  settled(): Promise<void> {
    return this.#last;
  }

  /**
   * As `settled`, but no later than `ms` from now: for what waits on the writes without
   * depending on them (a database that hangs must not hold a class's round open).
   */
  settledWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
    return Promise.race([this.#last, late]).finally(() => clearTimeout(timer));
  }
}
