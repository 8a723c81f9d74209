import { game, t } from '../i18n/text.ts';
import type { JoinFailure } from '../net/joinFailure.ts';

/** Why a room or a seat was refused, in the player's language: a protocol error, or no server at all. */
export function refusalText(failure: JoinFailure): string {
  return failure === 'unreachable' ? t('start.unreachable') : game(`error.${failure}`);
}

/** What the screen that starts a session is told when it opens: why a seat could not be taken back. */
export interface RefusalData {
  readonly refusal?: JoinFailure;
}
