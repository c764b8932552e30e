//! Spaced-repetition rows (issue 7): item memory states and the review log.
//! Times are the caller's (bound as Unix milliseconds), not the server's.

use pyroad_store::{CardState, LearnerId, NewReview, Result, ReviewLogEntry, StoreError, check_review, review_counts};

use sqlx::PgConnection;

use crate::{PgStore, db_error};

/// (card_id, stability, difficulty, due, last_review, reps, lapses)
type CardRow = (String, f64, f64, i64, i64, i32, i32);
/// (id, card_id, rating, source, reviewed_at, elapsed, scheduled, stability, difficulty)
type LogRow = (i64, String, String, String, i64, f64, f64, f64, f64);

const CARD_COLUMNS: &str =
    concat!("card_id, stability, difficulty, ", ms!("due"), ", ", ms!("last_review"), ", reps, lapses");

fn ts(ms: i64) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_millisecond(ms).map_err(|e| StoreError::Corrupt(format!("timestamp {ms}: {e}")))
}

fn count(n: i32) -> Result<u32> {
    u32::try_from(n).map_err(|e| StoreError::Corrupt(format!("review count {n}: {e}")))
}

fn stored_count(n: u32) -> Result<i32> {
    i32::try_from(n).map_err(|e| StoreError::Invalid(format!("review count {n}: {e}")))
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

pub(crate) async fn record(store: &PgStore, learner: LearnerId, review: &NewReview) -> Result<CardState> {
    check_review(review)?;
    let mut tx = store.pool.begin().await.map_err(db_error)?;
    let state = write(&mut tx, learner, review).await?;
    tx.commit().await.map_err(db_error)?;
    Ok(state)
}

/// Writes a checked review inside the caller's transaction.
pub(crate) async fn write(tx: &mut PgConnection, learner: LearnerId, review: &NewReview) -> Result<CardState> {
    // Locks the item's row, so a concurrent review of it waits and then
    // sees this one's state (and is refused as stale).
    let stored: Option<(i64, i32, i32)> = sqlx::query_as(concat!(
        "SELECT ",
        ms!("last_review"),
        ", reps, lapses FROM review_cards WHERE learner_id = $1 AND card_id = $2 FOR UPDATE"
    ))
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
    // A new item: insert, or find that a concurrent review inserted it first.
    let sql = if stored.is_none() {
        format!(
            "INSERT INTO review_cards (learner_id, card_id, stability, difficulty, due, last_review, reps, lapses)
             VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), to_timestamp($6::float8 / 1000), $7, $8)
             ON CONFLICT (learner_id, card_id) DO NOTHING RETURNING {CARD_COLUMNS}"
        )
    } else {
        format!(
            "UPDATE review_cards SET stability = $3, difficulty = $4, due = to_timestamp($5::float8 / 1000),
               last_review = to_timestamp($6::float8 / 1000), reps = $7, lapses = $8
             WHERE learner_id = $1 AND card_id = $2 RETURNING {CARD_COLUMNS}"
        )
    };
    let row: Option<CardRow> = sqlx::query_as(&sql)
        .bind(learner.0)
        .bind(&review.card)
        .bind(review.stability)
        .bind(review.difficulty)
        .bind(review.due.as_millisecond())
        .bind(at)
        .bind(stored_count(counts.reps)?)
        .bind(stored_count(counts.lapses)?)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_error)?;
    let row = row.ok_or_else(|| {
        StoreError::Invalid(format!("{} was reviewed meanwhile; nothing recorded, try again", review.card))
    })?;
    sqlx::query(
        "INSERT INTO review_log
           (learner_id, card_id, rating, source, reviewed_at, elapsed_days, scheduled_days, stability, difficulty)
         VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), $6, $7, $8, $9)",
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
    card(row)
}

pub(crate) async fn states(store: &PgStore, learner: LearnerId) -> Result<Vec<CardState>> {
    let sql = format!("SELECT {CARD_COLUMNS} FROM review_cards WHERE learner_id = $1 ORDER BY due, card_id");
    let rows: Vec<CardRow> = sqlx::query_as(&sql).bind(learner.0).fetch_all(&store.pool).await.map_err(db_error)?;
    rows.into_iter().map(card).collect()
}

pub(crate) async fn log(store: &PgStore, learner: LearnerId, card: Option<&str>) -> Result<Vec<ReviewLogEntry>> {
    let rows: Vec<LogRow> = sqlx::query_as(concat!(
        "SELECT id, card_id, rating, source, ",
        ms!("reviewed_at"),
        ", elapsed_days, scheduled_days, stability, difficulty
         FROM review_log WHERE learner_id = $1 AND ($2::text IS NULL OR card_id = $2) ORDER BY id"
    ))
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
