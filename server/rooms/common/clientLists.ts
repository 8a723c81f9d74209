/**
 * Colyseus keeps a room's clients in a ClientArray: an Array subclass with a Map by session id,
 * built in its constructor. Array methods that make a new array (filter, map, slice, the items
 * splice removes) construct the subclass, Map and all, though every caller uses the result as a
 * plain list (its type says `C[]`). Colyseus filters a room's clients at every patch tick with
 * nothing to send when the state has per-client views, as ours has (seated/ownDeadlines.ts): at
 * 100 pairs that was 7 % of everything the server allocated (issue 21.3). The room's own list
 * is still a ClientArray; only the copies are plain arrays.
 */
import { ClientArray } from '@colyseus/core';

/** Makes copies of a room's client list plain arrays. Idempotent; called once at start-up. */
export function plainClientListCopies(): void {
  Object.defineProperty(ClientArray, Symbol.species, { value: Array, configurable: true });
}
