//! The [`Store`] implementation: one transaction per method.

use jiff::civil::Date;
use pyroad_model::Roadmap;
use pyroad_store::CardState;
use pyroad_store::{
    ACTIVE_ROADMAP, ArchivedProgress, ExerciseResult, LearnerId, LogEntry, NewExerciseResult, NewLogEntry, Note,
    Progress, RemovedNode, Result, RoadmapId, RoadmapInfo, Status, Store, StoreError, StoredRoadmap, UpdateReport,
    check_log, check_name, node_rows, removed_and_added,
};
use sqlx::{Sqlite, SqliteConnection, Transaction};

use crate::{SqliteStore, db_error, now_ms, opt_ts, ts};

type Tx = Transaction<'static, Sqlite>;

/// (id, name, document, added_at, updated_at)
type RoadmapRow = (i64, String, String, i64, i64);
/// (node_id, status, started_at, done_at, updated_at)
type ProgressRow = (String, String, Option<i64>, Option<i64>, i64);
/// (id, roadmap_id, node_id, minutes, note, day, created_at)
type LogRow = (i64, Option<i64>, Option<String>, i64, Option<String>, String, i64);
/// (node_id, title, status, started_at, done_at, archived_at)
type ArchiveRow = (String, String, String, Option<i64>, Option<i64>, i64);

impl SqliteStore {
    pub(crate) async fn write(&self) -> Result<Tx> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(db_error)
    }
}

async fn commit(tx: Tx) -> Result<()> {
    tx.commit().await.map_err(db_error)
}

fn stored(learner: LearnerId, row: RoadmapRow) -> Result<StoredRoadmap> {
    let (id, name, document, added, updated) = row;
    let roadmap: Roadmap =
        serde_json::from_str(&document).map_err(|e| StoreError::Corrupt(format!("stored roadmap {name:?}: {e}")))?;
    Ok(StoredRoadmap { id: RoadmapId(id), learner, name, roadmap, added_at: ts(added)?, updated_at: ts(updated)? })
}

fn progress(roadmap: RoadmapId, row: ProgressRow) -> Result<Progress> {
    let (topic, status, started, done, updated) = row;
    Ok(Progress {
        roadmap,
        topic,
        status: status.parse()?,
        started_at: opt_ts(started)?,
        done_at: opt_ts(done)?,
        updated_at: ts(updated)?,
    })
}

async fn roadmap_by_name(c: &mut SqliteConnection, learner: LearnerId, name: &str) -> Result<RoadmapRow> {
    sqlx::query_as("SELECT id, name, document, added_at, updated_at FROM roadmaps WHERE learner_id = ? AND name = ?")
        .bind(learner.0)
        .bind(name)
        .fetch_optional(c)
        .await
        .map_err(db_error)?
        .ok_or_else(|| StoreError::not_found("roadmap", name))
}

/// Fails unless `roadmap` is the learner's and holds node `topic`.
async fn check_node(c: &mut SqliteConnection, learner: LearnerId, roadmap: RoadmapId, topic: &str) -> Result<()> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM roadmaps r JOIN nodes n ON n.roadmap_id = r.id WHERE r.id = ? AND r.learner_id = ? AND n.id = ?",
    )
    .bind(roadmap.0)
    .bind(learner.0)
    .bind(topic)
    .fetch_optional(c)
    .await
    .map_err(db_error)?;
    found.map(|_| ()).ok_or_else(|| StoreError::not_found("topic", topic))
}

async fn insert_nodes(c: &mut SqliteConnection, roadmap: i64, rows: &[&pyroad_store::NodeRow]) -> Result<()> {
    for r in rows {
        sqlx::query("INSERT INTO nodes (roadmap_id, id, kind, title, position) VALUES (?, ?, ?, ?, ?)")
            .bind(roadmap)
            .bind(&r.id)
            .bind(r.kind)
            .bind(&r.title)
            .bind(r.position)
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
    }
    Ok(())
}

pub(crate) const UPSERT_PROGRESS: &str = "
    INSERT INTO progress (learner_id, roadmap_id, node_id, status, started_at, done_at, updated_at)
    VALUES (?1, ?2, ?3, ?4,
            CASE WHEN ?4 IN ('learning', 'done') THEN ?5 END,
            CASE WHEN ?4 = 'done' THEN ?5 END,
            ?5)
    ON CONFLICT (learner_id, roadmap_id, node_id) DO UPDATE SET
        status = excluded.status,
        started_at = COALESCE(progress.started_at, excluded.started_at),
        done_at = CASE WHEN excluded.status = 'done'
                       THEN COALESCE(CASE WHEN progress.status = 'done' THEN progress.done_at END, excluded.done_at)
                  END,
        updated_at = excluded.updated_at
    RETURNING node_id, status, started_at, done_at, updated_at";

impl Store for SqliteStore {
    async fn schema_version(&self) -> Result<i64> {
        let (v,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await
            .map_err(db_error)?;
        Ok(v.unwrap_or(0))
    }

    async fn create_learner(&self, name: &str) -> Result<LearnerId> {
        let mut tx = self.write().await?;
        let (id,): (i64,) = sqlx::query_as("INSERT INTO learners (name, created_at) VALUES (?, ?) RETURNING id")
            .bind(name)
            .bind(now_ms())
            .fetch_one(&mut *tx)
            .await
            .map_err(db_error)?;
        commit(tx).await?;
        Ok(LearnerId(id))
    }

    async fn add_roadmap(&self, learner: LearnerId, name: &str, roadmap: &Roadmap) -> Result<StoredRoadmap> {
        check_name(name)?;
        let document = serde_json::to_string(roadmap).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let now = now_ms();
        let mut tx = self.write().await?;
        let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM roadmaps WHERE learner_id = ? AND name = ?")
            .bind(learner.0)
            .bind(name)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_error)?;
        if exists.is_some() {
            return Err(StoreError::AlreadyExists { what: "roadmap", key: name.into() });
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO roadmaps (learner_id, name, title, document, added_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(learner.0)
        .bind(name)
        .bind(&roadmap.title)
        .bind(&document)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_error)?;
        let rows = node_rows(roadmap);
        insert_nodes(&mut tx, id, &rows.iter().collect::<Vec<_>>()).await?;
        for r in rows.iter().filter(|r| r.checked) {
            sqlx::query(UPSERT_PROGRESS)
                .bind(learner.0)
                .bind(id)
                .bind(&r.id)
                .bind("done")
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db_error)?;
        }
        sqlx::query("INSERT INTO settings (learner_id, key, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .bind(learner.0)
            .bind(ACTIVE_ROADMAP)
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
        commit(tx).await?;
        Ok(StoredRoadmap {
            id: RoadmapId(id),
            learner,
            name: name.into(),
            roadmap: roadmap.clone(),
            added_at: ts(now)?,
            updated_at: ts(now)?,
        })
    }

    async fn list_roadmaps(&self, learner: LearnerId) -> Result<Vec<RoadmapInfo>> {
        let rows: Vec<(i64, String, String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT r.id, r.name, r.title,
                    (SELECT COUNT(*) FROM nodes n WHERE n.roadmap_id = r.id),
                    (SELECT COUNT(*) FROM progress p
                      WHERE p.roadmap_id = r.id AND p.learner_id = r.learner_id AND p.status = 'done'),
                    r.added_at, r.updated_at
             FROM roadmaps r WHERE r.learner_id = ? ORDER BY r.name",
        )
        .bind(learner.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db_error)?;
        rows.into_iter()
            .map(|(id, name, title, nodes, done, added, updated)| {
                Ok(RoadmapInfo {
                    id: RoadmapId(id),
                    name,
                    title,
                    nodes,
                    done,
                    added_at: ts(added)?,
                    updated_at: ts(updated)?,
                })
            })
            .collect()
    }

    async fn roadmap(&self, learner: LearnerId, name: &str) -> Result<StoredRoadmap> {
        let mut c = self.pool.acquire().await.map_err(db_error)?;
        stored(learner, roadmap_by_name(&mut c, learner, name).await?)
    }

    async fn active_roadmap(&self, learner: LearnerId) -> Result<Option<StoredRoadmap>> {
        let row: Option<RoadmapRow> = sqlx::query_as(
            "SELECT r.id, r.name, r.document, r.added_at, r.updated_at
             FROM settings s JOIN roadmaps r ON r.learner_id = s.learner_id AND r.name = s.value
             WHERE s.learner_id = ? AND s.key = ?",
        )
        .bind(learner.0)
        .bind(ACTIVE_ROADMAP)
        .fetch_optional(&self.pool)
        .await
        .map_err(db_error)?;
        row.map(|r| stored(learner, r)).transpose()
    }

    async fn set_active(&self, learner: LearnerId, name: &str) -> Result<()> {
        let mut tx = self.write().await?;
        roadmap_by_name(&mut tx, learner, name).await?;
        sqlx::query(
            "INSERT INTO settings (learner_id, key, value) VALUES (?, ?, ?)
             ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
        )
        .bind(learner.0)
        .bind(ACTIVE_ROADMAP)
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(db_error)?;
        commit(tx).await
    }

    async fn remove_roadmap(&self, learner: LearnerId, name: &str) -> Result<()> {
        let mut tx = self.write().await?;
        let (id, ..) = roadmap_by_name(&mut tx, learner, name).await?;
        // Progress rows go with their nodes (foreign key cascade).
        sqlx::query("DELETE FROM roadmaps WHERE id = ?").bind(id).execute(&mut *tx).await.map_err(db_error)?;
        sqlx::query("DELETE FROM settings WHERE learner_id = ? AND key = ? AND value = ?")
            .bind(learner.0)
            .bind(ACTIVE_ROADMAP)
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
        commit(tx).await
    }

    async fn update_roadmap(&self, learner: LearnerId, name: &str, roadmap: &Roadmap) -> Result<UpdateReport> {
        let document = serde_json::to_string(roadmap).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let now = now_ms();
        let mut tx = self.write().await?;
        let (id, ..) = roadmap_by_name(&mut tx, learner, name).await?;
        let stored_nodes: Vec<(String, String)> =
            sqlx::query_as("SELECT id, title FROM nodes WHERE roadmap_id = ? ORDER BY position")
                .bind(id)
                .fetch_all(&mut *tx)
                .await
                .map_err(db_error)?;
        let rows = node_rows(roadmap);
        let (removed, added) = removed_and_added(&stored_nodes, &rows);
        let mut report = UpdateReport { kept: stored_nodes.len() - removed.len(), ..UpdateReport::default() };
        for (node, title) in removed {
            let archived: Option<(String,)> = sqlx::query_as(
                "INSERT INTO progress_archive
                   (learner_id, roadmap_id, node_id, title, status, started_at, done_at, archived_at)
                 SELECT learner_id, roadmap_id, node_id, ?, status, started_at, done_at, ?
                 FROM progress WHERE learner_id = ? AND roadmap_id = ? AND node_id = ?
                 ON CONFLICT (learner_id, roadmap_id, node_id) DO UPDATE SET
                   title = excluded.title, status = excluded.status, started_at = excluded.started_at,
                   done_at = excluded.done_at, archived_at = excluded.archived_at
                 RETURNING status",
            )
            .bind(&title)
            .bind(now)
            .bind(learner.0)
            .bind(id)
            .bind(&node)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_error)?;
            sqlx::query("DELETE FROM nodes WHERE roadmap_id = ? AND id = ?")
                .bind(id)
                .bind(&node)
                .execute(&mut *tx)
                .await
                .map_err(db_error)?;
            let archived = archived.map(|(s,)| s.parse()).transpose()?;
            report.removed.push(RemovedNode { id: node, title, archived });
        }
        insert_nodes(&mut tx, id, &added).await?;
        for r in &added {
            let restored = match restore_row(&mut tx, learner, id, &r.id, &r.id, now).await {
                Ok(_) => true,
                Err(StoreError::NotFound { .. }) => false,
                Err(e) => return Err(e),
            };
            if restored {
                report.restored.push(r.id.clone());
            } else if r.checked {
                sqlx::query(UPSERT_PROGRESS)
                    .bind(learner.0)
                    .bind(id)
                    .bind(&r.id)
                    .bind("done")
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_error)?;
            }
            if !restored {
                report.added.push(r.id.clone());
            }
        }
        for r in &rows {
            sqlx::query("UPDATE nodes SET kind = ?, title = ?, position = ? WHERE roadmap_id = ? AND id = ?")
                .bind(r.kind)
                .bind(&r.title)
                .bind(r.position)
                .bind(id)
                .bind(&r.id)
                .execute(&mut *tx)
                .await
                .map_err(db_error)?;
        }
        sqlx::query("UPDATE roadmaps SET title = ?, document = ?, updated_at = ? WHERE id = ?")
            .bind(&roadmap.title)
            .bind(&document)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
        commit(tx).await?;
        Ok(report)
    }

    async fn set_status(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        topic: &str,
        status: Status,
    ) -> Result<Progress> {
        let mut tx = self.write().await?;
        check_node(&mut tx, learner, roadmap, topic).await?;
        let row: ProgressRow = sqlx::query_as(UPSERT_PROGRESS)
            .bind(learner.0)
            .bind(roadmap.0)
            .bind(topic)
            .bind(status.as_str())
            .bind(now_ms())
            .fetch_one(&mut *tx)
            .await
            .map_err(db_error)?;
        commit(tx).await?;
        progress(roadmap, row)
    }

    async fn set_statuses(
        &self,
        learner: LearnerId,
        roadmap: RoadmapId,
        topics: &[String],
        status: Status,
    ) -> Result<usize> {
        let mut tx = self.write().await?;
        crate::bulk::set_statuses(&mut tx, learner, roadmap, topics, status).await?;
        commit(tx).await?;
        Ok(topics.len())
    }

    async fn progress(&self, learner: LearnerId, roadmap: RoadmapId) -> Result<Vec<Progress>> {
        let rows: Vec<ProgressRow> = sqlx::query_as(
            "SELECT node_id, status, started_at, done_at, updated_at FROM progress
             WHERE learner_id = ? AND roadmap_id = ?",
        )
        .bind(learner.0)
        .bind(roadmap.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db_error)?;
        rows.into_iter().map(|r| progress(roadmap, r)).collect()
    }

    async fn add_note(&self, learner: LearnerId, roadmap: RoadmapId, topic: &str, body: &str) -> Result<Note> {
        let body = body.trim();
        if body.is_empty() {
            return Err(StoreError::Invalid("the note is empty".into()));
        }
        let now = now_ms();
        let mut tx = self.write().await?;
        check_node(&mut tx, learner, roadmap, topic).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO notes (learner_id, roadmap_id, node_id, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(learner.0)
        .bind(roadmap.0)
        .bind(topic)
        .bind(body)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_error)?;
        commit(tx).await?;
        Ok(Note { id, roadmap, topic: topic.into(), body: body.into(), created_at: ts(now)? })
    }

    async fn notes(&self, learner: LearnerId, roadmap: RoadmapId, topic: Option<&str>) -> Result<Vec<Note>> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, node_id, body, created_at FROM notes
             WHERE learner_id = ? AND roadmap_id = ? AND (?3 IS NULL OR node_id = ?3) ORDER BY id",
        )
        .bind(learner.0)
        .bind(roadmap.0)
        .bind(topic)
        .fetch_all(&self.pool)
        .await
        .map_err(db_error)?;
        rows.into_iter()
            .map(|(id, topic, body, at)| Ok(Note { id, roadmap, topic, body, created_at: ts(at)? }))
            .collect()
    }

    async fn add_log(&self, learner: LearnerId, entry: &NewLogEntry) -> Result<LogEntry> {
        check_log(entry)?;
        let now = now_ms();
        let mut tx = self.write().await?;
        if let (Some(roadmap), Some(topic)) = (entry.roadmap, entry.topic.as_deref()) {
            check_node(&mut tx, learner, roadmap, topic).await?;
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO log_entries (learner_id, roadmap_id, node_id, minutes, note, day, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(learner.0)
        .bind(entry.roadmap.map(|r| r.0))
        .bind(entry.topic.as_deref())
        .bind(i64::from(entry.minutes))
        .bind(entry.note.as_deref())
        .bind(entry.date.to_string())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_error)?;
        commit(tx).await?;
        Ok(LogEntry {
            id,
            roadmap: entry.roadmap,
            topic: entry.topic.clone(),
            minutes: entry.minutes,
            note: entry.note.clone(),
            date: entry.date,
            created_at: ts(now)?,
        })
    }

    async fn log_entries(&self, learner: LearnerId, since: Option<Date>) -> Result<Vec<LogEntry>> {
        let rows: Vec<LogRow> = sqlx::query_as(
            "SELECT id, roadmap_id, node_id, minutes, note, day, created_at FROM log_entries
             WHERE learner_id = ? AND (?2 IS NULL OR day >= ?2) ORDER BY day, id",
        )
        .bind(learner.0)
        .bind(since.map(|d| d.to_string()))
        .fetch_all(&self.pool)
        .await
        .map_err(db_error)?;
        rows.into_iter()
            .map(|(id, roadmap, topic, minutes, note, day, at)| {
                Ok(LogEntry {
                    id,
                    roadmap: roadmap.map(RoadmapId),
                    topic,
                    minutes: u32::try_from(minutes).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    note,
                    date: day.parse().map_err(|e| StoreError::Corrupt(format!("day {day:?}: {e}")))?,
                    created_at: ts(at)?,
                })
            })
            .collect()
    }

    async fn archived(&self, learner: LearnerId, roadmap: RoadmapId) -> Result<Vec<ArchivedProgress>> {
        let rows: Vec<ArchiveRow> = sqlx::query_as(
            "SELECT node_id, title, status, started_at, done_at, archived_at FROM progress_archive
             WHERE learner_id = ? AND roadmap_id = ? ORDER BY archived_at, node_id",
        )
        .bind(learner.0)
        .bind(roadmap.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db_error)?;
        rows.into_iter()
            .map(|(topic, title, status, started, done, at)| {
                Ok(ArchivedProgress {
                    roadmap,
                    topic,
                    title,
                    status: status.parse()?,
                    started_at: opt_ts(started)?,
                    done_at: opt_ts(done)?,
                    archived_at: ts(at)?,
                })
            })
            .collect()
    }

    async fn restore(&self, learner: LearnerId, roadmap: RoadmapId, archived: &str, into: &str) -> Result<Progress> {
        let mut tx = self.write().await?;
        check_node(&mut tx, learner, roadmap, into).await?;
        let row = restore_row(&mut tx, learner, roadmap.0, archived, into, now_ms()).await?;
        commit(tx).await?;
        progress(roadmap, row)
    }

    async fn setting(&self, learner: LearnerId, key: &str) -> Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE learner_id = ? AND key = ?")
            .bind(learner.0)
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(db_error)?;
        Ok(row.map(|(v,)| v))
    }

    async fn set_setting(&self, learner: LearnerId, key: &str, value: Option<&str>) -> Result<()> {
        let mut tx = self.write().await?;
        let query = match value {
            Some(v) => sqlx::query(
                "INSERT INTO settings (learner_id, key, value) VALUES (?, ?, ?)
                 ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
            )
            .bind(learner.0)
            .bind(key)
            .bind(v),
            None => sqlx::query("DELETE FROM settings WHERE learner_id = ? AND key = ?").bind(learner.0).bind(key),
        };
        query.execute(&mut *tx).await.map_err(db_error)?;
        commit(tx).await
    }

    async fn record_review(&self, learner: LearnerId, review: &pyroad_store::NewReview) -> Result<CardState> {
        crate::review::record(self, learner, review).await
    }

    async fn card_states(&self, learner: LearnerId) -> Result<Vec<CardState>> {
        crate::review::states(self, learner).await
    }

    async fn review_log(&self, learner: LearnerId, card: Option<&str>) -> Result<Vec<pyroad_store::ReviewLogEntry>> {
        crate::review::log(self, learner, card).await
    }

    async fn record_exercise(&self, learner: LearnerId, result: &NewExerciseResult) -> Result<ExerciseResult> {
        crate::exercises::record(&self.pool, learner, result).await
    }

    async fn record_exercise_review(
        &self,
        learner: LearnerId,
        result: &NewExerciseResult,
        review: &pyroad_store::NewReview,
    ) -> Result<(ExerciseResult, CardState)> {
        pyroad_store::check_exercise_result(result)?;
        pyroad_store::check_review(review)?;
        let mut tx = self.write().await?;
        let stored = crate::exercises::insert(&mut tx, learner, result).await?;
        let state = crate::review::write(&mut tx, learner, review).await?;
        commit(tx).await?;
        Ok((stored, state))
    }

    async fn exercise_results(&self, learner: LearnerId, exercise: Option<&str>) -> Result<Vec<ExerciseResult>> {
        crate::exercises::results(&self.pool, learner, exercise).await
    }

    async fn passed_exercises(&self, learner: LearnerId) -> Result<Vec<String>> {
        crate::exercises::passed(&self.pool, learner).await
    }

    async fn settings(&self, learner: LearnerId) -> Result<Vec<(String, String)>> {
        self.all_settings(learner).await
    }

    async fn restore_backup(
        &self,
        learner: LearnerId,
        backup: &pyroad_store::Backup,
    ) -> Result<pyroad_store::RestoreReport> {
        self.restore_all(learner, backup).await
    }
}

/// Moves the archived progress of `archived` onto node `into`, replacing
/// whatever progress `into` had; NotFound when nothing is archived.
async fn restore_row(
    c: &mut SqliteConnection,
    learner: LearnerId,
    roadmap: i64,
    archived: &str,
    into: &str,
    now: i64,
) -> Result<ProgressRow> {
    let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT status, started_at, done_at FROM progress_archive WHERE learner_id = ? AND roadmap_id = ? AND node_id = ?
",
    )
    .bind(learner.0)
    .bind(roadmap)
    .bind(archived)
    .fetch_optional(&mut *c)
    .await
    .map_err(db_error)?;
    let (status, started, done) = row.ok_or_else(|| StoreError::not_found("archived topic", archived))?;
    sqlx::query("DELETE FROM progress_archive WHERE learner_id = ? AND roadmap_id = ? AND node_id = ?")
        .bind(learner.0)
        .bind(roadmap)
        .bind(archived)
        .execute(&mut *c)
        .await
        .map_err(db_error)?;
    sqlx::query_as(
        "INSERT INTO progress (learner_id, roadmap_id, node_id, status, started_at, done_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, roadmap_id, node_id) DO UPDATE SET
           status = excluded.status, started_at = excluded.started_at,
           done_at = excluded.done_at, updated_at = excluded.updated_at
         RETURNING node_id, status, started_at, done_at, updated_at",
    )
    .bind(learner.0)
    .bind(roadmap)
    .bind(into)
    .bind(status)
    .bind(started)
    .bind(done)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db_error)
}
