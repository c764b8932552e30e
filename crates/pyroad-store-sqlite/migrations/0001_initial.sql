-- pyroad progress store, SQLite dialect. Never edit a migration once it has
-- shipped: add a new one. Timestamps are Unix milliseconds (INTEGER), days
-- are 'YYYY-MM-DD' (TEXT).

CREATE TABLE learners (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
-- The local learner of the command line is always id 1.
INSERT INTO learners (id, name, created_at) VALUES (1, 'local', 0);

CREATE TABLE roadmaps (
    id         INTEGER PRIMARY KEY,
    learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    title      TEXT NOT NULL,
    -- The roadmap in pyroad's JSON contract.
    document   TEXT NOT NULL,
    added_at   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (learner_id, name)
);

-- One row per node of a stored roadmap, so progress can only name nodes
-- that exist.
CREATE TABLE nodes (
    roadmap_id INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, id)
) WITHOUT ROWID;

CREATE TABLE progress (
    learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    roadmap_id INTEGER NOT NULL,
    node_id    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('todo', 'learning', 'done', 'skipped')),
    started_at INTEGER,
    done_at    INTEGER,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (learner_id, roadmap_id, node_id),
    FOREIGN KEY (roadmap_id, node_id) REFERENCES nodes (roadmap_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Progress of nodes that disappeared when their roadmap was updated.
CREATE TABLE progress_archive (
    learner_id  INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    roadmap_id  INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    node_id     TEXT NOT NULL,
    title       TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('todo', 'learning', 'done', 'skipped')),
    started_at  INTEGER,
    done_at     INTEGER,
    archived_at INTEGER NOT NULL,
    PRIMARY KEY (learner_id, roadmap_id, node_id)
) WITHOUT ROWID;

-- Notes stay when their node disappears (they come back with it).
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    roadmap_id INTEGER NOT NULL REFERENCES roadmaps (id) ON DELETE CASCADE,
    node_id    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX notes_by_node ON notes (learner_id, roadmap_id, node_id);

CREATE TABLE log_entries (
    id         INTEGER PRIMARY KEY,
    learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    roadmap_id INTEGER REFERENCES roadmaps (id) ON DELETE SET NULL,
    node_id    TEXT,
    minutes    INTEGER NOT NULL CHECK (minutes > 0),
    note       TEXT,
    day        TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX log_by_day ON log_entries (learner_id, day);

CREATE TABLE settings (
    learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (learner_id, key)
) WITHOUT ROWID;
