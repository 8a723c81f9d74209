/**
 * The database schema, as ordered migrations. A file records the last one applied in
 * `PRAGMA user_version`; never edit a migration that has shipped, add the next one.
 * Numbers are reserved by feature so that work in parallel does not collide:
 * 1 round results, 2 classroom, 3 challenge, 4 round records (captures and replays), 5 hinted
 * moves, 6 interrupted class rounds.
 */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      -- One row per player per finished round, whatever the mode. Moves are the judged moves of
      -- that player's role, as JSON, for reports.
      CREATE TABLE round_results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        mode TEXT NOT NULL,
        room_code TEXT NOT NULL,
        round_no INTEGER NOT NULL,
        scenario_id TEXT NOT NULL,
        status TEXT NOT NULL,
        player_id TEXT NOT NULL,
        nickname TEXT NOT NULL,
        role TEXT NOT NULL,
        is_bot INTEGER NOT NULL,
        points INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        mistakes INTEGER NOT NULL,
        missed INTEGER NOT NULL,
        best_streak INTEGER NOT NULL,
        moves TEXT NOT NULL,
        finished_at INTEGER NOT NULL
      );
      CREATE INDEX round_results_by_room ON round_results (room_code, round_no);
    `,
  },
  {
    version: 2,
    sql: `
      -- A class: its code (never reused: reports are found by it), the teacher's secret as a
      -- SHA-256 hash (the secret itself is only ever in the teacher's browser), and settings.
      CREATE TABLE classes (
        code TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        locale TEXT NOT NULL,
        settings TEXT NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      -- A student of a class; the token that lets them come back is stored hashed too.
      CREATE TABLE class_students (
        id TEXT PRIMARY KEY,
        class_code TEXT NOT NULL REFERENCES classes (code),
        nickname TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        kicked INTEGER NOT NULL DEFAULT 0,
        joined_at INTEGER NOT NULL
      );
      CREATE INDEX class_students_by_class ON class_students (class_code);
      CREATE UNIQUE INDEX class_students_by_token ON class_students (token_hash);
      -- The rounds a class played. Each student's result of a round is a round_results row
      -- with mode 'class', room_code = the class code and player_id = the student's id.
      CREATE TABLE class_rounds (
        class_code TEXT NOT NULL REFERENCES classes (code),
        round_no INTEGER NOT NULL,
        scenario_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        PRIMARY KEY (class_code, round_no)
      );
    `,
  },
  {
    version: 3,
    sql: `
      -- One row per person per finished, counted timed challenge. Scores are the server's own
      -- count of the judged moves; nothing a client sends is stored here.
      CREATE TABLE challenge_entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        player_id TEXT NOT NULL,
        nickname TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('daily', 'free')),
        day TEXT NOT NULL,
        seed INTEGER NOT NULL,
        difficulty TEXT NOT NULL,
        seats TEXT NOT NULL,
        points INTEGER NOT NULL,
        accuracy INTEGER NOT NULL,
        best_streak INTEGER NOT NULL,
        rounds_won INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- The first finished daily challenge of a day is the one that counts: the database, not
      -- the room, refuses a second, so two rooms finishing at once cannot both get in.
      CREATE UNIQUE INDEX challenge_entries_one_daily ON challenge_entries (player_id, day) WHERE kind = 'daily';
      CREATE INDEX challenge_entries_by_day ON challenge_entries (kind, day, seats, difficulty, points DESC);
      CREATE INDEX challenge_entries_by_player ON challenge_entries (player_id, seats, difficulty, points DESC);
    `,
  },
  {
    version: 4,
    sql: `
      -- A finished round's full record (every segment, move and state change) as JSON, for its
      -- capture file and its replay. The id is random and unguessable: for a solo, pair or
      -- challenge round, the link is the permission. A class's round names its class and its
      -- students: only the class's teacher and those students may read it.
      CREATE TABLE round_records (
        id TEXT PRIMARY KEY,
        mode TEXT NOT NULL,
        room_code TEXT NOT NULL,
        round_no INTEGER NOT NULL,
        class_code TEXT,
        student_ids TEXT NOT NULL,
        record TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX round_records_by_class ON round_records (class_code, round_no) WHERE class_code IS NOT NULL;
    `,
  },
  {
    version: 5,
    sql: `
      -- Right moves made with the ★ hint showing (they score less); rounds stored before count none.
      ALTER TABLE round_results ADD COLUMN hinted INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 6,
    sql: `
      -- A class round the server stopped in the middle of (a crash, a kill -9): marked when the
      -- server next starts, so its report says so instead of showing a round that never ends.
      ALTER TABLE class_rounds ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
