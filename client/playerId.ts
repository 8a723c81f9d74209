import { PLAYER_ID } from '../shared/protocol.ts';

const KEY = 'tango.playerId';

/** 128 random bits as hex, for pages served over plain http, where `randomUUID` does not exist. */
function randomHex(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function looksValid(id: string | null): id is string {
  return id !== null && id.length >= PLAYER_ID.min && id.length <= PLAYER_ID.max && new RegExp(PLAYER_ID.pattern).test(id);
}

/**
 * This browser's player id: made once and kept in localStorage, so the leaderboard knows the
 * player again without an account. `randomUUID` only exists in secure contexts (https,
 * localhost); a classroom server on a LAN address is plain http.
 */
export function playerId(): string {
  const saved = localStorage.getItem(KEY);
  if (looksValid(saved)) return saved;
  const made = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : randomHex();
  localStorage.setItem(KEY, made);
  return made;
}
