//! The rows a store holds. Every row belongs to one learner.

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use jiff::civil::Date;
use pyroad_model::Roadmap;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// Whose data a row is. The CLI has one local learner ([`LearnerId::LOCAL`],
/// created by the first migration); the web app's accounts are more rows of
/// the same table, so no schema change is needed for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LearnerId(pub i64);

impl LearnerId {
    /// The learner of the local command line.
    pub const LOCAL: LearnerId = LearnerId(1);
}

/// A stored roadmap's key inside its store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RoadmapId(pub i64);

/// Where a learner stands on one node. A node without a progress row is
/// [`Status::Todo`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Todo,
    Learning,
    Done,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Learning, Status::Done, Status::Skipped];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Learning => "learning",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads back one of `all` from the name a database row holds; any other
/// text means the row was not written by pyroad.
fn stored_name<T: Copy>(all: &[T], name: fn(T) -> &'static str, s: &str, what: &str) -> Result<T, StoreError> {
    all.iter().copied().find(|v| name(*v) == s).ok_or_else(|| StoreError::Corrupt(format!("unknown {what} {s:?}")))
}

impl FromStr for Status {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        stored_name(&Status::ALL, Status::as_str, s, "status")
    }
}

/// A roadmap as stored: its JSON contract plus the store's bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredRoadmap {
    pub id: RoadmapId,
    pub learner: LearnerId,
    /// The learner's short name for it (`pyroad roadmap use NAME`).
    pub name: String,
    pub roadmap: Roadmap,
    pub added_at: Timestamp,
    pub updated_at: Timestamp,
}

/// One line of `pyroad roadmap list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapInfo {
    pub id: RoadmapId,
    pub name: String,
    pub title: String,
    /// Nodes in the tree (every kind).
    pub nodes: i64,
    /// Nodes marked done.
    pub done: i64,
    pub added_at: Timestamp,
    pub updated_at: Timestamp,
}

/// Progress on one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub roadmap: RoadmapId,
    pub topic: String,
    pub status: Status,
    /// First time the node left todo (learning or done).
    pub started_at: Option<Timestamp>,
    /// When it was last marked done; `None` unless it is done.
    pub done_at: Option<Timestamp>,
    pub updated_at: Timestamp,
}

/// A note on a node. Notes are appended, never edited in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: i64,
    pub roadmap: RoadmapId,
    pub topic: String,
    pub body: String,
    pub created_at: Timestamp,
}

/// Time spent learning, as `pyroad log 45m` records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub id: i64,
    /// `None` when the entry named no topic, or its roadmap was removed.
    pub roadmap: Option<RoadmapId>,
    pub topic: Option<String>,
    pub minutes: u32,
    pub note: Option<String>,
    /// The learner's local day the time was spent on.
    pub date: Date,
    pub created_at: Timestamp,
}

/// A log entry to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLogEntry {
    pub roadmap: Option<RoadmapId>,
    pub topic: Option<String>,
    pub minutes: u32,
    pub note: Option<String>,
    pub date: Date,
}

/// Progress kept for a node that disappeared when its roadmap was updated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedProgress {
    pub roadmap: RoadmapId,
    pub topic: String,
    /// The node's title when it disappeared.
    pub title: String,
    pub status: Status,
    pub started_at: Option<Timestamp>,
    pub done_at: Option<Timestamp>,
    pub archived_at: Timestamp,
}

/// A node that is in the stored roadmap but not in the update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedNode {
    pub id: String,
    pub title: String,
    /// The progress moved to the archive, if the node had any.
    pub archived: Option<Status>,
}

/// What `update_roadmap` did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UpdateReport {
    /// Ids of nodes that are new (they start as todo, or done when checked).
    pub added: Vec<String>,
    /// Nodes that disappeared.
    pub removed: Vec<RemovedNode>,
    /// Ids whose archived progress came back because the node reappeared.
    pub restored: Vec<String>,
    /// Nodes present before and after.
    pub kept: usize,
}

// Spaced repetition (issue 7). The store keeps what FSRS computed; it never
// schedules anything itself (the scheduler lives in `pyroad-content`).

/// A review button, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewRating {
    Again,
    Hard,
    Good,
    Easy,
}

impl ReviewRating {
    pub const ALL: [ReviewRating; 4] =
        [ReviewRating::Again, ReviewRating::Hard, ReviewRating::Good, ReviewRating::Easy];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewRating::Again => "again",
            ReviewRating::Hard => "hard",
            ReviewRating::Good => "good",
            ReviewRating::Easy => "easy",
        }
    }
}

impl FromStr for ReviewRating {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        stored_name(&ReviewRating::ALL, ReviewRating::as_str, s, "review rating")
    }
}

/// What produced a review: the review queue, a quiz answer or an exercise run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewSource {
    Review,
    Quiz,
    Exercise,
}

impl ReviewSource {
    pub const ALL: [ReviewSource; 3] = [ReviewSource::Review, ReviewSource::Quiz, ReviewSource::Exercise];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewSource::Review => "review",
            ReviewSource::Quiz => "quiz",
            ReviewSource::Exercise => "exercise",
        }
    }
}

impl FromStr for ReviewSource {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        stored_name(&ReviewSource::ALL, ReviewSource::as_str, s, "review source")
    }
}

/// The memory state of one review item (a card, a quiz question, an
/// exercise) of one learner, as FSRS last left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// The item's id (`lists#2` for a card; see `pyroad_content::deck`).
    pub card: String,
    pub stability: f64,
    pub difficulty: f64,
    pub due: Timestamp,
    pub last_review: Timestamp,
    /// Reviews so far.
    pub reps: u32,
    /// Times it was forgotten (rated again after its first review).
    pub lapses: u32,
}

/// A review to record: the rating and the state FSRS computed from it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    pub card: String,
    pub rating: ReviewRating,
    pub source: ReviewSource,
    pub reviewed_at: Timestamp,
    pub stability: f64,
    pub difficulty: f64,
    pub due: Timestamp,
    /// The `last_review` the new state was computed from (`None` for a new
    /// item). The store refuses the review if the card changed meanwhile,
    /// so two concurrent reviews never silently overwrite each other.
    pub previous: Option<Timestamp>,
}

/// One line of the append-only review log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewLogEntry {
    pub id: i64,
    pub card: String,
    pub rating: ReviewRating,
    pub source: ReviewSource,
    pub reviewed_at: Timestamp,
    /// Days since the previous review (0 for a new item).
    pub elapsed_days: f64,
    /// Days until the due date this review set.
    pub scheduled_days: f64,
    pub stability: f64,
    pub difficulty: f64,
}

/// One check of a practice exercise, as `pyroad check` records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExerciseResult {
    /// The exercise's id (`leap-year`).
    pub exercise: String,
    /// Every test passed.
    pub passed: bool,
    pub tests_passed: u32,
    pub tests_total: u32,
    /// Hints shown before this check.
    pub hints_used: u32,
    /// Whether the reference solution was shown before this check.
    pub revealed: bool,
}

/// A recorded exercise check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseResult {
    pub id: i64,
    pub exercise: String,
    pub passed: bool,
    pub tests_passed: u32,
    pub tests_total: u32,
    pub hints_used: u32,
    pub revealed: bool,
    pub checked_at: Timestamp,
}
