/**
 * Serves the built client (Vite's dist/client) on the game's port, so `npm start` is the whole
 * game. Paths that are not files get index.html, because the client routes by URL (an invite
 * link such as /join/AB3K7 must open the game, not a 404).
 *
 * The build leaves a brotli and a gzip copy next to every text file (vite.config.ts), and
 * express-static-gzip sends the one the browser accepts: a school's one machine compresses
 * nothing per request. Vite names what it emits under assets/ by a hash of its content, so a
 * browser keeps those for a year without asking; the page itself is asked for at every visit
 * (`no-cache`) and answered 304 when its ETag still matches, which is how a new build reaches
 * the phones.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Application, Request, Response, NextFunction, RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Only pages fall back: a missing asset (a path with an extension) or API path stays a 404. */
const NOT_PAGES = /^\/(matchmake|healthz|api|__)/;

/** Vite's folder for content-hashed files (build.assetsDir). */
const HASHED_DIR = `assets${sep}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function staticHandler(clientDir: string): RequestHandler {
  const cacheFor = (res: ServerResponse, path: string): void => {
    res.setHeader('Cache-Control', relative(clientDir, path).startsWith(HASHED_DIR) ? IMMUTABLE : REVALIDATE);
  };
  return expressStaticGzip(clientDir, {
    enableBrotli: true,
    // Brotli first when the browser takes both (it is smaller); a browser that takes neither gets the file as it is.
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: { cacheControl: false, setHeaders: cacheFor },
  }) as RequestHandler;
}

/**
 * express-static-gzip lists the compressed copies once, when it is made; the client may be
 * built (again) while the server runs, so it is made anew whenever index.html changes.
 */
function currentBuild(index: string, clientDir: string): () => RequestHandler {
  let built: { stamp: number; handler: RequestHandler } | null = null;
  return () => {
    const stamp = existsSync(index) ? statSync(index).mtimeMs : -1;
    if (built?.stamp !== stamp) built = { stamp, handler: staticHandler(clientDir) };
    return built.handler;
  };
}

export function serveClient(app: Application, clientDir: string): void {
  const index = join(clientDir, 'index.html');
  const build = currentBuild(index, clientDir);
  app.use((req: Request, res: Response, next: NextFunction) => build()(req, res, next));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_PAGES.test(req.path) || extname(req.path) !== '') return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run the client build (dist/client).');
      return;
    }
    // The page, compressed and revalidated exactly as a request for /index.html is.
    const asked = req.url;
    req.url = '/index.html';
    build()(req, res, (error?: unknown) => {
      req.url = asked;
      next(error);
    });
  });
}
