/**
 * GET /metrics for Prometheus (server/metrics/gameMetrics.ts). The figures say how busy the
 * process is, not who plays; still, with METRICS_TOKEN set the route wants it as a bearer token,
 * for a process whose port the public can reach. Without it, keep /metrics off the public proxy
 * (deploy/nginx.conf answers 404 for it) and let the scraper reach the processes directly.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Application } from 'express';
import { metricsRegistry } from '../metrics/gameMetrics.ts';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function serveMetrics(app: Application, token: string | undefined): void {
  app.get('/metrics', async (req, res) => {
    if (token !== undefined && !sameToken(req.get('authorization') ?? '', `Bearer ${token}`)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').end();
      return;
    }
    res.set('Content-Type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}
