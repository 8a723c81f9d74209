import type { Role } from '../../shared/match/cards.ts';
import type { PairRoomView } from '../../shared/protocol.ts';
import { hintShowing } from '../../shared/match/hints.ts';
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
 * server's hint, when the difficulty gives hints), else what the last segment to reach this
 * player did.
 */
export function explanationFor(
  view: PairRoomView, me: Role | undefined, said: Said | null, localNow: number, roomNow = Infinity,
): { tone: Tone; text: string } {
  if (said && said.until > localNow) return said;
  if (view.paused) return { tone: 'info', text: `‖ ${game('notice.roundPaused')}` };
  if (!me) return { tone: 'info', text: '' };
  const endpoint = view.endpoints.get(me);
  // "Do this" waits, as the ★ does, for a hesitation or a mistake (endpoint.hintAt).
  if (endpoint?.hintKey && showsHints(view.difficulty) && hintShowing(endpoint.hintAt, roomNow)) return { tone: 'hint', text: game(endpoint.hintKey) };
  // Otherwise the latest thing that happened to this endpoint: its own move, or an arrival.
  const happened = [
    ...view.moves.filter((m) => m.role === me && m.verdict === 'correct').map((m) => ({ at: m.at, why: m.why })),
    ...view.segments.filter((s) => s.from !== me && s.arriveAt >= 0 && s.status !== 'flying' && s.status !== 'lost' && s.why)
      .map((s) => ({ at: s.arriveAt, why: s.why })),
  ].sort((a, b) => a.at - b.at);
  const latest = happened.at(-1);
  return { tone: 'info', text: game(latest?.why ?? 'hint.wait') };
}
