import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { randomCode } from '../../server/rooms/common/roomCodes.ts';
import { CODE_ALPHABET } from '../../shared/protocol.ts';
import { roomCodeSchema } from '../../shared/validation.ts';

describe('configuration from the environment', () => {
  it('has safe defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(2567);
    expect(config.pair.reconnectSeconds).toBe(30);
    expect(config.clientDir).toMatch(/dist[\\/]client$/);
  });

  it('registers the bench\'s bare room only when the bench asks for it', () => {
    expect(loadConfig({}).benchBareRoom).toBe(false);
    expect(loadConfig({ BENCH_BARE_ROOM: '1' }).benchBareRoom).toBe(true);
    expect(() => loadConfig({ BENCH_BARE_ROOM: 'yes' })).toThrow(/BENCH_BARE_ROOM/);
  });

  it('has a get-ready step before each round, at least 5 s in a class', () => {
    const defaults = loadConfig({});
    expect(defaults.pair.getReadyMs).toBe(3000);
    expect(defaults.challenge.getReadyMs).toBe(3000);
    expect(defaults.classroom.getReadyMs).toBe(5000);
    const long = loadConfig({ GET_READY_MS: '8000' });
    expect([long.pair.getReadyMs, long.classroom.getReadyMs, long.challenge.getReadyMs]).toEqual([8000, 8000, 8000]);
    const none = loadConfig({ GET_READY_MS: '0' });
    expect([none.pair.getReadyMs, none.classroom.getReadyMs]).toEqual([0, 5000]);
    expect(() => loadConfig({ GET_READY_MS: '-1' })).toThrow(/GET_READY_MS/);
  });

  it('keeps data in the SQLite file unless DATABASE_URL names a Postgres database, and refuses any other URL by name', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATA_DIR: '/srv/tango' }).databaseFile).toMatch(/^[\\/]srv[\\/]tango[\\/]tango\.sqlite$/);
    const url = 'postgres://tango:s3cret@db.school.example:5432/tango';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/tango' }).databaseUrl).toBe('postgresql://db/tango');
    for (const bad of ['mysql://db/tango', 'db.school.example', 'postgres://db.school.example', 'postgres:///tango']) {
      expect(() => loadConfig({ DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL=.*postgres:\/\//);
    }
  });

  it('reads PORT and treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
    expect(loadConfig({ PORT: '' }).port).toBe(2567);
  });

  it('refuses bad values with a message naming every variable', () => {
    expect(() => loadConfig({ PORT: 'abc', RECONNECT_SECONDS: '-1' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '70000', BOT_ERROR_RATE: '2' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT="70000"/);
      expect((e as Error).message).toMatch(/BOT_ERROR_RATE="2"/);
    }
  });
});

describe('configuration for many processes', () => {
  it('is one process with nothing shared when none is set', () => {
    expect(loadConfig({}).cluster).toEqual({ redisUrl: undefined, publicAddress: undefined, drainMs: 30_000, metricsToken: undefined });
  });

  it('reads REDIS_URL, PUBLIC_ADDRESS, DRAIN_SECONDS and METRICS_TOKEN', () => {
    const cluster = loadConfig({
      REDIS_URL: 'redis://:secret@redis.internal:6379/0', PUBLIC_ADDRESS: 'play.example.org/p1', DRAIN_SECONDS: '90', METRICS_TOKEN: 'sixteen-chars-or-more',
    }).cluster;
    expect(cluster).toEqual({ redisUrl: 'redis://:secret@redis.internal:6379/0', publicAddress: 'play.example.org/p1', drainMs: 90_000, metricsToken: 'sixteen-chars-or-more' });
    expect(loadConfig({ PUBLIC_ADDRESS: '10.0.0.5:2568' }).cluster.publicAddress).toBe('10.0.0.5:2568');
  });

  it('refuses a Redis URL of another scheme, an address with a scheme, and a short token', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://redis:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ PUBLIC_ADDRESS: 'https://play.example.org' })).toThrow(/PUBLIC_ADDRESS/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('room codes', () => {
  it('use only letters and digits that cannot be confused', () => {
    let i = 0;
    const code = randomCode((n) => (i++ * 7) % n);
    expect(code).toHaveLength(5);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('are read the way people type them', () => {
    expect(roomCodeSchema.parse(' ab3-k7 ')).toBe('AB3K7');
    expect(roomCodeSchema.safeParse('AB0K7').success).toBe(false);
    expect(roomCodeSchema.safeParse('AB3K').success).toBe(false);
  });
});
