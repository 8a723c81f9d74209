/**
 * Join links as QR codes (SVG): `GET /api/classes/:code/qr.svg` for a class on the projector,
 * `GET /api/rooms/:code/qr.svg` for a private pair room or pair challenge, so a partner beside
 * the player scans it with a phone. The code is the only input and must name an open class or
 * room, so the routes draw join links and nothing else. The link uses PUBLIC_URL when set
 * (behind a proxy), otherwise the address the request came to. A code that names nothing open
 * is a 404 and costs the asking address one failed look-up, from the same budget as a wrong
 * code typed to join; once that is spent, every code gets 429 `tooManyAttempts`, live or not.
 * So the routes tell which codes are live only at the rate guessing codes to join would.
 */
import { matchMaker } from '@colyseus/core';
import type { Application, Request, Response } from 'express';
import QRCode from 'qrcode';
import { classJoinPath, invitePath, ROOM, type ErrorCode, type ErrorPayload } from '../../shared/protocol.ts';
import { roomCodeSchema } from '../../shared/validation.ts';
import type { AddressLimits } from '../guard/addressLimits.ts';
import { addressOf } from '../guard/matchmakingGuard.ts';
import type { ClassStore } from '../storage/classes.ts';

/** A host name or IP with an optional port; anything else in a Host header is not drawn. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function siteOf(req: Request, publicUrl: string | undefined): string | undefined {
  if (publicUrl) return publicUrl;
  const host = req.get('host') ?? '';
  return HOST.test(host) ? `${req.protocol}://${host}` : undefined;
}

/**
 * Answers a QR route: the page `pathOf(code)` gives for the code in the URL, 404 with
 * `notFound` when it names nothing open, 400 for what is not a code or a bad Host.
 */
async function sendQr(req: Request, res: Response, publicUrl: string | undefined, limits: AddressLimits, notFound: ErrorCode,
  pathOf: (code: string) => Promise<string | undefined> | string | undefined): Promise<void> {
  const code = roomCodeSchema.safeParse(req.params['code']);
  const site = siteOf(req, publicUrl);
  if (!code.success || !site) return void res.status(400).json({ code: notFound } satisfies ErrorPayload);
  const address = addressOf(req);
  if (!limits.mayLookUp(address, Date.now())) return void res.status(429).set('Cache-Control', 'no-store').json({ code: 'tooManyAttempts' } satisfies ErrorPayload);
  const path = await pathOf(code.data);
  if (path === undefined) {
    limits.failed(address, Date.now());
    return void res.status(404).json({ code: notFound } satisfies ErrorPayload);
  }
  // M: survives a smudge or a glare on a projector screen, still a small code for a short link.
  const svg = await QRCode.toString(`${site}${path}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  res.type('image/svg+xml').set('Cache-Control', 'public, max-age=3600').send(svg);
}

export function serveClassQr(app: Application, classes: ClassStore, publicUrl: string | undefined, limits: AddressLimits): void {
  app.get('/api/classes/:code/qr.svg', (req, res) =>
    sendQr(req, res, publicUrl, limits, 'classNotFound', async (code) => ((await classes.exists(code)) ? classJoinPath(code) : undefined)));
}

export function serveRoomQr(app: Application, publicUrl: string | undefined, limits: AddressLimits): void {
  app.get('/api/rooms/:code/qr.svg', (req, res) => sendQr(req, res, publicUrl, limits, 'roomNotFound', async (code) => {
    const room = await matchMaker.getRoomById(code);
    if (room?.name === ROOM.pair) return invitePath('pair', code);
    if (room?.name === ROOM.challenge) return invitePath('challenge', code);
    return undefined;
  }));
}
