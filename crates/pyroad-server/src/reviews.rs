//! Spaced repetition on the web, the same rules as `pyroad review`
//! (`crates/pyroad/src/commands/review.rs`): the queue holds the reviewed
//! items that are due and the new cards of the curriculum topics the active
//! roadmap's done nodes studied (`pyroad_content::deck`); a rating is
//! scheduled with FSRS (`pyroad_content::review`) and stored with its log
//! line in one `record_review`. The studied topics are cached in the CLI's
//! own setting (`review_topics/<roadmap id>`, same shape and stamp), so the
//! terminal and the browser share one cache.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use jiff::Timestamp;
use pyroad_content::deck;
use pyroad_content::review::{Scheduler, parse_rating};
use pyroad_progress::Tracker;
use pyroad_store::{
    CardState, LearnerId, NewReview, Progress, ReviewRating, ReviewSource, Status, Store, StoredRoadmap,
};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::state::AppState;

/// A studied curriculum topic, as the CLI caches it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Studied {
    id: String,
    title: String,
    cards: usize,
}

#[derive(Debug, Serialize, Deserialize)]
struct StudiedCache {
    stamp: String,
    topics: Vec<Studied>,
}

/// The CLI's stamp: the version (its curriculum), the roadmap's version and
/// every progress row's status.
fn stamp(stored: &StoredRoadmap, progress: &[Progress]) -> String {
    let mut rows: Vec<(&str, &str)> = progress.iter().map(|p| (p.topic.as_str(), p.status.as_str())).collect();
    rows.sort_unstable();
    let mut hasher = std::hash::DefaultHasher::new();
    rows.hash(&mut hasher);
    format!("{}|{}|{:016x}", env!("CARGO_PKG_VERSION"), stored.updated_at, hasher.finish())
}

async fn studied<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    stored: &StoredRoadmap,
    progress: &[Progress],
) -> Result<Vec<Studied>, ApiError> {
    if !progress.iter().any(|p| p.status == Status::Done) {
        return Ok(Vec::new());
    }
    let key = format!("review_topics/{}", stored.id.0);
    let stamp = stamp(stored, progress);
    if let Some(text) = state.store.setting(me, &key).await?
        && let Ok(cache) = serde_json::from_str::<StudiedCache>(&text)
        && cache.stamp == stamp
    {
        return Ok(cache.topics);
    }
    let tracker = Tracker::new(&stored.roadmap, progress);
    let topics: Vec<Studied> =
        deck::studied_topics(&state.curriculum, &stored.roadmap, |id| tracker.status(id) == Status::Done)
            .into_iter()
            .map(|t| Studied { id: t.id.clone(), title: t.title.clone(), cards: t.cards.len() })
            .collect();
    let cache = StudiedCache { stamp, topics };
    let text = serde_json::to_string(&cache).map_err(|e| ApiError::Internal(format!("the review cache: {e}")))?;
    state.store.set_setting(me, &key, Some(&text)).await?;
    Ok(cache.topics)
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
        Some((stored, progress)) => studied(state, me, stored, progress).await?,
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
