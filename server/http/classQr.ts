/**
 * `GET /api/classes/:code/qr.svg`: the class's join link as a QR code, for the projector. The
 * code is the only input and must name a class, so the route draws join links and nothing else.
 * The link uses PUBLIC_URL when set (behind a proxy), otherwise the address the request came to.
 */
import type { Application, Request } from 'express';
import QRCode from 'qrcode';
import { classJoinPath, type ErrorPayload } from '../../shared/protocol.ts';
import { roomCodeSchema } from '../../shared/validation.ts';
import type { ClassStore } from '../storage/classes.ts';

/** A host name or IP with an optional port; anything else in a Host header is not drawn. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function siteOf(req: Request, publicUrl: string | undefined): string | undefined {
  if (publicUrl) return publicUrl;
  const host = req.get('host') ?? '';
  return HOST.test(host) ? `${req.protocol}://${host}` : undefined;
}

export function serveClassQr(app: Application, classes: ClassStore, publicUrl: string | undefined): void {
  app.get('/api/classes/:code/qr.svg', async (req, res) => {
    const code = roomCodeSchema.safeParse(req.params['code']);
    const site = siteOf(req, publicUrl);
    if (!code.success || !site) return void res.status(400).json({ code: 'classNotFound' } satisfies ErrorPayload);
    if (!classes.exists(code.data)) return void res.status(404).json({ code: 'classNotFound' } satisfies ErrorPayload);
    // M: survives a smudge or a glare on a projector screen, still a small code for a short link.
    const svg = await QRCode.toString(`${site}${classJoinPath(code.data)}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=3600').send(svg);
  });
}
