import type { Role } from '../match/cards.ts';
import { nextInt, seedFrom } from '../random.ts';

/** Stands in a pair for the odd student out. */
export const BOT_SEAT = '@bot';

/** Two seats of one round; either may be the bot. */
export interface Pair {
  readonly client: string;
  readonly server: string;
}

/** What the class did last round, so that partners change and roles swap. */
export interface PairingHistory {
  readonly lastRole: ReadonlyMap<string, Role>;
  readonly lastPartner: ReadonlyMap<string, string>;
}

export const NO_HISTORY: PairingHistory = { lastRole: new Map(), lastPartner: new Map() };

/** A seeded Fisher–Yates shuffle. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let rng = seed;
  for (let i = out.length - 1; i > 0; i--) {
    const [j, next] = nextInt(rng, 0, i);
    rng = next;
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Pairs the students of a round: everyone takes the role they did not play last time (last
 * round's clients serve now, and the other way round), partners change where the class is big
 * enough, the order is a seeded shuffle, and an odd student out plays against the bot.
 */
export function pairStudents(ids: readonly string[], seed: number, round: number, history: PairingHistory = NO_HISTORY): Pair[] {
  const order = shuffle([...ids].sort(), seedFrom(`${seed}:pairing:${round}`));
  const serving = order.filter((id) => history.lastRole.get(id) === 'client');
  const clienting = order.filter((id) => history.lastRole.get(id) === 'server');
  const fresh = order.filter((id) => !history.lastRole.has(id));
  const n = Math.min(serving.length, clienting.length);
  // Rotate away from last round's partner: a swap with the next one fixes a repeat.
  for (let i = 0; i < n && n > 1; i++) {
    if (history.lastPartner.get(serving[i] as string) === clienting[i]) {
      const j = (i + 1) % n;
      [clienting[i], clienting[j]] = [clienting[j] as string, clienting[i] as string];
    }
  }
  const pairs: Pair[] = [];
  for (let i = 0; i < n; i++) pairs.push({ client: clienting[i] as string, server: serving[i] as string });
  const rest = [...serving.slice(n), ...fresh, ...clienting.slice(n)];
  if (rest.length % 2 === 1) rest.push(BOT_SEAT);
  const wants = (id: string): Role | null => {
    const last = id === BOT_SEAT ? undefined : history.lastRole.get(id);
    return last === 'client' ? 'server' : last === 'server' ? 'client' : null;
  };
  for (let i = 0; i < rest.length; i += 2) {
    const a = rest[i] as string;
    const b = rest[i + 1] as string;
    // The first one's wish decides; when they have none, the second one's.
    const aServes = wants(a) === 'server' || (wants(a) === null && wants(b) === 'client');
    pairs.push(aServes ? { client: b, server: a } : { client: a, server: b });
  }
  return pairs;
}

/** The history a set of pairs leaves for the next round. */
export function historyOf(pairs: readonly Pair[]): PairingHistory {
  const lastRole = new Map<string, Role>();
  const lastPartner = new Map<string, string>();
  for (const p of pairs) {
    lastRole.set(p.client, 'client');
    lastRole.set(p.server, 'server');
    lastPartner.set(p.client, p.server);
    lastPartner.set(p.server, p.client);
  }
  return { lastRole, lastPartner };
}
