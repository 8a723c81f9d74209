/**
 * The database schema, as ordered migrations. A file records the last one applied in
 * `PRAGMA user_version`; never edit a migration that has shipped, add the next one.
 * Numbers are reserved by feature so that work in parallel does not collide:
 * 1 round results, 2 classroom, 3 challenge.
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
];
