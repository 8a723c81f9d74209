/**
 * Serves the built client (Vite's dist/client) on the game's port, so `npm start` is the whole
 * game. Paths that are not files get index.html, because the client routes by URL (an invite
 * link such as /join/AB3K7 must open the game, not a 404).
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type Application, type Request, type Response, type NextFunction } from 'express';

/** Only pages fall back: a missing asset (a path with an extension) or API path stays a 404. */
const NOT_PAGES = /^\/(matchmake|healthz|api|__)/;

export function serveClient(app: Application, clientDir: string): void {
  const index = join(clientDir, 'index.html');
  // Checked per request rather than at start-up: the client may be built while the server runs.
  app.use(express.static(clientDir, { index: 'index.html', fallthrough: true }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_PAGES.test(req.path) || extname(req.path) !== '') return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run the client build (dist/client).');
      return;
    }
    res.sendFile(index);
  });
}
