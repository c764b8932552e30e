//! The full JSON backup of one learner's store (`pyroad export --format
//! json`, `pyroad import-progress`): roadmaps with their progress, notes and
//! archive, the time log, the settings, the spaced-repetition memory (review
//! cards and their log) and every practice check.
//!
//! The layout names roadmaps by their (per learner unique) name and carries
//! no store-internal ids, so a backup restores into any backend and exports
//! again byte for byte. Every list is in a fixed order (progress and archive
//! by topic, notes and log entries oldest first) for the same reason.

use std::collections::{BTreeMap, HashSet};

use jiff::Timestamp;
use jiff::civil::Date;
use pyroad_model::Roadmap;
use serde::{Deserialize, Serialize};

use crate::{
    ACTIVE_ROADMAP, CardState, LearnerId, Result, ReviewRating, ReviewSource, Status, Store, StoreError, check_name,
    node_rows,
};

/// The version of the backup layout, written as `"pyroad_backup"`. Version 1
/// (before `import-progress`) carried store ids and no settings; it is
/// refused on import.
pub const BACKUP_VERSION: u32 = 2;

/// Everything one learner has in a store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub pyroad_backup: u32,
    /// The name of the active roadmap.
    pub active: Option<String>,
    /// Every setting except the active roadmap (which is `active`).
    pub settings: BTreeMap<String, String>,
    pub roadmaps: Vec<RoadmapBackup>,
    pub log: Vec<LogBackup>,
    /// Memory states of reviewed items, by item id.
    pub review_cards: Vec<CardState>,
    /// Every review, oldest first.
    pub review_log: Vec<ReviewBackup>,
    /// Every practice check, oldest first.
    pub exercises: Vec<ExerciseBackup>,
}

/// One review of the review log (its store id left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewBackup {
    pub card: String,
    pub rating: ReviewRating,
    pub source: ReviewSource,
    pub reviewed_at: Timestamp,
    pub elapsed_days: f64,
    pub scheduled_days: f64,
    pub stability: f64,
    pub difficulty: f64,
}

/// One practice check (its store id left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseBackup {
    pub exercise: String,
    pub passed: bool,
    pub tests_passed: u32,
    pub tests_total: u32,
    pub hints_used: u32,
    pub revealed: bool,
    pub checked_at: Timestamp,
}

/// One stored roadmap with everything that hangs off it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadmapBackup {
    pub name: String,
    pub added_at: Timestamp,
    pub updated_at: Timestamp,
    pub roadmap: Roadmap,
    pub progress: Vec<ProgressBackup>,
    pub notes: Vec<NoteBackup>,
    pub archived: Vec<ArchivedBackup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressBackup {
    pub topic: String,
    pub status: Status,
    pub started_at: Option<Timestamp>,
    pub done_at: Option<Timestamp>,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteBackup {
    pub topic: String,
    pub body: String,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedBackup {
    pub topic: String,
    pub title: String,
    pub status: Status,
    pub started_at: Option<Timestamp>,
    pub done_at: Option<Timestamp>,
    pub archived_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogBackup {
    /// The roadmap's name; `None` when the entry named no topic or its
    /// roadmap was removed.
    pub roadmap: Option<String>,
    pub topic: Option<String>,
    pub minutes: u32,
    pub note: Option<String>,
    pub date: Date,
    pub created_at: Timestamp,
}

/// What a restore put into the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RestoreReport {
    pub roadmaps: usize,
    pub progress: usize,
    pub notes: usize,
    pub archived: usize,
    pub log: usize,
    pub settings: usize,
    pub review_cards: usize,
    pub review_log: usize,
    pub exercises: usize,
}

impl Backup {
    /// Reads a backup file's text: refuses what is not JSON, not a pyroad
    /// backup, or of another version, with a one-line reason.
    pub fn from_json(text: &str) -> Result<Backup> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| StoreError::Invalid(format!("not valid JSON: {e}")))?;
        let version = match value.get("pyroad_backup") {
            Some(v) => v
                .as_u64()
                .ok_or_else(|| StoreError::Invalid(format!("\"pyroad_backup\" must be a version number, not {v}")))?,
            None => {
                return Err(StoreError::Invalid(
                    "not a pyroad backup (no \"pyroad_backup\" version; make one with `pyroad export --format json`)"
                        .into(),
                ));
            }
        };
        if version > u64::from(BACKUP_VERSION) {
            return Err(StoreError::Invalid(format!(
                "backup version {version} was written by a newer pyroad (this one reads version {BACKUP_VERSION}); \
                 use a newer pyroad"
            )));
        }
        if version < u64::from(BACKUP_VERSION) {
            return Err(StoreError::Invalid(format!(
                "backup version {version} cannot be imported (this pyroad reads version {BACKUP_VERSION}); \
                 export it again with this pyroad"
            )));
        }
        let backup: Backup =
            serde_json::from_value(value).map_err(|e| StoreError::Invalid(format!("not a usable backup: {e}")))?;
        backup.validate()?;
        Ok(backup)
    }

    /// The checks a restore needs before it writes anything: usable unique
    /// names, progress only on topics of its roadmap, an active roadmap and
    /// log entries' roadmaps that are in the backup, 1 to 1440 minutes.
    pub fn validate(&self) -> Result<()> {
        let bad = |msg: String| Err(StoreError::Invalid(msg));
        if self.pyroad_backup != BACKUP_VERSION {
            return bad(format!("backup version {} is not {BACKUP_VERSION}", self.pyroad_backup));
        }
        let mut names = HashSet::new();
        for r in &self.roadmaps {
            check_name(&r.name)?;
            if !names.insert(r.name.as_str()) {
                return bad(format!("roadmap {:?} appears twice", r.name));
            }
            let rows = node_rows(&r.roadmap);
            let ids: HashSet<String> = rows.into_iter().map(|n| n.id).collect();
            let mut seen = HashSet::new();
            for p in &r.progress {
                if !ids.contains(&p.topic) {
                    return bad(format!("roadmap {:?}: progress on unknown topic {:?}", r.name, p.topic));
                }
                if !seen.insert(p.topic.as_str()) {
                    return bad(format!("roadmap {:?}: topic {:?} has two progress rows", r.name, p.topic));
                }
            }
            let mut seen = HashSet::new();
            for a in &r.archived {
                if !seen.insert(a.topic.as_str()) {
                    return bad(format!("roadmap {:?}: archived topic {:?} appears twice", r.name, a.topic));
                }
            }
            if let Some(n) = r.notes.iter().find(|n| n.body.trim().is_empty()) {
                return bad(format!("roadmap {:?}: empty note on {:?}", r.name, n.topic));
            }
        }
        if let Some(active) = &self.active
            && !names.contains(active.as_str())
        {
            return bad(format!("the active roadmap {active:?} is not in the backup"));
        }
        if self.settings.contains_key(ACTIVE_ROADMAP) {
            return bad(format!("the setting {ACTIVE_ROADMAP:?} belongs in \"active\""));
        }
        for e in &self.log {
            if e.minutes == 0 || e.minutes > 24 * 60 {
                return bad(format!("log entry of {} on {}: not 1 to 1440 minutes", e.minutes, e.date));
            }
            // A log entry's topic may have left its roadmap in an update
            // (log entries keep it, as notes do); its roadmap must be here.
            if let Some(r) = &e.roadmap
                && !names.contains(r.as_str())
            {
                return bad(format!("log entry on {}: unknown roadmap {r:?}", e.date));
            }
        }
        let mut cards = HashSet::new();
        for c in &self.review_cards {
            if c.card.trim().is_empty() || !cards.insert(c.card.as_str()) {
                return bad(format!("review card {:?} is empty or appears twice", c.card));
            }
            if c.reps == 0 || !(c.stability.is_finite() && c.difficulty.is_finite()) {
                return bad(format!("review card {:?}: no reviews or a non-finite memory state", c.card));
            }
        }
        if let Some(r) = self.review_log.iter().find(|r| r.card.trim().is_empty()) {
            return bad(format!("review on {}: no card", r.reviewed_at));
        }
        for e in &self.exercises {
            if e.exercise.trim().is_empty() || e.tests_passed > e.tests_total {
                return bad(format!("exercise check {:?}: no exercise or more tests passed than run", e.exercise));
            }
        }
        Ok(())
    }
}

/// Reads everything `learner` has into a [`Backup`], in the fixed order.
pub async fn collect<S: Store>(store: &S, learner: LearnerId) -> Result<Backup> {
    let mut roadmaps = Vec::new();
    let mut names = std::collections::HashMap::new();
    for info in store.list_roadmaps(learner).await? {
        let stored = store.roadmap(learner, &info.name).await?;
        let mut progress: Vec<ProgressBackup> = store
            .progress(learner, stored.id)
            .await?
            .into_iter()
            .map(|p| ProgressBackup {
                topic: p.topic,
                status: p.status,
                started_at: p.started_at,
                done_at: p.done_at,
                updated_at: p.updated_at,
            })
            .collect();
        progress.sort_by(|a, b| a.topic.cmp(&b.topic));
        let notes = store
            .notes(learner, stored.id, None)
            .await?
            .into_iter()
            .map(|n| NoteBackup { topic: n.topic, body: n.body, created_at: n.created_at })
            .collect();
        let mut archived: Vec<ArchivedBackup> = store
            .archived(learner, stored.id)
            .await?
            .into_iter()
            .map(|a| ArchivedBackup {
                topic: a.topic,
                title: a.title,
                status: a.status,
                started_at: a.started_at,
                done_at: a.done_at,
                archived_at: a.archived_at,
            })
            .collect();
        archived.sort_by(|a, b| a.topic.cmp(&b.topic));
        names.insert(stored.id, stored.name.clone());
        roadmaps.push(RoadmapBackup {
            name: stored.name,
            added_at: stored.added_at,
            updated_at: stored.updated_at,
            roadmap: stored.roadmap,
            progress,
            notes,
            archived,
        });
    }
    let log = store
        .log_entries(learner, None)
        .await?
        .into_iter()
        .map(|e| LogBackup {
            roadmap: e.roadmap.and_then(|id| names.get(&id).cloned()),
            topic: e.topic,
            minutes: e.minutes,
            note: e.note,
            date: e.date,
            created_at: e.created_at,
        })
        .collect();
    let mut settings: BTreeMap<String, String> = store.settings(learner).await?.into_iter().collect();
    settings.remove(ACTIVE_ROADMAP);
    let active = store.active_roadmap(learner).await?.map(|r| r.name);
    let mut review_cards = store.card_states(learner).await?;
    review_cards.sort_by(|a, b| a.card.cmp(&b.card));
    let review_log = store
        .review_log(learner, None)
        .await?
        .into_iter()
        .map(|r| ReviewBackup {
            card: r.card,
            rating: r.rating,
            source: r.source,
            reviewed_at: r.reviewed_at,
            elapsed_days: r.elapsed_days,
            scheduled_days: r.scheduled_days,
            stability: r.stability,
            difficulty: r.difficulty,
        })
        .collect();
    let exercises = store
        .exercise_results(learner, None)
        .await?
        .into_iter()
        .map(|e| ExerciseBackup {
            exercise: e.exercise,
            passed: e.passed,
            tests_passed: e.tests_passed,
            tests_total: e.tests_total,
            hints_used: e.hints_used,
            revealed: e.revealed,
            checked_at: e.checked_at,
        })
        .collect();
    Ok(Backup { pyroad_backup: BACKUP_VERSION, active, settings, roadmaps, log, review_cards, review_log, exercises })
}

/// The refusal of a restore into a learner that already has data.
pub fn not_empty(roadmaps: i64, log: i64, settings: i64, practice: i64) -> StoreError {
    StoreError::Invalid(format!(
        "the store is not empty ({roadmaps} roadmaps, {log} log entries, {settings} settings, \
         {practice} reviews and checks); \
         a backup restores only into an empty store (use a new --data-dir or database)"
    ))
}
