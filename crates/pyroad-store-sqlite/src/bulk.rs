//! Statuses of many nodes in one transaction.

use std::collections::HashSet;

use pyroad_store::{LearnerId, Result, RoadmapId, Status, StoreError};
use sqlx::SqliteConnection;

use crate::store::UPSERT_PROGRESS;
use crate::{db_error, now_ms};

/// Every topic is checked before any row is written (one read of the
/// roadmap's node ids, not one query per topic); an unknown one fails the
/// caller's transaction.
pub(crate) async fn set_statuses(
    c: &mut SqliteConnection,
    learner: LearnerId,
    roadmap: RoadmapId,
    topics: &[String],
    status: Status,
) -> Result<()> {
    let now = now_ms();
    let ids: Vec<(String,)> = sqlx::query_as(
        "SELECT n.id FROM roadmaps r JOIN nodes n ON n.roadmap_id = r.id WHERE r.id = ? AND r.learner_id = ?",
    )
    .bind(roadmap.0)
    .bind(learner.0)
    .fetch_all(&mut *c)
    .await
    .map_err(db_error)?;
    let ids: HashSet<&str> = ids.iter().map(|(id,)| id.as_str()).collect();
    if let Some(unknown) = topics.iter().find(|t| !ids.contains(t.as_str())) {
        return Err(StoreError::not_found("topic", unknown.as_str()));
    }
    for topic in topics {
        sqlx::query(UPSERT_PROGRESS)
            .bind(learner.0)
            .bind(roadmap.0)
            .bind(topic)
            .bind(status.as_str())
            .bind(now)
            .execute(&mut *c)
            .await
            .map_err(db_error)?;
    }
    Ok(())
}
