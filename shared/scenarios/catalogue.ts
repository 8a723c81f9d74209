import type { Card } from '../match/cards.ts';
import type { AgendaItem, NetworkScript, Scenario, ScenarioId } from './scenario.ts';

const connect: AgendaItem = { do: 'connect' };
const data: AgendaItem = { do: 'data' };
const close: AgendaItem = { do: 'close' };
const closeAfterPeer: AgendaItem = { do: 'closeAfterPeer' };
const dataAfterPeer: AgendaItem = { do: 'data', afterPeerClose: true };

/** Each side's first `card` is held until the other side has sent its own, so they cross. */
function crossing(card: Card): NetworkScript[] {
  return [
    { kind: 'hold', from: 'client', card, nth: 1, untilFrom: 'server', until: card, on: 'sent' },
    { kind: 'hold', from: 'server', card, nth: 1, untilFrom: 'client', until: card, on: 'sent' },
  ];
}

const OPENING = { start: { client: 'CLOSED', server: 'LISTEN' }, goal: { client: 'ESTABLISHED', server: 'ESTABLISHED' } } as const;
const OPEN = { client: 'ESTABLISHED', server: 'ESTABLISHED' } as const;
const CLOSED = { client: 'CLOSED', server: 'CLOSED' } as const;

/** The scenario catalogue of DESIGN.md §4, in teaching order. */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  handshake: {
    id: 'handshake', ...OPENING,
    agenda: { client: [connect], server: [] }, network: [], timeLimitMs: 45_000,
  },
  'client-close': {
    id: 'client-close', start: OPEN, goal: CLOSED,
    agenda: { client: [close], server: [closeAfterPeer] }, network: [], timeLimitMs: 60_000,
  },
  'server-close': {
    id: 'server-close', start: OPEN, goal: CLOSED,
    agenda: { client: [closeAfterPeer], server: [close] }, network: [], timeLimitMs: 60_000,
  },
  'whole-life': {
    id: 'whole-life', ...OPENING, goal: CLOSED,
    agenda: { client: [connect, data, data, close], server: [data, closeAfterPeer] }, network: [], timeLimitMs: 120_000,
  },
  'lost-syn': {
    id: 'lost-syn', ...OPENING,
    agenda: { client: [connect], server: [] },
    network: [{ kind: 'drop', from: 'client', card: 'SYN', nth: 1 }], timeLimitMs: 60_000,
  },
  'lost-syn-ack': {
    id: 'lost-syn-ack', ...OPENING,
    agenda: { client: [connect], server: [] },
    network: [{ kind: 'drop', from: 'server', card: 'SYN+ACK', nth: 1 }], timeLimitMs: 60_000,
  },
  'lost-handshake-ack': {
    id: 'lost-handshake-ack', ...OPENING,
    agenda: { client: [connect], server: [] },
    network: [{ kind: 'drop', from: 'client', card: 'ACK', nth: 1 }], timeLimitMs: 60_000,
  },
  'lost-last-ack': {
    id: 'lost-last-ack', start: OPEN, goal: CLOSED,
    agenda: { client: [close], server: [closeAfterPeer] },
    network: [{ kind: 'drop', from: 'client', card: 'ACK', nth: 1 }], timeLimitMs: 75_000,
  },
  'simultaneous-open': {
    id: 'simultaneous-open', start: { client: 'CLOSED', server: 'CLOSED' }, goal: OPEN,
    agenda: { client: [connect], server: [connect] }, timeLimitMs: 60_000,
    // People are not simultaneous: each SYN waits in the network until the other is sent.
    network: crossing('SYN'),
  },
  'simultaneous-close': {
    id: 'simultaneous-close', start: OPEN, goal: CLOSED,
    agenda: { client: [close], server: [close] }, timeLimitMs: 60_000,
    network: crossing('FIN'),
  },
  'three-segment-close': {
    id: 'three-segment-close', start: OPEN, goal: CLOSED,
    agenda: { client: [close], server: [{ do: 'closeAfterPeer', combined: true }] }, network: [], timeLimitMs: 60_000,
  },
  'connection-refused': {
    id: 'connection-refused', start: { client: 'CLOSED', server: 'CLOSED' }, goal: CLOSED,
    agenda: { client: [connect], server: [] }, network: [], timeLimitMs: 45_000,
  },
  'old-duplicate-syn': {
    id: 'old-duplicate-syn', ...OPENING,
    agenda: { client: [connect], server: [] },
    oldDuplicate: { from: 'client', card: 'SYN', seqOffset: -700 },
    // RFC 9293 Figure 8: the new SYN is delayed until the old connection has been reset.
    network: [{ kind: 'hold', from: 'client', card: 'SYN', nth: 1, untilFrom: 'client', until: 'RST', on: 'arrived' }],
    timeLimitMs: 75_000,
  },
  'lost-data': {
    id: 'lost-data', start: OPEN, goal: OPEN,
    agenda: { client: [data], server: [] },
    network: [{ kind: 'drop', from: 'client', card: 'DATA', nth: 1 }], timeLimitMs: 60_000,
  },
  'half-close': {
    id: 'half-close', start: OPEN, goal: CLOSED,
    // The server's direction stays open after the client's FIN: it sends, the client ACKs in FIN-WAIT-2.
    agenda: { client: [close], server: [dataAfterPeer, dataAfterPeer, closeAfterPeer] }, timeLimitMs: 90_000,
    // However quick the server, its FIN waits until the client has ACKed data in FIN-WAIT-2.
    network: [{ kind: 'hold', from: 'server', card: 'FIN', nth: 1, untilFrom: 'client', until: 'ACK', on: 'arrived' }],
  },
  'out-of-order': {
    id: 'out-of-order', start: OPEN, goal: OPEN,
    agenda: { client: [data, data], server: [] }, timeLimitMs: 60_000,
    // The first DATA waits in the network until the second has arrived: they swap places.
    network: [
      { kind: 'hold', from: 'client', card: 'DATA', nth: 1, untilFrom: 'client', until: 'DATA', on: 'arrived' },
      { kind: 'deliver', from: 'client', card: 'DATA', nth: 2 },
    ],
  },
  'old-segment-time-wait': {
    id: 'old-segment-time-wait', start: OPEN, goal: CLOSED,
    agenda: { client: [close], server: [data, closeAfterPeer] }, timeLimitMs: 90_000,
    // The server's first DATA is delayed (the server does not know, so it resends it) and arrives
    // only once the client is in TIME-WAIT: the second reason TIME-WAIT lasts 2 MSL.
    network: [{ kind: 'delay', from: 'server', card: 'DATA', nth: 1, untilRole: 'client', untilState: 'TIME-WAIT' }],
  },
  abort: {
    id: 'abort', start: OPEN, goal: CLOSED,
    agenda: { client: [{ do: 'abort' }], server: [] }, timeLimitMs: 45_000,
    // An RST is never resent: lost, it would leave a half-open connection, another lesson.
    network: [{ kind: 'deliver', from: 'client', card: 'RST', nth: 1 }],
  },
};

/** Every scenario, in catalogue order. */
export const SCENARIO_LIST: readonly Scenario[] = Object.values(SCENARIOS);
