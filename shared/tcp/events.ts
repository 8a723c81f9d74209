/**
 * Everything that can happen to one endpoint: an application call or timer, a segment it
 * sends, or a segment that arrives (classified by `classify.ts` from its flags and numbers).
 */
export const CALL_EVENTS = ['listen', 'close', 'timeout2msl'] as const;
export const SEND_EVENTS = ['sendSyn', 'sendSynAck', 'sendAck', 'sendData', 'sendFin', 'sendRst'] as const;
export const RECEIVE_EVENTS = [
  'rcvSyn', // a SYN without ACK
  'rcvSynAgain', // in SYN-RECEIVED, the SYN already taken, again: our SYN,ACK was lost
  'rcvSynAck', // a SYN whose ACK acknowledges our SYN
  'rcvAck', // an acceptable ACK with nothing else new
  'rcvAckOfFin', // an ACK that newly acknowledges our FIN
  'rcvData', // payload that starts at RCV.NXT (after trimming what already arrived)
  'rcvEarly', // payload or FIN beyond RCV.NXT, inside the window: held until the gap fills
  'rcvFin', // a FIN in order that does not newly acknowledge a FIN of ours
  'rcvFinAckOfFin', // a FIN that also acknowledges our FIN
  'rcvRst', // an RST this state must honour
  'rcvRstChallenge', // an RST inside the window but not exactly at RCV.NXT (RFC 5961 §3.2)
  'rcvBadAck', // an ACK for something never sent
  'rcvOld', // outside the receive window: an old duplicate, or a challenge is due
  'rcvOther', // anything else: silently discarded
] as const;

export type CallEvent = (typeof CALL_EVENTS)[number];
export type SendEvent = (typeof SEND_EVENTS)[number];
export type ReceiveEvent = (typeof RECEIVE_EVENTS)[number];
export type TcpEvent = CallEvent | SendEvent | ReceiveEvent;

export const TCP_EVENTS: readonly TcpEvent[] = [...CALL_EVENTS, ...SEND_EVENTS, ...RECEIVE_EVENTS];

/** True for events that are segments arriving. */
export function isReceiveEvent(e: TcpEvent): e is ReceiveEvent {
  return (RECEIVE_EVENTS as readonly string[]).includes(e);
}
