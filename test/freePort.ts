/**
 * A port nobody listens on right now, from the kernel: every test server takes one, so two test
 * runs (or a test run and `npm start`) on one machine never collide.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';

export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = createServer();
  probe.listen(0, host);
  await once(probe, 'listening');
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('the kernel gave no port');
  return address.port;
}
