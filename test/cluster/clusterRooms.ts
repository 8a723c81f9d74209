/** Room helpers for the cluster tests: the rooms are the same as in test/server, the clients are per process. */
import type { Room } from '@colyseus/sdk';
import { CLASS_MSG, type SeatPayload } from '../../shared/protocol.ts';
import { Inbox } from '../server/classroomHarness.ts';
import type { PairRoom } from '../server/gameServer.ts';
import type { GameProcess } from './clusterProcesses.ts';

/** A student takes the seat their class reserved, with a client of `via` (the reservation names the room's own process). */
export async function takeSeatVia(via: GameProcess, student: Inbox): Promise<PairRoom> {
  const seat = await student.take<SeatPayload>(CLASS_MSG.seat);
  const pair = await via.client().consumeSeatReservation(seat.reservation) as unknown as PairRoom;
  new Inbox(pair as unknown as Room);
  await pair.waitForInitialState();
  return pair;
}
