/**
 * The round's lists in the synchronised state — `segments`, `moves` and `stateLog` — hold each
 * record as one string: a JSON array of its fields in a fixed order. A schema object per record
 * kept, for the whole round, a change tree of its own (about 1.5 KB for a move, 0.7 KB for a
 * segment, 0.5 KB for a state change, against 0.1–0.25 KB for its string), and everything a
 * round keeps is copied by each young-generation collection that finds it alive: at 1,000
 * pairs those copies were the server's longest pauses. A record is written once (a segment
 * again when its status changes, as a whole), so a schema object's field-by-field patches
 * bought nothing. The server encodes with these codecs, the client decodes with them.
 *
 * An endpoint's hint cards travel the same way, as one string: a list in the schema made each
 * change of a hint (most cards, on both endpoints) a collection of its own in the patch, with its
 * own change tree to encode, discard and decode (issue 21).
 */
import { CARDS, type Card } from './match/cards.ts';
import type { MoveView, SegmentView, StateLogView } from './protocol.ts';

/** How to read each field of a record of type `T` from a value of another shape `S`. */
export type FieldReaders<S, T> = { readonly [K in keyof T]-?: (source: S) => T[K] };

/** Turns one kind of record into its string on the wire and back. */
export interface RecordCodec<T> {
  encode(record: T): string;
  /** An encoder that reads each field straight from a value of another shape, with no record made on the way. */
  encoderFrom<S>(read: FieldReaders<S, T>): (source: S) => string;
  /** Throws on a string that is not a record of this kind: the state is the server's, so that is a bug, not input. */
  decode(text: string): T;
}

/** Every key of `T`, each once: a field missing from a codec's list fails to compile. */
type AllKeys<T, F extends readonly (keyof T)[]> = Exclude<keyof T, F[number]> extends never ? F : never;

/** A codec for records with these fields, in this order on the wire (append new fields at the end). */
function recordCodec<T>() {
  return <const F extends readonly (keyof T)[]>(name: string, fields: AllKeys<T, F>): RecordCodec<T> => {
    // One array per codec, filled for each record: the server encodes at every move and every
    // change of a segment, in every room (issue 21). Neither JSON.stringify of plain values nor
    // a field reader calls back into an encoder, so nothing else uses it meanwhile.
    const values: unknown[] = fields.map(() => null);
    return {
      encode: (record) => {
        for (let i = 0; i < fields.length; i++) values[i] = record[fields[i]!];
        return JSON.stringify(values);
      },
      encoderFrom: <S>(read: FieldReaders<S, T>) => {
        const readers = fields.map((f) => read[f] as (source: S) => unknown);
        return (source: S): string => {
          for (let i = 0; i < readers.length; i++) values[i] = readers[i]!(source);
          return JSON.stringify(values);
        };
      },
      decode: (text) => {
        const parsed: unknown = JSON.parse(text);
        if (!Array.isArray(parsed) || parsed.length !== fields.length) throw new Error(`not a ${name} record: ${text.slice(0, 80)}`);
        return Object.fromEntries(fields.map((f, i) => [f, parsed[i]])) as T;
      },
    };
  };
}

/** A judged move (`MoveView`). */
export const MOVE_RECORD = recordCodec<MoveView>()('move', [
  'at', 'role', 'card', 'verdict', 'why', 'points', 'expected', 'skill', 'state', 'segmentId', 'hinted', 'params',
]);

/** A segment on the wire (`SegmentView`), written again whole when its status or arrival changes. */
export const SEGMENT_RECORD = recordCodec<SegmentView>()('segment', [
  'id', 'from', 'card', 'seq', 'ack', 'len', 'flags', 'sentAt', 'arriveAt', 'status', 'old', 'why',
]);

/** A TCP state change (`StateLogView`). */
export const STATE_LOG_RECORD = recordCodec<StateLogView>()('state log', ['at', 'role', 'state']);

/** Hint cards on the wire: the cards separated by one space, '' for none (no card has a space). */
const HINT_SEPARATOR = ' ';
const hintTexts = new WeakMap<readonly Card[], string>();

/** `cards` as the endpoint's `hintCards` string; the engine's expectations are constant lists, so each is joined once. */
export function hintCardsText(cards: readonly Card[]): string {
  let text = hintTexts.get(cards);
  if (text === undefined) hintTexts.set(cards, text = cards.join(HINT_SEPARATOR));
  return text;
}

/** The cards of an endpoint's `hintCards` string; a word that is no card is left out. */
export function hintCardsOf(text: string): Card[] {
  if (text === '') return [];
  return text.split(HINT_SEPARATOR).filter((word): word is Card => (CARDS as readonly string[]).includes(word));
}
