/**
 * A page that still runs the code of an earlier protocol version (a tab left open across an
 * update, a cache serving the old bundle), made from the current build: its matchmaking calls
 * say the previous `PROTOCOL_VERSION`. What the page does about the refusal is the real client's.
 */
import type { BrowserContext } from 'playwright-core';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';

/** The version an older page says. */
export const OLDER = String(PROTOCOL_VERSION - 1);

/**
 * The context's matchmaking calls say `OLDER` while `old()` holds; returns the version each call
 * reached the server with, in order.
 */
export async function oldCodeWhile(context: BrowserContext, old: () => boolean): Promise<string[]> {
  const reached: string[] = [];
  await context.route('**/matchmake/**', (route) => {
    const headers = { ...route.request().headers(), ...(old() ? { [PROTOCOL_HEADER]: OLDER } : {}) };
    reached.push(headers[PROTOCOL_HEADER] ?? 'nothing');
    return route.continue({ headers });
  });
  return reached;
}

/** Counts the context's page loads from now on (an address opened, a reload). */
export function pageLoads(context: BrowserContext): () => number {
  let loads = 0;
  context.on('request', (r) => {
    if (r.resourceType() === 'document') loads++;
  });
  return () => loads;
}
