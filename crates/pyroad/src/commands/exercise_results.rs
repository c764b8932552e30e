//! Recording practice checks in the progress store (`pyroad check` and
//! `pyroad watch`), so passed exercises can mark topics verified and every
//! check of a built-in exercise is a review of its item
//! (`<home topic>#x-<exercise>`, source `exercise`).

use anyhow::{Context, Result};
use jiff::Timestamp;
use pyroad_store::{CardState, NewExerciseResult, ReviewSource, Store};

use super::store::{ME, Opened, open_with};
use crate::cli::StoreArgs;

pub use pyroad_content::review::exercise_rating as rating;

/// Stores one check and, when `item` is given, its review (one
/// transaction); returns the item's new memory state after the commit.
pub fn record(args: &StoreArgs, result: &NewExerciseResult, item: Option<&str>) -> Result<Option<CardState>> {
    let now = crate::clock::now()?.timestamp();
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().context("cannot start the async runtime")?;
    runtime.block_on(async {
        match open_with(args, 1).await? {
            Opened::Sqlite(store) => {
                let done = record_in(&store, result, item, now).await;
                store.close().await;
                done
            }
            Opened::Postgres(store) => {
                let done = record_in(&store, result, item, now).await;
                store.close().await;
                done
            }
        }
    })
}

async fn record_in<S: Store>(
    store: &S,
    result: &NewExerciseResult,
    item: Option<&str>,
    now: Timestamp,
) -> Result<Option<CardState>> {
    let Some(item) = item else {
        store.record_exercise(ME, result).await?;
        return Ok(None);
    };
    let review = super::review::next_review(store, item, rating(result), ReviewSource::Exercise, now).await?;
    let (_, state) = store.record_exercise_review(ME, result, &review).await?;
    Ok(Some(state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyroad_store::ReviewRating;

    fn check(passed: bool, hints_used: u32, revealed: bool) -> NewExerciseResult {
        NewExerciseResult {
            exercise: "leap-year".into(),
            passed,
            tests_passed: if passed { 3 } else { 1 },
            tests_total: 3,
            hints_used,
            revealed,
        }
    }

    #[test]
    fn checks_rate_their_exercise_like_the_issue_says() {
        assert_eq!(rating(&check(true, 0, false)), ReviewRating::Good);
        assert_eq!(rating(&check(true, 2, false)), ReviewRating::Hard);
        assert_eq!(rating(&check(false, 0, false)), ReviewRating::Again);
        assert_eq!(rating(&check(false, 3, false)), ReviewRating::Again);
        assert_eq!(rating(&check(true, 0, true)), ReviewRating::Again, "a pass after seeing the solution");
    }
}
