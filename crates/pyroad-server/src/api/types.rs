//! The API's request and response bodies, with their OpenAPI schemas. The
//! store's row types stay free of any web dependency; these mirror them.

use pyroad_import::lint::Finding;
use pyroad_store::{LogEntry, Note, Progress, RoadmapInfo, Status};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::views::{Streak, Tally};

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatusName {
    Todo,
    Learning,
    Done,
    Skipped,
}

impl From<StatusName> for Status {
    fn from(s: StatusName) -> Self {
        match s {
            StatusName::Todo => Status::Todo,
            StatusName::Learning => Status::Learning,
            StatusName::Done => Status::Done,
            StatusName::Skipped => Status::Skipped,
        }
    }
}

impl From<Status> for StatusName {
    fn from(s: Status) -> Self {
        match s {
            Status::Todo => StatusName::Todo,
            Status::Learning => StatusName::Learning,
            Status::Done => StatusName::Done,
            Status::Skipped => StatusName::Skipped,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoadmapSummary {
    pub name: String,
    pub title: String,
    /// Nodes in the tree (every kind).
    pub nodes: i64,
    pub done: i64,
    pub active: bool,
    #[schema(value_type = String, format = DateTime)]
    pub added_at: jiff::Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

impl RoadmapSummary {
    pub fn new(info: RoadmapInfo, active: Option<&str>) -> Self {
        RoadmapSummary {
            active: active == Some(info.name.as_str()),
            name: info.name,
            title: info.title,
            nodes: info.nodes,
            done: info.done,
            added_at: info.added_at,
            updated_at: info.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoadmapDetail {
    pub name: String,
    pub active: bool,
    /// The roadmap tree in pyroad's JSON contract (see ARCHITECTURE.md).
    #[schema(value_type = Object)]
    pub roadmap: pyroad_model::Roadmap,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRoadmap {
    /// A short name, 1-64 characters.
    pub name: String,
    /// The roadmap as markdown or a plain-text outline.
    pub markdown: String,
    /// Make it the active roadmap (the first roadmap always is).
    #[serde(default)]
    pub activate: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LintFinding {
    pub line: Option<u32>,
    pub rule: String,
    pub message: String,
}

impl From<&Finding> for LintFinding {
    fn from(f: &Finding) -> Self {
        LintFinding { line: f.line, rule: f.rule.as_str().to_owned(), message: f.message.clone() }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AddedRoadmap {
    pub name: String,
    pub title: String,
    pub nodes: usize,
    pub active: bool,
    /// What a roadmap author should fix (the roadmap is saved anyway).
    pub warnings: Vec<LintFinding>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressRow {
    pub topic: String,
    pub status: StatusName,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub started_at: Option<jiff::Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub done_at: Option<jiff::Timestamp>,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

impl From<Progress> for ProgressRow {
    fn from(p: Progress) -> Self {
        ProgressRow {
            topic: p.topic,
            status: p.status.into(),
            started_at: p.started_at,
            done_at: p.done_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetStatus {
    /// A node id of the roadmap.
    pub topic: String,
    pub status: StatusName,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NoteRow {
    pub id: i64,
    pub topic: String,
    pub body: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<Note> for NoteRow {
    fn from(n: Note) -> Self {
        NoteRow { id: n.id, topic: n.topic, body: n.body, created_at: n.created_at }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    pub topic: String,
    pub body: String,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotesQuery {
    /// Only the notes of this node.
    pub topic: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LogRow {
    pub id: i64,
    pub topic: Option<String>,
    pub minutes: u32,
    pub note: Option<String>,
    #[schema(value_type = String, format = Date)]
    pub date: jiff::civil::Date,
}

impl From<LogEntry> for LogRow {
    fn from(e: LogEntry) -> Self {
        LogRow { id: e.id, topic: e.topic, minutes: e.minutes, note: e.note, date: e.date }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLog {
    /// 1 to 1440.
    pub minutes: u32,
    /// The day (YYYY-MM-DD); today when absent. Never in the future.
    #[schema(value_type = Option<String>, format = Date)]
    pub date: Option<jiff::civil::Date>,
    /// A node id of the active roadmap.
    pub topic: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NextTopic {
    pub id: String,
    pub title: String,
    pub status: StatusName,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatusSummary {
    /// The active roadmap's name, if there is one.
    pub roadmap: Option<String>,
    pub title: Option<String>,
    pub tally: Tally,
    pub percent: u32,
    pub streak: Streak,
    pub week_minutes: u32,
    pub next: Vec<NextTopic>,
}
