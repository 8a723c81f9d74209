/** A liveness probe for load balancers and scripts; it says nothing about the rooms inside. */
import type { Application } from 'express';

export function serveHealth(app: Application, isDraining: () => boolean): void {
  app.get('/healthz', (_req, res) => {
    // 503 while draining or shutting down, so a balancer stops sending new players here first.
    if (isDraining()) res.status(503).json({ status: 'draining' });
    else res.json({ status: 'ok' });
  });
}
