/**
 * What the kernel says about a process: CPU time from /proc/<pid>/stat and resident memory
 * from /proc/<pid>/status. Read from outside, so the server needs no instrumentation and the
 * figures include everything the process does (GC, the WebSocket library, timers).
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of utime/stime. 100 on every Linux we run on (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds used so far by the process (all threads). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may contain spaces; fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // proc(5): utime is field 14 and stime field 15; fields[0] here is field 3 (state).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Seconds the process's main thread (the JavaScript one) has spent ready to run but waiting for
 * a core, from /proc/<pid>/schedstat (its second field, in ns); NaN where the kernel keeps no
 * such figures. On a machine the load generators share, this is time the server lost to them.
 */
export function runQueueSeconds(pid: number): number {
  try {
    const waitedNs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
    return waitedNs / 1e9;
  } catch {
    return NaN;
  }
}

/** Resident set size in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}

/** CPU use over a window, as a percentage of one core (200 % = both cores of a 2-core machine). */
export class CpuWindow {
  private readonly pid: number;
  private startCpu = 0;
  private startWait = 0;
  private startWall = 0;

  constructor(pid: number) {
    this.pid = pid;
  }

  start(): void {
    this.startCpu = cpuSeconds(this.pid);
    this.startWait = runQueueSeconds(this.pid);
    this.startWall = performance.now();
  }

  percent(): number {
    return this.shareOfWindow(cpuSeconds(this.pid) - this.startCpu);
  }

  /** The share of the window, in %, that the main thread waited for a core (see runQueueSeconds). */
  waitPercent(): number {
    return this.shareOfWindow(runQueueSeconds(this.pid) - this.startWait);
  }

  /** `seconds` as a % of the wall time since `start`, to one decimal. */
  private shareOfWindow(seconds: number): number {
    const wall = (performance.now() - this.startWall) / 1000;
    return wall > 0 ? Math.round((seconds / wall) * 1000) / 10 : NaN;
  }
}

/** Samples RSS every `everyMs` until stopped; the peak is what a machine must have free. */
export class RssSampler {
  private readonly pid: number;
  private timer: NodeJS.Timeout | undefined;
  peak = 0;
  last = 0;

  constructor(pid: number) {
    this.pid = pid;
  }

  start(everyMs = 500): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    try {
      this.last = rssBytes(this.pid);
      this.peak = Math.max(this.peak, this.last);
    } catch {
      // The process may have exited between samples; the last reading stands.
    }
  }
}

/** CPU seconds the whole machine has been busy (every core, every process), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  // cpu user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number) as number[];
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / CLOCK_TICKS_PER_SECOND;
}
