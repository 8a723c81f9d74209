/**
 * Whether REDIS_URL answers, asked once at start-up: left to themselves, the presence and the
 * driver retry for ever and the process would sit there logging connection errors instead of
 * saying what is wrong and stopping, as a bad variable does.
 */
import { Redis } from 'ioredis';

/** Undefined when Redis answers PING within `timeoutMs`; otherwise why not. */
export async function redisUnreachable(url: string, timeoutMs = 5000): Promise<string | undefined> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The connection's own error says more than connect()'s "Connection is closed".
  let cause: string | undefined;
  redis.on('error', (e: Error) => { cause ??= e.message; });
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (e) {
    return cause ?? (e instanceof Error ? e.message : String(e));
  } finally {
    redis.disconnect();
  }
}

/** The URL without its password, for messages. */
export function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
