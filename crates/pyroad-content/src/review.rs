//! Spaced-repetition scheduling with FSRS (the `fsrs` crate, default
//! parameters). Pure: the caller passes the clock (`now`, seconds since the
//! Unix epoch) and stores the returned [`Memory`]; nothing here reads the
//! time or touches storage.

use serde::{Deserialize, Serialize};

use fsrs::{FSRS, MemoryState};

/// The retention FSRS schedules for: 90% chance to recall when due.
pub const DESIRED_RETENTION: f32 = 0.9;

const DAY: f64 = 86_400.0;

// The four review buttons: one enum for the whole program, defined with
// the store's row types (a types-only crate) so the log keeps what FSRS
// was fed, with no conversion between two copies.
pub use pyroad_store::ReviewRating;
use pyroad_store::{CardState, NewExerciseResult, NewReview, ReviewSource};

/// How a checked attempt (a quiz answer or an exercise check) feeds the
/// memory model: first-try pass = Good, pass after hints or retries =
/// Hard, fail = Again.
pub fn from_attempt(passed: bool, first_try: bool) -> ReviewRating {
    match (passed, first_try) {
        (false, _) => ReviewRating::Again,
        (true, true) => ReviewRating::Good,
        (true, false) => ReviewRating::Hard,
    }
}

/// How a check rates its exercise item: a pass without hints is good, a
/// pass after hints hard, a fail again. A pass after the reference
/// solution was revealed is again too: the learner did not recall it.
pub fn exercise_rating(result: &NewExerciseResult) -> ReviewRating {
    from_attempt(result.passed && !result.revealed, result.hints_used == 0)
}

/// Parses a learner's answer to "how well did you recall it?":
/// "again"/"hard"/"good"/"easy", their first letters, or "1"-"4".
pub fn parse_rating(text: &str) -> Option<ReviewRating> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "a" | "again" => Some(ReviewRating::Again),
        "2" | "h" | "hard" => Some(ReviewRating::Hard),
        "3" | "g" | "good" => Some(ReviewRating::Good),
        "4" | "e" | "easy" => Some(ReviewRating::Easy),
        _ => None,
    }
}

/// What is stored per card between reviews.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub stability: f32,
    pub difficulty: f32,
    /// When it was last reviewed (Unix seconds).
    pub last_review: i64,
    /// When it is next due (Unix seconds).
    pub due: i64,
}

impl Memory {
    /// The memory of a stored card state. FSRS works in f32; the store keeps
    /// the same values widened to f64, so narrowing them back is exact.
    #[allow(clippy::cast_possible_truncation)]
    pub fn of(state: &CardState) -> Memory {
        Memory {
            stability: state.stability as f32,
            difficulty: state.difficulty as f32,
            last_review: state.last_review.as_second(),
            due: state.due.as_second(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("scheduling failed: {0}")]
pub struct ScheduleError(String);

/// The FSRS model with default parameters.
pub struct Scheduler {
    fsrs: FSRS,
}

impl Scheduler {
    pub fn new() -> Result<Scheduler, ScheduleError> {
        let fsrs = FSRS::new(&[]).map_err(|e| ScheduleError(e.to_string()))?;
        Ok(Scheduler { fsrs })
    }

    /// The memory after rating a card (`None` = never reviewed) at `now`.
    pub fn review(&self, memory: Option<&Memory>, rating: ReviewRating, now: i64) -> Result<Memory, ScheduleError> {
        let elapsed_days = memory.map_or(0, |m| whole_days(m.last_review, now));
        let state = memory.map(|m| MemoryState { stability: m.stability, difficulty: m.difficulty });
        let next =
            self.fsrs.next_states(state, DESIRED_RETENTION, elapsed_days).map_err(|e| ScheduleError(e.to_string()))?;
        let item = match rating {
            ReviewRating::Again => next.again,
            ReviewRating::Hard => next.hard,
            ReviewRating::Good => next.good,
            ReviewRating::Easy => next.easy,
        };
        let interval_secs = (f64::from(item.interval) * DAY).round().clamp(60.0, 100.0 * 365.0 * DAY);
        // Truncation is fine: the value is clamped to at most a century.
        #[allow(clippy::cast_possible_truncation)]
        let due = now.saturating_add(interval_secs as i64);
        Ok(Memory { stability: item.memory.stability, difficulty: item.memory.difficulty, last_review: now, due })
    }

    /// Probability of recall at `now` (0..=1), shown as retention.
    pub fn retrievability(&self, memory: &Memory, now: i64) -> f32 {
        let days = (now.saturating_sub(memory.last_review)).max(0) as f64 / DAY;
        // f32 is the crate's own precision.
        #[allow(clippy::cast_possible_truncation)]
        let days = days as f32;
        fsrs::current_retrievability(
            MemoryState { stability: memory.stability, difficulty: memory.difficulty },
            days,
            fsrs::FSRS6_DEFAULT_DECAY,
        )
    }
}

impl Scheduler {
    /// The review to store after rating `item` at `now`, given its stored
    /// state (`None`: never reviewed). The CLI and the web both schedule
    /// through this, so a card means the same everywhere.
    pub fn next_review(
        &self,
        current: Option<&CardState>,
        item: &str,
        rating: ReviewRating,
        source: ReviewSource,
        now: jiff::Timestamp,
    ) -> Result<NewReview, ScheduleError> {
        let next = self.review(current.map(Memory::of).as_ref(), rating, now.as_second())?;
        let due = jiff::Timestamp::from_second(next.due)
            .map_err(|e| ScheduleError(format!("the next due date is out of range: {e}")))?;
        Ok(NewReview {
            card: item.to_string(),
            rating,
            source,
            reviewed_at: now,
            stability: f64::from(next.stability),
            difficulty: f64::from(next.difficulty),
            due,
            previous: current.map(|s| s.last_review),
        })
    }
}

/// Whole days between two instants, as FSRS counts elapsed time.
fn whole_days(from: i64, to: i64) -> u32 {
    let days = to.saturating_sub(from).max(0) / 86_400;
    u32::try_from(days).unwrap_or(u32::MAX)
}

/// Whether a card is due at `now`.
pub fn is_due(memory: &Memory, now: i64) -> bool {
    memory.due <= now
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-01-01T00:00:00Z: a fixed clock.
    const NOW: i64 = 1_767_225_600;

    fn days(m: &Memory) -> f64 {
        (m.due - m.last_review) as f64 / DAY
    }

    #[test]
    fn new_card_intervals_match_the_crate_figures() {
        // fsrs 6.6.2 documents, for a new card with default parameters:
        // again 0.212, hard 1.2931, good 2.3065, easy 8.2956 days.
        let s = Scheduler::new().expect("default parameters are valid");
        let expect = [0.212, 1.2931, 2.3065, 8.2956];
        for (rating, want) in ReviewRating::ALL.into_iter().zip(expect) {
            let m = s.review(None, rating, NOW).expect("new card schedules");
            assert!((days(&m) - want).abs() < 0.001, "{rating:?}: {} days", days(&m));
        }
        let good = s.review(None, ReviewRating::Good, NOW).expect("new card schedules");
        assert!((2.2..2.4).contains(&days(&good)));
        assert!(!is_due(&good, NOW + 2 * 86_400));
        assert!(is_due(&good, NOW + 3 * 86_400));
    }

    #[test]
    fn reviews_on_time_grow_intervals_and_lapses_shrink_them() {
        let s = Scheduler::new().expect("default parameters are valid");
        let first = s.review(None, ReviewRating::Good, NOW).expect("schedules");
        let second = s.review(Some(&first), ReviewRating::Good, first.due).expect("schedules");
        assert!(days(&second) > days(&first) * 2.0, "{} then {}", days(&first), days(&second));
        let lapse = s.review(Some(&second), ReviewRating::Again, second.due).expect("schedules");
        assert!(days(&lapse) < days(&second));
        assert!(lapse.difficulty > second.difficulty);
    }

    #[test]
    fn retrievability_is_about_ninety_percent_when_due() {
        let s = Scheduler::new().expect("default parameters are valid");
        let m = s.review(None, ReviewRating::Good, NOW).expect("schedules");
        let r = s.retrievability(&m, m.due);
        assert!((r - DESIRED_RETENTION).abs() < 0.01, "{r}");
        assert!(s.retrievability(&m, NOW) > 0.99);
    }

    #[test]
    fn attempts_map_to_ratings() {
        assert_eq!(from_attempt(true, true), ReviewRating::Good);
        assert_eq!(from_attempt(true, false), ReviewRating::Hard);
        assert_eq!(from_attempt(false, true), ReviewRating::Again);
        assert_eq!(from_attempt(false, false), ReviewRating::Again);
        assert_eq!(parse_rating(" Good "), Some(ReviewRating::Good));
        assert_eq!(parse_rating("4"), Some(ReviewRating::Easy));
        assert_eq!(parse_rating("maybe"), None);
        // Every button parses back from the name the store keeps.
        for rating in ReviewRating::ALL {
            assert_eq!(parse_rating(rating.as_str()), Some(rating));
        }
    }
}
