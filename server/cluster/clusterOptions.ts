/**
 * What makes several processes one game: Colyseus's presence (pub/sub and shared sets: room
 * codes, class ↔ pair messages, seat reservations across processes) and its matchmaking driver
 * (the list of every room, whichever process holds it) on one Redis, and the address by which
 * clients reach this process's rooms. Without REDIS_URL both stay in memory: one process.
 */
import { matchMaker, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import type { ClusterConfig } from '../config.ts';

/** Presence set of the processes that are draining (drain.ts): new rooms go elsewhere. */
export const DRAINING_PROCESSES = 'tcp-tango:draining';

export interface ClusterOptions {
  readonly presence?: Presence;
  readonly driver?: matchMaker.MatchMakerDriver;
  readonly publicAddress?: string;
  readonly selectProcessIdToCreateRoom?: matchMaker.SelectProcessIdCallback;
}

/** The defineServer options for `cluster`; empty for one process, so Colyseus's defaults hold. */
export function clusterOptions(cluster: ClusterConfig): ClusterOptions {
  const address = cluster.publicAddress ? { publicAddress: cluster.publicAddress } : {};
  if (!cluster.redisUrl) return address;
  const presence = new RedisPresence(cluster.redisUrl);
  return {
    ...address,
    presence,
    driver: new RedisDriver(cluster.redisUrl),
    selectProcessIdToCreateRoom: () => leastBusyServing(presence),
  };
}

/**
 * Colyseus's own rule (the process with fewest rooms) without the processes that are draining:
 * a room created there would be cut short when the process exits.
 */
async function leastBusyServing(presence: Presence): Promise<string> {
  const [all, draining] = await Promise.all([matchMaker.stats.fetchAll(), presence.smembers(DRAINING_PROCESSES)]);
  const serving = all.filter((p) => !draining.includes(p.processId)).sort((a, b) => a.roomCount - b.roomCount);
  return serving[0]?.processId ?? matchMaker.processId;
}
