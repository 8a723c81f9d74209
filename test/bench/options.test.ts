import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.ts';

describe('the bench\'s options', () => {
  it('start a server here unless one on another machine is named, with its floor', () => {
    expect(parseOptions([])).toMatchObject({ server: null, floor: null, stopAtFirstMiss: false, loadgens: expect.any(Number) });
    expect(parseOptions(['--server=http://10.0.0.5:2567/', '--floor=ws://10.0.0.5:2600'])).toMatchObject({
      server: 'http://10.0.0.5:2567', floor: 'ws://10.0.0.5:2600',
    });
  });

  it('refuse what would measure the wrong thing, saying why', () => {
    expect(() => parseOptions(['--server=http://10.0.0.5:2567'])).toThrow(/go together/);
    expect(() => parseOptions(['--floor=ws://10.0.0.5:2600'])).toThrow(/go together/);
    expect(() => parseOptions(['--server=ws://10.0.0.5:2567', '--floor=ws://10.0.0.5:2600'])).toThrow(/http/);
    expect(() => parseOptions(['--server=10.0.0.5', '--floor=ws://10.0.0.5:2600'])).toThrow(/takes a URL/);
    expect(() => parseOptions(['--server=http://h:1', '--floor=ws://h:2', '--profile'])).toThrow(/profile/);
    expect(() => parseOptions(['--loadgens=0'])).toThrow(/loadgens/);
    expect(() => parseOptions(['--server=http://h:1', '--floor=ws://h:2', '--redis'])).toThrow(/redis/);
    expect(() => parseOptions(['--all'])).toThrow(/unknown option/);
  });

  it('keep --quick short: a class of 50 against its 25 pairs', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ profile: 'quick', levels: [25], classroomStudents: 50 });
    expect(parseOptions(['--stop-early']).stopAtFirstMiss).toBe(true);
    expect(parseOptions(['--no-classroom']).classroom).toBe(false);
    expect(parseOptions(['--bare-landings']).bareLandings).toBe(true);
    expect(parseOptions([]).bareLandings).toBe(false);
  });

  it('measure over 20 s unless --window says how long, from 10 s to 10 minutes', () => {
    expect(parseOptions([]).measureMs).toBe(20_000);
    expect(parseOptions(['--window=60s', '--capacity=1000'])).toMatchObject({ measureMs: 60_000, capacitySteps: [1000] });
    expect(parseOptions(['--window=2m', '--quick']).measureMs).toBe(120_000);
    expect(() => parseOptions(['--window=5s'])).toThrow(/--window takes a duration from 10s to 10m/);
    expect(() => parseOptions(['--window=1h'])).toThrow(/--window/);
  });

  it('run each level once unless --repeat says how often, from 1 to 9 times', () => {
    expect(parseOptions([]).repeat).toBe(1);
    expect(parseOptions(['--repeat=5', '--levels=500']).repeat).toBe(5);
    for (const bad of ['0', '10', '2.5', 'lots']) expect(() => parseOptions([`--repeat=${bad}`])).toThrow(/--repeat takes 1 to 9 runs/);
  });
});
