/**
 * Bytes over the wire for the game page in headless Chromium: a first visit with an empty
 * cache, then a second visit (a new tab in the same browser profile, as a student opening the
 * game again next lesson). Counted from the DevTools protocol's Network.loadingFinished
 * encodedDataLength, which is what the socket carried (headers and compressed body) and 0 for
 * what the cache answered; a 304 counts its headers.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

const WAIT = { timeout: 30_000, polling: 50 } as const;

/** What one visit fetched, by kind: the page (the HTML document), hashed assets, the rest. */
export interface VisitBytes {
  readonly total: number;
  readonly page: number;
  readonly assets: number;
  readonly other: number;
  /** Requests that reached the server (a 304 included); those the cache answered are not. */
  readonly requests: number;
  /** Responses of 304, i.e. revalidated without a body. */
  readonly notModified: number;
  /** Per URL path, for the JSON report. */
  readonly byPath: readonly { readonly path: string; readonly status: number; readonly bytes: number; readonly encoding: string | null }[];
}

export interface WireFigures {
  readonly firstVisit: VisitBytes;
  readonly secondVisit: VisitBytes;
}

interface Seen { path: string; status: number; encoding: string | null; fromCache: boolean; document: boolean; bytes: number; done: boolean }

function header(headers: Record<string, unknown>, name: string): string | null {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : String(headers[key]);
}

/** Follows every request of `page` through the DevTools protocol until `summary` is called. */
async function recordNetwork(page: Page): Promise<{ cdp: CDPSession; summary: () => VisitBytes }> {
  const cdp = await page.context().newCDPSession(page);
  const seen = new Map<string, Seen>();
  cdp.on('Network.responseReceived', (e) => {
    const url = new URL(e.response.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    seen.set(e.requestId, {
      path: url.pathname, status: e.response.status, encoding: header(e.response.headers, 'content-encoding'),
      fromCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker),
      document: e.type === 'Document', bytes: 0, done: false,
    });
  });
  // The HTTP cache hands the page a 200 after it revalidated with a 304; the raw status says which.
  const raw = new Map<string, number>();
  cdp.on('Network.responseReceivedExtraInfo', (e) => raw.set(e.requestId, e.statusCode));
  cdp.on('Network.loadingFinished', (e) => {
    const s = seen.get(e.requestId);
    if (s) Object.assign(s, { bytes: e.encodedDataLength, done: true, status: raw.get(e.requestId) ?? s.status });
  });
  await cdp.send('Network.enable');
  return {
    cdp,
    summary: () => {
      const all = [...seen.values()].filter((s) => s.done);
      const wire = all.filter((s) => !s.fromCache);
      const sum = (list: readonly Seen[]) => list.reduce((n, s) => n + s.bytes, 0);
      return {
        total: sum(all),
        page: sum(all.filter((s) => s.document)),
        assets: sum(all.filter((s) => !s.document && s.path.startsWith('/assets/'))),
        other: sum(all.filter((s) => !s.document && !s.path.startsWith('/assets/'))),
        requests: wire.length,
        notModified: wire.filter((s) => s.status === 304).length,
        byPath: all.map((s) => ({ path: s.path, status: s.status, bytes: s.bytes, encoding: s.fromCache ? 'cache' : s.encoding })),
      };
    },
  };
}

/** One visit in a new tab of `context`'s profile, until the Start screen accepts input. */
async function visit(context: BrowserContext, url: string): Promise<VisitBytes> {
  const page = await context.newPage();
  try {
    const { cdp, summary } = await recordNetwork(page);
    await page.goto(url);
    await page.waitForFunction(() => window.__tango?.state?.ready && window.__tango.state.scene === 'Start', null, WAIT);
    // Whatever the Start screen fetches right after it is ready (none today) is counted too.
    await page.waitForLoadState('networkidle');
    const figures = summary();
    await cdp.detach();
    return figures;
  } finally {
    await page.close();
  }
}

/** A first and a second visit of the game page at `url`, in a fresh profile (an empty cache). */
export async function measureWire(browser: Browser, url: string): Promise<WireFigures> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const firstVisit = await visit(context, url);
    const secondVisit = await visit(context, url);
    return { firstVisit, secondVisit };
  } finally {
    await context.close();
  }
}
