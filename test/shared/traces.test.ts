import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runTrace, TraceError } from '../../shared/trace/run.ts';

const dir = join(import.meta.dirname, '..', 'traces');
const traces = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('conformance traces', () => {
  it('has the three examples and at least ten of our own', () => {
    expect(traces.length).toBeGreaterThanOrEqual(13);
  });

  for (const file of traces) {
    it(`matches ${file.replace('.json', '.expected.jsonl')}`, () => {
      const trace: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const expected = readFileSync(join(dir, file.replace('.json', '.expected.jsonl')), 'utf8');
      expect(runTrace(trace).map((l) => JSON.stringify(l) + '\n').join('')).toBe(expected);
    });
  }
});

describe('malformed traces', () => {
  const base = { isn: { A: 1, B: 2 } };
  const cases: [string, unknown, RegExp][] = [
    ['an unknown flag', { ...base, steps: [{ at: 'A', send: ['SYNN'], id: 1 }] }, /step 1: send\.0/],
    ['an unknown key', { ...base, steps: [{ at: 'B', do: 'listen', why: 'x' }] }, /step 1: .*why/],
    ['an unknown action', { ...base, steps: [{ at: 'B', do: 'connect' }] }, /step 1: do/],
    ['an unknown endpoint', { ...base, steps: [{ at: 'C', do: 'listen' }] }, /step 1: at/],
    ['an unknown id', { ...base, steps: [{ at: 'B', do: 'listen' }, { deliver: 9 }] }, /step 2: no segment has id 9/],
    ['a reused id', { ...base, steps: [{ at: 'A', send: ['SYN'], id: 1 }, { at: 'A', send: ['SYN'], id: 1 }] }, /step 2: .*used again/],
    ['a segment delivered twice', { ...base, steps: [{ at: 'A', send: ['SYN'], id: 1 }, { deliver: 1 }, { deliver: 1 }] }, /step 3: .*delivered already/],
    ['a step of two kinds', { ...base, steps: [{ deliver: 1, drop: 1 }] }, /step 1: a step needs exactly one/],
    ['a repeated flag', { ...base, steps: [{ at: 'A', send: ['SYN', 'SYN'], id: 1 }] }, /step 1: .*repeated/],
    ['an unknown top-level key', { ...base, steps: [], extra: 1 }, /trace: .*extra/],
  ];
  for (const [name, trace, message] of cases) {
    it(`reports ${name} with the step number`, () => {
      expect(() => runTrace(trace)).toThrow(TraceError);
      expect(() => runTrace(trace)).toThrow(message);
    });
  }
});

describe('npm run trace', () => {
  it('prints one JSON line per step', () => {
    const out = execFileSync('npm', ['run', '-s', 'trace', '--', join(dir, '01-handshake.json')], { encoding: 'utf8' });
    expect(out).toBe(readFileSync(join(dir, '01-handshake.expected.jsonl'), 'utf8'));
  });

  it('exits non-zero with the step on standard error for a malformed trace', () => {
    const bad = join(import.meta.dirname, '..', 'fixtures', 'malformed-trace.json');
    const r = spawnSync('npm', ['run', '-s', 'trace', '--', bad], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/step 2: /);
    expect(r.stdout).toBe('');
  });
});
