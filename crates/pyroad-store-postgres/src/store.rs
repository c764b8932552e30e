//! The [`Store`] implementation: one transaction per method. Times come
//! from the server (`now()`, the transaction's start) and are read back as
//! Unix milliseconds; days are `date`, exchanged as `YYYY-MM-DD` text.

use jiff::civil::Date;
use pyroad_model::Roadmap;
use pyroad_store::{
    ACTIVE_ROADMAP, ArchivedProgress, ExerciseResult, LearnerId, LogEntry, NewExerciseResult, NewLogEntry, Note,
    Progress, RemovedNode, Result, RoadmapId, RoadmapInfo, Status, Store, StoreError, StoredRoadmap, UpdateReport,
    check_log, check_name, node_rows, removed_and_added,
};
use sqlx::{Postgres, Transaction};

use crate::queries::{check_node, insert_nodes, restore_row, roadmap_by_name};
use crate::{PgStore, db_error};

type Tx = Transaction<'static, Postgres>;
/// (id, name, document, added_at, updated_at)
pub(crate) type RoadmapRow = (i64, String, String, i64, i64);
/// (node_id, status, started_at, done_at, updated_at)
pub(crate) type ProgressRow = (String, String, Option<i64>, Option<i64>, i64);
/// (id, roadmap_id, node_id, minutes, note, day, created_at)
type LogRow = (i64, Option<i64>, Option<String>, i32, Option<String>, String, i64);
/// (node_id, title, status, started_at, done_at, archived_at)
type ArchiveRow = (String, String, String, Option<i64>, Option<i64>, i64);

fn ts(ms: i64) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_millisecond(ms).map_err(|e| StoreError::Corrupt(format!("timestamp {ms}: {e}")))
}

fn opt_ts(ms: Option<i64>) -> Result<Option<jiff::Timestamp>> {
    ms.map(ts).transpose()
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

pub(crate) const ROADMAP_COLUMNS: &str =
    concat!("r.id, r.name, r.document, ", ms!("r.added_at"), ", ", ms!("r.updated_at"));

const UPSERT_PROGRESS: &str = concat!(
    "INSERT INTO progress (learner_id, roadmap_id, node_id, status, started_at, done_at, updated_at)
     VALUES ($1, $2, $3, $4::text,
             CASE WHEN $4::text IN ('learning', 'done') THEN now() END,
             CASE WHEN $4::text = 'done' THEN now() END,
             now())
     ON CONFLICT (learner_id, roadmap_id, node_id) DO UPDATE SET
         status = excluded.status,
         started_at = COALESCE(progress.started_at, excluded.started_at),
         done_at = CASE WHEN excluded.status = 'done'
                        THEN COALESCE(CASE WHEN progress.status = 'done' THEN progress.done_at END, excluded.done_at)
                   END,
         updated_at = excluded.updated_at
     RETURNING node_id, status, ",
    ms!("started_at"),
    ", ",
    ms!("done_at"),
    ", ",
    ms!("updated_at")
);

impl PgStore {
    async fn begin(&self) -> Result<Tx> {
        self.pool.begin().await.map_err(db_error)
    }
}

impl Store for PgStore {
    async fn schema_version(&self) -> Result<i64> {
        let (v,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await
            .map_err(db_error)?;
        Ok(v.unwrap_or(0))
    }

    async fn create_learner(&self, name: &str) -> Result<LearnerId> {
        let (id,): (i64,) = sqlx::query_as("INSERT INTO learners (name, created_at) VALUES ($1, now()) RETURNING id")
            .bind(name)
            .fetch_one(&self.pool)
            .await
            .map_err(db_error)?;
        Ok(LearnerId(id))
    }

    async fn add_roadmap(&self, learner: LearnerId, name: &str, roadmap: &Roadmap) -> Result<StoredRoadmap> {
        check_name(name)?;
        let document = serde_json::to_string(roadmap).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.begin().await?;
        let inserted: Option<(i64, i64)> = sqlx::query_as(concat!(
            "INSERT INTO roadmaps (learner_id, name, title, document, added_at, updated_at)
             VALUES ($1, $2, $3, $4, now(), now()) ON CONFLICT (learner_id, name) DO NOTHING
             RETURNING id, ",
            ms!("added_at")
        ))
        .bind(learner.0)
        .bind(name)
        .bind(&roadmap.title)
        .bind(&document)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_error)?;
        let Some((id, now)) = inserted else {
            return Err(StoreError::AlreadyExists { what: "roadmap", key: name.into() });
        };
        let rows = node_rows(roadmap);
        insert_nodes(&mut tx, id, &rows.iter().collect::<Vec<_>>()).await?;
        for r in rows.iter().filter(|r| r.checked) {
            sqlx::query(UPSERT_PROGRESS)
                .bind(learner.0)
                .bind(id)
                .bind(&r.id)
                .bind("done")
                .execute(&mut *tx)
                .await
                .map_err(db_error)?;
        }
        sqlx::query("INSERT INTO settings (learner_id, key, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
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
        let rows: Vec<(i64, String, String, i64, i64, i64, i64)> = sqlx::query_as(concat!(
            "SELECT r.id, r.name, r.title,
                    (SELECT COUNT(*) FROM nodes n WHERE n.roadmap_id = r.id),
                    (SELECT COUNT(*) FROM progress p
                      WHERE p.roadmap_id = r.id AND p.learner_id = r.learner_id AND p.status = 'done'), ",
            ms!("r.added_at"),
            ", ",
            ms!("r.updated_at"),
            " FROM roadmaps r WHERE r.learner_id = $1 ORDER BY r.name"
        ))
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
        stored(learner, roadmap_by_name(&mut c, learner, name, false).await?)
    }

    async fn active_roadmap(&self, learner: LearnerId) -> Result<Option<StoredRoadmap>> {
        let sql = format!(
            "SELECT {ROADMAP_COLUMNS}
             FROM settings s JOIN roadmaps r ON r.learner_id = s.learner_id AND r.name = s.value
             WHERE s.learner_id = $1 AND s.key = $2"
        );
        let row: Option<RoadmapRow> = sqlx::query_as(&sql)
            .bind(learner.0)
            .bind(ACTIVE_ROADMAP)
            .fetch_optional(&self.pool)
            .await
            .map_err(db_error)?;
        row.map(|r| stored(learner, r)).transpose()
    }

    async fn set_active(&self, learner: LearnerId, name: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        roadmap_by_name(&mut tx, learner, name, false).await?;
        sqlx::query(
            "INSERT INTO settings (learner_id, key, value) VALUES ($1, $2, $3)
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
        let mut tx = self.begin().await?;
        let (id, ..) = roadmap_by_name(&mut tx, learner, name, true).await?;
        sqlx::query("DELETE FROM roadmaps WHERE id = $1").bind(id).execute(&mut *tx).await.map_err(db_error)?;
        sqlx::query("DELETE FROM settings WHERE learner_id = $1 AND key = $2 AND value = $3")
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
        let mut tx = self.begin().await?;
        // The row lock serialises updates of one roadmap.
        let (id, ..) = roadmap_by_name(&mut tx, learner, name, true).await?;
        let stored_nodes: Vec<(String, String)> =
            sqlx::query_as("SELECT id, title FROM nodes WHERE roadmap_id = $1 ORDER BY position")
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
                 SELECT learner_id, roadmap_id, node_id, $1, status, started_at, done_at, now()
                 FROM progress WHERE learner_id = $2 AND roadmap_id = $3 AND node_id = $4
                 ON CONFLICT (learner_id, roadmap_id, node_id) DO UPDATE SET
                   title = excluded.title, status = excluded.status, started_at = excluded.started_at,
                   done_at = excluded.done_at, archived_at = excluded.archived_at
                 RETURNING status",
            )
            .bind(&title)
            .bind(learner.0)
            .bind(id)
            .bind(&node)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_error)?;
            sqlx::query("DELETE FROM nodes WHERE roadmap_id = $1 AND id = $2")
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
            let restored = match restore_row(&mut tx, learner, id, &r.id, &r.id).await {
                Ok(_) => true,
                Err(StoreError::NotFound { .. }) => false,
                Err(e) => return Err(e),
            };
            if restored {
                report.restored.push(r.id.clone());
            } else {
                if r.checked {
                    sqlx::query(UPSERT_PROGRESS)
                        .bind(learner.0)
                        .bind(id)
                        .bind(&r.id)
                        .bind("done")
                        .execute(&mut *tx)
                        .await
                        .map_err(db_error)?;
                }
                report.added.push(r.id.clone());
            }
        }
        for r in &rows {
            sqlx::query("UPDATE nodes SET kind = $1, title = $2, position = $3 WHERE roadmap_id = $4 AND id = $5")
                .bind(r.kind)
                .bind(&r.title)
                .bind(r.position)
                .bind(id)
                .bind(&r.id)
                .execute(&mut *tx)
                .await
                .map_err(db_error)?;
        }
        sqlx::query("UPDATE roadmaps SET title = $1, document = $2, updated_at = now() WHERE id = $3")
            .bind(&roadmap.title)
            .bind(&document)
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
        let mut tx = self.begin().await?;
        check_node(&mut tx, learner, roadmap, topic).await?;
        let row: ProgressRow = sqlx::query_as(UPSERT_PROGRESS)
            .bind(learner.0)
            .bind(roadmap.0)
            .bind(topic)
            .bind(status.as_str())
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
        let mut tx = self.begin().await?;
        // One read of the node ids (locked like check_node's), not a query per topic.
        let ids: Vec<(String,)> = sqlx::query_as(
            "SELECT n.id FROM roadmaps r JOIN nodes n ON n.roadmap_id = r.id
             WHERE r.id = $1 AND r.learner_id = $2 FOR SHARE OF n",
        )
        .bind(roadmap.0)
        .bind(learner.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db_error)?;
        let ids: std::collections::HashSet<&str> = ids.iter().map(|(id,)| id.as_str()).collect();
        if let Some(unknown) = topics.iter().find(|t| !ids.contains(t.as_str())) {
            return Err(StoreError::not_found("topic", unknown.as_str()));
        }
        for topic in topics {
            sqlx::query(UPSERT_PROGRESS)
                .bind(learner.0)
                .bind(roadmap.0)
                .bind(topic)
                .bind(status.as_str())
                .execute(&mut *tx)
                .await
                .map_err(db_error)?;
        }
        commit(tx).await?;
        Ok(topics.len())
    }

    async fn progress(&self, learner: LearnerId, roadmap: RoadmapId) -> Result<Vec<Progress>> {
        let rows: Vec<ProgressRow> = sqlx::query_as(concat!(
            "SELECT node_id, status, ",
            ms!("started_at"),
            ", ",
            ms!("done_at"),
            ", ",
            ms!("updated_at"),
            " FROM progress WHERE learner_id = $1 AND roadmap_id = $2"
        ))
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
        let mut tx = self.begin().await?;
        check_node(&mut tx, learner, roadmap, topic).await?;
        let (id, at): (i64, i64) = sqlx::query_as(concat!(
            "INSERT INTO notes (learner_id, roadmap_id, node_id, body, created_at) VALUES ($1, $2, $3, $4, now())
             RETURNING id, ",
            ms!("created_at")
        ))
        .bind(learner.0)
        .bind(roadmap.0)
        .bind(topic)
        .bind(body)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_error)?;
        commit(tx).await?;
        Ok(Note { id, roadmap, topic: topic.into(), body: body.into(), created_at: ts(at)? })
    }

    async fn notes(&self, learner: LearnerId, roadmap: RoadmapId, topic: Option<&str>) -> Result<Vec<Note>> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(concat!(
            "SELECT id, node_id, body, ",
            ms!("created_at"),
            " FROM notes WHERE learner_id = $1 AND roadmap_id = $2 AND ($3::text IS NULL OR node_id = $3)
             ORDER BY id"
        ))
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
        let minutes = i32::try_from(entry.minutes).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.begin().await?;
        if let (Some(roadmap), Some(topic)) = (entry.roadmap, entry.topic.as_deref()) {
            check_node(&mut tx, learner, roadmap, topic).await?;
        }
        let (id, at): (i64, i64) = sqlx::query_as(concat!(
            "INSERT INTO log_entries (learner_id, roadmap_id, node_id, minutes, note, day, created_at)
             VALUES ($1, $2, $3, $4, $5, $6::date, now()) RETURNING id, ",
            ms!("created_at")
        ))
        .bind(learner.0)
        .bind(entry.roadmap.map(|r| r.0))
        .bind(entry.topic.as_deref())
        .bind(minutes)
        .bind(entry.note.as_deref())
        .bind(entry.date.to_string())
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
            created_at: ts(at)?,
        })
    }

    async fn log_entries(&self, learner: LearnerId, since: Option<Date>) -> Result<Vec<LogEntry>> {
        let rows: Vec<LogRow> = sqlx::query_as(concat!(
            "SELECT id, roadmap_id, node_id, minutes, note, to_char(day, 'YYYY-MM-DD'), ",
            ms!("created_at"),
            " FROM log_entries WHERE learner_id = $1 AND ($2::date IS NULL OR day >= $2::date)
                 ORDER BY day, id"
        ))
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
        let rows: Vec<ArchiveRow> = sqlx::query_as(concat!(
            "SELECT node_id, title, status, ",
            ms!("started_at"),
            ", ",
            ms!("done_at"),
            ", ",
            ms!("archived_at"),
            " FROM progress_archive WHERE learner_id = $1 AND roadmap_id = $2 ORDER BY archived_at, node_id"
        ))
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
        let mut tx = self.begin().await?;
        check_node(&mut tx, learner, roadmap, into).await?;
        let row = restore_row(&mut tx, learner, roadmap.0, archived, into).await?;
        commit(tx).await?;
        progress(roadmap, row)
    }

    async fn setting(&self, learner: LearnerId, key: &str) -> Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE learner_id = $1 AND key = $2")
            .bind(learner.0)
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(db_error)?;
        Ok(row.map(|(v,)| v))
    }

    async fn set_setting(&self, learner: LearnerId, key: &str, value: Option<&str>) -> Result<()> {
        let query = match value {
            Some(v) => sqlx::query(
                "INSERT INTO settings (learner_id, key, value) VALUES ($1, $2, $3)
                 ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
            )
            .bind(learner.0)
            .bind(key)
            .bind(v),
            None => sqlx::query("DELETE FROM settings WHERE learner_id = $1 AND key = $2").bind(learner.0).bind(key),
        };
        query.execute(&self.pool).await.map_err(db_error)?;
        Ok(())
    }

    async fn record_review(
        &self,
        learner: LearnerId,
        review: &pyroad_store::NewReview,
    ) -> Result<pyroad_store::CardState> {
        crate::review::record(self, learner, review).await
    }

    async fn card_states(&self, learner: LearnerId) -> Result<Vec<pyroad_store::CardState>> {
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
    ) -> Result<(ExerciseResult, pyroad_store::CardState)> {
        pyroad_store::check_exercise_result(result)?;
        pyroad_store::check_review(review)?;
        let mut tx = self.pool.begin().await.map_err(db_error)?;
        let stored = crate::exercises::insert(&mut tx, learner, result).await?;
        let state = crate::review::write(&mut tx, learner, review).await?;
        tx.commit().await.map_err(db_error)?;
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
