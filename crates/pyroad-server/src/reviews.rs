//! Spaced repetition on the web, the same rules as `pyroad review`
//! (`crates/pyroad/src/commands/review.rs`): the queue holds the reviewed
//! items that are due and the new cards of the curriculum topics the active
//! roadmap's done nodes studied (`pyroad_content::deck`); a rating is
//! scheduled with FSRS (`pyroad_content::review`) and stored with its log
//! line in one `record_review`. Which topics each node studied is kept in
//! memory per roadmap version (`StudiedIndex`); the CLI keeps its own cache
//! in a setting, since each command is a new process.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jiff::Timestamp;
use pyroad_content::deck;
use pyroad_content::review::{Scheduler, parse_rating};
use pyroad_progress::Tracker;
use pyroad_store::{
    CardState, LearnerId, NewReview, Progress, ReviewRating, ReviewSource, Status, Store, StoredRoadmap,
};
use serde::Serialize;

use crate::error::ApiError;
use crate::memo::RoadmapMemo;
use crate::state::AppState;

/// A studied curriculum topic.
#[derive(Debug, Clone)]
struct Studied {
    id: String,
    cards: usize,
}

/// Curriculum topic ids per node id, by `deck::node_topics` (the CLI's
/// rule), for every node of a roadmap version: which topics a done node
/// studied is then a lookup, so a mark does not cost a coverage pass.
pub type StudiedIndex = RoadmapMemo<HashMap<String, Vec<String>>>;

/// The curriculum topics the done nodes of the active roadmap stand for, in
/// the curriculum's order (the same answer as `deck::studied_topics`).
async fn studied<S: Store>(
    state: &AppState<S>,
    stored: &StoredRoadmap,
    progress: &[Progress],
) -> Result<Vec<Studied>, ApiError> {
    if !progress.iter().any(|p| p.status == Status::Done) {
        return Ok(Vec::new());
    }
    let curriculum = Arc::clone(&state.curriculum);
    let roadmap = stored.roadmap.clone();
    let index = state
        .studied_index
        .get_or_compute(stored, move || {
            deck::node_topics(&curriculum, &roadmap, |_| true)
                .into_iter()
                .map(|(node, topics)| (node.id.clone(), topics.into_iter().map(|t| t.id.clone()).collect()))
                .collect()
        })
        .await?;
    let tracker = Tracker::new(&stored.roadmap, progress);
    let found: HashSet<&str> = index
        .iter()
        .filter(|(node, _)| tracker.status(node) == Status::Done)
        .flat_map(|(_, topics)| topics.iter().map(String::as_str))
        .collect();
    Ok(state
        .curriculum
        .topics
        .iter()
        .filter(|t| found.contains(t.id.as_str()))
        .map(|t| Studied { id: t.id.clone(), cards: t.cards.len() })
        .collect())
}

/// An item due now.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DueCard {
    /// `lists#2` (a card) or `lists#q1` (a predict-the-output question).
    pub id: String,
    /// Its curriculum topic's id and title.
    pub topic: String,
    pub topic_title: String,
    /// Never reviewed yet.
    pub new: bool,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub due: Option<Timestamp>,
    pub front: String,
    pub back: String,
}

/// The queue now: reviewed items that are due (oldest first), then new cards.
pub async fn due<S: Store>(state: &AppState<S>, me: LearnerId) -> Result<Vec<DueCard>, ApiError> {
    match state.store.active_roadmap(me).await? {
        Some(stored) => {
            let progress = state.store.progress(me, stored.id).await?;
            due_for(state, me, Some((&stored, &progress))).await
        }
        None => due_for(state, me, None).await,
    }
}

/// [`due`] for a caller that has the active roadmap and its progress.
pub async fn due_for<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    active: Option<(&StoredRoadmap, &[Progress])>,
) -> Result<Vec<DueCard>, ApiError> {
    let now = state.clock.now().timestamp();
    let states = state.store.card_states(me).await?;
    let studied = match active {
        Some((stored, progress)) => studied(state, stored, progress).await?,
        None => Vec::new(),
    };
    let seen: HashSet<&str> = states.iter().map(|s| s.card.as_str()).collect();
    let mut ids: Vec<(String, bool, Option<Timestamp>)> =
        states.iter().filter(|s| s.due <= now).map(|s| (s.card.clone(), false, Some(s.due))).collect();
    ids.sort_by_key(|(_, _, due)| *due);
    for topic in &studied {
        for id in (1..=topic.cards).map(|n| deck::card_id(&topic.id, n)) {
            if !seen.contains(id.as_str()) {
                ids.push((id, true, None));
            }
        }
    }
    // Items the curriculum no longer has cannot be shown.
    Ok(ids
        .into_iter()
        .filter_map(|(id, new, due)| {
            let item = deck::lookup(&state.curriculum, &id)?;
            Some(DueCard {
                topic: item.topic.id.clone(),
                topic_title: item.topic.title.clone(),
                front: item.front(),
                back: item.back(),
                id,
                new,
                due,
            })
        })
        .collect())
}

/// Rates one item now (source `review`), as `pyroad review rate` does.
pub async fn rate<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    card: &str,
    rating: &str,
) -> Result<CardState, ApiError> {
    let item =
        deck::lookup(&state.curriculum, card).ok_or_else(|| ApiError::NotFound(format!("no review card {card:?}")))?;
    let rating = parse_rating(rating)
        .ok_or_else(|| ApiError::Invalid(format!("{rating:?} is not a rating: give again, hard, good or easy")))?;
    let now = state.clock.now().timestamp();
    let review = next_review(state, me, &item.id, rating, ReviewSource::Review, now).await?;
    let saved = state.store.record_review(me, &review).await?;
    state.invalidate(me);
    Ok(saved)
}

/// Schedules `item` after `rating` at `now` from its stored state: the
/// review to store (the CLI's `next_review`, over the same scheduler).
pub async fn next_review<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    item: &str,
    rating: ReviewRating,
    source: ReviewSource,
    now: Timestamp,
) -> Result<NewReview, ApiError> {
    let states = state.store.card_states(me).await?;
    let current = states.iter().find(|s| s.card == item);
    let scheduler = Scheduler::new().map_err(|e| ApiError::Internal(e.to_string()))?;
    scheduler.next_review(current, item, rating, source, now).map_err(|e| ApiError::Internal(e.to_string()))
}

/// "in 2.3 days" / "in 10 minutes".
pub fn when(due: Timestamp, now: Timestamp) -> String {
    #[allow(clippy::cast_precision_loss)] // seconds of a century at most
    let days = (due.as_second() - now.as_second()) as f64 / 86_400.0;
    if days < 1.0 { format!("in {:.0} minutes", days * 1440.0) } else { format!("in {days:.1} days") }
}
