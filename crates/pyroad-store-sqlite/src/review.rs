//! Spaced-repetition rows (issue 7): item memory states and the review log.

use pyroad_store::{CardState, LearnerId, NewReview, Result, ReviewLogEntry, StoreError, check_review, review_counts};

use sqlx::SqliteConnection;

use crate::{SqliteStore, db_error, ts};

/// (card_id, stability, difficulty, due, last_review, reps, lapses)
type CardRow = (String, f64, f64, i64, i64, i64, i64);
/// (id, card_id, rating, source, reviewed_at, elapsed, scheduled, stability, difficulty)
type LogRow = (i64, String, String, String, i64, f64, f64, f64, f64);

fn count(n: i64) -> Result<u32> {
    u32::try_from(n).map_err(|e| StoreError::Corrupt(format!("review count {n}: {e}")))
}

fn card(row: CardRow) -> Result<CardState> {
    let (card, stability, difficulty, due, last, reps, lapses) = row;
    Ok(CardState {
        card,
        stability,
        difficulty,
        due: ts(due)?,
        last_review: ts(last)?,
        reps: count(reps)?,
        lapses: count(lapses)?,
    })
}

pub(crate) async fn record(store: &SqliteStore, learner: LearnerId, review: &NewReview) -> Result<CardState> {
    check_review(review)?;
    let mut tx = store.write().await?;
    let state = write(&mut tx, learner, review).await?;
    tx.commit().await.map_err(db_error)?;
    Ok(state)
}

/// Writes a checked review inside the caller's write transaction.
pub(crate) async fn write(tx: &mut SqliteConnection, learner: LearnerId, review: &NewReview) -> Result<CardState> {
    let stored: Option<(i64, i64, i64)> =
        sqlx::query_as("SELECT last_review, reps, lapses FROM review_cards WHERE learner_id = ? AND card_id = ?")
            .bind(learner.0)
            .bind(&review.card)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_error)?;
    let stored = match stored {
        Some((last, reps, lapses)) => Some((ts(last)?, count(reps)?, count(lapses)?)),
        None => None,
    };
    let counts = review_counts(review, stored)?;
    let at = review.reviewed_at.as_millisecond();
    sqlx::query(
        "INSERT INTO review_log
           (learner_id, card_id, rating, source, reviewed_at, elapsed_days, scheduled_days, stability, difficulty)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(learner.0)
    .bind(&review.card)
    .bind(review.rating.as_str())
    .bind(review.source.as_str())
    .bind(at)
    .bind(counts.elapsed_days)
    .bind(counts.scheduled_days)
    .bind(review.stability)
    .bind(review.difficulty)
    .execute(&mut *tx)
    .await
    .map_err(db_error)?;
    let row: CardRow = sqlx::query_as(
        "INSERT INTO review_cards (learner_id, card_id, stability, difficulty, due, last_review, reps, lapses)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, card_id) DO UPDATE SET
           stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
           last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses
         RETURNING card_id, stability, difficulty, due, last_review, reps, lapses",
    )
    .bind(learner.0)
    .bind(&review.card)
    .bind(review.stability)
    .bind(review.difficulty)
    .bind(review.due.as_millisecond())
    .bind(at)
    .bind(i64::from(counts.reps))
    .bind(i64::from(counts.lapses))
    .fetch_one(&mut *tx)
    .await
    .map_err(db_error)?;
    card(row)
}

pub(crate) async fn states(store: &SqliteStore, learner: LearnerId) -> Result<Vec<CardState>> {
    let rows: Vec<CardRow> = sqlx::query_as(
        "SELECT card_id, stability, difficulty, due, last_review, reps, lapses FROM review_cards
         WHERE learner_id = ? ORDER BY due, card_id",
    )
    .bind(learner.0)
    .fetch_all(&store.pool)
    .await
    .map_err(db_error)?;
    rows.into_iter().map(card).collect()
}

pub(crate) async fn log(store: &SqliteStore, learner: LearnerId, card: Option<&str>) -> Result<Vec<ReviewLogEntry>> {
    let rows: Vec<LogRow> = sqlx::query_as(
        "SELECT id, card_id, rating, source, reviewed_at, elapsed_days, scheduled_days, stability, difficulty
         FROM review_log WHERE learner_id = ? AND (?2 IS NULL OR card_id = ?2) ORDER BY id",
    )
    .bind(learner.0)
    .bind(card)
    .fetch_all(&store.pool)
    .await
    .map_err(db_error)?;
    rows.into_iter()
        .map(|(id, card, rating, source, at, elapsed_days, scheduled_days, stability, difficulty)| {
            Ok(ReviewLogEntry {
                id,
                card,
                rating: rating.parse()?,
                source: source.parse()?,
                reviewed_at: ts(at)?,
                elapsed_days,
                scheduled_days,
                stability,
                difficulty,
            })
        })
        .collect()
}
