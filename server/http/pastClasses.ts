/**
 * `GET /api/classes/mine`: the classes of the teacher whose secrets the request carries (in the
 * `X-Teacher-Secrets` header, never the URL), so a teacher's browser can list its past classes
 * and run one again. There are no accounts: a class is listed only for a request holding its
 * secret, so nobody sees another teacher's classes. A secret that matches no class counts as a
 * failed look-up for the address (the browser forgets secrets of classes no longer kept, so a
 * teacher's own list costs nothing); past the address's budget, such a request is refused.
 */
import type { Application } from 'express';
import { PAST_CLASSES_MAX, TEACHER_SECRETS_HEADER, type ErrorCode, type ErrorPayload, type PastClasses } from '../../shared/protocol.ts';
import { teacherSecretsHeaderSchema } from '../../shared/validation.ts';
import type { AddressLimits } from '../guard/addressLimits.ts';
import { addressOf } from '../guard/matchmakingGuard.ts';
import { hashSecret } from '../rooms/classroom/classAuth.ts';
import type { Stores } from '../storage/stores.ts';

export function servePastClasses(app: Application, stores: Stores, limits: AddressLimits): void {
  app.get('/api/classes/mine', async (req, res) => {
    const fail = (status: number, code: ErrorCode) => void res.status(status).set('Cache-Control', 'no-store').json({ code } satisfies ErrorPayload);
    const secrets = teacherSecretsHeaderSchema.safeParse(req.get(TEACHER_SECRETS_HEADER));
    if (!secrets.success) return fail(400, 'badOptions');
    const hashes = [...new Set(secrets.data.map(hashSecret))];
    const found = (await stores.classes.bySecretHashes(hashes)).slice(0, PAST_CLASSES_MAX);
    const unmatched = hashes.length - new Set(found.map((c) => c.secretHash)).size;
    if (unmatched > 0) {
      const address = addressOf(req);
      const now = Date.now();
      if (!limits.mayLookUp(address, now)) return fail(429, 'tooManyAttempts');
      for (let i = 0; i < unmatched; i++) limits.failed(address, now);
    }
    const body: PastClasses = {
      classes: await Promise.all(found.map(async (c) => ({
        code: c.code, createdAt: c.createdAt, endedAt: c.endedAt, settings: c.settings, rounds: (await stores.classes.rounds(c.code)).length,
        students: (await stores.classes.students(c.code)).filter((s) => !s.kicked).map((s) => s.nickname),
      }))),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
}
