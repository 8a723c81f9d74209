import type { SendEvent } from '../tcp/events.ts';

/** The two roles a player can take: one endpoint each. */
export const ROLES = ['client', 'server'] as const;
export type Role = (typeof ROLES)[number];

/** The other endpoint. */
export function peerOf(role: Role): Role {
  return role === 'client' ? 'server' : 'client';
}

/** The cards in a player's hand, in key order (keys 1–7). */
export const CARDS = ['SYN', 'SYN+ACK', 'ACK', 'FIN', 'FIN+ACK', 'RST', 'DATA'] as const;
export type Card = (typeof CARDS)[number];

/** Which send of the TCP machine a card is. FIN and FIN+ACK are one segment on the wire. */
export const CARD_SEND: Readonly<Record<Card, SendEvent>> = {
  SYN: 'sendSyn',
  'SYN+ACK': 'sendSynAck',
  ACK: 'sendAck',
  FIN: 'sendFin',
  'FIN+ACK': 'sendFin',
  RST: 'sendRst',
  DATA: 'sendData',
};

/** FIN and FIN+ACK: the same segment on the wire, one carrying the ACK of the peer's FIN too. */
export function isFinCard(card: Card): boolean {
  return CARD_SEND[card] === 'sendFin';
}

/** Payload bytes of one DATA card. */
export const DATA_LEN = 100;
