//! Statements the store methods share.

use pyroad_store::{LearnerId, NodeRow, Result, RoadmapId, StoreError};
use sqlx::PgConnection;

use crate::db_error;
use crate::store::{ProgressRow, ROADMAP_COLUMNS, RoadmapRow};

pub(crate) async fn roadmap_by_name(
    c: &mut PgConnection,
    learner: LearnerId,
    name: &str,
    lock: bool,
) -> Result<RoadmapRow> {
    let sql = format!(
        "SELECT {ROADMAP_COLUMNS} FROM roadmaps r WHERE r.learner_id = $1 AND r.name = $2{}",
        if lock { " FOR UPDATE" } else { "" }
    );
    sqlx::query_as(&sql)
        .bind(learner.0)
        .bind(name)
        .fetch_optional(c)
        .await
        .map_err(db_error)?
        .ok_or_else(|| StoreError::not_found("roadmap", name))
}

pub(crate) async fn check_node(
    c: &mut PgConnection,
    learner: LearnerId,
    roadmap: RoadmapId,
    topic: &str,
) -> Result<()> {
    let found: Option<(i32,)> = sqlx::query_as(
        "SELECT 1 FROM roadmaps r JOIN nodes n ON n.roadmap_id = r.id
         WHERE r.id = $1 AND r.learner_id = $2 AND n.id = $3 FOR SHARE OF n",
    )
    .bind(roadmap.0)
    .bind(learner.0)
    .bind(topic)
    .fetch_optional(c)
    .await
    .map_err(db_error)?;
    found.map(|_| ()).ok_or_else(|| StoreError::not_found("topic", topic))
}

pub(crate) async fn insert_nodes(c: &mut PgConnection, roadmap: i64, rows: &[&NodeRow]) -> Result<()> {
    for r in rows {
        sqlx::query("INSERT INTO nodes (roadmap_id, id, kind, title, position) VALUES ($1, $2, $3, $4, $5)")
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

/// Moves the archived progress of `archived` onto node `into`, replacing
/// whatever progress `into` had; NotFound when nothing is archived.
pub(crate) async fn restore_row(
    c: &mut PgConnection,
    learner: LearnerId,
    roadmap: i64,
    archived: &str,
    into: &str,
) -> Result<ProgressRow> {
    let taken: Option<(String,)> = sqlx::query_as(
        "WITH gone AS (
             DELETE FROM progress_archive WHERE learner_id = $1 AND roadmap_id = $2 AND node_id = $3
             RETURNING status, started_at, done_at)
         INSERT INTO progress (learner_id, roadmap_id, node_id, status, started_at, done_at, updated_at)
         SELECT $1, $2, $4, status, started_at, done_at, now() FROM gone
         ON CONFLICT (learner_id, roadmap_id, node_id) DO UPDATE SET
           status = excluded.status, started_at = excluded.started_at,
           done_at = excluded.done_at, updated_at = excluded.updated_at
         RETURNING node_id",
    )
    .bind(learner.0)
    .bind(roadmap)
    .bind(archived)
    .bind(into)
    .fetch_optional(&mut *c)
    .await
    .map_err(db_error)?;
    if taken.is_none() {
        return Err(StoreError::not_found("archived topic", archived));
    }
    sqlx::query_as(concat!(
        "SELECT node_id, status, ",
        ms!("started_at"),
        ", ",
        ms!("done_at"),
        ", ",
        ms!("updated_at"),
        " FROM progress WHERE learner_id = $1 AND roadmap_id = $2 AND node_id = $3"
    ))
    .bind(learner.0)
    .bind(roadmap)
    .bind(into)
    .fetch_one(&mut *c)
    .await
    .map_err(db_error)
}
