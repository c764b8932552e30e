//! The conformance suite every backend runs (feature `testsuite`).
//!
//! Each case is an async fn over any [`Store`]; a backend's tests call
//! [`store_tests!`](crate::store_tests) with an `open(name)` function that
//! returns a fresh, empty store, and get one `#[tokio::test]` per case.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use jiff::civil::date;
use pyroad_model::{Node, NodeKind, Roadmap};

use crate::{LearnerId, NewLogEntry, Result, Status, Store, StoreError};

/// Generates one `#[tokio::test]` per suite case. `$open` is an async fn
/// `(&'static str) -> S` giving a fresh store, `$reopen` an async fn
/// `(&S) -> S` opening a second pool on the same database, `$close` an
/// async fn `(S)` run after a passing case.
#[macro_export]
macro_rules! store_tests {
    ($open:path, $reopen:path, $close:path) => {
        $crate::store_tests!(@cases $open, $close;
            schema_version_is_known, roadmap_add_get_list_remove, checked_nodes_start_done,
            active_roadmap_follows_add_use_remove, status_transitions_keep_dates,
            update_keeps_progress_and_archives, archive_restores_onto_renamed_node,
            notes_append_per_node, log_entries_and_validation, settings_round_trip,
            learners_are_isolated, unknown_names_are_not_found, exercise_results_are_kept_per_learner,
            backup_restores_verbatim, set_statuses_is_all_or_nothing, restore_refuses_bad_backups_and_writes_nothing);
        // Spaced repetition (issue 7).
        $crate::store_tests!(@cases $open, $close;
            reviews_keep_state_and_an_append_only_log, reviews_refuse_stale_and_bad_input,
            reviews_are_per_learner, exercise_checks_and_their_reviews_are_one_write);
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn concurrent_writers_lose_nothing() {
            let a = $open("concurrent_writers_lose_nothing").await;
            let b = $reopen(&a).await;
            $crate::testsuite::concurrent_writers_lose_nothing(&a, &b).await.expect("suite case failed");
            drop(b);
            $close(a).await;
        }
    };
    (@cases $open:path, $close:path; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = $open(stringify!($case)).await;
                $crate::testsuite::$case(&store).await.expect("suite case failed");
                $close(store).await;
            }
        )*
    };
}

mod backup;
mod review;

pub use backup::{backup_restores_verbatim, restore_refuses_bad_backups_and_writes_nothing};
pub use review::{
    exercise_checks_and_their_reviews_are_one_write, exercise_results_are_kept_per_learner, reviews_are_per_learner,
    reviews_keep_state_and_an_append_only_log, reviews_refuse_stale_and_bad_input,
};

/// A small roadmap: two sections, nested topics, one checked item.
pub fn sample() -> Roadmap {
    let mut r = Roadmap::new("Python basics");
    let mut s1 = Node::new(NodeKind::Section, "Fundamentals", 1);
    s1.children.push(Node::new(NodeKind::Topic, "Variables", 2));
    let mut done = Node::new(NodeKind::Topic, "Install Python", 3);
    done.checked = Some(true);
    s1.children.push(done);
    let mut loops = Node::new(NodeKind::Topic, "Loops", 4);
    loops.children.push(Node::new(NodeKind::Topic, "For loops", 5));
    loops.children.push(Node::new(NodeKind::Topic, "While loops", 6));
    s1.children.push(loops);
    let mut s2 = Node::new(NodeKind::Section, "Web", 7);
    s2.children.push(Node::new(NodeKind::Topic, "Flask", 8));
    s2.children.push(Node::new(NodeKind::Topic, "Django", 9));
    r.children.push(s1);
    r.children.push(s2);
    pyroad_model::ids::assign(&mut r);
    r
}

pub(super) fn edited(mut r: Roadmap, remove: &str, add: &str) -> Roadmap {
    for s in &mut r.children {
        s.children.retain(|n| n.title != remove);
    }
    r.children[1].children.push(Node::new(NodeKind::Topic, add, 10));
    pyroad_model::ids::assign(&mut r);
    r
}

pub(super) fn expect_not_found<T: std::fmt::Debug>(r: Result<T>, what: &str) {
    match r {
        Err(StoreError::NotFound { .. }) => {}
        other => panic!("{what}: expected NotFound, got {other:?}"),
    }
}

pub async fn schema_version_is_known<S: Store>(s: &S) -> Result<()> {
    assert!(s.schema_version().await? >= 1);
    Ok(())
}

pub async fn roadmap_add_get_list_remove<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let r = sample();
    let stored = s.add_roadmap(me, "py", &r).await?;
    assert_eq!(stored.roadmap, r);
    assert_eq!(s.roadmap(me, "py").await?.roadmap, r, "JSON contract round-trips");
    let list = s.list_roadmaps(me).await?;
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].name.as_str(), list[0].title.as_str()), ("py", "Python basics"));
    assert_eq!((list[0].nodes, list[0].done), (9, 1));
    match s.add_roadmap(me, "py", &r).await {
        Err(StoreError::AlreadyExists { .. }) => {}
        other => panic!("duplicate name: {other:?}"),
    }
    assert!(matches!(s.add_roadmap(me, " bad", &r).await, Err(StoreError::Invalid(_))));
    s.remove_roadmap(me, "py").await?;
    assert!(s.list_roadmaps(me).await?.is_empty());
    expect_not_found(s.roadmap(me, "py").await, "removed roadmap");
    expect_not_found(s.remove_roadmap(me, "py").await, "second remove");
    Ok(())
}

pub async fn checked_nodes_start_done<S: Store>(s: &S) -> Result<()> {
    let stored = s.add_roadmap(LearnerId::LOCAL, "py", &sample()).await?;
    let progress = s.progress(LearnerId::LOCAL, stored.id).await?;
    assert_eq!(progress.len(), 1);
    assert_eq!((progress[0].topic.as_str(), progress[0].status), ("install-python", Status::Done));
    assert!(progress[0].done_at.is_some());
    Ok(())
}

pub async fn active_roadmap_follows_add_use_remove<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    assert!(s.active_roadmap(me).await?.is_none());
    s.add_roadmap(me, "one", &sample()).await?;
    s.add_roadmap(me, "two", &sample()).await?;
    assert_eq!(s.active_roadmap(me).await?.map(|r| r.name), Some("one".into()), "first added is active");
    s.set_active(me, "two").await?;
    assert_eq!(s.active_roadmap(me).await?.map(|r| r.name), Some("two".into()));
    expect_not_found(s.set_active(me, "three").await, "use unknown");
    s.remove_roadmap(me, "two").await?;
    assert!(s.active_roadmap(me).await?.is_none(), "removing the active one clears it");
    Ok(())
}

pub async fn status_transitions_keep_dates<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let id = s.add_roadmap(me, "py", &sample()).await?.id;
    let p = s.set_status(me, id, "variables", Status::Learning).await?;
    assert_eq!(p.status, Status::Learning);
    let started = p.started_at.expect("learning sets started_at");
    assert!(p.done_at.is_none());
    let p = s.set_status(me, id, "variables", Status::Done).await?;
    assert_eq!(p.started_at, Some(started), "started_at is kept");
    assert!(p.done_at.is_some());
    let p = s.set_status(me, id, "variables", Status::Todo).await?;
    assert_eq!((p.status, p.done_at, p.started_at), (Status::Todo, None, Some(started)));
    s.set_status(me, id, "flask", Status::Skipped).await?;
    let all = s.progress(me, id).await?;
    let st = |t: &str| all.iter().find(|p| p.topic == t).map(|p| p.status);
    assert_eq!(st("flask"), Some(Status::Skipped));
    assert_eq!(st("variables"), Some(Status::Todo));
    expect_not_found(s.set_status(me, id, "no-such-topic", Status::Done).await, "unknown topic");
    Ok(())
}

pub async fn update_keeps_progress_and_archives<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let id = s.add_roadmap(me, "py", &sample()).await?.id;
    s.set_status(me, id, "flask", Status::Done).await?;
    s.set_status(me, id, "django", Status::Learning).await?;
    s.add_note(me, id, "django", "models first").await?;
    let report = s.update_roadmap(me, "py", &edited(sample(), "Django", "FastAPI")).await?;
    assert_eq!(report.added, vec!["fastapi".to_string()]);
    assert_eq!(report.removed.len(), 1);
    assert_eq!(report.removed[0].id, "django");
    assert_eq!(report.removed[0].archived, Some(Status::Learning));
    assert_eq!(report.kept, 8);
    let progress = s.progress(me, id).await?;
    assert!(progress.iter().any(|p| p.topic == "flask" && p.status == Status::Done));
    assert!(!progress.iter().any(|p| p.topic == "django" || p.topic == "fastapi"));
    let archived = s.archived(me, id).await?;
    assert_eq!(archived.len(), 1);
    assert_eq!((archived[0].topic.as_str(), archived[0].title.as_str()), ("django", "Django"));
    // Django comes back: its progress is restored.
    let report = s.update_roadmap(me, "py", &sample()).await?;
    assert_eq!(report.restored, vec!["django".to_string()]);
    assert_eq!(report.removed.len(), 1, "fastapi disappears, with no progress");
    assert_eq!(report.removed[0].archived, None);
    assert!(s.archived(me, id).await?.is_empty());
    let progress = s.progress(me, id).await?;
    assert!(progress.iter().any(|p| p.topic == "django" && p.status == Status::Learning));
    assert_eq!(s.notes(me, id, Some("django")).await?.len(), 1, "notes survive");
    Ok(())
}

pub async fn archive_restores_onto_renamed_node<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let id = s.add_roadmap(me, "py", &sample()).await?.id;
    s.set_status(me, id, "django", Status::Done).await?;
    s.update_roadmap(me, "py", &edited(sample(), "Django", "Django framework")).await?;
    let p = s.restore(me, id, "django", "django-framework").await?;
    assert_eq!(p.status, Status::Done);
    assert!(s.archived(me, id).await?.is_empty());
    expect_not_found(s.restore(me, id, "django", "flask").await, "restore twice");
    Ok(())
}

pub async fn notes_append_per_node<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let id = s.add_roadmap(me, "py", &sample()).await?.id;
    s.add_note(me, id, "loops", "range() stops before the end").await?;
    s.add_note(me, id, "loops", "while True needs a break").await?;
    s.add_note(me, id, "flask", "routes").await?;
    let loops = s.notes(me, id, Some("loops")).await?;
    assert_eq!(
        loops.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(),
        ["range() stops before the end", "while True needs a break"]
    );
    assert_eq!(s.notes(me, id, None).await?.len(), 3);
    expect_not_found(s.add_note(me, id, "nope", "x").await, "note on unknown topic");
    assert!(matches!(s.add_note(me, id, "loops", "  ").await, Err(StoreError::Invalid(_))));
    Ok(())
}

pub async fn log_entries_and_validation<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let id = s.add_roadmap(me, "py", &sample()).await?.id;
    let entry = |minutes, d, topic: Option<&str>| NewLogEntry {
        roadmap: topic.map(|_| id),
        topic: topic.map(String::from),
        minutes,
        note: Some("note".into()),
        date: d,
    };
    let a = s.add_log(me, &entry(45, date(2026, 3, 1), Some("loops"))).await?;
    assert_eq!((a.minutes, a.topic.as_deref(), a.date), (45, Some("loops"), date(2026, 3, 1)));
    s.add_log(me, &entry(30, date(2026, 3, 3), None)).await?;
    assert_eq!(s.log_entries(me, None).await?.len(), 2);
    let since = s.log_entries(me, Some(date(2026, 3, 2))).await?;
    assert_eq!(since.iter().map(|e| e.minutes).collect::<Vec<_>>(), [30]);
    assert!(matches!(s.add_log(me, &entry(0, date(2026, 3, 1), None)).await, Err(StoreError::Invalid(_))));
    expect_not_found(s.add_log(me, &entry(5, date(2026, 3, 1), Some("nope"))).await, "log unknown topic");
    s.remove_roadmap(me, "py").await?;
    let all = s.log_entries(me, None).await?;
    assert_eq!(all.len(), 2, "log entries outlive their roadmap");
    assert!(all.iter().all(|e| e.roadmap.is_none()));
    Ok(())
}

pub async fn settings_round_trip<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    assert_eq!(s.setting(me, "daily_goal").await?, None);
    s.set_setting(me, "daily_goal", Some("30")).await?;
    s.set_setting(me, "daily_goal", Some("45")).await?;
    assert_eq!(s.setting(me, "daily_goal").await?.as_deref(), Some("45"));
    s.set_setting(me, "daily_goal", None).await?;
    assert_eq!(s.setting(me, "daily_goal").await?, None);
    Ok(())
}

pub async fn learners_are_isolated<S: Store>(s: &S) -> Result<()> {
    let ann = s.create_learner("ann").await?;
    let bob = s.create_learner("bob").await?;
    assert_ne!(ann, bob);
    let a = s.add_roadmap(ann, "py", &sample()).await?.id;
    let b = s.add_roadmap(bob, "py", &sample()).await?.id;
    s.set_status(ann, a, "flask", Status::Done).await?;
    assert!(s.progress(bob, b).await?.iter().all(|p| p.topic != "flask"));
    expect_not_found(s.set_status(bob, a, "flask", Status::Done).await, "another learner's roadmap");
    assert!(s.progress(bob, a).await?.is_empty());
    s.set_setting(ann, "k", Some("v")).await?;
    assert_eq!(s.setting(bob, "k").await?, None);
    assert_eq!(s.list_roadmaps(LearnerId::LOCAL).await?.len(), 0);
    Ok(())
}

pub async fn unknown_names_are_not_found<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    expect_not_found(s.roadmap(me, "nope").await, "roadmap");
    expect_not_found(s.update_roadmap(me, "nope", &sample()).await, "update");
    expect_not_found(s.set_status(me, crate::RoadmapId(999_999), "x", Status::Done).await, "roadmap id");
    expect_not_found(s.restore(me, crate::RoadmapId(999_999), "x", "y").await, "restore");
    Ok(())
}

pub async fn set_statuses_is_all_or_nothing<S: Store>(s: &S) -> Result<()> {
    let me = LearnerId::LOCAL;
    let id = s.add_roadmap(me, "py", &sample()).await?.id;
    let topics = |ids: &[&str]| ids.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(s.set_statuses(me, id, &topics(&["flask", "django", "loops"]), Status::Done).await?, 3);
    let done = |p: &[crate::Progress]| {
        let mut d: Vec<String> = p.iter().filter(|p| p.status == Status::Done).map(|p| p.topic.clone()).collect();
        d.sort();
        d
    };
    let sorted = |mut p: Vec<crate::Progress>| {
        p.sort_by(|a, b| a.topic.cmp(&b.topic));
        p
    };
    let after = sorted(s.progress(me, id).await?);
    assert_eq!(done(&after), ["django", "flask", "install-python", "loops"]);
    assert!(after.iter().all(|p| p.status != Status::Done || p.done_at.is_some()));
    expect_not_found(
        s.set_statuses(me, id, &topics(&["variables", "no-such-topic"]), Status::Skipped).await,
        "one unknown topic",
    );
    assert_eq!(sorted(s.progress(me, id).await?), after, "nothing written");
    Ok(())
}

/// Two stores (two connection pools: what two processes would have) on one
/// database, each running several writers at once. Every write that
/// returned Ok is there afterwards.
pub async fn concurrent_writers_lose_nothing<S: Store>(a: &S, b: &S) -> Result<()> {
    const WRITERS: usize = 4;
    const WRITES: usize = 25;
    let me = LearnerId::LOCAL;
    let mut r = Roadmap::new("many");
    for i in 0..WRITERS * 2 * WRITES {
        r.children.push(Node::new(NodeKind::Topic, format!("Topic {i}"), 1));
    }
    pyroad_model::ids::assign(&mut r);
    let id = a.add_roadmap(me, "many", &r).await?.id;
    let mut tasks: Vec<Pin<Box<dyn Future<Output = Result<()>> + Send + '_>>> = Vec::new();
    for w in 0..WRITERS * 2 {
        let store = if w % 2 == 0 { a } else { b };
        tasks.push(Box::pin(async move {
            for i in 0..WRITES {
                let topic = format!("topic-{}", w * WRITES + i);
                store.set_status(me, id, &topic, Status::Done).await?;
                // Everyone also fights over one shared node.
                store.set_status(me, id, "topic-0", Status::Learning).await?;
                let entry = NewLogEntry {
                    roadmap: Some(id),
                    topic: Some(topic),
                    minutes: 1,
                    note: Some(format!("w{w} i{i}")),
                    date: date(2026, 1, 1),
                };
                store.add_log(me, &entry).await?;
            }
            Ok(())
        }));
    }
    for result in join_all(tasks).await {
        result?;
    }
    let progress = a.progress(me, id).await?;
    let done = progress.iter().filter(|p| p.status == Status::Done).count();
    // topic-0 ends as learning (every writer set it last), the rest done.
    assert_eq!(done, WRITERS * 2 * WRITES - 1);
    let log = b.log_entries(me, None).await?;
    assert_eq!(log.len(), WRITERS * 2 * WRITES, "every acknowledged log entry is there");
    Ok(())
}

/// Polls every future until all are ready (no runtime dependency).
async fn join_all<T>(futures: Vec<Pin<Box<dyn Future<Output = T> + Send + '_>>>) -> Vec<T> {
    let mut futures: Vec<_> = futures.into_iter().map(Some).collect();
    let mut results: Vec<Option<T>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        for (slot, result) in futures.iter_mut().zip(results.iter_mut()) {
            if let Some(f) = slot
                && let Poll::Ready(v) = f.as_mut().poll(cx)
            {
                *result = Some(v);
                *slot = None;
            }
        }
        if futures.iter().all(Option::is_none) { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    results.into_iter().flatten().collect()
}
