//! Practice and spaced-repetition cases (issues 6 and 7): exercise checks,
//! memory states and the append-only review log.

use crate::{LearnerId, NewExerciseResult, NewReview, Result, ReviewRating, ReviewSource, Store, StoreError};

pub(super) fn exercise_check(exercise: &str, passed: u32, total: u32, hints: u32, revealed: bool) -> NewExerciseResult {
    NewExerciseResult {
        exercise: exercise.into(),
        passed: passed == total,
        tests_passed: passed,
        tests_total: total,
        hints_used: hints,
        revealed,
    }
}

pub async fn exercise_results_are_kept_per_learner<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let other = s.create_learner("other").await?;
    assert!(s.passed_exercises(me).await?.is_empty());
    let first = s.record_exercise(me, &exercise_check("leap-year", 2, 5, 1, false)).await?;
    assert!(!first.passed);
    assert_eq!((first.tests_passed, first.tests_total, first.hints_used), (2, 5, 1));
    let second = s.record_exercise(me, &exercise_check("leap-year", 5, 5, 2, true)).await?;
    assert!(second.passed && second.revealed);
    assert!(second.checked_at >= first.checked_at);
    s.record_exercise(me, &exercise_check("word-frequencies", 0, 4, 0, false)).await?;
    s.record_exercise(me, &exercise_check("bank-account", 6, 6, 0, false)).await?;
    s.record_exercise(other, &exercise_check("initials", 3, 3, 0, false)).await?;

    let all = s.exercise_results(me, None).await?;
    let order: Vec<(&str, bool)> = all.iter().map(|r| (r.exercise.as_str(), r.passed)).collect();
    assert_eq!(
        order,
        [("leap-year", false), ("leap-year", true), ("word-frequencies", false), ("bank-account", true)],
        "oldest first"
    );
    let leap = s.exercise_results(me, Some("leap-year")).await?;
    assert_eq!(leap, vec![first, second]);
    assert_eq!(s.passed_exercises(me).await?, ["bank-account", "leap-year"]);
    assert_eq!(s.passed_exercises(other).await?, ["initials"]);
    assert_eq!(s.exercise_results(other, Some("leap-year")).await?, []);

    let mut wrong = exercise_check("leap-year", 4, 5, 0, false);
    wrong.passed = true;
    assert!(matches!(s.record_exercise(me, &wrong).await, Err(StoreError::Invalid(_))), "passed with 4 of 5");
    let too_many = exercise_check("leap-year", 6, 5, 0, false);
    assert!(matches!(s.record_exercise(me, &too_many).await, Err(StoreError::Invalid(_))));
    let bad_id = exercise_check("../etc", 1, 1, 0, false);
    assert!(matches!(s.record_exercise(me, &bad_id).await, Err(StoreError::Invalid(_))));
    assert_eq!(s.exercise_results(me, None).await?.len(), 4, "refused results are not stored");
    Ok(())
}

// Spaced repetition (issue 7).

/// 2026-01-01T00:00:00Z plus `secs`.
pub(super) fn at(secs: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_767_225_600 + secs).expect("a 2026 instant")
}

pub(super) const DAY: i64 = 86_400;

pub(super) fn review(card: &str, rating: ReviewRating, source: ReviewSource, now: i64, due_in: i64) -> NewReview {
    NewReview {
        card: card.into(),
        rating,
        source,
        reviewed_at: at(now),
        stability: 2.3065,
        difficulty: 5.5,
        due: at(now + due_in),
        previous: None,
    }
}

pub async fn reviews_keep_state_and_an_append_only_log<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    assert!(s.card_states(me).await?.is_empty());
    let first = s.record_review(me, &review("lists#1", ReviewRating::Good, ReviewSource::Review, 0, 2 * DAY)).await?;
    assert_eq!((first.reps, first.lapses, first.due, first.last_review), (1, 0, at(2 * DAY), at(0)));
    assert_eq!(first.stability, 2.3065);
    // A quiz question, due sooner than the card.
    s.record_review(me, &review("lists#q1", ReviewRating::Again, ReviewSource::Quiz, 60, 600)).await?;
    // The card again, on time, forgotten: a lapse.
    let mut lapse = review("lists#1", ReviewRating::Again, ReviewSource::Review, 2 * DAY, 600);
    lapse.previous = Some(first.last_review);
    lapse.stability = 0.4;
    let second = s.record_review(me, &lapse).await?;
    assert_eq!((second.reps, second.lapses, second.stability), (2, 1, 0.4));
    let mut good = review("lists#1", ReviewRating::Good, ReviewSource::Exercise, 3 * DAY, 4 * DAY);
    good.previous = Some(second.last_review);
    let third = s.record_review(me, &good).await?;
    assert_eq!((third.reps, third.lapses, third.due), (3, 1, at(7 * DAY)));

    let states = s.card_states(me).await?;
    let order: Vec<&str> = states.iter().map(|c| c.card.as_str()).collect();
    assert_eq!(order, ["lists#q1", "lists#1"], "soonest due first");
    assert_eq!(states[1], third);

    let log = s.review_log(me, Some("lists#1")).await?;
    let seen: Vec<_> = log.iter().map(|e| (e.rating, e.source, e.reviewed_at)).collect();
    assert_eq!(
        seen,
        [
            (ReviewRating::Good, ReviewSource::Review, at(0)),
            (ReviewRating::Again, ReviewSource::Review, at(2 * DAY)),
            (ReviewRating::Good, ReviewSource::Exercise, at(3 * DAY)),
        ]
    );
    assert_eq!((log[0].elapsed_days, log[1].elapsed_days, log[2].elapsed_days), (0.0, 2.0, 1.0));
    assert_eq!((log[0].scheduled_days, log[2].scheduled_days), (2.0, 4.0));
    let all = s.review_log(me, None).await?;
    assert_eq!(all.len(), 4);
    assert!(all.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
    assert_eq!(all[1].source, ReviewSource::Quiz);
    Ok(())
}

pub async fn reviews_refuse_stale_and_bad_input<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let first = s.record_review(me, &review("dicts#1", ReviewRating::Good, ReviewSource::Review, 0, DAY)).await?;
    // Computed from no state, but the card has one now: refused, nothing written.
    let stale = review("dicts#1", ReviewRating::Easy, ReviewSource::Review, DAY, 9 * DAY);
    assert!(matches!(s.record_review(me, &stale).await, Err(StoreError::Invalid(_))), "stale new review");
    let mut wrong = stale.clone();
    wrong.previous = Some(at(-5));
    assert!(matches!(s.record_review(me, &wrong).await, Err(StoreError::Invalid(_))), "stale previous");
    for bad in [
        NewReview { card: " ".into(), ..stale.clone() },
        NewReview { stability: f64::NAN, previous: Some(first.last_review), ..stale.clone() },
        NewReview { difficulty: -1.0, previous: Some(first.last_review), ..stale.clone() },
        NewReview { due: at(0), previous: Some(first.last_review), ..stale.clone() },
    ] {
        assert!(matches!(s.record_review(me, &bad).await, Err(StoreError::Invalid(_))), "{bad:?}");
    }
    assert_eq!(s.card_states(me).await?, vec![first]);
    assert_eq!(s.review_log(me, None).await?.len(), 1, "refused reviews leave no log line");
    Ok(())
}

pub async fn exercise_checks_and_their_reviews_are_one_write<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let item = "booleans-and-conditions#x-leap-year";
    let check = exercise_check("leap-year", 5, 5, 0, false);
    let (stored, state) =
        s.record_exercise_review(me, &check, &review(item, ReviewRating::Good, ReviewSource::Exercise, 0, DAY)).await?;
    assert!(stored.passed && stored.exercise == "leap-year");
    assert_eq!((state.card.as_str(), state.reps, state.due), (item, 1, at(DAY)));
    // A stale review refuses the check too, and a refused check its review.
    let stale = review(item, ReviewRating::Again, ReviewSource::Exercise, DAY, 600);
    let failed = exercise_check("leap-year", 1, 5, 0, false);
    assert!(matches!(s.record_exercise_review(me, &failed, &stale).await, Err(StoreError::Invalid(_))));
    let fresh = NewReview { previous: Some(state.last_review), ..stale.clone() };
    let mut wrong = failed.clone();
    wrong.passed = true;
    assert!(matches!(s.record_exercise_review(me, &wrong, &fresh).await, Err(StoreError::Invalid(_))));
    assert_eq!(s.exercise_results(me, None).await?, vec![stored]);
    assert_eq!(s.card_states(me).await?, vec![state]);
    let log = s.review_log(me, None).await?;
    assert_eq!(
        log.iter().map(|e| (e.rating, e.source)).collect::<Vec<_>>(),
        [(ReviewRating::Good, ReviewSource::Exercise)]
    );
    // The fresh one goes through: both rows.
    let (_, again) = s.record_exercise_review(me, &failed, &fresh).await?;
    assert_eq!((again.reps, again.lapses), (2, 1));
    assert_eq!(s.exercise_results(me, Some("leap-year")).await?.len(), 2);
    Ok(())
}

pub async fn reviews_are_per_learner<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let other = s.create_learner("other").await?;
    s.record_review(me, &review("lists#1", ReviewRating::Good, ReviewSource::Review, 0, 2 * DAY)).await?;
    // The same item is new for the other learner.
    let theirs = s.record_review(other, &review("lists#1", ReviewRating::Hard, ReviewSource::Quiz, 0, DAY)).await?;
    assert_eq!(theirs.reps, 1);
    assert_eq!(s.card_states(me).await?[0].due, at(2 * DAY));
    assert_eq!(s.card_states(other).await?[0].due, at(DAY));
    assert_eq!(s.review_log(other, None).await?.len(), 1);
    assert_eq!(s.review_log(me, Some("lists#1")).await?[0].rating, ReviewRating::Good);
    assert!(s.review_log(LearnerId(999), None).await?.is_empty());
    Ok(())
}
