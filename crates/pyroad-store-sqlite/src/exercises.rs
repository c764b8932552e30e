//! Practice exercise results (migration 0003): one row per check.

use pyroad_store::{ExerciseResult, LearnerId, NewExerciseResult, Result, StoreError, check_exercise_result};
use sqlx::{SqliteConnection, SqlitePool};

use crate::{db_error, now_ms, ts};

/// (id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, checked_at)
type ResultRow = (i64, String, bool, i64, i64, i64, bool, i64);

fn count(n: i64) -> Result<u32> {
    u32::try_from(n).map_err(|e| StoreError::Corrupt(format!("count {n}: {e}")))
}

fn result(row: ResultRow) -> Result<ExerciseResult> {
    let (id, exercise, passed, tests_passed, tests_total, hints_used, revealed, at) = row;
    Ok(ExerciseResult {
        id,
        exercise,
        passed,
        tests_passed: count(tests_passed)?,
        tests_total: count(tests_total)?,
        hints_used: count(hints_used)?,
        revealed,
        checked_at: ts(at)?,
    })
}

pub(crate) async fn record(pool: &SqlitePool, learner: LearnerId, new: &NewExerciseResult) -> Result<ExerciseResult> {
    check_exercise_result(new)?;
    // One statement is one transaction; BEGIN IMMEDIATE is not needed for a
    // single insert.
    let mut c = pool.acquire().await.map_err(db_error)?;
    insert(&mut c, learner, new).await
}

/// Inserts a checked result (inside the caller's transaction, if any).
pub(crate) async fn insert(
    c: &mut SqliteConnection,
    learner: LearnerId,
    new: &NewExerciseResult,
) -> Result<ExerciseResult> {
    let now = now_ms();
    let row: ResultRow = sqlx::query_as(
        "INSERT INTO exercise_results
             (learner_id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, checked_at",
    )
    .bind(learner.0)
    .bind(&new.exercise)
    .bind(new.passed)
    .bind(i64::from(new.tests_passed))
    .bind(i64::from(new.tests_total))
    .bind(i64::from(new.hints_used))
    .bind(new.revealed)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db_error)?;
    result(row)
}

pub(crate) async fn results(
    pool: &SqlitePool,
    learner: LearnerId,
    exercise: Option<&str>,
) -> Result<Vec<ExerciseResult>> {
    let rows: Vec<ResultRow> = sqlx::query_as(
        "SELECT id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, checked_at
         FROM exercise_results WHERE learner_id = ?1 AND (?2 IS NULL OR exercise_id = ?2) ORDER BY id",
    )
    .bind(learner.0)
    .bind(exercise)
    .fetch_all(pool)
    .await
    .map_err(db_error)?;
    rows.into_iter().map(result).collect()
}

pub(crate) async fn passed(pool: &SqlitePool, learner: LearnerId) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT exercise_id FROM exercise_results WHERE learner_id = ? AND passed = 1 ORDER BY exercise_id",
    )
    .bind(learner.0)
    .fetch_all(pool)
    .await
    .map_err(db_error)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
