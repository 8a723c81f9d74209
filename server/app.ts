/**
 * Wires the game server: the WebSocket transport, the rooms, and the HTTP side on the same
 * port (health probe, then the built client). Tests boot what this returns with
 * @colyseus/testing; server/index.ts listens with it.
 */
import { defineRoom, defineServer, matchMaker } from '@colyseus/core';
import { ROOM } from '../shared/protocol.ts';
import type { Config } from './config.ts';
import { serveClassQr, serveRoomQr } from './http/joinQr.ts';
import { serveClassReports } from './http/classReports.ts';
import { servePastClasses } from './http/pastClasses.ts';
import { serveClient } from './http/clientApp.ts';
import { serveRoundRecords } from './http/roundRecords.ts';
import { serveHealth } from './http/health.ts';
import { serveMetrics } from './http/metrics.ts';
import { clusterOptions } from './cluster/clusterOptions.ts';
import { Drain } from './cluster/drain.ts';
import { capRequestBodies } from './http/requestBodies.ts';
import { secureHeaders } from './http/securityHeaders.ts';
import { serveLeaderboard } from './http/leaderboard.ts';
import { PacedPingTransport } from './pacedPings.ts';
import { ChallengeRoom } from './rooms/challenge/ChallengeRoom.ts';
import { ClassroomRoom } from './rooms/classroom/ClassroomRoom.ts';
import { PairRoom } from './rooms/pair/PairRoom.ts';
import { BareRoom } from './rooms/bench/BareRoom.ts';
import { BENCH_BARE_ROOM } from './rooms/bench/benchRooms.ts';
import { explainRefusedJoins } from './rooms/common/seatListing.ts';
import { plainClientListCopies } from './rooms/common/clientListCopies.ts';
import { guardMatchmaking, MatchmakingGuard, stampClientAddresses } from './guard/matchmakingGuard.ts';
import type { Stores } from './storage/stores.ts';

/**
 * The server for `config`, keeping what it must remember in `stores`; `drain` is how index.ts
 * drains it on SIGTERM.
 */
export function createGameServer(config: Config, stores: Stores, guard = new MatchmakingGuard(config.guard), drain = new Drain()) {
  explainRefusedJoins();
  plainClientListCopies();
  // After the refusals' wrapper, so the guard counts first and sees their answers.
  guardMatchmaking();
  guard.closeWhen(() => drain.draining);
  const cluster = clusterOptions(config.cluster);
  const watch = <H extends Parameters<MatchmakingGuard['watch']>[0] & Parameters<Drain['watch']>[0]>(handler: H): H => drain.watch(guard.watch(handler));
  return defineServer({
    ...cluster,
    beforeListen: async () => {
      // Only a presence other processes share is worth telling what happened in this one's rooms.
      if (cluster.presence) await guard.shareThrough(cluster.presence);
    },
    // Larger frames close the connection (1009); every message of the protocol is tiny.
    transport: new PacedPingTransport({ maxPayload: config.maxPayloadBytes }),
    rooms: {
      // Server options override client options of the same name, so clients cannot set them.
      // Quick-match players only meet other quick-match players.
      // A quick match pairs players who chose the same difficulty and speed (the room is made with the first one's).
      [ROOM.pair]: watch(defineRoom(PairRoom, { server: config.pair, stores }).filterBy(['mode', 'difficulty', 'speed'])),
      [ROOM.challenge]: watch(defineRoom(ChallengeRoom, { server: config.challenge, stores })),
      [ROOM.classroom]: watch(defineRoom(ClassroomRoom, { server: config.classroom, stores })),
      // The bench's floor, with no game in it: only when the bench starts the server.
      ...(config.benchBareRoom ? { [BENCH_BARE_ROOM]: defineRoom(BareRoom) } : {}),
    },
    express: (app) => {
      secureHeaders(app);
      serveHealth(app, () => drain.draining || matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN);
      serveMetrics(app, config.cluster.metricsToken);
      serveLeaderboard(app, stores.challenges);
      serveClassReports(app, stores, guard.limits);
      servePastClasses(app, stores, guard.limits);
      serveRoundRecords(app, stores);
      serveClassQr(app, stores.classes, config.classroom.publicUrl, guard.limits);
      serveRoomQr(app, config.classroom.publicUrl, guard.limits);
      serveClient(app, config.clientDir);
    },
    greet: false,
    // index.ts owns the signals, so tests that boot this server do not install handlers.
    gracefullyShutdown: false,
  });
}

export type GameServer = ReturnType<typeof createGameServer>;

/** Listens on `port`, then caps request bodies (the cap must wrap Colyseus's own listener, added on listen). */
export async function listenGameServer(server: GameServer, config: Config, port: number, host?: string): Promise<void> {
  await server.listen(port, host);
  const http = server.transport.server;
  if (!http) throw new Error('the transport has no HTTP server to cap');
  capRequestBodies(http, config.maxRequestBytes);
  // Outermost, so every listener after it (the cap, Colyseus's router, Express) sees the real address.
  stampClientAddresses(http, config.guard.trustProxy);
}
