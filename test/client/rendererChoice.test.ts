import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareWebgl, type WebglProbe } from '../../client/rendererChoice.ts';

/** Renderer strings as browsers report them (UNMASKED_RENDERER_WEBGL). */
const HEADLESS_CHROMIUM = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const SOFTWARE = [
  HEADLESS_CHROMIUM,
  'Google SwiftShader',
  'llvmpipe (LLVM 15.0.7, 256 bits)',
  'Mesa softpipe',
  'ANGLE (Mesa, llvmpipe (LLVM 17.0.6 256 bits), OpenGL 4.5)',
  'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'GDI Generic',
  'Apple Software Renderer',
  'lavapipe (LLVM 16.0.6, 256 bits)',
];
const HARDWARE = [
  'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'ANGLE (NVIDIA, NVIDIA GeForce GTX 1050 Ti Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
  'Apple M1',
  'Mali-G78',
  'Adreno (TM) 640',
  // A browser that hides the unmasked name says only this: WebGL is kept and the frame check decides.
  'WebKit WebGL',
];

const probed = (renderer: string): (() => WebglProbe) => () => ({ available: true, renderer });
const noWebgl = (): WebglProbe => ({ available: false, renderer: '' });
const mustNotProbe = (): WebglProbe => {
  throw new Error('a forced Canvas must not open a WebGL context');
};

describe('choosing the renderer before the game is made', () => {
  it.each(SOFTWARE)('recognises WebGL drawn on the CPU: %s', (name) => {
    expect(isSoftwareWebgl(name)).toBe(true);
  });

  it.each(HARDWARE)('takes WebGL for drawn by a GPU: %s', (name) => {
    expect(isSoftwareWebgl(name)).toBe(false);
  });

  it('starts with Canvas where WebGL is software, and with WebGL where it is a GPU', () => {
    expect(chooseRenderer({ address: null, remembered: null, probe: probed(HEADLESS_CHROMIUM) }))
      .toEqual({ renderer: 'canvas', reason: 'softwareWebgl', gpu: HEADLESS_CHROMIUM });
    expect(chooseRenderer({ address: null, remembered: null, probe: probed(HARDWARE[0]!) }))
      .toEqual({ renderer: 'webgl', reason: 'hardwareWebgl', gpu: HARDWARE[0] });
  });

  it('starts with Canvas where no WebGL context can be made, whatever was asked for', () => {
    expect(chooseRenderer({ address: null, remembered: null, probe: noWebgl })).toEqual({ renderer: 'canvas', reason: 'noWebgl', gpu: '' });
    expect(chooseRenderer({ address: 'webgl', remembered: null, probe: noWebgl }).renderer).toBe('canvas');
    expect(chooseRenderer({ address: null, remembered: 'webgl', probe: noWebgl }).renderer).toBe('canvas');
  });

  it('lets the address force either renderer, over the remembered choice and the probe', () => {
    expect(chooseRenderer({ address: 'webgl', remembered: 'canvas', probe: probed(HEADLESS_CHROMIUM) }))
      .toEqual({ renderer: 'webgl', reason: 'address', gpu: HEADLESS_CHROMIUM });
    expect(chooseRenderer({ address: 'canvas', remembered: 'webgl', probe: mustNotProbe }))
      .toEqual({ renderer: 'canvas', reason: 'address', gpu: '' });
  });

  it('uses the remembered choice when the address says nothing (or nothing it knows)', () => {
    expect(chooseRenderer({ address: null, remembered: 'webgl', probe: probed(HEADLESS_CHROMIUM) }))
      .toEqual({ renderer: 'webgl', reason: 'remembered', gpu: HEADLESS_CHROMIUM });
    expect(chooseRenderer({ address: 'vulkan', remembered: 'canvas', probe: mustNotProbe }))
      .toEqual({ renderer: 'canvas', reason: 'remembered', gpu: '' });
  });
});
