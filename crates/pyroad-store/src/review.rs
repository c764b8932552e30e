//! What both backends do the same way when recording a review: checking
//! it, refusing stale state and counting reps, lapses and days.

use jiff::Timestamp;

use crate::{NewReview, Result, ReviewRating, StoreError};

const DAY_MS: f64 = 86_400_000.0;

/// Checks a review before it is stored: a sane item id, finite positive
/// memory numbers, and a due date not before the review.
pub fn check_review(review: &NewReview) -> Result<()> {
    let card = &review.card;
    if card.trim().is_empty() || card.len() > 200 || card.trim() != card || card.chars().any(char::is_control) {
        return Err(StoreError::Invalid(format!("{card:?} is not a review item id")));
    }
    let sane = |x: f64| x.is_finite() && x > 0.0;
    if !sane(review.stability) || !sane(review.difficulty) {
        return Err(StoreError::Invalid(format!(
            "review of {card}: stability {} and difficulty {} must be positive numbers",
            review.stability, review.difficulty
        )));
    }
    if review.due < review.reviewed_at {
        return Err(StoreError::Invalid(format!("review of {card}: due {} is before the review", review.due)));
    }
    Ok(())
}

/// The counters a review leaves on its item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewCounts {
    pub reps: u32,
    pub lapses: u32,
    pub elapsed_days: f64,
    pub scheduled_days: f64,
}

/// The counters after `review`, given the item's stored `(last_review,
/// reps, lapses)` (`None` when it has none). Refuses a review computed from
/// another state than the stored one.
pub fn review_counts(review: &NewReview, stored: Option<(Timestamp, u32, u32)>) -> Result<ReviewCounts> {
    let stored_last = stored.map(|(last, ..)| last);
    if stored_last != review.previous {
        return Err(StoreError::Invalid(format!(
            "{} was reviewed meanwhile (at {}); nothing recorded, try again",
            review.card,
            stored_last.map_or_else(|| "never".to_string(), |t| t.to_string()),
        )));
    }
    let (reps, lapses) = stored.map_or((0, 0), |(_, reps, lapses)| (reps, lapses));
    let lapsed = reps > 0 && review.rating == ReviewRating::Again;
    let days = |from: Timestamp, to: Timestamp| (to.as_millisecond() - from.as_millisecond()) as f64 / DAY_MS;
    Ok(ReviewCounts {
        reps: reps.saturating_add(1),
        lapses: lapses.saturating_add(u32::from(lapsed)),
        elapsed_days: stored_last.map_or(0.0, |last| days(last, review.reviewed_at).max(0.0)),
        scheduled_days: days(review.reviewed_at, review.due),
    })
}
