/**
 * Fonts the browser tests bring with them, so Chinese renders in their screenshots on a machine
 * without Debian's fonts-noto-cjk: Noto Sans SC from an npm package (its GB 18030 coverage has
 * the Traditional characters the zh-Hant texts use, e.g. 區段, as well as 报文段), named in
 * the client's font list (client/ui/theme.ts); and DejaVu, the client's first monospace font
 * and the one that has the marks it shows besides colour (✗ ↻ ✓). They reach Chromium through
 * a fontconfig file (FONTCONFIG_FILE) that keeps the system's own fonts and settings as well.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SYSTEM_CONFIG = '/etc/fonts/fonts.conf';
/** Only the two weights the client uses (textStyle: normal and bold); the package has nine. */
const WEIGHTS = ['400Regular', '700Bold'] as const;

let written: string | null = null;

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The folders holding the test fonts. */
export function testFontDirs(): string[] {
  const packageDir = (name: string): string => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  return [...WEIGHTS.map((weight) => join(packageDir('@expo-google-fonts/noto-sans-sc'), weight)), join(packageDir('dejavu-fonts-ttf'), 'ttf')];
}

/**
 * A fontconfig file naming `dirs` (and, with `system`, the system's own configuration first).
 * Named by its content, so runs share one file instead of leaving one each in the temporary
 * folder; written by rename, so two runs writing it at once never read half a file.
 */
export function fontsConfig(dirs: readonly string[], system: boolean): string {
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...(system && existsSync(SYSTEM_CONFIG) ? [`  <include ignore_missing="yes">${SYSTEM_CONFIG}</include>`] : []),
    ...dirs.map((d) => `  <dir>${escapeXml(d)}</dir>`),
    `  <cachedir>${escapeXml(join(tmpdir(), 'tango-test-fonts', 'cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  const folder = join(tmpdir(), 'tango-test-fonts');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.conf`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, path);
  }
  return path;
}

/**
 * What the browser tests give Chromium: the system's fonts, the test fonts, and the Latin font
 * @sparticuz/chromium unpacks next to its binary (Open Sans, in the temporary folder's fonts/).
 */
export function testFontsConfig(): string {
  written ??= fontsConfig([...testFontDirs(), join(tmpdir(), 'fonts')], true);
  return written;
}
