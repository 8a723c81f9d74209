/*
 * Phaser's RESIZE mode draws one canvas pixel per CSS pixel, which is blurry on phones. The game
 * is therefore sized in device pixels and every scene zooms its camera by this ratio and lays out
 * in CSS pixels; Text objects take it as their `resolution`. `?hidpi=0` turns it off.
 */
export const DPR = new URLSearchParams(location.search).get('hidpi') === '0' ? 1 : Math.min(window.devicePixelRatio || 1, 3);

/**
 * On a big screen (a projector across a classroom) everything is drawn larger rather than the
 * layout spreading thin: scenes lay out for a screen of at most about 1280 × 760 and zoom up.
 */
export function uiScale(): number {
  return Math.min(2, Math.max(1, Math.min(innerWidth / 1280, innerHeight / 760)));
}

/** Text is rasterised once, so it is drawn for the largest zoom it will be shown at. */
export const TEXT_RESOLUTION = Math.ceil(DPR * uiScale() * 2) / 2;
