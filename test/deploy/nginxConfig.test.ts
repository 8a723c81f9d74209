/** The README's nginx example (deploy/nginx.conf) is a configuration nginx accepts as it is. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { systemBinary } from '../systemBinary.ts';

const nginx = systemBinary('nginx', 'nginx');
const CONFIG = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

describe.skipIf(!nginx.path)(`deploy/nginx.conf${nginx.skipNote}`, () => {
  it('passes nginx -t', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'tango-nginx-'));
    // Its own pid and error log, so the check needs nothing of the machine's nginx.
    const out = execFileSync(nginx.path!, ['-t', '-p', prefix, '-c', CONFIG, '-g', `pid ${prefix}/nginx.pid; error_log ${prefix}/error.log;`], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });
});
