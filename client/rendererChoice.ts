/*
 * Which of Phaser's two renderers the game starts with. Phaser takes the renderer once, when the
 * game is created (`type` in its config, read by CreateRenderer at boot), so this is decided
 * before `new Phaser.Game` and changing it means loading the page again.
 *
 * Phaser.AUTO picks WebGL wherever a WebGL context can be made, even when the browser draws it on
 * the CPU (SwiftShader in Chrome without a usable GPU, llvmpipe on Linux, WARP on Windows): there a
 * match runs at about 7 frames a second, while Canvas runs at 60. So WebGL is kept only where it
 * is drawn by a GPU, or where the player asked for it.
 */

export const RENDERERS = ['webgl', 'canvas'] as const;
export type RendererName = (typeof RENDERERS)[number];

/** Why the game draws with the renderer it does. */
export type RendererReason =
  /** `?renderer=webgl|canvas` in the address. */
  | 'address'
  /** The player's answer to the slow-frames notice on an earlier visit. */
  | 'remembered'
  /** The browser's WebGL is drawn by a GPU. */
  | 'hardwareWebgl'
  /** The browser's WebGL is drawn on the CPU. */
  | 'softwareWebgl'
  /** No WebGL context could be made. */
  | 'noWebgl';

export interface RendererDecision {
  readonly renderer: RendererName;
  readonly reason: RendererReason;
  /** The WebGL renderer string the browser reported ('' when not probed or not told). */
  readonly gpu: string;
}

/** What a throwaway WebGL context said about itself. */
export interface WebglProbe {
  readonly available: boolean;
  /** UNMASKED_RENDERER_WEBGL, or the plain RENDERER where the browser hides the unmasked one. */
  readonly renderer: string;
}

/**
 * Renderer strings of WebGL drawn on the CPU: Chrome's SwiftShader (also inside ANGLE's string),
 * Mesa's llvmpipe, softpipe and lavapipe, Windows' WARP ("Microsoft Basic Render Driver") and
 * GDI Generic, Apple's software renderer, and anything that says "software" outright.
 */
const SOFTWARE_WEBGL = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|gdi generic/i;

/** True when a WebGL renderer string names a renderer that draws on the CPU. */
export function isSoftwareWebgl(renderer: string): boolean {
  return SOFTWARE_WEBGL.test(renderer);
}

/** A renderer name from an address or storage; null for anything else. */
export function rendererNamed(value: unknown): RendererName | null {
  return RENDERERS.includes(value as RendererName) ? (value as RendererName) : null;
}

export function otherRenderer(renderer: RendererName): RendererName {
  return renderer === 'webgl' ? 'canvas' : 'webgl';
}

export interface RendererInputs {
  /** The `renderer` parameter of the address, as typed. */
  readonly address: string | null;
  /** What the player chose on an earlier visit. */
  readonly remembered: RendererName | null;
  /** Called only when WebGL might be used: a forced Canvas never opens a WebGL context. */
  readonly probe: () => WebglProbe;
}

/**
 * The address wins over the remembered choice, which wins over what the browser's WebGL is;
 * WebGL is never chosen where no WebGL context can be made (Phaser would stop with an error).
 */
export function chooseRenderer({ address, remembered, probe }: RendererInputs): RendererDecision {
  const asked = rendererNamed(address);
  const wanted = asked ?? remembered;
  if (wanted === 'canvas') return { renderer: 'canvas', reason: asked ? 'address' : 'remembered', gpu: '' };
  const webgl = probe();
  if (!webgl.available) return { renderer: 'canvas', reason: 'noWebgl', gpu: '' };
  if (wanted === 'webgl') return { renderer: 'webgl', reason: asked ? 'address' : 'remembered', gpu: webgl.renderer };
  return isSoftwareWebgl(webgl.renderer)
    ? { renderer: 'canvas', reason: 'softwareWebgl', gpu: webgl.renderer }
    : { renderer: 'webgl', reason: 'hardwareWebgl', gpu: webgl.renderer };
}
