/**
 * Matchmaking as an attacker from one address would use it, over plain HTTP: guessing codes,
 * reserving seats without ever connecting, opening rooms by the hundred, asking the QR and
 * report routes which codes are live. And a school behind one NAT address, which must fit.
 * Each test gets a server of its own, so one test's spent budget is not the next one's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CODE_ALPHABET, errorCodeOf, PROTOCOL_HEADER, PROTOCOL_VERSION, ROOM, TEACHER_SECRET_HEADER, classReportPath, classQrPath, type ErrorCode } from '../../shared/protocol.ts';
import type { Config } from '../../server/config.ts';
import { AddressLimits, type AddressLimitRules } from '../../server/guard/addressLimits.ts';
import { CloseCode } from '@colyseus/sdk';
import { bootGame, create, rejoin, TEST_URL, testConfig, type TestServer } from './gameServer.ts';
import { classConfig, createClass, joinClass } from './classroomHarness.ts';

let colyseus: TestServer | undefined;
afterEach(async () => {
  await colyseus?.shutdown();
  colyseus = undefined;
  // Kept-alive sockets to the server just closed would fail the next test's first requests:
  // each fetch spends one, until a fresh connection is refused.
  for (let i = 0; i < 1000; i++) {
    const cause = await fetch(`${TEST_URL}/`).then(() => undefined, (e: { cause?: { code?: string } }) => e.cause?.code);
    if (cause === 'ECONNREFUSED') break;
  }
});

/** A code nobody holds, `i`-th of a series (only letters of the codes' alphabet). */
const unknownCode = (i: number) => `ZZ${CODE_ALPHABET[i % CODE_ALPHABET.length]}${CODE_ALPHABET[Math.floor(i / CODE_ALPHABET.length) % CODE_ALPHABET.length]}9`;

function withGuard(guard: Partial<Config['guard']>, base: Config = testConfig()): Config {
  return { ...base, guard: { ...base.guard, ...guard } };
}

/** A matchmaking call as plain HTTP, from `address` (a trusted proxy's X-Forwarded-For) or from 127.0.0.1. */
async function matchmake(method: string, room: string, options: object, address?: string, headers: Record<string, string> = {}): Promise<{ status: number; code?: string; sessionId?: string }> {
  const res = await fetch(`${TEST_URL}/matchmake/${method}/${room}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(address ? { 'x-forwarded-for': address } : {}), ...headers },
    body: JSON.stringify(options),
  });
  const body = await res.json() as { error?: string; sessionId?: string };
  return { status: res.status, code: body.error, sessionId: body.sessionId };
}

async function joinError(join: Promise<unknown>): Promise<ErrorCode> {
  try {
    await join;
  } catch (e) {
    return errorCodeOf(e);
  }
  throw new Error('the join was accepted');
}

/** One matchmaking call, answered at once: the refusal or undefined. */
function call(limits: AddressLimits, address: string, opens: boolean, now: number): ErrorCode | undefined {
  const refused = limits.admit(address, opens, now);
  if (!refused) limits.settled(address, opens);
  return refused;
}

const RULES: AddressLimitRules = {
  matchmakePerMinute: 600, failureBurst: 20, failuresPerMinute: 10, unusedSeatCost: 10,
  roomsPerAddress: 3, roomsInAll: 5, pendingSeatsPerAddress: 4, seatReservationMs: 1000,
};

describe('the per-address limits, with time as an input', () => {
  it('refuses guesses once the burst is spent and lets them back at the refill rate', () => {
    const limits = new AddressLimits(RULES);
    for (let i = 0; i < 20; i++) {
      expect(call(limits, 'a', false, 0)).toBeUndefined();
      limits.failed('a', 0);
    }
    expect(call(limits, 'a', false, 0)).toBe('tooManyAttempts');
    expect(call(limits, 'b', false, 0)).toBeUndefined();
    // 10 a minute: one every 6 s.
    expect(call(limits, 'a', false, 5_000)).toBe('tooManyAttempts');
    expect(call(limits, 'a', false, 7_000)).toBeUndefined();
  });

  it('charges a seat reserved and never taken, and not one that was taken', () => {
    const limits = new AddressLimits(RULES);
    limits.reserved('a', 's1', 'R', false, 0);
    limits.reserved('a', 's2', 'R', false, 0);
    limits.taken('s1');
    // s2 expires unused at 1 s: 10 failures of the 20.
    expect(call(limits, 'a', false, 1_000)).toBeUndefined();
    limits.reserved('a', 's3', 'R', false, 1_000);
    expect(call(limits, 'a', false, 2_000)).toBe('tooManyAttempts');
  });

  it('caps seats pending per address, rooms per address and rooms in all', () => {
    const limits = new AddressLimits(RULES);
    for (let i = 0; i < 4; i++) limits.reserved('a', `s${i}`, 'R', false, 0);
    expect(call(limits, 'a', false, 0)).toBe('tooManyAttempts');
    for (let i = 0; i < 4; i++) limits.taken(`s${i}`);
    for (const r of ['R1', 'R2', 'R3']) limits.reserved('a', `t${r}`, r, true, 0);
    expect(call(limits, 'a', true, 0)).toBe('tooManyRooms');
    expect(call(limits, 'a', false, 0)).toBeUndefined();
    limits.closed('R1');
    expect(call(limits, 'a', true, 0)).toBeUndefined();
    limits.reserved('b', 'u1', 'R4', true, 0);
    limits.reserved('b', 'u2', 'R5', true, 0);
    limits.reserved('b', 'u3', 'R6', true, 0);
    expect(call(limits, 'c', true, 0)).toBe('serverFull');
  });

  it('forgets addresses that have rested, so a week of visitors does not fill memory', () => {
    const limits = new AddressLimits(RULES);
    for (let i = 0; i < 999; i++) call(limits, `10.0.${i >> 8}.${i & 255}`, false, 0);
    expect(limits.remembered).toBe(999);
    call(limits, 'late', false, 60 * 60_000);
    expect(limits.remembered).toBeLessThanOrEqual(1);
  });
});

describe('matchmaking from one address', () => {
  it('refuses code guessing with tooManyAttempts, and then answers a live code the same way', async () => {
    colyseus = await bootGame(withGuard({ trustProxy: true, failureBurst: 30 }));
    const live = await create(colyseus, { nickname: 'Ada', mode: 'private' });
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 60; i++) answers.push((await matchmake('joinById', unknownCode(i), { nickname: 'Eve', mode: 'private' })).code);
    expect(answers.slice(0, 30).every((c) => c !== 'tooManyAttempts')).toBe(true);
    expect(answers.slice(30).every((c) => c === 'tooManyAttempts')).toBe(true);
    const probe = await matchmake('joinById', live.roomId, { nickname: 'Eve', mode: 'private' });
    expect([probe.status, probe.code]).toEqual([429, 'tooManyAttempts']);
    // Another address is not held back by the guesser.
    expect((await matchmake('joinById', live.roomId, { nickname: 'Bo', mode: 'private' }, '198.51.100.7')).sessionId).toBeTypeOf('string');
  });

  it('does not let a seat reserved over HTTP and never taken keep a friend out of a private room', async () => {
    colyseus = await bootGame(withGuard({ trustProxy: true, seatReservationMs: 1000, failureBurst: 15, unusedSeatCost: 10 }));
    const ada = await create(colyseus, { nickname: 'Ada', mode: 'private' });
    // Eve reserves the free seat again and again, never connecting; each reservation lapses unused.
    const eve = '203.0.113.9';
    const tries: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await matchmake('joinById', ada.roomId, { nickname: 'Eve', mode: 'private' }, eve);
      tries.push(r.sessionId ? 'seat' : r.code);
      if (r.code === 'tooManyAttempts') break;
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    // Two unused seats cost 20 of her 15; the third try is refused.
    expect(tries).toEqual(['seat', 'seat', 'tooManyAttempts']);
    const bo = await colyseus.sdk.joinById(ada.roomId, { nickname: 'Bo', mode: 'private' });
    expect(bo.roomId).toBe(ada.roomId);
  }, 15_000);

  it('does not count a player coming back to her seat as holding one more', async () => {
    colyseus = await bootGame(withGuard({ seatReservationMs: 1000, failureBurst: 15, unusedSeatCost: 10 }));
    let ada = await create(colyseus, { nickname: 'Ada', mode: 'solo' });
    for (let i = 0; i < 3; i++) {
      const token = ada.reconnectionToken;
      ada.reconnection.enabled = false;
      ada.connection.close(CloseCode.MAY_TRY_RECONNECT);
      ada = await rejoin(token);
    }
    // Past every reservation's time: had each return counted as a seat never taken, 30 of 15 would be spent.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await matchmake('joinById', unknownCode(0), { nickname: 'Ada', mode: 'private' })).code).not.toBe('tooManyAttempts');
  });

  it('caps rooms per address and in all, and names which', async () => {
    colyseus = await bootGame(withGuard({ trustProxy: true, roomsPerAddress: 3, roomsInAll: 5 }));
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) codes.push((await matchmake('create', ROOM.pair, { nickname: 'Eve', mode: 'private' }, '203.0.113.9')).code);
    expect(codes).toEqual([undefined, undefined, undefined, 'tooManyRooms']);
    for (let i = 0; i < 2; i++) expect((await matchmake('create', ROOM.pair, { nickname: 'Mal', mode: 'private' }, '203.0.113.10')).code).toBeUndefined();
    expect((await matchmake('create', ROOM.pair, { nickname: 'Bo', mode: 'private' }, '198.51.100.7')).code).toBe('serverFull');
    expect(await joinError(colyseus.sdk.create(ROOM.pair, { nickname: 'Bo', mode: 'solo' }))).toBe('serverFull');
    // A quick match from an address at its cap joins a waiting partner, or says why it cannot open a room.
    expect((await matchmake('joinOrCreate', ROOM.pair, { nickname: 'Eve', mode: 'quick' }, '203.0.113.9')).code).toBe('tooManyRooms');
  });

  it('counts an outdated page\'s calls like any other, and lets its refused ones hold no room', async () => {
    colyseus = await bootGame(withGuard({ matchmakePerMinute: 4, roomsPerAddress: 1 }));
    const create = (version: number) => matchmake('create', ROOM.pair, { nickname: 'Ada', mode: 'private' }, undefined, { [PROTOCOL_HEADER]: String(version) });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) codes.push((await create(PROTOCOL_VERSION - 1)).code);
    // The reloaded page opens its room: the three refusals held none of the address's one.
    codes.push((await create(PROTOCOL_VERSION)).code);
    codes.push((await create(PROTOCOL_VERSION - 1)).code);
    expect(codes).toEqual(['outdatedClient', 'outdatedClient', 'outdatedClient', undefined, 'tooManyAttempts']);
  });

  it('answers the QR and report routes alike for live and unknown codes once the look-ups are spent', async () => {
    colyseus = await bootGame(withGuard({ failureBurst: 10 }, classConfig()));
    const teacher = await createClass(colyseus);
    expect((await fetch(`${TEST_URL}${classQrPath(teacher.code)}`)).status).toBe(200);
    // The report never tells a live code from an unknown one without the secret.
    const wrong = { [TEACHER_SECRET_HEADER]: 'x'.repeat(43) };
    expect((await fetch(`${TEST_URL}${classReportPath(teacher.code)}`, { headers: wrong })).status).toBe(401);
    expect((await fetch(`${TEST_URL}${classReportPath('ZZZZ9')}`, { headers: wrong })).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await fetch(`${TEST_URL}/api/rooms/${unknownCode(i)}/qr.svg`)).status);
    expect(statuses.filter((s) => s === 404).length).toBe(8);
    expect(statuses.slice(8)).toEqual([429, 429, 429, 429]);
    const live = await fetch(`${TEST_URL}${classQrPath(teacher.code)}`);
    expect(live.status).toBe(429);
    expect(await live.json()).toEqual({ code: 'tooManyAttempts' });
    // The teacher's own secret still opens the report: it does not depend on guessing.
    expect((await fetch(`${TEST_URL}${classReportPath(teacher.code)}`, { headers: { [TEACHER_SECRET_HEADER]: teacher.secret } })).status).toBe(200);
  });

  it('keeps a class from being filled by seats reserved over HTTP and never taken', async () => {
    colyseus = await bootGame(withGuard({ trustProxy: true }, classConfig()));
    const teacher = await createClass(colyseus);
    const eve = '203.0.113.9';
    const answers = await Promise.all(Array.from({ length: 300 }, () => matchmake('joinById', teacher.code, { nickname: 'Eve' }, eve)));
    // 250 at once; on a loaded machine the burst can outlast the first reservations (8 s), and
    // each one that expires midway frees its place for one more.
    const admitted = answers.filter((a) => a.sessionId).length;
    expect(admitted).toBeGreaterThanOrEqual(250);
    expect(admitted).toBeLessThanOrEqual(260);
    expect(answers.filter((a) => !a.sessionId).every((a) => a.code === 'tooManyAttempts')).toBe(true);
    const student = await joinClass(teacher.code, 'Mei');
    expect(student.welcome.nickname).toBe('Mei');
  }, 20_000);

  it('lets a school of 200 students and its teacher in from one address, none refused', async () => {
    // A seat whose student connects late on a loaded machine would be charged as never taken.
    colyseus = await bootGame(withGuard({ seatReservationMs: 60_000 }, classConfig()));
    const teacher = await createClass(colyseus);
    const students = await Promise.all(Array.from({ length: 200 }, (_, i) => joinClass(teacher.code, `S${i}`)));
    expect(new Set(students.map((s) => s.welcome.studentId)).size).toBe(200);
    const second = await colyseus.sdk.joinById(teacher.code, { teacher: true, secret: teacher.secret });
    expect(second.roomId).toBe(teacher.code);
  }, 60_000);
});
