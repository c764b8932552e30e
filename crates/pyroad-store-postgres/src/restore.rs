//! Listing settings and restoring a backup verbatim, in one transaction.

use std::collections::HashMap;

use pyroad_store::backup::not_empty;
use pyroad_store::{ACTIVE_ROADMAP, Backup, LearnerId, RestoreReport, Result, StoreError, node_rows};
use sqlx::PgConnection;

use crate::{PgStore, db_error};

/// A bound Unix-millisecond parameter as a timestamptz (exact: the interval
/// arithmetic is in whole microseconds).
macro_rules! at {
    ($n:literal) => {
        concat!("(timestamptz 'epoch' + $", $n, "::int8 * interval '1 millisecond')")
    };
}

fn ms(t: jiff::Timestamp) -> i64 {
    t.as_millisecond()
}

/// A count as PostgreSQL's INTEGER.
fn count(n: u32) -> Result<i32> {
    i32::try_from(n).map_err(|_| StoreError::Invalid(format!("{n} is too large to store")))
}

impl PgStore {
    pub(crate) async fn all_settings(&self, learner: LearnerId) -> Result<Vec<(String, String)>> {
        sqlx::query_as("SELECT key, value FROM settings WHERE learner_id = $1 ORDER BY key")
            .bind(learner.0)
            .fetch_all(&self.pool)
            .await
            .map_err(db_error)
    }

    pub(crate) async fn restore_all(&self, learner: LearnerId, backup: &Backup) -> Result<RestoreReport> {
        backup.validate()?;
        let mut tx = self.pool.begin().await.map_err(db_error)?;
        // The learner's row lock keeps two restores from both seeing it empty.
        let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM learners WHERE id = $1 FOR UPDATE")
            .bind(learner.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_error)?;
        if found.is_none() {
            return Err(StoreError::not_found("learner", learner.0.to_string()));
        }
        let (roadmaps, log, settings, practice): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM roadmaps WHERE learner_id = $1),
                    (SELECT COUNT(*) FROM log_entries WHERE learner_id = $1),
                    (SELECT COUNT(*) FROM settings WHERE learner_id = $1),
                    (SELECT COUNT(*) FROM review_log WHERE learner_id = $1)
                      + (SELECT COUNT(*) FROM review_cards WHERE learner_id = $1)
                      + (SELECT COUNT(*) FROM exercise_results WHERE learner_id = $1)",
        )
        .bind(learner.0)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_error)?;
        if roadmaps + log + settings + practice > 0 {
            return Err(not_empty(roadmaps, log, settings, practice));
        }
        let report = write_rows(&mut tx, learner, backup).await?;
        tx.commit().await.map_err(db_error)?;
        Ok(report)
    }
}

async fn write_rows(c: &mut PgConnection, learner: LearnerId, backup: &Backup) -> Result<RestoreReport> {
    let mut report = RestoreReport::default();
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for r in &backup.roadmaps {
        let document = serde_json::to_string(&r.roadmap).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let (id,): (i64,) = sqlx::query_as(concat!(
            "INSERT INTO roadmaps (learner_id, name, title, document, added_at, updated_at)
             VALUES ($1, $2, $3, $4, ",
            at!("5"),
            ", ",
            at!("6"),
            ") RETURNING id"
        ))
        .bind(learner.0)
        .bind(&r.name)
        .bind(&r.roadmap.title)
        .bind(&document)
        .bind(ms(r.added_at))
        .bind(ms(r.updated_at))
        .fetch_one(&mut *c)
        .await
        .map_err(db_error)?;
        ids.insert(r.name.as_str(), id);
        for n in node_rows(&r.roadmap) {
            sqlx::query("INSERT INTO nodes (roadmap_id, id, kind, title, position) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(&n.id)
                .bind(n.kind)
                .bind(&n.title)
                .bind(n.position)
                .execute(&mut *c)
                .await
                .map_err(db_error)?;
        }
        for p in &r.progress {
            sqlx::query(concat!(
                "INSERT INTO progress (learner_id, roadmap_id, node_id, status, started_at, done_at, updated_at)
                 VALUES ($1, $2, $3, $4, ",
                at!("5"),
                ", ",
                at!("6"),
                ", ",
                at!("7"),
                ")"
            ))
            .bind(learner.0)
            .bind(id)
            .bind(&p.topic)
            .bind(p.status.as_str())
            .bind(p.started_at.map(ms))
            .bind(p.done_at.map(ms))
            .bind(ms(p.updated_at))
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        }
        for n in &r.notes {
            sqlx::query(concat!(
                "INSERT INTO notes (learner_id, roadmap_id, node_id, body, created_at) VALUES ($1, $2, $3, $4, ",
                at!("5"),
                ")"
            ))
            .bind(learner.0)
            .bind(id)
            .bind(&n.topic)
            .bind(&n.body)
            .bind(ms(n.created_at))
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        }
        for a in &r.archived {
            sqlx::query(concat!(
                "INSERT INTO progress_archive
                   (learner_id, roadmap_id, node_id, title, status, started_at, done_at, archived_at)
                 VALUES ($1, $2, $3, $4, $5, ",
                at!("6"),
                ", ",
                at!("7"),
                ", ",
                at!("8"),
                ")"
            ))
            .bind(learner.0)
            .bind(id)
            .bind(&a.topic)
            .bind(&a.title)
            .bind(a.status.as_str())
            .bind(a.started_at.map(ms))
            .bind(a.done_at.map(ms))
            .bind(ms(a.archived_at))
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        }
        report.roadmaps += 1;
        report.progress += r.progress.len();
        report.notes += r.notes.len();
        report.archived += r.archived.len();
    }
    for e in &backup.log {
        let roadmap = e.roadmap.as_deref().and_then(|name| ids.get(name).copied());
        let minutes = i32::try_from(e.minutes).map_err(|err| StoreError::Invalid(err.to_string()))?;
        sqlx::query(concat!(
            "INSERT INTO log_entries (learner_id, roadmap_id, node_id, minutes, note, day, created_at)
             VALUES ($1, $2, $3, $4, $5, $6::date, ",
            at!("7"),
            ")"
        ))
        .bind(learner.0)
        .bind(roadmap)
        .bind(e.topic.as_deref())
        .bind(minutes)
        .bind(e.note.as_deref())
        .bind(e.date.to_string())
        .bind(ms(e.created_at))
        .execute(&mut *c)
        .await
        .map_err(db_error)?;
        report.log += 1;
    }
    let active = backup.active.as_deref().map(|name| (ACTIVE_ROADMAP, name));
    for (key, value) in backup.settings.iter().map(|(k, v)| (k.as_str(), v.as_str())).chain(active) {
        sqlx::query("INSERT INTO settings (learner_id, key, value) VALUES ($1, $2, $3)")
            .bind(learner.0)
            .bind(key)
            .bind(value)
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        report.settings += 1;
    }
    for card in &backup.review_cards {
        let sql = concat!(
            "INSERT INTO review_cards (learner_id, card_id, stability, difficulty, due, last_review, reps, lapses) ",
            "VALUES ($1, $2, $3, $4, ",
            at!(5),
            ", ",
            at!(6),
            ", $7, $8)"
        );
        sqlx::query(sql)
            .bind(learner.0)
            .bind(&card.card)
            .bind(card.stability)
            .bind(card.difficulty)
            .bind(ms(card.due))
            .bind(ms(card.last_review))
            .bind(count(card.reps)?)
            .bind(count(card.lapses)?)
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        report.review_cards += 1;
    }
    for r in &backup.review_log {
        let sql = concat!(
            "INSERT INTO review_log (learner_id, card_id, rating, source, reviewed_at, elapsed_days, ",
            "scheduled_days, stability, difficulty) VALUES ($1, $2, $3, $4, ",
            at!(5),
            ", $6, $7, $8, $9)"
        );
        sqlx::query(sql)
            .bind(learner.0)
            .bind(&r.card)
            .bind(r.rating.as_str())
            .bind(r.source.as_str())
            .bind(ms(r.reviewed_at))
            .bind(r.elapsed_days)
            .bind(r.scheduled_days)
            .bind(r.stability)
            .bind(r.difficulty)
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        report.review_log += 1;
    }
    for e in &backup.exercises {
        let sql = concat!(
            "INSERT INTO exercise_results (learner_id, exercise_id, passed, tests_passed, tests_total, ",
            "hints_used, revealed, checked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, ",
            at!(8),
            ")"
        );
        sqlx::query(sql)
            .bind(learner.0)
            .bind(&e.exercise)
            .bind(e.passed)
            .bind(count(e.tests_passed)?)
            .bind(count(e.tests_total)?)
            .bind(count(e.hints_used)?)
            .bind(e.revealed)
            .bind(ms(e.checked_at))
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
        report.exercises += 1;
    }
    Ok(report)
}
