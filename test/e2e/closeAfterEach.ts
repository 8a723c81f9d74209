/**
 * Browser contexts that close after the test that opened them. A game left open keeps drawing
 * sixty frames a second in software while the next test plays: a file that kept every test's
 * pages open had eight games drawing by its last test, on two cores shared with the server tests.
 */
import type { BrowserContext } from 'playwright-core';
import { afterEach } from 'vitest';

type Closable = BrowserContext | { readonly context: BrowserContext };

/**
 * Registers the hook (call it inside the file's `describe`) and returns `track`: `track(x)`
 * closes the context (or a watched page's context) after this test, and returns `x`.
 */
export function closeAfterEach(): <C extends Closable>(opened: C) => C {
  const open: BrowserContext[] = [];
  afterEach(async () => {
    // A test may have closed one itself; closing twice is harmless, and a crashed one is gone anyway.
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  return (opened) => {
    open.push('context' in opened ? opened.context : opened);
    return opened;
  };
}
