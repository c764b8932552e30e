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

impl FromStr for Status {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown status {s:?}")))
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
