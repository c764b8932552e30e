//! Where a learner's progress lives: the [`Store`] trait, its row types and
//! its one error type. Backends are separate crates (`pyroad-store-sqlite`,
//! `pyroad-store-postgres`), each with its own `migrations/`; code that needs
//! a store is generic over `S: Store` (no `dyn`, no `sqlx::Any`).
//!
//! Rules every backend keeps (the `testsuite` feature checks them):
//!
//! - every row belongs to a learner ([`LearnerId`]); one learner never sees
//!   another's rows;
//! - every method is one transaction: it happens whole or not at all;
//! - roadmaps are stored as pyroad's JSON contract, plus one row per node
//!   (id, kind, title, position) so progress can only name nodes that exist;
//! - a node with no progress row is todo; adding a roadmap marks its
//!   `checked: Some(true)` nodes done;
//! - updating a roadmap keeps progress by node id, archives the progress of
//!   nodes that disappeared and restores it when they come back.
//!
//! ```no_run
//! # async fn demo<S: pyroad_store::Store>(store: &S, roadmap: &pyroad_model::Roadmap)
//! # -> Result<(), pyroad_store::StoreError> {
//! use pyroad_store::{LearnerId, Status};
//! let stored = store.add_roadmap(LearnerId::LOCAL, "python", roadmap).await?;
//! store.set_status(LearnerId::LOCAL, stored.id, "variables", Status::Done).await?;
//! # Ok(()) }
//! ```
//!
//! This crate depends on no database driver and no async runtime.

pub mod backup;
mod nodes;
// Spaced repetition (issue 7): checks and bookkeeping both backends share.
mod review;
#[cfg(feature = "testsuite")]
pub mod testsuite;
mod types;

use std::future::Future;

use jiff::civil::Date;
use pyroad_model::Roadmap;

pub use backup::{BACKUP_VERSION, Backup, RestoreReport};
pub use nodes::{NodeRow, node_rows, removed_and_added};
pub use review::{ReviewCounts, check_review, review_counts};
pub use types::*;

/// The setting that names the learner's active roadmap.
pub const ACTIVE_ROADMAP: &str = "active_roadmap";

/// Everything that can go wrong in a store, as one-line messages.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no {what} named {key:?}")]
    NotFound { what: &'static str, key: String },
    #[error("a {what} named {key:?} already exists")]
    AlreadyExists { what: &'static str, key: String },
    #[error("{0}")]
    Invalid(String),
    #[error(
        "the database has schema version {found}, newer than the {known} this pyroad knows; \
         use a newer pyroad (or another --data-dir)"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the database is locked by another program; try again when it has finished")]
    Busy,
    #[error("cannot open the database {location}: {message}")]
    Open { location: String, message: String },
    #[error("the database holds data this pyroad cannot read: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(Box<dyn std::error::Error + Send + Sync>),
}

impl StoreError {
    pub fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        StoreError::NotFound { what, key: key.into() }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A progress store. Every method is one transaction.
///
/// Futures are `Send` so a multi-threaded server can hold them across
/// `.await`; the CLI drives them on a current-thread runtime.
pub trait Store: Send + Sync {
    /// The schema version the database is at (the newest migration applied).
    fn schema_version(&self) -> impl Future<Output = Result<i64>> + Send;

    /// Adds a learner (the web app's accounts). [`LearnerId::LOCAL`] always exists.
    fn create_learner(&self, name: &str) -> impl Future<Output = Result<LearnerId>> + Send;

    /// Stores a roadmap under `name`, marks its checked nodes done and, if the
    /// learner has no active roadmap, makes it the active one.
    fn add_roadmap(
        &self,
        learner: LearnerId,
        name: &str,
        roadmap: &Roadmap,
    ) -> impl Future<Output = Result<StoredRoadmap>> + Send;

    fn list_roadmaps(&self, learner: LearnerId) -> impl Future<Output = Result<Vec<RoadmapInfo>>> + Send;

    fn roadmap(&self, learner: LearnerId, name: &str) -> impl Future<Output = Result<StoredRoadmap>> + Send;

    /// The active roadmap, if the learner has one.
    fn active_roadmap(&self, learner: LearnerId) -> impl Future<Output = Result<Option<StoredRoadmap>>> + Send;

    fn set_active(&self, learner: LearnerId, name: &str) -> impl Future<Output = Result<()>> + Send;

    /// Removes a roadmap with its progress, notes and archive. Log entries
    /// stay (they are time the learner spent) but lose their roadmap.
    fn remove_roadmap(&self, learner: LearnerId, name: &str) -> impl Future<Output = Result<()>> + Send;

    /// Replaces a stored roadmap with an edited version, keeping progress by
    /// node id (see the crate docs).
    fn update_roadmap(
        &self,
        learner: LearnerId,
        name: &str,
        roadmap: &Roadmap,
    ) -> impl Future<Output = Result<UpdateReport>> + Send;

    /// Sets a node's status; the node must exist in the roadmap.
    fn set_status(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        topic: &str,
        status: Status,
    ) -> impl Future<Output = Result<Progress>> + Send;

    /// Sets the status of several nodes in one transaction (`pyroad mark A B
    /// done`, `--all-in SECTION`): all of them or, when one is not in the
    /// roadmap, none. Returns how many rows it wrote.
    fn set_statuses(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        topics: &[String],
        status: Status,
    ) -> impl Future<Output = Result<usize>> + Send;

    /// Every progress row of a roadmap (nodes without one are todo).
    fn progress(&self, learner: LearnerId, roadmap: RoadmapId) -> impl Future<Output = Result<Vec<Progress>>> + Send;

    fn add_note(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        topic: &str,
        body: &str,
    ) -> impl Future<Output = Result<Note>> + Send;

    /// Notes of one node, or of the whole roadmap, oldest first.
    fn notes(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        topic: Option<&str>,
    ) -> impl Future<Output = Result<Vec<Note>>> + Send;

    fn add_log(&self, learner: LearnerId, entry: &NewLogEntry) -> impl Future<Output = Result<LogEntry>> + Send;

    /// Log entries on or after `since` (all when `None`), oldest first.
    fn log_entries(
        &self,
        learner: LearnerId,
        since: Option<Date>,
    ) -> impl Future<Output = Result<Vec<LogEntry>>> + Send;

    /// Archived progress of a roadmap's disappeared nodes.
    fn archived(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
    ) -> impl Future<Output = Result<Vec<ArchivedProgress>>> + Send;

    /// Moves archived progress of node `archived` onto the existing node
    /// `into` (which may be the same id, or the id a renamed node got).
    fn restore(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        archived: &str,
        into: &str,
    ) -> impl Future<Output = Result<Progress>> + Send;

    fn setting(&self, learner: LearnerId, key: &str) -> impl Future<Output = Result<Option<String>>> + Send;

    /// Sets (or with `None` deletes) a setting.
    fn set_setting(
        &self,
        learner: LearnerId,
        key: &str,
        value: Option<&str>,
    ) -> impl Future<Output = Result<()>> + Send;

    // Spaced repetition (issue 7).

    /// Records one review in one transaction: appends it to the review log
    /// and replaces the item's memory state (counting reps and lapses).
    /// Fails with `Invalid` if the item's `last_review` is no longer
    /// `review.previous` (another review got there first).
    fn record_review(&self, learner: LearnerId, review: &NewReview) -> impl Future<Output = Result<CardState>> + Send;

    /// Every review item the learner has reviewed, soonest due first.
    fn card_states(&self, learner: LearnerId) -> impl Future<Output = Result<Vec<CardState>>> + Send;

    /// The review log of one item, or of all, oldest first.
    fn review_log(
        &self,
        learner: LearnerId,
        card: Option<&str>,
    ) -> impl Future<Output = Result<Vec<ReviewLogEntry>>> + Send;

    /// Records one check of a practice exercise (every check is kept).
    fn record_exercise(
        &self,
        learner: LearnerId,
        result: &NewExerciseResult,
    ) -> impl Future<Output = Result<ExerciseResult>> + Send;

    /// Records a check of a practice exercise and the review it gives
    /// the exercise's item in one transaction: both or neither (the review
    /// is refused as stale like [`Store::record_review`]'s).
    fn record_exercise_review(
        &self,
        learner: LearnerId,
        result: &NewExerciseResult,
        review: &NewReview,
    ) -> impl Future<Output = Result<(ExerciseResult, CardState)>> + Send;

    /// Recorded checks, of one exercise or of all, oldest first.
    fn exercise_results(
        &self,
        learner: LearnerId,
        exercise: Option<&str>,
    ) -> impl Future<Output = Result<Vec<ExerciseResult>>> + Send;

    /// Ids of the exercises the learner has passed at least once, sorted.
    fn passed_exercises(&self, learner: LearnerId) -> impl Future<Output = Result<Vec<String>>> + Send;

    /// Every setting of the learner (the active roadmap included), by key.
    fn settings(&self, learner: LearnerId) -> impl Future<Output = Result<Vec<(String, String)>>> + Send;

    /// Restores a [`Backup`] verbatim (timestamps, statuses, notes, archive,
    /// log, settings, active roadmap) in one transaction. The learner must
    /// have no roadmaps, log entries or settings yet: anything else is
    /// refused with [`StoreError::Invalid`] and nothing is written.
    fn restore_backup(&self, learner: LearnerId, backup: &Backup)
    -> impl Future<Output = Result<RestoreReport>> + Send;
}

/// Checks a roadmap name given by a user: short, one line, no path tricks.
/// A database whose newest migration (`found`) is newer than the binary's
/// (`known`) was written by a newer pyroad: refuse it rather than guess.
pub fn check_schema_version(found: Option<i64>, known: i64) -> Result<()> {
    match found {
        Some(found) if found > known => Err(StoreError::SchemaTooNew { found, known }),
        _ => Ok(()),
    }
}

pub fn check_name(name: &str) -> Result<()> {
    let ok =
        !name.trim().is_empty() && name.len() <= 64 && name.trim() == name && name.chars().all(|c| !c.is_control());
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "{name:?} is not a usable roadmap name (1-64 characters, no leading or trailing spaces)"
        )))
    }
}

/// Checks an exercise result before it is stored.
pub fn check_exercise_result(result: &NewExerciseResult) -> Result<()> {
    let id_ok = !result.exercise.is_empty()
        && result.exercise.len() <= 128
        && result.exercise.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if !id_ok {
        return Err(StoreError::Invalid(format!("{:?} is not an exercise id", result.exercise)));
    }
    if result.tests_passed > result.tests_total || (result.passed && result.tests_passed != result.tests_total) {
        return Err(StoreError::Invalid(format!(
            "{}: {} of {} tests passed does not fit passed = {}",
            result.exercise, result.tests_passed, result.tests_total, result.passed
        )));
    }
    Ok(())
}

/// Checks a log entry: 1 minute to 24 hours.
pub fn check_log(entry: &NewLogEntry) -> Result<()> {
    if entry.minutes == 0 || entry.minutes > 24 * 60 {
        return Err(StoreError::Invalid(format!("{} minutes is not a day's learning (1 to 1440)", entry.minutes)));
    }
    Ok(())
}
