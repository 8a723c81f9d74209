/**
 * Whether screens show their keyboard help ("Keys 1–7 play a card · M sound"): on a device with
 * a mouse or a trackpad, or once any key has been pressed (a tablet with a keyboard cannot be
 * told from one without until then). On a phone the line only took a row from the ladder.
 */
const POINTER_WITH_KEYBOARD = '(any-hover: hover), (any-pointer: fine)';

let keyPressed = false;
const waiting = new Set<() => void>();

/** True when the keyboard's help lines are worth their room on this device now. */
export function showsKeyHelp(): boolean {
  return keyPressed || matchMedia(POINTER_WITH_KEYBOARD).matches;
}

/** Calls `shown` when the help, hidden until now, is to be shown (the first key pressed); returns how to stop waiting. */
export function whenKeyHelpShows(shown: () => void): () => void {
  if (showsKeyHelp()) return () => {};
  waiting.add(shown);
  return () => waiting.delete(shown);
}

window.addEventListener('keydown', (event) => {
  // A phone's on-screen keyboard sends keys too, typing a nickname or a code into a text field:
  // only a key meant for the game itself says there is a keyboard to use.
  if (keyPressed || event.target instanceof HTMLInputElement || event.isComposing) return;
  keyPressed = true;
  const calls = [...waiting];
  waiting.clear();
  for (const shown of calls) shown();
}, { capture: true });
