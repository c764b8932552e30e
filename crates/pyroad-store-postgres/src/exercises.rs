//! Practice exercise results (migration 0003): one row per check.

use pyroad_store::{ExerciseResult, LearnerId, NewExerciseResult, Result, StoreError, check_exercise_result};
use sqlx::{PgConnection, PgPool};

use crate::db_error;

/// (id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, checked_at)
type ResultRow = (i64, String, bool, i32, i32, i32, bool, i64);

const COLUMNS: &str =
    concat!("id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, ", ms!("checked_at"));

fn count(n: i32) -> Result<u32> {
    u32::try_from(n).map_err(|e| StoreError::Corrupt(format!("count {n}: {e}")))
}

fn to_i32(n: u32) -> Result<i32> {
    i32::try_from(n).map_err(|e| StoreError::Invalid(format!("count {n}: {e}")))
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
        checked_at: jiff::Timestamp::from_millisecond(at)
            .map_err(|e| StoreError::Corrupt(format!("timestamp {at}: {e}")))?,
    })
}

pub(crate) async fn record(pool: &PgPool, learner: LearnerId, new: &NewExerciseResult) -> Result<ExerciseResult> {
    check_exercise_result(new)?;
    // One statement is one transaction.
    let mut c = pool.acquire().await.map_err(db_error)?;
    insert(&mut c, learner, new).await
}

/// Inserts a checked result (inside the caller's transaction, if any).
pub(crate) async fn insert(
    c: &mut PgConnection,
    learner: LearnerId,
    new: &NewExerciseResult,
) -> Result<ExerciseResult> {
    let sql = format!(
        "INSERT INTO exercise_results
             (learner_id, exercise_id, passed, tests_passed, tests_total, hints_used, revealed, checked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING {COLUMNS}"
    );
    let row: ResultRow = sqlx::query_as(&sql)
        .bind(learner.0)
        .bind(&new.exercise)
        .bind(new.passed)
        .bind(to_i32(new.tests_passed)?)
        .bind(to_i32(new.tests_total)?)
        .bind(to_i32(new.hints_used)?)
        .bind(new.revealed)
        .fetch_one(&mut *c)
        .await
        .map_err(db_error)?;
    result(row)
}

pub(crate) async fn results(pool: &PgPool, learner: LearnerId, exercise: Option<&str>) -> Result<Vec<ExerciseResult>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM exercise_results
         WHERE learner_id = $1 AND ($2::text IS NULL OR exercise_id = $2) ORDER BY id"
    );
    let rows: Vec<ResultRow> =
        sqlx::query_as(&sql).bind(learner.0).bind(exercise).fetch_all(pool).await.map_err(db_error)?;
    rows.into_iter().map(result).collect()
}

pub(crate) async fn passed(pool: &PgPool, learner: LearnerId) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT exercise_id FROM exercise_results WHERE learner_id = $1 AND passed ORDER BY exercise_id",
    )
    .bind(learner.0)
    .fetch_all(pool)
    .await
    .map_err(db_error)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
