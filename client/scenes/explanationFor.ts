import type { Role } from '../../shared/match/cards.ts';
import type { PairRoomView } from '../../shared/protocol.ts';
import { panelKey } from '../../shared/match/panelText.ts';
import { showsHints } from '../../shared/match/settings.ts';
import { game } from '../i18n/text.ts';
import type { Tone } from '../ui/Explanation.ts';

/** Something said to the player that outranks the hint for a while. */
export interface Said {
  tone: Tone;
  text: string;
  until: number; // performance.now() ms
}

/**
 * What the explanation panel says: a recent mistake or notice first, then what to do now (the
 * server's hint, when the difficulty gives hints, once it shows), else what the last segment to
 * reach this player meant (shared/match/panelText.ts).
 */
export function explanationFor(
  view: PairRoomView, me: Role | undefined, said: Said | null, localNow: number, roomNow = Infinity,
): { tone: Tone; text: string } {
  if (said && said.until > localNow) return said;
  if (view.paused) return { tone: 'info', text: `‖ ${game('notice.roundPaused')}` };
  if (!me) return { tone: 'info', text: '' };
  const endpoint = view.endpoints.get(me);
  const hinted = endpoint && showsHints(view.difficulty) ? endpoint : { hintKey: '', hintAt: -1 };
  const moveDue = endpoint?.moveDue === true;
  const { kind, key } = panelKey({ hintKey: hinted.hintKey, hintAt: hinted.hintAt, moves: view.moves, segments: view.segments, moveDue }, me, roomNow);
  return { tone: kind === 'hint' ? 'hint' : 'info', text: game(key) };
}
