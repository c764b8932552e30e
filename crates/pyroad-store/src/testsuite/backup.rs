//! Backup and restore cases: a backup restores verbatim into an empty
//! learner, and a bad one writes nothing.

use jiff::civil::date;

use super::review::{exercise_check, review};
use super::{edited, sample};
use crate::backup::{self, Backup, ProgressBackup};
use crate::{LearnerId, NewLogEntry, NewReview, Result, ReviewRating, ReviewSource, Status, Store, StoreError};

/// A learner with two roadmaps, every kind of row, an archived topic, a log
/// entry whose roadmap was removed and a setting.
async fn fill<S: Store>(s: &S, me: LearnerId) -> Result<()> {
    let py = s.add_roadmap(me, "py", &sample()).await?.id;
    let web = s.add_roadmap(me, "web", &sample()).await?.id;
    let gone = s.add_roadmap(me, "gone", &sample()).await?.id;
    s.set_status(me, py, "variables", Status::Done).await?;
    s.set_status(me, py, "loops", Status::Learning).await?;
    s.set_status(me, py, "flask", Status::Skipped).await?;
    s.set_status(me, py, "django", Status::Learning).await?;
    s.set_status(me, web, "for-loops", Status::Done).await?;
    s.add_note(me, py, "loops", "range() stops before the end").await?;
    s.add_note(me, py, "django", "models first").await?;
    s.add_note(me, py, "loops", "while True needs a break").await?;
    s.update_roadmap(me, "py", &edited(sample(), "Django", "FastAPI")).await?;
    let entry = |roadmap, topic: Option<&str>, minutes, day| NewLogEntry {
        roadmap,
        topic: topic.map(String::from),
        minutes,
        note: Some(format!("{minutes} minutes")),
        date: date(2026, 3, day),
    };
    s.add_log(me, &entry(Some(py), Some("loops"), 45, 2)).await?;
    s.add_log(me, &entry(None, None, 20, 1)).await?;
    s.add_log(me, &entry(Some(gone), Some("flask"), 30, 2)).await?;
    s.add_log(me, &entry(Some(web), Some("for-loops"), 15, 3)).await?;
    s.remove_roadmap(me, "gone").await?;
    s.set_active(me, "web").await?;
    s.set_setting(me, "daily_goal", Some("30")).await?;
    // Practice memory: a card reviewed twice, a quiz answer, two checks.
    let day = 86_400;
    let first = s.record_review(me, &review("lists#1", ReviewRating::Good, ReviewSource::Review, 1_000, day)).await?;
    let again = NewReview {
        previous: Some(first.last_review),
        ..review("lists#1", ReviewRating::Hard, ReviewSource::Review, 2 * day, 3 * day)
    };
    s.record_review(me, &again).await?;
    s.record_review(me, &review("lists#q1", ReviewRating::Again, ReviewSource::Quiz, 2_000, 600)).await?;
    s.record_exercise(me, &exercise_check("leap-year", 3, 5, 1, false)).await?;
    s.record_exercise(me, &exercise_check("leap-year", 5, 5, 2, false)).await?;
    Ok(())
}

/// A backup restored into an empty learner backs up to the same thing,
/// timestamps included; a second restore into it is refused.
pub async fn backup_restores_verbatim<S: Store>(s: &S) -> Result<()> {
    fill(s, LearnerId::LOCAL).await?;
    let original = backup::collect(s, LearnerId::LOCAL).await?;
    assert_eq!(original.roadmaps.len(), 2);
    assert_eq!(original.active.as_deref(), Some("web"));
    assert_eq!(original.settings.get("daily_goal").map(String::as_str), Some("30"));
    let py = &original.roadmaps[0];
    assert_eq!((py.progress.len(), py.notes.len(), py.archived.len()), (4, 3, 1));
    assert_eq!(py.archived[0].topic, "django");
    assert_eq!(original.log.len(), 4);
    assert_eq!(original.log[0].minutes, 20, "oldest day first");
    assert!(original.log.iter().any(|e| e.minutes == 30 && e.roadmap.is_none()), "removed roadmap's entry");
    assert_eq!((original.review_cards.len(), original.review_log.len(), original.exercises.len()), (2, 3, 2));
    assert_eq!(original.review_cards[0].reps, 2, "sorted by card, with both reviews counted");

    let text = serde_json::to_string(&original).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let parsed = Backup::from_json(&text)?;
    assert_eq!(parsed, original, "the JSON form round-trips");

    let copy = s.create_learner("copy").await?;
    let report = s.restore_backup(copy, &parsed).await?;
    assert_eq!((report.roadmaps, report.progress, report.notes), (2, 6, 3));
    assert_eq!((report.archived, report.log, report.settings), (1, 4, 2));
    assert_eq!((report.review_cards, report.review_log, report.exercises), (2, 3, 2));
    let restored = backup::collect(s, copy).await?;
    assert_eq!(restored, original);
    // The restored rows work like any others.
    let web = s.roadmap(copy, "web").await?;
    assert_eq!(s.active_roadmap(copy).await?.map(|r| r.id), Some(web.id));
    s.set_status(copy, web.id, "flask", Status::Done).await?;
    let py = s.roadmap(copy, "py").await?.id;
    assert_eq!(s.restore(copy, py, "django", "fastapi").await?.status, Status::Learning);

    let before = backup::collect(s, copy).await?;
    match s.restore_backup(copy, &original).await {
        Err(StoreError::Invalid(msg)) => assert!(msg.contains("not empty"), "{msg}"),
        other => panic!("restore into a non-empty learner: {other:?}"),
    }
    assert_eq!(backup::collect(s, copy).await?, before, "a refused restore changes nothing");
    Ok(())
}

/// A backup with a bad row (unknown topic, a roadmap twice, an active
/// roadmap it lacks, a zero-minute log entry) leaves the target learner empty.
pub async fn restore_refuses_bad_backups_and_writes_nothing<S: Store>(s: &S) -> Result<()> {
    fill(s, LearnerId::LOCAL).await?;
    let good = backup::collect(s, LearnerId::LOCAL).await?;
    let target = s.create_learner("target").await?;
    let empty = backup::collect(s, target).await?;
    assert!(empty.roadmaps.is_empty() && empty.log.is_empty() && empty.settings.is_empty());

    let mut unknown_topic = good.clone();
    let at = unknown_topic.roadmaps[1].added_at;
    unknown_topic.roadmaps[1].progress.push(ProgressBackup {
        topic: "no-such-topic".into(),
        status: Status::Done,
        started_at: None,
        done_at: Some(at),
        updated_at: at,
    });
    let mut twice = good.clone();
    twice.roadmaps.push(twice.roadmaps[0].clone());
    let mut bad_active = good.clone();
    bad_active.active = Some("nope".into());
    let mut bad_minutes = good.clone();
    bad_minutes.log[3].minutes = 0;
    for (what, bad) in
        [("unknown topic", unknown_topic), ("twice", twice), ("active", bad_active), ("minutes", bad_minutes)]
    {
        match s.restore_backup(target, &bad).await {
            Err(StoreError::Invalid(_)) => {}
            other => panic!("{what}: expected Invalid, got {other:?}"),
        }
        assert_eq!(backup::collect(s, target).await?, empty, "{what}: nothing written");
    }
    // An empty backup restores to an empty learner (and is no error).
    let none = Backup { roadmaps: Vec::new(), log: Vec::new(), active: None, ..empty.clone() };
    assert_eq!(s.restore_backup(target, &none).await?, crate::RestoreReport::default());
    Ok(())
}
