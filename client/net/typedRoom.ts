import type { Room } from '@colyseus/sdk';
import type { ClientMessages } from '../../shared/messageMap.ts';

/** A message's payload as arguments: left out for a message that carries nothing. */
export type PayloadArgs<P> = undefined extends P ? [payload?: P] : [payload: P];

/**
 * A room seen through its message map (shared/messageMap.ts): a message name the room does not
 * take, or a payload it would refuse, fails `tsc` here as it does on the server, and a request's
 * reply has the type the server's handler returns.
 */
export interface TypedRoom<M extends ClientMessages<M>> {
  send<K extends keyof M & string>(type: K, ...payload: PayloadArgs<M[K]['payload']>): void;
  request<K extends keyof M & string>(type: K, ...payload: PayloadArgs<M[K]['payload']>): Promise<M[K]['reply']>;
}

/** `room` typed by its message map `M`. */
export function typedRoom<M extends ClientMessages<M>>(room: Room): TypedRoom<M> {
  return {
    send: (type, ...payload) => room.send(type, payload[0]),
    request: (type, ...payload) => room.request(type, payload[0]) as Promise<never>,
  };
}
