-- Practice exercise checks: one row per `pyroad check`. A topic counts as
-- verified when every exercise linked to it has a passing row.
CREATE TABLE exercise_results (
    id           INTEGER PRIMARY KEY,
    learner_id   INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    exercise_id  TEXT NOT NULL,
    passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
    tests_passed INTEGER NOT NULL CHECK (tests_passed >= 0),
    tests_total  INTEGER NOT NULL CHECK (tests_total >= tests_passed),
    hints_used   INTEGER NOT NULL CHECK (hints_used >= 0),
    revealed     INTEGER NOT NULL CHECK (revealed IN (0, 1)),
    checked_at   INTEGER NOT NULL
);
CREATE INDEX exercise_results_by_learner ON exercise_results (learner_id, exercise_id, passed);
