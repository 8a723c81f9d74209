/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: the functions with
 * the most self time, and shares by where the code lives (our rooms, the engine, schema
 * encoding, the transport, GC), which is what a fix is chosen by.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
}

export interface ProfileFigures {
  readonly file: string;
  readonly seconds: number;
  /** Share of the profile the process was idle; the percentages below are of the busy rest. */
  readonly idlePercent: number;
  readonly byArea: readonly { readonly area: string; readonly percent: number }[];
  readonly topFunctions: readonly { readonly fn: string; readonly at: string; readonly percent: number }[];
}

/** Where a frame's code lives; the order matters (first match wins). */
const AREAS: readonly (readonly [string, (url: string, fn: string) => boolean])[] = [
  ['garbage collector', (_u, fn) => fn === '(garbage collector)'],
  ['@colyseus/schema (state encoding)', (u) => u.includes('@colyseus/schema')],
  ['@colyseus/core', (u) => u.includes('@colyseus/core')],
  ['ws / ws-transport', (u) => u.includes('/node_modules/ws/') || u.includes('@colyseus/ws-transport')],
  ['msgpackr', (u) => u.includes('msgpackr')],
  ['zod (validation)', (u) => u.includes('/zod/')],
  ['server/ (rooms)', (u) => u.includes('/server/')],
  ['shared/ (engine)', (u) => u.includes('/shared/')],
  ['other node_modules', (u) => u.includes('node_modules')],
  ['node internals', (u) => u.startsWith('node:')],
  ['program / native', () => true],
];

const shortUrl = (url: string): string => url.replace(/^file:\/\/.*?\/(node_modules|server|shared)\//, '$1/');

export function summarizeProfile(path: string): ProfileFigures {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const total = Math.max(1, profile.samples.length - idle);
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = functionName || '(anonymous)';
    const area = AREAS.find(([, test]) => test(url, fn))![0];
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
    const key = `${fn}\t${shortUrl(url)}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
  }
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return {
    file: path,
    seconds: Math.round((profile.endTime - profile.startTime) / 1e5) / 10,
    idlePercent: Math.round((idle / Math.max(1, profile.samples.length)) * 1000) / 10,
    byArea: [...byArea].sort((a, b) => b[1] - a[1]).map(([area, n]) => ({ area, percent: pct(n) })),
    topFunctions: [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([key, n]) => {
      const [fn, at] = key.split('\t') as [string, string];
      return { fn, at, percent: pct(n) };
    }),
  };
}

/** The newest .cpuprofile in `dir`. */
export function newestProfile(dir: string): string | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  return files.length > 0 ? join(dir, files[files.length - 1]!) : null;
}
