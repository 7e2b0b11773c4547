import type { Migration } from './types';

/**
 * The offline catalogue: one complete snapshot per location, replaced in one transaction by sync.
 * Ids from Altegio are only unique within a location, hence the (location_id, id) keys.
 *
 * services.doc is the row's integer key and its rowid in the location's search index:
 * (location_id << 20) + position in catalogue order (category weight and title, then service weight
 * and title). The first catalogue page is then a range read of adjacent rows, and search ties are
 * broken by rowid instead of a join. staff_count (visible performers) is fixed per snapshot too.
 *
 * The search index itself is one FTS5 table per location, created with its snapshot: see
 * store/catalog/fts-table.ts. A migration that changes the index must rebuild those tables
 * (ftsLocations lists them), or drop them and let the next sync recreate them.
 */
export const m002Catalog: Migration = {
  version: 2,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE locations (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        address       TEXT,
        city          TEXT,
        phones        TEXT NOT NULL DEFAULT '[]',
        email         TEXT,
        site          TEXT,
        timezone_name TEXT NOT NULL,
        currency      TEXT NOT NULL,
        schedule      TEXT,
        license       TEXT,
        synced_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE service_categories (
        location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
        id          INTEGER NOT NULL,
        title       TEXT NOT NULL,
        weight      INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (location_id, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE services (
        doc         INTEGER PRIMARY KEY,
        location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
        id          INTEGER NOT NULL,
        category_id INTEGER NOT NULL,
        title       TEXT NOT NULL,
        price_min   REAL NOT NULL,
        price_max   REAL NOT NULL,
        duration    INTEGER NOT NULL,
        weight      INTEGER NOT NULL DEFAULT 0,
        active      INTEGER NOT NULL DEFAULT 1,
        comment     TEXT,
        staff_count INTEGER NOT NULL DEFAULT 0,
        UNIQUE (location_id, id)
      ) STRICT;

      CREATE TABLE staff (
        location_id     INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
        id              INTEGER NOT NULL,
        name            TEXT NOT NULL,
        position        TEXT,
        specialization  TEXT,
        avatar_remote   TEXT,
        avatar_media    TEXT,
        image_group_id  INTEGER,
        weight          INTEGER NOT NULL DEFAULT 0,
        hidden          INTEGER NOT NULL DEFAULT 0,
        fired           INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (location_id, id)
      ) STRICT, WITHOUT ROWID;

      -- No foreign key to staff: Altegio links services to members the staff list may omit (deleted).
      -- No index by member either: every per-member question is asked for one location, whose links
      -- are one key range here; an index would only grow the file (and the start-up integrity check).
      CREATE TABLE service_staff (
        location_id INTEGER NOT NULL,
        service_id  INTEGER NOT NULL,
        staff_id    INTEGER NOT NULL,
        duration    INTEGER NOT NULL,
        price       REAL,
        PRIMARY KEY (location_id, service_id, staff_id),
        FOREIGN KEY (location_id, service_id) REFERENCES services(location_id, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      -- Deliberately no foreign key: a location that never synced still has a last error to show.
      CREATE TABLE sync_state (
        location_id        INTEGER PRIMARY KEY,
        title              TEXT NOT NULL,
        last_success_at    TEXT,
        last_error_at      TEXT,
        last_error_code    TEXT,
        last_error_message TEXT,
        categories         INTEGER NOT NULL DEFAULT 0,
        services           INTEGER NOT NULL DEFAULT 0,
        staff              INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
