/**
 * What one client address may do with matchmaking, counted here with time as an input: how many
 * matchmaking calls a minute, how many failed code look-ups (a wrong code, a QR or report route
 * asked about a code that is not live, a seat reserved and never taken), how many rooms it has
 * open and how many seats it holds without having connected to them. A school behind one NAT
 * address (200 students and a teacher) must fit inside every default.
 */
import type { ErrorCode } from '../../shared/protocol.ts';

export interface AddressLimitRules {
  /** Matchmaking calls (create, join, joinById, joinOrCreate) per address per minute, as a bucket that refills evenly. */
  readonly matchmakePerMinute: number;
  /** Failures an address may make at once (a typo-heavy class), then `failuresPerMinute` more each minute. */
  readonly failureBurst: number;
  readonly failuresPerMinute: number;
  /** What a seat reserved over HTTP and never taken costs, in failures: holding seats is worse than mistyping. */
  readonly unusedSeatCost: number;
  /** Rooms an address opened (by create or joinOrCreate) that are still open. */
  readonly roomsPerAddress: number;
  /** Rooms opened by clients on this server, all addresses together. */
  readonly roomsInAll: number;
  /** Seats an address has reserved and not yet taken. */
  readonly pendingSeatsPerAddress: number;
  /** How long a reserved seat waits for its WebSocket, in ms (the rooms' seat reservation time). */
  readonly seatReservationMs: number;
}

/** How many calls between two passes that forget idle addresses, so the map does not grow for ever. */
const TIDY_EVERY = 1000;

/** A bucket of `capacity` tokens that refills `perMs` a millisecond. */
interface Bucket { tokens: number; at: number }

function refill(b: Bucket, capacity: number, perMs: number, now: number): void {
  b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMs);
  b.at = now;
}

interface Pending { readonly address: string; readonly roomId: string; readonly expiresAt: number }

interface AddressState {
  readonly calls: Bucket;
  readonly failures: Bucket;
  readonly rooms: Set<string>;
  /** Calls admitted and not yet answered: they may each reserve a seat, or open a room. */
  inFlight: number;
  inFlightOpens: number;
}

export class AddressLimits {
  private readonly rules: AddressLimitRules;
  private readonly addresses = new Map<string, AddressState>();
  /** Seats reserved over HTTP and not yet taken, by session id. */
  private readonly pending = new Map<string, Pending>();
  /** Which address opened each open room. */
  private readonly owners = new Map<string, string>();
  private opening = 0;
  private callsSinceTidy = 0;

  constructor(rules: AddressLimitRules) {
    this.rules = rules;
  }

  private of(address: string, now: number): AddressState {
    let s = this.addresses.get(address);
    if (!s) {
      s = {
        calls: { tokens: this.rules.matchmakePerMinute, at: now },
        failures: { tokens: this.rules.failureBurst, at: now },
        rooms: new Set(),
        inFlight: 0,
        inFlightOpens: 0,
      };
      this.addresses.set(address, s);
    }
    refill(s.calls, this.rules.matchmakePerMinute, this.rules.matchmakePerMinute / 60_000, now);
    refill(s.failures, this.rules.failureBurst, this.rules.failuresPerMinute / 60_000, now);
    return s;
  }

  /** Seats that waited out their reservation unused are charged to their address as failures. */
  private expire(now: number): void {
    for (const [sessionId, p] of this.pending) {
      if (p.expiresAt > now) continue;
      this.pending.delete(sessionId);
      this.of(p.address, now).failures.tokens -= this.rules.unusedSeatCost;
    }
  }

  /**
   * Whether a matchmaking call may go ahead: the refusal, or undefined (and the call is counted
   * until `settled`, so that calls made all at once are counted as they come, not as they end).
   * `opens` is true for a call that may open a room.
   */
  admit(address: string, opens: boolean, now: number): ErrorCode | undefined {
    this.expire(now);
    if (++this.callsSinceTidy >= TIDY_EVERY) this.forgetIdle(now);
    const s = this.of(address, now);
    if (s.calls.tokens < 1 || s.failures.tokens < 1) return 'tooManyAttempts';
    if (this.pendingOf(address) + s.inFlight >= this.rules.pendingSeatsPerAddress) return 'tooManyAttempts';
    if (opens && s.rooms.size + s.inFlightOpens >= this.rules.roomsPerAddress) return 'tooManyRooms';
    if (opens && this.owners.size + this.opening >= this.rules.roomsInAll) return 'serverFull';
    s.calls.tokens -= 1;
    s.inFlight += 1;
    if (opens) {
      s.inFlightOpens += 1;
      this.opening += 1;
    }
    return undefined;
  }

  /** An admitted call was answered (call `reserved` first if it reserved a seat). */
  settled(address: string, opens: boolean): void {
    const s = this.addresses.get(address);
    if (!s) return;
    s.inFlight -= 1;
    if (opens) {
      s.inFlightOpens -= 1;
      this.opening -= 1;
    }
  }

  /** Whether the address may still ask about codes (the QR and report routes); no call is counted. */
  mayLookUp(address: string, now: number): boolean {
    this.expire(now);
    return this.of(address, now).failures.tokens >= 1;
  }

  /** A code that names nothing live (or a wrong secret): one failure for the address. */
  failed(address: string, now: number): void {
    this.of(address, now).failures.tokens -= 1;
  }

  /** A seat was reserved for `address`; `opened` if the call created its room. */
  reserved(address: string, sessionId: string, roomId: string, opened: boolean, now: number): void {
    this.pending.set(sessionId, { address, roomId, expiresAt: now + this.rules.seatReservationMs });
    if (opened && !this.owners.has(roomId)) {
      this.owners.set(roomId, address);
      this.of(address, now).rooms.add(roomId);
    }
  }

  /** A reserved seat was taken by its WebSocket. */
  taken(sessionId: string): void {
    this.pending.delete(sessionId);
  }

  /** A room closed: it no longer counts against whoever opened it. */
  closed(roomId: string): void {
    const owner = this.owners.get(roomId);
    if (owner === undefined) return;
    this.owners.delete(roomId);
    this.addresses.get(owner)?.rooms.delete(roomId);
  }

  /** Whether `roomId` was opened through matchmaking (and so has an owner). */
  owned(roomId: string): boolean {
    return this.owners.has(roomId);
  }

  /** Forgets addresses with full budgets and nothing open: they would start the same afresh. */
  private forgetIdle(now: number): void {
    this.callsSinceTidy = 0;
    for (const [address, s] of this.addresses) {
      refill(s.calls, this.rules.matchmakePerMinute, this.rules.matchmakePerMinute / 60_000, now);
      refill(s.failures, this.rules.failureBurst, this.rules.failuresPerMinute / 60_000, now);
      const rested = s.calls.tokens >= this.rules.matchmakePerMinute && s.failures.tokens >= this.rules.failureBurst;
      if (rested && s.rooms.size === 0 && s.inFlight === 0 && this.pendingOf(address) === 0) this.addresses.delete(address);
    }
  }

  /** How many addresses are remembered (for tests). */
  get remembered(): number {
    return this.addresses.size;
  }

  private pendingOf(address: string): number {
    let n = 0;
    for (const p of this.pending.values()) if (p.address === address) n++;
    return n;
  }
}
