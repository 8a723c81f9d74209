/**
 * The memory probe over one measurement of the bench: a reading of the idle server before the
 * load, and one with every room open just after the window, once the window's last replies
 * have had time to come back (the probe's full collection pauses the server, and must not
 * lengthen a measured latency or come before the RSS reading it would shrink).
 */
import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { keptBytes, readMemory, type MemoryUsageAfterGc } from './memoryReading.ts';

/**
 * Well past the latency of any reply the window counts, and well within the grace the load
 * generators give those replies (1.5 s) before their clients leave.
 */
const AFTER_WINDOW_MS = 750;

/** Memory after a full collection: what the rooms keep, without heap slack, young generation or garbage. */
export interface HeapFigures {
  /** Old space + external (Buffers) after GC (see keptBytes), idle and with every room open. */
  readonly idleBytes: number;
  readonly loadedBytes: number;
  /** Rooms open at the loaded reading, by Colyseus's own count. */
  readonly rooms: number;
  /** (loaded − idle) / rooms. */
  readonly perRoomBytes: number;
}

export class HeapReadings {
  private readonly server: ChildProcess;
  private idle: Promise<MemoryUsageAfterGc> | undefined;
  private loaded: Promise<MemoryUsageAfterGc> | undefined;

  constructor(server: ChildProcess) {
    this.server = server;
  }

  /** Before the load. */
  async readIdle(): Promise<void> {
    this.idle = readMemory(this.server);
    await this.idle;
  }

  /** The window has just closed; the reading follows shortly, while the clients are still there. */
  windowEnded(): void {
    this.loaded = delay(AFTER_WINDOW_MS).then(() => readMemory(this.server));
    // Awaited in figures(); a run that fails before then must not leave it unhandled.
    this.loaded.catch(() => undefined);
  }

  /** null when either reading is missing or failed; a broken probe should not cost the whole run. */
  async figures(): Promise<HeapFigures | null> {
    try {
      if (!this.idle || !this.loaded) return null;
      const [idle, loaded] = await Promise.all([this.idle, this.loaded]);
      const rooms = loaded.rooms - idle.rooms;
      const [idleBytes, loadedBytes] = [keptBytes(idle), keptBytes(loaded)];
      return { idleBytes, loadedBytes, rooms, perRoomBytes: rooms > 0 ? Math.round((loadedBytes - idleBytes) / rooms) : NaN };
    } catch (error) {
      console.error(`  memory probe: ${(error as Error).message}`);
      return null;
    }
  }
}
