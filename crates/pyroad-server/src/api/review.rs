//! `/api/v1/review`: the due queue and rating an item (the Review page's
//! data and action).

use axum::Json;
use axum::extract::State;
use pyroad_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiResult};
use crate::learner::Learner;
use crate::reviews::{self, DueCard};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewQueue {
    #[schema(value_type = String, format = DateTime)]
    pub now: jiff::Timestamp,
    /// Due items in all (`cards` holds them all, in the order to review).
    pub due: usize,
    pub cards: Vec<DueCard>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RateCard {
    /// The item id from the queue (`lists#2`).
    pub card: String,
    /// again, hard, good or easy (or 1-4).
    pub rating: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CardRow {
    pub card: String,
    #[schema(value_type = String, format = DateTime)]
    pub due: jiff::Timestamp,
    pub stability: f64,
    pub difficulty: f64,
    pub reps: u32,
    pub lapses: u32,
}

#[utoipa::path(get, path = "/api/v1/review", responses((status = 200, body = ReviewQueue)))]
pub async fn queue<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> ApiResult<ReviewQueue> {
    let cards = reviews::due(&state, me).await?;
    Ok(Json(ReviewQueue { now: state.clock.now().timestamp(), due: cards.len(), cards }))
}

/// Rates one item now and schedules it (FSRS), logged with source `review`.
#[utoipa::path(post, path = "/api/v1/review", request_body = RateCard,
    responses((status = 200, description = "its new memory state", body = CardRow),
        (status = 404, description = "no such card", body = crate::error::ErrorBody),
        (status = 422, description = "not a rating", body = crate::error::ErrorBody)))]
pub async fn rate<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiJson(body): ApiJson<RateCard>,
) -> ApiResult<CardRow> {
    let s = reviews::rate(&state, me, &body.card, &body.rating).await?;
    Ok(Json(CardRow {
        card: s.card,
        due: s.due,
        stability: s.stability,
        difficulty: s.difficulty,
        reps: s.reps,
        lapses: s.lapses,
    }))
}
