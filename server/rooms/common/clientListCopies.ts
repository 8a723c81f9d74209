/**
 * A copy of a room's client list (`filter`, `map`, `slice`) is a plain array, not another
 * `ClientArray` with its own session index. Colyseus filters the list at every patch tick of
 * a room whose state has view-tagged fields and no change to send (pair rooms have one, the
 * per-player deadline of a class's pair), so every idle tick of every room built a
 * `ClientArray` and its `Map`: at 50 pairs about 5 % of all the server allocated. Nothing
 * reads a copy by session id (Colyseus only iterates its copies; rooms use `this.clients`
 * itself), so the index is never missed; the test checks both halves.
 */
import { ClientArray } from '@colyseus/core';

/** Makes copies of every room's client list plain arrays; idempotent. */
export function plainClientListCopies(): void {
  Object.defineProperty(ClientArray, Symbol.species, { value: Array, configurable: true });
}
