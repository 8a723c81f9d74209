/**
 * Why a join failed, as every screen says it. One refusal also acts: `outdatedClient` means the
 * server was updated while this page kept its old code, so the page reloads itself to fetch the
 * new one; the reloaded page comes back to its seat or its class by itself (kept seats, class
 * tokens). A cache still serving the old code would make that a loop, so a tab does it at most
 * once a minute; otherwise the refusal's text asks the player to reload.
 */
import { errorCodeOf, type ErrorCode } from '../../shared/protocol.ts';

/** Why entering a room failed: a protocol error code, or no server to talk to. */
export type JoinFailure = ErrorCode | 'unreachable';

/** sessionStorage: when this tab last reloaded itself for an update (ms since the epoch). */
const RELOADED_AT = 'tango.reloadedForUpdateAt';
/** A tab reloads itself for an update at most this often. */
const RELOAD_AGAIN_AFTER_MS = 60_000;

/** A join's error as a failure (the SDK's fetch rejects with a TypeError when nothing answers); reloads for an update. */
export function failureOf(error: unknown): JoinFailure {
  const failure = error instanceof TypeError ? 'unreachable' : errorCodeOf(error);
  if (failure === 'outdatedClient' && mayReloadForUpdate(Date.now())) location.reload();
  return failure;
}

/** Whether this tab may reload itself for an update now, and if so, notes that it does. */
function mayReloadForUpdate(now: number): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (now - last < RELOAD_AGAIN_AFTER_MS) return false;
    sessionStorage.setItem(RELOADED_AT, String(now));
    return true;
  } catch {
    // No storage (a private window's quota, a test outside a browser): no way to tell a loop.
    return false;
  }
}
