/** The targets of issue 7, on a 2-core machine with one server process. */
export const TARGETS = {
  /** Card → verdict p99 at the level, in ms. */
  p99Ms: 50,
  /** Our p99 over the bare echo server's p99 at the same connections and message rate (issue 7; information since issue 21). */
  floorRatio: 3,
  /** Our p99 over bare Colyseus's p99 (a room with no game) at the same clients, connections and rate, at every level up to `pairs` (issue 21). */
  bareRatio: 1.3,
  /** Time inside the server per card (arrival in the room → verdict ready, patch encoded), p99 at `pairs`, in ms (issue 21). */
  serverP99Ms: 1,
  /** Pair rooms one process must hold at the targets above. */
  pairs: 1000,
  /** Capacity: the highest level at p99 < `p99Ms` with no client trouble, load generators on the same 2 cores (issue 21). */
  capacityPairs: 1500,
  /** Server RSS growth per pair room. */
  memoryPerRoomBytes: 150 * 1024,
  /** Classroom p99 over the same students' p99 in plain pairs. */
  classroomRatio: 1.2,
  /** Everything of ours in the client bundle, gzip, on top of Phaser. */
  ownGzipBytes: 150 * 1024,
  /** Navigation to the start screen accepting input, localhost. */
  startScreenMs: 1500,
  /** Bytes over the wire for a first visit of the game page (issue 14). */
  firstVisitBytes: 500 * 1024,
  /** Bytes of hashed assets over the wire when the page is visited again: the cache keeps them all. */
  secondVisitAssetBytes: 0,
  /** Frame time p95 during a match with segments in flight. */
  frameP95Ms: 20,
} as const;
