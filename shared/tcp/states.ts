/** The eleven connection states of RFC 9293 §3.3.2, spelled as the RFC spells them. */
export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;

export type TcpState = (typeof TCP_STATES)[number];

/** States in which both sides' sequence numbers are known (RFC 9293 §3.10.7.4 "synchronized"). */
export const SYNCHRONIZED_STATES: ReadonlySet<TcpState> = new Set<TcpState>([
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
]);

/** True when `s` is one of the eleven RFC 9293 states. */
export function isTcpState(s: unknown): s is TcpState {
  return typeof s === 'string' && (TCP_STATES as readonly string[]).includes(s);
}
