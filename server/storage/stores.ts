import { ChallengeEntryStore } from './challengeEntries.ts';
import { ClassStore } from './classes.ts';
import { openDatabase, type Database } from './database.ts';
import { RoundRecordStore } from './roundRecords.ts';
import { RoundResultStore } from './roundResults.ts';

/** Everything the rooms persist, opened once per process and handed to the rooms. */
export interface Stores {
  readonly db: Database;
  readonly results: RoundResultStore;
  readonly rounds: RoundRecordStore;
  readonly challenges: ChallengeEntryStore;
  readonly classes: ClassStore;
}

/** Opens the database file (':memory:' for tests) and the stores on it. */
export function openStores(file: string): Stores {
  const db = openDatabase(file);
  return { db, results: new RoundResultStore(db), rounds: new RoundRecordStore(db), challenges: new ChallengeEntryStore(db), classes: new ClassStore(db) };
}
