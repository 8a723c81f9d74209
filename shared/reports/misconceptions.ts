import type { MessageKey } from '../i18n/messages.ts';
import type { MoveRecord } from '../match/types.ts';

/*
 * What a wrong move reveals about a student's model of TCP, so the report can say what to
 * reteach rather than list mistakes. Read only from what a round result keeps of each move (its
 * verdict, state, skill, card and the reason shown), so old results are classified too. A missed
 * deadline reveals slowness, not a belief, and a stale card is nobody's mistake: neither is
 * classified.
 */

/** The misconceptions a report names, in the order a course meets them. */
export const MISCONCEPTIONS = [
  'plainAckForSyn', // a plain ACK where SYN+ACK is due
  'twoWayHandshake', // the SYN+ACK's sender still waits for its ACK
  'earlyDataOrClose', // data or a FIN before the handshake is over
  'synFinTakeNoNumber', // ack or seq without the one a SYN or FIN takes
  'dataLengthIgnored', // data counted as one number, not one per byte
  'ackTakesNumber', // a plain ACK counted as taking a number
  'resendTooEarly', // sending again before the retransmission timer fires
  'resendNewNumber', // a resent segment given a new sequence number
  'finNeedsNoAck', // the peer's FIN left unacknowledged
  'finClosesBoth', // one FIN taken as closing both directions
  'passiveCloserTimeWait', // the passive closer acting as if it owed a last ACK and TIME-WAIT
  'timeWaitIdle', // a FIN repeated in TIME-WAIT not ACKed again
  'finIsLast', // data after one's own FIN, or a FIN before the data is sent
  'finVersusRst', // an orderly close (FIN) confused with an abort (RST)
] as const;
export type Misconception = (typeof MISCONCEPTIONS)[number];

/** The part of a judged move the classification reads. */
export type ClassifiedMove = Pick<MoveRecord, 'verdict' | 'card' | 'skill' | 'state' | 'why' | 'params'>;

/** A wrong number whose sum is `from + len` and the player gave one of `slips` added to `from`. */
function gaveSum(m: ClassifiedMove, whys: readonly MessageKey[], slips: (len: number) => readonly number[]): boolean {
  const { from, len, given } = m.params;
  if (!whys.includes(m.why) || from === undefined || len === undefined || given === undefined) return false;
  // Sequence numbers wrap at 2^32 (RFC 9293 §3.4); the game's are small, but stay exact.
  return slips(len).some((slip) => given === (from + slip) % 2 ** 32);
}

/** A card that did not fit (as against a right card with a wrong number). */
const wrongCard = (m: ClassifiedMove): boolean => m.verdict === 'wrongCard';

/** One rule per misconception: the first that matches a move names it (the order is the list's). */
const RULES: Readonly<Record<Misconception, (m: ClassifiedMove) => boolean>> = {
  plainAckForSyn: (m) => wrongCard(m) && m.card === 'ACK' && m.skill === 'answerSyn',
  twoWayHandshake: (m) => wrongCard(m) && m.skill === 'completeHandshake',
  earlyDataOrClose: (m) => m.why === 'wrong.finBeforeEstablished' || m.why === 'wrong.dataBeforeEstablished',
  // The right number is from + 1; the slip is to stop at from.
  synFinTakeNoNumber: (m) => gaveSum(m, ['mistake.ackAfterSyn', 'mistake.ackAfterFin', 'mistake.seqAfterSyn', 'mistake.seqAfterFin'], () => [0]),
  // from + len is right; from (nothing) or from + 1 (one number per segment) is the slip.
  dataLengthIgnored: (m) => gaveSum(m, ['mistake.ackAfterData', 'mistake.seqAfterData'], () => [0, 1]),
  ackTakesNumber: (m) => gaveSum(m, ['mistake.ackAfterAck'], () => [1]),
  resendTooEarly: (m) => m.why === 'mistake.waitForRto',
  // A SYN sent again keeps its ISN: a new one is a new connection attempt.
  resendNewNumber: (m) => m.why === 'mistake.seqResent' || (m.why === 'mistake.seqIsIss' && m.skill === 'retransmit'),
  finNeedsNoAck: (m) => wrongCard(m) && (m.skill === 'ackFin' || (m.why === 'wrong.closeCombined' && m.card === 'FIN')),
  // After the peer's FIN: acknowledging it but not closing one's own side; after one's own FIN:
  // not taking the data the peer still sends (its direction is open).
  finClosesBoth: (m) => wrongCard(m) && ((m.skill === 'closeAfterPeer' && m.card !== 'FIN' && m.card !== 'FIN+ACK')
    || (m.skill === 'ackData' && (m.state === 'FIN-WAIT-1' || m.state === 'FIN-WAIT-2'))),
  passiveCloserTimeWait: (m) => wrongCard(m) && m.state === 'LAST-ACK' && m.card === 'ACK',
  timeWaitIdle: (m) => wrongCard(m) && m.skill === 'reAck' && m.state === 'TIME-WAIT',
  finIsLast: (m) => m.why === 'wrong.dataAfterFin' || m.why === 'wrong.finBeforeData',
  finVersusRst: (m) => m.why === 'wrong.finNotAbort' || m.why === 'wrong.rstAborts',
};

/** The misconception a judged move reveals, or null (a right move, a slow one, or a slip that says nothing more). */
export function misconceptionOf(m: ClassifiedMove): Misconception | null {
  if (m.verdict !== 'wrongCard' && m.verdict !== 'wrongNumbers') return null;
  return MISCONCEPTIONS.find((id) => RULES[id](m)) ?? null;
}

/** How often a misconception showed: in how many moves, and (for a class) by how many students. */
export interface MisconceptionCount {
  readonly id: Misconception;
  readonly count: number;
  readonly students: number;
}

/**
 * The misconceptions shown by each student's moves, most frequent first (by students, then by
 * moves, then in course order); one student's moves make `students` 1.
 */
export function misconceptionCounts(movesByStudent: readonly (readonly ClassifiedMove[])[]): MisconceptionCount[] {
  const moves = new Map<Misconception, number>();
  const students = new Map<Misconception, number>();
  for (const list of movesByStudent) {
    const seen = new Set<Misconception>();
    for (const m of list) {
      const id = misconceptionOf(m);
      if (!id) continue;
      moves.set(id, (moves.get(id) ?? 0) + 1);
      seen.add(id);
    }
    for (const id of seen) students.set(id, (students.get(id) ?? 0) + 1);
  }
  return MISCONCEPTIONS.filter((id) => moves.has(id))
    .map((id) => ({ id, count: moves.get(id) ?? 0, students: students.get(id) ?? 0 }))
    .sort((a, b) => b.students - a.students || b.count - a.count || MISCONCEPTIONS.indexOf(a.id) - MISCONCEPTIONS.indexOf(b.id));
}
