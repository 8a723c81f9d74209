import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@colyseus/core';
import { CLIENT_MSG, errorCodeOf, SERVER_MSG, type ErrorPayload, type NoticePayload } from '../../shared/protocol.ts';
import { hintCardsOf } from '../../shared/stateRecords.ts';
import { bootGame, next, pairUp, play, until, refusal, type PairRoom, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });


/** How a request was refused, as the SDK hands it over: the error's name and the room's code (if any). */
async function rejection(request: Promise<unknown>): Promise<{ name: unknown; code: unknown }> {
  try {
    await request;
  } catch (e) {
    const err = e as { name?: unknown; reason?: { code?: unknown } };
    return { name: err.name, code: err.reason?.code };
  }
  throw new Error('the request was accepted');
}

/** Sends a message the typed SDK would not let a well-behaved client send. */
function sendRaw(room: PairRoom, type: string, payload?: unknown): void {
  (room.send as (t: string, p?: unknown) => void)(type, payload);
}
function requestRaw(room: PairRoom, type: string, payload?: unknown): Promise<unknown> {
  return (room.request as (t: string, p?: unknown) => Promise<unknown>)(type, payload);
}

describe('a pair room given bad input', () => {
  it('answers malformed play requests with invalidPayload and keeps the connection', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    for (const payload of [undefined, 'SYN', 42, { card: 'XYZ' }, { card: 'SYN', seq: -1 }, { card: 'SYN', extra: true }, { card: 'SYN', role: 'router' }]) {
      expect(await refusal(requestRaw(a, CLIENT_MSG.play, payload))).toBe('invalidPayload');
    }
    expect(a.connection.isOpen).toBe(true);
    expect(a.state.moves.length).toBe(0);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
  });

  it('answers unknown message types with unknownMessage', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    const told = next<ErrorPayload>(a, SERVER_MSG.error);
    sendRaw(a, 'dance', { steps: 3 });
    expect(await told).toEqual({ code: 'unknownMessage' });
    expect(await refusal(requestRaw(a, 'dance'))).toBe('unknownMessage');
    expect(a.connection.isOpen).toBe(true);
  });

  it('refuses malformed play requests as the room itself, with the code invalidPayload and no stack in the log', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    const logged = vi.spyOn(logger, 'error');
    try {
      expect(await rejection(requestRaw(a, CLIENT_MSG.play, { card: 'XYZ' }))).toEqual({ name: 'rejected', code: 'invalidPayload' });
      expect(await rejection(requestRaw(a, CLIENT_MSG.ready, 'now'))).toEqual({ name: 'rejected', code: 'invalidPayload' });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('counts malformed requests against the rate limit: past the budget they are only told to slow down', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    const flood = Array.from({ length: 1000 }, () => rejection(requestRaw(b, CLIENT_MSG.play, { card: 'XYZ' })));
    const adaPlays = play(a, { card: 'SYN' });
    const codes = (await Promise.all(flood)).map((r) => r.code);

    expect((await adaPlays).move.verdict).toBe('correct');
    expect(codes.filter((c) => c === 'rateLimited').length).toBeGreaterThan(900);
    expect(codes.filter((c) => c !== 'rateLimited').every((c) => c === 'invalidPayload')).toBe(true);
    expect(b.connection.isOpen).toBe(true);
  });

  it("refuses a request of the wildcard type '*' with unknownMessage, as any unknown type", async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    const told: ErrorPayload[] = [];
    (a.onMessage as (t: string, cb: (m: ErrorPayload) => void) => void)(SERVER_MSG.error, (m) => told.push(m));
    expect(await rejection(requestRaw(a, '*', { steps: 3 }))).toEqual({ name: 'rejected', code: 'unknownMessage' });
    // The refusal is the reply alone, not a reply plus an error message.
    expect(await refusal(requestRaw(a, 'dance'))).toBe('unknownMessage');
    expect(told).toEqual([]);
  });

  it("refuses a card for the other player's role and changes nothing", async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    expect(await refusal(play(a, { card: 'SYN+ACK', role: 'server' }))).toBe('notYourRole');
    expect(await refusal(play(b, { card: 'SYN', role: 'client' }))).toBe('notYourRole');
    expect(a.state.moves.length).toBe(0);
    expect(a.state.segments.length).toBe(0);
  });

  it('refuses ready while a round is running', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    expect(await refusal(a.request(CLIENT_MSG.ready))).toBe('roundNotRunning');
  });

  it('limits a burst of 1,000 messages from one player while the room and the other player go on', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    // Bo floods with cards for Ada's role; every request is answered, most of them "slow down".
    const flood = Array.from({ length: 1000 }, () => refusal(play(b, { card: 'SYN', role: 'client' })));
    const adaPlays = play(a, { card: 'SYN' });
    const codes = await Promise.all(flood);

    expect((await adaPlays).move.verdict).toBe('correct');
    const limited = codes.filter((c) => c === 'rateLimited').length;
    expect(limited).toBeGreaterThan(900);
    expect(codes.filter((c) => c !== 'rateLimited').every((c) => c === 'notYourRole')).toBe(true);
    expect(b.connection.isOpen).toBe(true);

    // Plain messages are limited too, with one "slow down" rather than one per message (500 of
    // them: with the 1,000 above that stays under the rate at which Colyseus disconnects).
    const errors: string[] = [];
    (b.onMessage as (t: string, cb: (m: ErrorPayload) => void) => void)(SERVER_MSG.error, (m) => errors.push(m.code));
    const floodStarted = Date.now();
    for (let i = 0; i < 500; i++) sendRaw(b, 'dance');
    // Messages are handled in order, so this request's answer comes after every error above.
    // A request of a type with no handler is answered by Colyseus itself, after the above.
    expect(await refusal(requestRaw(b, 'dance'))).toBe('unknownMessage');
    // At most one warning a second: a slow machine may stretch the flood over a second boundary,
    // and then the budget's refill (8 a second in the test config) lets a few through, each
    // answered "unknown message" — never one answer per message of the flood.
    const seconds = Math.ceil((Date.now() - floodStarted) / 1000);
    const warned = errors.filter((c) => c === 'rateLimited').length;
    const passed = errors.filter((c) => c === 'unknownMessage').length;
    expect(warned).toBeGreaterThanOrEqual(1);
    expect(warned).toBeLessThanOrEqual(seconds + 1);
    expect(passed).toBeLessThanOrEqual(8 * seconds);
    expect(warned + passed).toBe(errors.length);

    // Once the flood is over Bo can play again: the budget refills with time.
    await until(b, (s) => hintCardsOf(s.endpoints.get('server')!.hintCards).includes('SYN+ACK'));
    let reply;
    while (!reply) {
      reply = await play(b, { card: 'SYN+ACK' }).catch(async (e: unknown) => {
        expect(errorCodeOf(e)).toBe('rateLimited');
        await b.waitForNextPatch();
        return undefined;
      });
    }
    expect(reply?.move.verdict).toBe('correct');
  });

  it('answers a fire-and-forget message that fails validation with an invalidPayload error, and keeps the connection', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    const told = next<ErrorPayload>(a, SERVER_MSG.error);
    sendRaw(a, CLIENT_MSG.play, { card: 'XYZ' });
    expect(await told).toEqual({ code: 'invalidPayload' });
    expect(a.connection.isOpen).toBe(true);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
  });

  it('refuses an oversized message by closing that connection only', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    const left = new Promise<number>((resolve) => a.onLeave((code) => resolve(code)));
    sendRaw(a, CLIENT_MSG.play, { card: 'SYN', padding: 'x'.repeat(10_000) });
    expect(await left).toBe(1009);
    expect(await next<NoticePayload>(b, SERVER_MSG.notice)).toEqual({ code: 'partnerLeft', nickname: 'Ada' });
    expect(b.connection.isOpen).toBe(true);
  });
});
