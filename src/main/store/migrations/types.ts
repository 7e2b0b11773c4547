import type { Database } from 'better-sqlite3';

/** One schema step. `version` is the file's number; never edit a migration that has shipped. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
