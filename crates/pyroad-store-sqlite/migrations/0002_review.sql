-- Spaced repetition (issue 7): the memory state of every review item a
-- learner has reviewed, and the append-only log of every review. Times are
-- Unix milliseconds; they come from the caller's clock, not the database's.

CREATE TABLE review_cards (
    learner_id  INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    card_id     TEXT NOT NULL,
    stability   REAL NOT NULL,
    difficulty  REAL NOT NULL,
    due         INTEGER NOT NULL,
    last_review INTEGER NOT NULL,
    reps        INTEGER NOT NULL CHECK (reps > 0),
    lapses      INTEGER NOT NULL CHECK (lapses >= 0),
    PRIMARY KEY (learner_id, card_id)
) WITHOUT ROWID;
CREATE INDEX review_cards_by_due ON review_cards (learner_id, due);

CREATE TABLE review_log (
    id             INTEGER PRIMARY KEY,
    learner_id     INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    card_id        TEXT NOT NULL,
    rating         TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
    source         TEXT NOT NULL CHECK (source IN ('review', 'quiz', 'exercise')),
    reviewed_at    INTEGER NOT NULL,
    elapsed_days   REAL NOT NULL,
    scheduled_days REAL NOT NULL,
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL
);
CREATE INDEX review_log_by_card ON review_log (learner_id, card_id, id);
