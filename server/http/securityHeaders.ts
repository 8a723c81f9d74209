/**
 * Security headers for everything Express answers (helmet), and CORS for the matchmaking routes
 * that Colyseus answers itself. The game is one origin: its page, scripts, images and sockets all
 * come from this server, so the policy allows exactly that and nothing else.
 */
import { matchMaker } from '@colyseus/core';
import type { Application } from 'express';
import helmet from 'helmet';
import { PROTOCOL_HEADER } from '../../shared/protocol.ts';

export function secureHeaders(app: Application): void {
  app.disable('x-powered-by');
  app.use(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // index.html's one <style> block; Phaser sets element styles from script, which CSP allows.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Phaser makes its default textures from data: URIs and may hand canvases over as blobs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The SDK's matchmaking requests and the room's WebSocket go to this same origin.
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Nobody may frame the game: a framed join page could be dressed up to harvest nicknames.
        frameAncestors: ["'none'"],
      },
    },
    // Invite links carry room codes; a link clicked on our page should not pass them on.
    referrerPolicy: { policy: 'same-origin' },
  }));
  allowAnyOriginWithoutCredentials();
}

/**
 * Colyseus answers /matchmake with `Access-Control-Allow-Origin` echoing any origin *and*
 * `Allow-Credentials: true`. The game uses no cookies, so credentials are never needed: a client
 * of our protocol on another origin may still call it, but no browser will send it credentials.
 */
function allowAnyOriginWithoutCredentials(): void {
  const cors = matchMaker.controller.DEFAULT_CORS_HEADERS;
  Reflect.deleteProperty(cors, 'Access-Control-Allow-Credentials');
  // A page on another origin (a dev page's `?server=`) says its protocol version in a header of its own.
  const allowed = cors['Access-Control-Allow-Headers'];
  if (!allowed.toLowerCase().includes(PROTOCOL_HEADER)) cors['Access-Control-Allow-Headers'] = `${allowed}, ${PROTOCOL_HEADER}`;
  matchMaker.controller.getCorsHeaders = () => ({ 'Access-Control-Allow-Origin': '*' });
}
