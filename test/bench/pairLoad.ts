/**
 * The pair load: real @colyseus/sdk clients, two to a private (or quick-match) room, playing
 * whole scenarios round after round with random loss, each about one card a second. A client
 * plays like the hint-following bot of the tests: the card its own endpoint shows, after a
 * person's reaction time; with nothing to do for a while it guesses, as impatient students do.
 * Each client keeps its own timer for its next card, as a person does: a shared tick would
 * send every card that fell due within it at the same instant, a burst no real class makes
 * (and the echo floor, whose clients are timed independently, does not get).
 */
import { Client, type Room } from '@colyseus/sdk';
import { CARDS, type Card } from '../../shared/match/cards.ts';
import { CLIENT_MSG, LIMITS, ROOM, SERVER_MSG, type PairJoinOptions } from '../../shared/protocol.ts';
import { nextFloat, seedFrom, type RngState } from '../../shared/random.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { hintCardsOf } from '../../shared/stateRecords.ts';
import type { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { countPatches, inBatches, type LoadMeter } from './loadMeter.ts';
import type { PairLoadPlan, PlayCounts, PlayPolicy, Sharded } from './loadPlan.ts';

const REQUEST_TIMEOUT_MS = 10_000;

/** The difficulty and speed every bench match is played at (the bare floor's landings follow its latency). */
export const BENCH_MATCH = { difficulty: 'flags', speed: 'fast' } as const;

function joinOptions(plan: PairLoadPlan, nickname: string): PairJoinOptions {
  // The longest match the protocol allows, over the whole catalogue, so rooms live through the run.
  return {
    nickname, mode: plan.mode, ...BENCH_MATCH, lossRate: plan.lossRate,
    playlist: SCENARIO_IDS.slice(0, LIMITS.playlistMax), rounds: LIMITS.roundsMax,
  };
}

/** Tallies only the pair load keeps. */
export class PairTally {
  correct = 0;
  judged = 0;
  roundsFinished = 0;
  rematches = 0;
  readonly refusals: Record<string, number> = {};

  counts(): PlayCounts {
    return { correct: this.correct, judged: this.judged, roundsFinished: this.roundsFinished, rematches: this.rematches, refusals: this.refusals };
  }
}

export class LoadPlayer {
  leaving = false;
  private busy = false;
  private rng: RngState;
  private lastPlayAt = -Infinity;
  private playingSince = -Infinity;
  private hintSeenAt: number | null = null;
  private reactionMs = 0;
  private idleMs = 0;
  private readyRound = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the armed timer runs; null when none is armed. */
  private dueAt: number | null = null;

  readonly room: Room;
  private readonly meter: LoadMeter;
  private readonly tally: PairTally;
  private readonly policy: PlayPolicy;

  constructor(room: Room, meter: LoadMeter, tally: PairTally, policy: PlayPolicy, seed: number, onFinished: () => void) {
    this.room = room;
    this.meter = meter;
    this.tally = tally;
    this.policy = policy;
    this.rng = seed;
    this.redraw();
    // The SDK warns about messages nobody listens to; a real client listens to all of them.
    for (const type of Object.values(SERVER_MSG)) room.onMessage(type, () => {});
    countPatches(room, meter);
    room.onError((code, message) => meter.error('room.onError', `${code} ${message ?? ''}`));
    room.onDrop((code) => meter.disconnected('room.onDrop', code));
    room.onLeave((code) => {
      if (!this.leaving) meter.disconnected('room.onLeave', code);
    });
    room.onStateChange(() => {
      if (this.view.phase === 'finished' && !this.leaving) onFinished();
      this.wake();
    });
    this.wake();
  }

  /** The synchronised state as the SDK holds it (the wire's shapes: hint cards as one string). */
  private get view(): PairRoomState {
    return this.room.state as PairRoomState;
  }

  /** Looks at the state now (a patch came, a reply came, or the timer for the next card ran). */
  private wake(): void {
    const now = performance.now();
    const next = this.look(now);
    // Most patches change nothing about the next card: the armed timer stands (2,000 clients, many patches a second).
    if (next !== null && next === this.dueAt) return;
    clearTimeout(this.timer);
    this.dueAt = next;
    this.timer = next === null ? undefined : setTimeout(() => {
      this.dueAt = null;
      this.wake();
    }, next - now);
  }

  /** Plays what is due; returns when the next card falls due, or null to wait for the server. */
  private look(now: number): number | null {
    if (this.busy || this.leaving) return null;
    const view = this.view;
    if (view.phase === 'between') {
      this.playingSince = -Infinity;
      if (this.readyRound !== view.round) this.ready(view.round);
      return null;
    }
    if (view.phase !== 'playing' || view.roundStatus !== 'playing') return null;
    // The get-ready step refuses cards; the patch that says the round's clock started looks again.
    if (view.serverTime < view.roundClockStartsAt) return null;
    if (this.playingSince === -Infinity) this.playingSince = now;
    const role = view.players.get(this.room.sessionId)?.role;
    const hint = role ? hintCardsOf(view.endpoints.get(role)?.hintCards ?? '')[0] : undefined;
    if (hint) {
      this.hintSeenAt ??= now;
      const due = Math.max(this.hintSeenAt + this.reactionMs, this.lastPlayAt + this.policy.minGapMs);
      if (now < due) return due;
      this.play(hint, now);
      return null;
    }
    this.hintSeenAt = null;
    const due = Math.max(this.lastPlayAt, this.playingSince) + this.idleMs;
    if (now < due) return due;
    this.play(this.guess(), now);
    return null;
  }

  private play(card: Card, now: number): void {
    this.busy = true;
    this.lastPlayAt = now;
    this.hintSeenAt = null;
    const t0 = this.meter.sent();
    this.room.request(CLIENT_MSG.play, { card }, { timeout: REQUEST_TIMEOUT_MS })
      .then((reply: { move: { verdict: string } }) => {
        this.meter.replied(t0);
        if (!this.meter.counts(t0)) return;
        this.tally.judged++;
        if (reply.move.verdict === 'correct') this.tally.correct++;
      })
      .catch((error: unknown) => this.refusedOrFailed('play', t0, error))
      .finally(() => {
        this.busy = false;
        this.redraw();
        this.wake();
      });
  }

  private ready(round: number): void {
    this.busy = true;
    this.readyRound = round;
    const t0 = this.meter.sent();
    if (this.meter.counts(t0)) this.tally.roundsFinished++;
    this.room.request(CLIENT_MSG.ready, {}, { timeout: REQUEST_TIMEOUT_MS })
      .catch((error: unknown) => this.refusedOrFailed('ready', t0, error))
      .finally(() => {
        this.busy = false;
        this.wake();
      });
  }

  /** A protocol refusal is an answer (a round ending under a card is a race, not a fault); anything else is an error. */
  private refusedOrFailed(what: string, t0: number, error: unknown): void {
    const e = error as { name?: string; reason?: { code?: string } };
    if (e.name === 'rejected') {
      if (what === 'play') this.meter.replied(t0);
      const code = `${what}:${e.reason?.code ?? '?'}`;
      this.tally.refusals[code] = (this.tally.refusals[code] ?? 0) + 1;
    } else if (!this.leaving) {
      this.meter.error(what, error);
    }
  }

  private random(): number {
    const [f, next] = nextFloat(this.rng);
    this.rng = next;
    return f;
  }

  private between([min, max]: readonly [number, number]): number {
    return min + this.random() * (max - min);
  }

  private guess(): Card {
    return CARDS[Math.floor(this.random() * CARDS.length)]!;
  }

  private redraw(): void {
    this.reactionMs = this.between(this.policy.reactionMs);
    this.idleMs = this.between(this.policy.idleGuessMs);
  }
}

/** Two clients in one room; when their match finishes they open a new one, so the room count holds. */
class LoadPair {
  players: LoadPlayer[] = [];
  private matches = 0;

  /** The processes asked for seats (one, or the two of a cluster). */
  private readonly clients: readonly Client[];
  private readonly plan: PairLoadPlan;
  private readonly index: number;
  private readonly meter: LoadMeter;
  private readonly tally: PairTally;

  constructor(clients: readonly Client[], plan: PairLoadPlan, index: number, meter: LoadMeter, tally: PairTally) {
    this.clients = clients;
    this.plan = plan;
    this.index = index;
    this.meter = meter;
    this.tally = tally;
  }

  async open(): Promise<void> {
    const { clients, plan, index } = this;
    const first = `a${index}`;
    const second = `b${index}`;
    const viaA = clients[index % clients.length]!;
    const viaB = clients[(index + 1) % clients.length]!;
    const a = plan.mode === 'private'
      ? await viaA.create(ROOM.pair, joinOptions(plan, first))
      : await viaA.joinOrCreate(ROOM.pair, joinOptions(plan, first));
    const b = plan.mode === 'private'
      ? await viaB.joinById(a.roomId, joinOptions(plan, second))
      : await viaB.joinOrCreate(ROOM.pair, joinOptions(plan, second));
    const seed = seedFrom(`${plan.seed}:${index}:${this.matches++}`);
    this.players = [a, b].map((room, i) => new LoadPlayer(room, this.meter, this.tally, plan.policy, seed + i, () => void this.rematch()));
  }

  private async rematch(): Promise<void> {
    this.tally.rematches++;
    await this.leave();
    try {
      await this.open();
    } catch (error) {
      this.meter.joinFailed(error);
    }
  }

  async leave(): Promise<void> {
    const leaving = this.players;
    this.players = [];
    for (const p of leaving) p.leaving = true;
    await Promise.all(leaving.map((p) => p.room.leave(true).catch(() => undefined)));
  }
}

export interface RunningPairs {
  readonly connections: () => number;
  readonly stop: () => Promise<void>;
}

/** Connects this process's pairs, then keeps them playing until `stop`. */
export async function startPairs(plan: Sharded<PairLoadPlan>, meter: LoadMeter, tally: PairTally): Promise<RunningPairs> {
  const clients = [new Client(plan.url), ...(plan.alsoUrl ? [new Client(plan.alsoUrl)] : [])];
  const pairs = await inBatches(plan.pairs, plan.connectConcurrency, async (i) => {
    // Numbered across every load generator, so no two pairs share a seed or a nickname.
    const pair = new LoadPair(clients, plan, plan.shard.firstIndex + i, meter, tally);
    try {
      await pair.open();
    } catch (error) {
      meter.joinFailed(error);
    }
    return pair;
  });
  return {
    connections: () => pairs.reduce((n, p) => n + p.players.length, 0),
    stop: async () => {
      await inBatches(pairs.length, plan.connectConcurrency * 4, (i) => pairs[i]!.leave());
    },
  };
}
