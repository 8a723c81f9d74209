import type { WebglProbe } from './rendererChoice.ts';

/**
 * Opens a WebGL context on a canvas that is never shown, reads which renderer draws it, and lets
 * the context go at once (browsers keep only a few alive). Browsers that hide the unmasked name
 * give the plain RENDERER, which then names no software renderer and WebGL is kept.
 */
export function probeWebgl(): WebglProbe {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return { available: false, renderer: '' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) as unknown;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer: typeof renderer === 'string' ? renderer : '' };
  } catch {
    return { available: false, renderer: '' };
  }
}
