/**
 * Versioned schema migrations, run in order when a store is opened. Each has
 * the statements for SQLite and for PostgreSQL; the database records every
 * version applied in `schema_migration`. Migrations only ever add: a new
 * version is a new entry at the end, never an edit of an old one.
 *
 * @example
 * import { Migration } from "@uppdrag/store"
 * Migration.latest // 5
 * @since 0.2.0
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sqlite: ReadonlyArray<string>
  readonly postgres: ReadonlyArray<string>
}

const types = "'requisition', 'payout', 'use', 'repayment', 'reversal', 'report', 'meeting', 'measurement'"

/**
 * Every migration, oldest first.
 *
 * @since 0.2.0
 */
export const all: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "händelselogg",
    sqlite: [
      `CREATE TABLE event (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN (${types})),
        assignment_id TEXT NOT NULL,
        grant_id TEXT,
        region TEXT,
        amount INTEGER CHECK (amount >= 0),
        business_date TEXT NOT NULL CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        source_note TEXT NOT NULL,
        reverses INTEGER REFERENCES event (seq),
        obligation_id TEXT,
        payload TEXT CHECK (payload IS NULL OR json_valid(payload))
      ) STRICT`,
      "CREATE INDEX event_grant ON event (grant_id, seq)"
    ],
    postgres: [
      `CREATE TABLE event (
        seq BIGINT PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN (${types})),
        assignment_id TEXT NOT NULL,
        grant_id TEXT,
        region TEXT,
        amount BIGINT CHECK (amount >= 0),
        business_date DATE NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TIMESTAMPTZ NOT NULL,
        source_note TEXT NOT NULL,
        reverses BIGINT REFERENCES event (seq),
        obligation_id TEXT,
        payload JSON
      )`,
      "CREATE INDEX event_grant ON event (grant_id, seq)"
    ]
  },
  {
    version: 2,
    name: "endast tillägg och en återföring per händelse",
    sqlite: [
      "CREATE UNIQUE INDEX event_reversed_once ON event (reverses) WHERE reverses IS NOT NULL",
      "CREATE INDEX event_assignment ON event (assignment_id, type)",
      "CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'händelseloggen får bara utökas'); END",
      "CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'händelseloggen får bara utökas'); END"
    ],
    postgres: [
      "CREATE UNIQUE INDEX event_reversed_once ON event (reverses) WHERE reverses IS NOT NULL",
      "CREATE INDEX event_assignment ON event (assignment_id, type)",
      `CREATE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'händelseloggen får bara utökas'; END
      $$`,
      "CREATE TRIGGER event_no_change BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only()",
      "CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION event_append_only()"
    ]
  },
  {
    version: 3,
    name: "fastställda datum",
    // SQLite cannot change a CHECK constraint, so the table is rebuilt: renamed (its self-reference follows
    // the rename), copied in log order into the new one, dropped, and its indexes and triggers made again.
    // The table is written out again rather than shared with version 1: an applied migration is a frozen
    // snapshot, and a shared definition edited later would silently change what version 1 means.
    sqlite: [
      "ALTER TABLE event RENAME TO event_before_v3",
      `CREATE TABLE event (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN (${types}, 'due-date')),
        assignment_id TEXT NOT NULL,
        grant_id TEXT,
        region TEXT,
        amount INTEGER CHECK (amount >= 0),
        business_date TEXT NOT NULL CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        source_note TEXT NOT NULL,
        reverses INTEGER REFERENCES event (seq),
        obligation_id TEXT,
        payload TEXT CHECK (payload IS NULL OR json_valid(payload))
      ) STRICT`,
      "INSERT INTO event SELECT * FROM event_before_v3 ORDER BY seq",
      "DROP TABLE event_before_v3",
      "CREATE INDEX event_grant ON event (grant_id, seq)",
      "CREATE UNIQUE INDEX event_reversed_once ON event (reverses) WHERE reverses IS NOT NULL",
      "CREATE INDEX event_assignment ON event (assignment_id, type)",
      "CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'händelseloggen får bara utökas'); END",
      "CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'händelseloggen får bara utökas'); END"
    ],
    postgres: ["ALTER TABLE event DROP CONSTRAINT event_type_check", `ALTER TABLE event ADD CONSTRAINT event_type_check CHECK (type IN (${types}, 'due-date'))`]
  },
  {
    version: 4,
    name: "sparade sammanställningar",
    // A projection's state (the application's fold, opaque here) with the sequence number it covers, so a
    // read folds only the events after it. Derived data: it may be emptied at any time without loss.
    sqlite: [
      `CREATE TABLE checkpoint (
        projection TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        state TEXT NOT NULL CHECK (json_valid(state)),
        saved_at TEXT NOT NULL,
        PRIMARY KEY (projection, key)
      ) STRICT`
    ],
    postgres: [
      `CREATE TABLE checkpoint (
        projection TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        seq BIGINT NOT NULL CHECK (seq >= 0),
        state TEXT NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (projection, key)
      )`
    ]
  },
  {
    version: 5,
    name: "publicerade indikatorer",
    // A `publication` event holds a protected indicator cube as a numbered version. The table is rebuilt
    // on SQLite to widen the CHECK (as in version 3, written out again rather than shared), and both
    // databases get an index by type, so the publications are found without reading the whole log.
    sqlite: [
      "ALTER TABLE event RENAME TO event_before_v5",
      `CREATE TABLE event (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN (${types}, 'due-date', 'publication')),
        assignment_id TEXT NOT NULL,
        grant_id TEXT,
        region TEXT,
        amount INTEGER CHECK (amount >= 0),
        business_date TEXT NOT NULL CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        source_note TEXT NOT NULL,
        reverses INTEGER REFERENCES event (seq),
        obligation_id TEXT,
        payload TEXT CHECK (payload IS NULL OR json_valid(payload))
      ) STRICT`,
      "INSERT INTO event SELECT * FROM event_before_v5 ORDER BY seq",
      "DROP TABLE event_before_v5",
      "CREATE INDEX event_grant ON event (grant_id, seq)",
      "CREATE UNIQUE INDEX event_reversed_once ON event (reverses) WHERE reverses IS NOT NULL",
      "CREATE INDEX event_assignment ON event (assignment_id, type)",
      "CREATE INDEX event_type ON event (type, seq)",
      "CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'händelseloggen får bara utökas'); END",
      "CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'händelseloggen får bara utökas'); END"
    ],
    postgres: [
      "ALTER TABLE event DROP CONSTRAINT event_type_check",
      `ALTER TABLE event ADD CONSTRAINT event_type_check CHECK (type IN (${types}, 'due-date', 'publication'))`,
      "CREATE INDEX event_type ON event (type, seq)"
    ]
  }
]

/**
 * The newest schema version this build knows.
 *
 * @since 0.2.0
 */
export const latest: number = all[all.length - 1]!.version

/**
 * The migrations still to run on a database at `current` (up to `target`).
 *
 * @example
 * Migration.pending(1).map((m) => m.version) // [2]
 * @since 0.2.0
 */
export const pending = (current: number, target: number = latest): ReadonlyArray<Migration> =>
  all.filter((m) => m.version > current && m.version <= target)
