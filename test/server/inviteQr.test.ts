import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitePath, roomQrPath } from '../../shared/protocol.ts';
import { createChallenge, newPlayerId } from './challengeClient.ts';
import { bootGame, create, TEST_URL, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });

const drawn = (path: string) => QRCode.toString(`${TEST_URL}${path}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

describe('an invite link\'s QR code', () => {
  it('is an SVG of a private room\'s /join/ link, and of a pair challenge\'s /challenge/ link', async () => {
    const room = await create(colyseus, { nickname: 'Ada', mode: 'private' });
    const res = await fetch(`${TEST_URL}${roomQrPath(room.roomId)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toBe(await drawn(invitePath('pair', room.roomId)));

    const challenge = await createChallenge(colyseus, { nickname: 'Bo', playerId: newPlayerId(), kind: 'free', seats: 'pair' });
    const svg = await (await fetch(`${TEST_URL}${roomQrPath(challenge.roomId)}`)).text();
    expect(svg).toBe(await drawn(invitePath('challenge', challenge.roomId)));
    await Promise.all([room.leave(), challenge.leave()]);
  });

  it('is not drawn for a code that names no open room, nor for anything that is not a code', async () => {
    const missing = await fetch(`${TEST_URL}${roomQrPath('ZZZZ9')}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'roomNotFound' });
    expect((await fetch(`${TEST_URL}/api/rooms/javascript:alert(1)/qr.svg`)).status).toBe(400);
  });
});
