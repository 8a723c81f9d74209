/**
 * Compile-time checks that a synchronised schema and the view a client reads (protocol.ts)
 * name the same fields with the same types: a field added on one side only fails to compile.
 */

/** A schema instance's synchronised fields (no methods; isTrackingPaused is Schema's own bookkeeping). */
export type Fields<S> = { [K in Exclude<keyof S, 'isTrackingPaused'> as S[K] extends (...args: never[]) => unknown ? never : K]: S[K] };
/** Only the string, number and boolean fields. */
export type Primitive<V> = { [K in keyof V as V[K] extends string | number | boolean ? K : never]: V[K] };
/** The same keys on both sides. */
export type Exactly<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
export type Fits<A, B> = A extends B ? true : false;
export type Check<T extends true> = T;
