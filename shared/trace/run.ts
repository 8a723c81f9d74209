import type { z } from 'zod';
import { call, newEndpoint, send, sendEventFor, receive, type Tcb } from '../tcp/endpoint.ts';
import { normalizeFlags, type Segment } from '../tcp/segment.ts';
import type { CallEvent } from '../tcp/events.ts';
import { traceHeader, traceStep, type SegmentId, type Side, type TraceLine, type TraceStep } from './format.ts';

/** A trace that cannot be run: the step (1-based, 0 for the header) and what is wrong. */
export class TraceError extends Error {
  readonly step: number;
  constructor(step: number, message: string) {
    super(step > 0 ? `step ${step}: ${message}` : `trace: ${message}`);
    this.step = step;
  }
}

/** ISNs used when a trace gives none. */
const DEFAULT_ISN = { A: 1000, B: 5000 } as const;

const CALLS: Record<'listen' | 'close' | '2msl', CallEvent> = { listen: 'listen', close: 'close', '2msl': 'timeout2msl' };

type Flight = { state: 'flying'; from: Side; segment: Segment } | { state: 'refused' | 'delivered' | 'dropped' };

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Picks the step's kind from its keys, so an error speaks of the kind that was meant. */
function parseStep(raw: unknown, n: number): TraceStep {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TraceError(n, 'a step must be an object');
  const kinds = ['do', 'send', 'deliver', 'drop'].filter((k) => k in raw);
  if (kinds.length !== 1) throw new TraceError(n, 'a step needs exactly one of do, send, deliver or drop');
  const parsed = traceStep.safeParse(raw);
  if (parsed.success) return parsed.data;
  const branch = traceStep.options[['do', 'send', 'deliver', 'drop'].indexOf(kinds[0] as string)];
  const detail = branch?.safeParse(raw);
  throw new TraceError(n, detail && !detail.success ? describeIssue(detail.error) : 'malformed');
}

/** Runs a conformance trace (DESIGN.md §7) and returns one line per step; throws TraceError. */
export function runTrace(input: unknown): TraceLine[] {
  const header = traceHeader.safeParse(input);
  if (!header.success) throw new TraceError(0, describeIssue(header.error));
  const isn = header.data.isn ?? DEFAULT_ISN;
  const ends: Record<Side, Tcb> = { A: newEndpoint(isn.A), B: newEndpoint(isn.B) };
  const flights = new Map<SegmentId, Flight>();
  const lines: TraceLine[] = [];

  header.data.steps.forEach((raw, i) => {
    const n = i + 1;
    const step = parseStep(raw, n);
    let ok: boolean;
    if ('do' in step) {
      const r = call(ends[step.at], CALLS[step.do]);
      ok = r.ok;
      if (r.ok) ends[step.at] = r.tcb;
    } else if ('send' in step) {
      if (step.id !== undefined && flights.has(step.id)) throw new TraceError(n, `segment id ${step.id} is used again`);
      ok = sendStep(ends, step, flights);
    } else {
      const segId = 'deliver' in step ? step.deliver : step.drop;
      const flight = flights.get(segId);
      if (!flight) throw new TraceError(n, `no segment has id ${segId}`);
      if (flight.state !== 'flying') throw new TraceError(n, `segment ${segId} was ${flight.state} already`);
      if ('deliver' in step) {
        const to: Side = flight.from === 'A' ? 'B' : 'A';
        const arrival = receive(ends[to], flight.segment);
        ends[to] = arrival.tcb;
        ok = arrival.accepted;
        flights.set(segId, { state: 'delivered' });
      } else {
        ok = true;
        flights.set(segId, { state: 'dropped' });
      }
    }
    lines.push({ step: n, A: ends.A.state, B: ends.B.state, ok });
  });
  return lines;
}

function sendStep(ends: Record<Side, Tcb>, step: Extract<TraceStep, { send: unknown }>, flights: Map<SegmentId, Flight>): boolean {
  const tcb = ends[step.at];
  const len = step.len ?? 0;
  const event = sendEventFor(step.send, len, tcb.state);
  const result = event
    ? send(tcb, event, { seq: step.seq, ack: step.ack, len, rstWithAck: step.send.includes('ACK') })
    : null;
  if (!result || !result.ok) {
    if (step.id !== undefined) flights.set(step.id, { state: 'refused' });
    return false;
  }
  ends[step.at] = result.tcb;
  const segment: Segment = { ...result.segment, flags: normalizeFlags(step.send) };
  if (step.id !== undefined) flights.set(step.id, { state: 'flying', from: step.at, segment });
  return true;
}
