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
import { capRequestBodies } from './http/requestBodies.ts';
import { secureHeaders } from './http/securityHeaders.ts';
import { serveLeaderboard } from './http/leaderboard.ts';
import { PacedPingTransport } from './pacedPings.ts';
import { ChallengeRoom } from './rooms/challenge/ChallengeRoom.ts';
import { ClassroomRoom } from './rooms/classroom/ClassroomRoom.ts';
import { PairRoom } from './rooms/pair/PairRoom.ts';
import { explainRefusedJoins } from './rooms/common/seatListing.ts';
import { guardMatchmaking, MatchmakingGuard, stampClientAddresses } from './guard/matchmakingGuard.ts';
import type { Stores } from './storage/stores.ts';

/** The server for `config`, keeping what it must remember in `stores`. */
export function createGameServer(config: Config, stores: Stores, guard = new MatchmakingGuard(config.guard)) {
  explainRefusedJoins();
  // After the refusals' wrapper, so the guard counts first and sees their answers.
  guardMatchmaking();
  return defineServer({
    // Larger frames close the connection (1009); every message of the protocol is tiny.
    transport: new PacedPingTransport({ maxPayload: config.maxPayloadBytes }),
    rooms: {
      // Server options override client options of the same name, so clients cannot set them.
      // Quick-match players only meet other quick-match players.
      // A quick match pairs players who chose the same difficulty and speed (the room is made with the first one's).
      [ROOM.pair]: guard.watch(defineRoom(PairRoom, { server: config.pair, stores }).filterBy(['mode', 'difficulty', 'speed'])),
      [ROOM.challenge]: guard.watch(defineRoom(ChallengeRoom, { server: config.challenge, stores })),
      [ROOM.classroom]: guard.watch(defineRoom(ClassroomRoom, { server: config.classroom, stores })),
    },
    express: (app) => {
      secureHeaders(app);
      serveHealth(app, () => matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN);
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
