import { z } from 'zod';
import { FLAGS } from '../tcp/segment.ts';

/**
 * The conformance trace format of DESIGN.md §7. Objects are strict: an unknown key is a
 * mistake in the trace, not something to ignore.
 */
const u32 = z.number().int().min(0).max(2 ** 32 - 1);
const id = z.union([z.number().int(), z.string().min(1)]);
const endpoint = z.enum(['A', 'B']);

const doStep = z.strictObject({ at: endpoint, do: z.enum(['listen', 'close', '2msl']) });
const sendStep = z.strictObject({
  at: endpoint,
  send: z.array(z.enum(FLAGS)).refine((f) => new Set(f).size === f.length, 'a flag is repeated'),
  id: id.optional(),
  seq: u32.optional(),
  ack: u32.optional(),
  len: z.number().int().min(0).max(65535).optional(),
});
const deliverStep = z.strictObject({ deliver: id });
const dropStep = z.strictObject({ drop: id });

export const traceStep = z.union([doStep, sendStep, deliverStep, dropStep]);
export const traceHeader = z.strictObject({
  name: z.string().optional(),
  /** The RFC section (or requirement) the trace checks, e.g. "RFC 9293 §3.10.7.4". */
  rfc: z.string().optional(),
  isn: z.strictObject({ A: u32, B: u32 }).optional(),
  steps: z.array(z.unknown()),
});

export type TraceStep = z.infer<typeof traceStep>;
export type SegmentId = z.infer<typeof id>;
export type Side = z.infer<typeof endpoint>;

/** One line of the runner's output. */
export interface TraceLine {
  readonly step: number;
  readonly A: string;
  readonly B: string;
  readonly ok: boolean;
}
