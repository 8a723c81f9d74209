/**
 * One forked load generator from the parent's side: commands go out, events come back in any
 * order and wait until asked for, and the process failing, or exiting before its result, is a
 * rejection with its reason rather than a wait that never ends.
 */
import type { ChildProcess } from 'node:child_process';
import type { LoadCommand, LoadEvent } from './loadPlan.ts';
import { forkLoadGenerator } from './processes.ts';

type EventType = Exclude<LoadEvent['type'], 'failed'>;
type EventOf<T extends EventType> = Extract<LoadEvent, { type: T }>;

interface Slot {
  readonly promise: Promise<LoadEvent>;
  readonly resolve: (event: LoadEvent) => void;
}

function slot(): Slot {
  let resolve: (event: LoadEvent) => void = () => {};
  const promise = new Promise<LoadEvent>((r) => (resolve = r));
  return { promise, resolve };
}

export class LoadGeneratorProcess {
  readonly child: ChildProcess;
  /** Rejects with the reason if the process fails or ends without a result; never resolves. */
  readonly failure: Promise<never>;
  private readonly name: string;
  private readonly slots = new Map<EventType, Slot>();
  private answered = false;

  constructor(index: number) {
    this.name = `load generator ${index}`;
    this.child = forkLoadGenerator();
    this.failure = new Promise<never>((_, reject) => {
      this.child.on('message', (event: LoadEvent) => {
        if (event.type === 'failed') return reject(new Error(`${this.name} failed: ${event.message}`));
        if (event.type === 'result') this.answered = true;
        this.slotOf(event.type).resolve(event);
      });
      // A command sent to a process that has just died ends up here.
      this.child.on('error', (error) => reject(new Error(`${this.name}: ${error.message}`)));
      this.child.on('exit', (code, signal) => {
        if (!this.answered) reject(new Error(`${this.name} exited (${signal ?? code}) without a result`));
      });
    });
    // Raced against every step of the measurement; it may reject while nothing is waiting on it.
    this.failure.catch(() => undefined);
  }

  send(command: LoadCommand): void {
    this.child.send(command);
  }

  /** The event of this type, whether it has already arrived or not; each type comes once. */
  next<T extends EventType>(type: T): Promise<EventOf<T>> {
    return this.slotOf(type).promise as Promise<EventOf<T>>;
  }

  private slotOf(type: EventType): Slot {
    let s = this.slots.get(type);
    if (!s) this.slots.set(type, (s = slot()));
    return s;
  }
}
