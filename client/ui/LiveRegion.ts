/**
 * An ARIA live region beside the canvas (issue 19): a screen reader cannot read a canvas, so
 * what happens in a match — what arrived and what it means, each verdict — is also written as
 * text into a visually hidden element with aria-live="polite". Each announcement is a new
 * paragraph (the last few are kept), so a repeated event is announced again rather than
 * swallowed as "no change".
 */

const ID = 'live-region';
const KEPT = 6;

/** The page's one live region, made on first use. */
function region(): HTMLElement {
  const existing = document.getElementById(ID);
  if (existing) return existing;
  const el = document.createElement('div');
  el.id = ID;
  el.setAttribute('role', 'log');
  el.setAttribute('aria-live', 'polite');
  el.setAttribute('aria-atomic', 'false');
  // Visually hidden, not display:none, which would hide it from screen readers too.
  Object.assign(el.style, {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', overflow: 'hidden',
    clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: '0',
  });
  document.body.appendChild(el);
  return el;
}

let last = '';

/** Says `text` to a screen reader; the same text twice in a row is said once. */
export function announce(text: string): void {
  const said = text.trim();
  if (!said || said === last) return;
  last = said;
  const el = region();
  const p = document.createElement('p');
  p.textContent = said;
  el.appendChild(p);
  while (el.childElementCount > KEPT) el.firstElementChild?.remove();
}

/** Names the region in the player's language (it is read as the log's label). */
export function labelLiveRegion(label: string): void {
  region().setAttribute('aria-label', label);
}
