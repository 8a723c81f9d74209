/**
 * Which tab of this browser is in a class. The site's own address takes a student back to the
 * class they were in (classAddress.ts) — but not from a second tab while the first is still in
 * it: the newest connection of a student is the one the class seats, so the first tab would lose
 * its match to a page opened to look something up. A page asks on a BroadcastChannel; the page
 * in that class answers at once.
 */
const CHANNEL = 'tango.classTabs';
/** Long enough for a page in the same browser to answer, short enough not to be noticed. */
const ANSWER_WAIT_MS = 250;

type TabMessage = { readonly kind: 'who'; readonly code: string } | { readonly kind: 'mine'; readonly code: string };

function isTabMessage(data: unknown): data is TabMessage {
  const m = data as Partial<TabMessage> | null;
  return typeof m === 'object' && m !== null && (m.kind === 'who' || m.kind === 'mine') && typeof m.code === 'string';
}

/** Answers other tabs' questions for the class this page is in (`current()`, or null), for as long as the page lives. */
export function answerForClassTab(current: () => string | null): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isTabMessage(event.data) && event.data.kind === 'who' && event.data.code === current()) {
      channel.postMessage({ kind: 'mine', code: event.data.code } satisfies TabMessage);
    }
  };
}

/** Whether another tab of this browser is in class `code` now. */
export function classOpenInOtherTab(code: string): Promise<boolean> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(false);
  const channel = new BroadcastChannel(CHANNEL);
  return new Promise<boolean>((resolve) => {
    const done = (mine: boolean): void => {
      clearTimeout(timer);
      channel.close();
      resolve(mine);
    };
    const timer = setTimeout(() => done(false), ANSWER_WAIT_MS);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isTabMessage(event.data) && event.data.kind === 'mine' && event.data.code === code) done(true);
    };
    channel.postMessage({ kind: 'who', code } satisfies TabMessage);
  });
}
