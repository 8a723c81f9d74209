import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium, SYSTEM_CHROMIUMS } from './chromium.ts';

const opened: Browser[] = [];
afterAll(async () => { for (const b of opened) await b.close(); });

describe('the Chromium the browser tests drive', () => {
  it('is the one CHROMIUM_PATH names, and a CHROMIUM_PATH with nothing there is an error, not a fallback', async () => {
    // Any existing file stands in for a browser: only the choice is checked here.
    const pinned = await findChromium({ CHROMIUM_PATH: process.execPath });
    expect(pinned).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: process.execPath });
    await expect(findChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).rejects.toThrow(/CHROMIUM_PATH is \/nowhere\/chromium/);
  });

  it("is otherwise the system's own when it has one, else the bundled one", async () => {
    const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
    const found = await findChromium({});
    expect(found.source).toBe(system ? 'system' : 'bundled');
    if (system) expect(found.executablePath).toBe(system);
  });

  it('is the bundled one (@sparticuz/chromium) when TANGO_BROWSER=bundled, and it renders with WebGL', async () => {
    const found = await findChromium({ TANGO_BROWSER: 'bundled' });
    expect(found.source).toBe('bundled');
    expect(existsSync(found.executablePath)).toBe(true);
    // The package's flags for AWS Lambda made every screenshot of the game time out (chromium.ts).
    for (const flag of ['--single-process', '--disable-web-security', '--in-process-gpu', '--use-angle=swiftshader']) expect(found.args).not.toContain(flag);

    const browser = await launchChromium({ env: { TANGO_BROWSER: 'bundled' } });
    opened.push(browser);
    const page = await browser.newPage();
    await page.setContent('<canvas id="c" width="4" height="4"></canvas>');
    // A cleared WebGL canvas read back: the graphics stack really draws, not only answers.
    const pixel = await page.evaluate(() => {
      const gl = (document.getElementById('c') as HTMLCanvasElement).getContext('webgl', { preserveDrawingBuffer: true });
      if (!gl) return null;
      gl.clearColor(1, 0.5, 0, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      const out = new Uint8Array(4);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
      return [...out];
    });
    expect(pixel).toEqual([255, 128, 0, 255]);
  });
});
