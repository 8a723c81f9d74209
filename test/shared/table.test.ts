import { describe, expect, it } from 'vitest';
import { TCP_EVENTS, RECEIVE_EVENTS, isReceiveEvent } from '../../shared/tcp/events.ts';
import { TCP_STATES } from '../../shared/tcp/states.ts';
import { TRANSITIONS, lookup } from '../../shared/tcp/table.ts';
import { en } from '../../shared/i18n/en.ts';
import { call, newEndpoint, receive } from '../../shared/tcp/endpoint.ts';

describe('the transition table', () => {
  it('defines an outcome for every (state, event) pair', () => {
    for (const state of TCP_STATES) {
      for (const event of TCP_EVENTS) {
        const outcome = TRANSITIONS[state][event];
        expect(outcome, `${state} × ${event}`).toBeDefined();
        expect(en[outcome.why], `${state} × ${event} explains itself`).toBeTypeOf('string');
        if (outcome.ok) expect(TCP_STATES).toContain(outcome.next);
      }
    }
    expect(Object.keys(TRANSITIONS)).toHaveLength(11);
  });

  it('never refuses an arrival: every segment is processed or discarded', () => {
    for (const state of TCP_STATES) {
      for (const event of RECEIVE_EVENTS) expect(lookup(state, event).ok, `${state} × ${event}`).toBe(true);
    }
  });

  it('changes no state when it discards an arrival', () => {
    for (const state of TCP_STATES) {
      for (const event of TCP_EVENTS.filter(isReceiveEvent)) {
        const o = lookup(state, event);
        if (o.ok && o.discard) expect(o.next, `${state} × ${event}`).toBe(state);
      }
    }
  });

  it('reaches every state from CLOSED', () => {
    const seen = new Set<string>(['CLOSED']);
    let frontier = ['CLOSED' as const] as (typeof TCP_STATES)[number][];
    while (frontier.length > 0) {
      const next: (typeof TCP_STATES)[number][] = [];
      for (const s of frontier) {
        for (const e of TCP_EVENTS) {
          const o = lookup(s, e);
          if (o.ok && !seen.has(o.next)) {
            seen.add(o.next);
            next.push(o.next);
          }
        }
      }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...TCP_STATES].sort());
  });

  it('returns a passive SYN-RECEIVED to LISTEN on RST, an active one to CLOSED', () => {
    expect(lookup('SYN-RECEIVED', 'rcvRst', true)).toMatchObject({ ok: true, next: 'LISTEN' });
    expect(lookup('SYN-RECEIVED', 'rcvRst', false)).toMatchObject({ ok: true, next: 'CLOSED' });
  });

  it('in SYN-RECEIVED, answers its SYN again with SYN+ACK and any other unacceptable segment with a plain ACK (§3.10.7.4)', () => {
    const listening = call(newEndpoint(300), 'listen');
    if (!listening.ok) throw new Error('listen refused');
    const synRcvd = receive(listening.tcb, { seq: 100, ack: 0, flags: ['SYN'], len: 0 }).tcb;
    expect(synRcvd.state).toBe('SYN-RECEIVED');
    expect(receive(synRcvd, { seq: 100, ack: 0, flags: ['SYN'], len: 0 })).toMatchObject({ event: 'rcvSynAgain', accepted: false, reply: 'SYN+ACK' });
    const stale = receive(synRcvd, { seq: 99, ack: 301, flags: ['ACK'], len: 0 });
    expect(stale).toMatchObject({ event: 'rcvOld', accepted: false, reply: 'ACK' });
    expect(stale.outcome.why).toBe('why.duplicateAck');
  });
});
