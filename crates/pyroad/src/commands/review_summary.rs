//! What is due and how well it is remembered (issue 7), for `review`,
//! `status`, `next` and `show`.
//!
//! A curriculum topic is *studied* when a done node of the roadmap stands
//! for it (`pyroad_content::deck::studied_topics`) or when the learner has
//! passed one of the exercises filed under it: its cards then enter the
//! queue as new cards. A topic with reviewed items (a quiz answer, an
//! exercise check) but not studied shows its retention without adding new
//! cards. Reviewed items of any kind come back when due.

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

use anyhow::{Context, Result};
use jiff::Timestamp;
use pyroad_content::deck;
use pyroad_content::review::{Memory, Scheduler};
use pyroad_content::{Curriculum, Topic};
use pyroad_store::{CardState, Progress, Status, Store, StoredRoadmap};
use serde::{Deserialize, Serialize};

use super::content::curriculum;
use super::store::ME;
use super::topics::Tracker;

/// A review item that is due now.
#[derive(Debug, Serialize)]
pub struct Due {
    pub id: String,
    pub topic: String,
    /// Never reviewed yet.
    pub new: bool,
    /// When it fell due (`None` for a new card).
    pub due: Option<Timestamp>,
}

/// Retention of one curriculum topic the roadmap studied.
#[derive(Debug, Serialize)]
pub struct TopicRetention {
    pub id: String,
    pub title: String,
    pub cards: usize,
    /// Items of the topic (cards, questions, exercises) reviewed at least once.
    pub reviewed: usize,
    pub due: usize,
    /// Mean current recall probability of the reviewed items (0-1).
    pub retention: Option<f32>,
}

/// What `status`, `next` and `show` say about reviews.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Due items, reviewed ones (oldest due first) before new cards.
    pub due: Vec<Due>,
    pub topics: Vec<TopicRetention>,
}

impl Summary {
    /// Mean retention over the studied topics that have one.
    pub fn retention(&self) -> Option<f32> {
        let known: Vec<f32> = self.topics.iter().filter_map(|t| t.retention).collect();
        #[allow(clippy::cast_precision_loss)] // a handful of topics
        (!known.is_empty()).then(|| known.iter().sum::<f32>() / known.len() as f32)
    }
}

pub fn scheduler() -> Result<Scheduler> {
    Scheduler::new().context("cannot set up the FSRS scheduler")
}

/// A curriculum topic with reviews: all `summarise` needs of it, small
/// enough to cache in a setting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Studied {
    pub id: String,
    pub title: String,
    pub cards: usize,
    /// Its cards enter the queue as new cards: a done node stands for it,
    /// or an exercise filed under it was passed.
    pub new_cards: bool,
}

impl Studied {
    fn of(topic: &Topic, new_cards: bool) -> Studied {
        Studied { id: topic.id.clone(), title: topic.title.clone(), cards: topic.cards.len(), new_cards }
    }
}

/// Due items and per-topic retention for `studied` topics at `now`.
pub fn summarise(studied: &[Studied], states: &[CardState], now: Timestamp) -> Result<Summary> {
    let scheduler = scheduler()?;
    let by_id: HashMap<&str, &CardState> = states.iter().map(|s| (s.card.as_str(), s)).collect();
    let mut due: Vec<Due> = states
        .iter()
        .filter(|s| s.due <= now)
        .map(|s| Due { id: s.card.clone(), topic: deck::topic_of(&s.card).to_string(), new: false, due: Some(s.due) })
        .collect();
    for topic in studied.iter().filter(|t| t.new_cards) {
        for id in (1..=topic.cards).map(|n| deck::card_id(&topic.id, n)) {
            if !by_id.contains_key(id.as_str()) {
                due.push(Due { id, topic: topic.id.clone(), new: true, due: None });
            }
        }
    }
    let topics = studied
        .iter()
        .map(|t| {
            let mine: Vec<&CardState> = states.iter().filter(|s| deck::topic_of(&s.card) == t.id).collect();
            let recall: Vec<f32> =
                mine.iter().map(|s| scheduler.retrievability(&Memory::of(s), now.as_second())).collect();
            #[allow(clippy::cast_precision_loss)] // a handful of cards
            let retention = (!recall.is_empty()).then(|| recall.iter().sum::<f32>() / recall.len() as f32);
            TopicRetention {
                id: t.id.clone(),
                title: t.title.clone(),
                cards: t.cards,
                reviewed: mine.len(),
                due: due.iter().filter(|d| d.topic == t.id).count(),
                retention,
            }
        })
        .collect();
    Ok(Summary { due, topics })
}

/// Topics with reviewed items, and (a subset) the home topics of the
/// passed exercises among them, both sorted.
struct Reviewed {
    topics: BTreeSet<String>,
    practised: BTreeSet<String>,
}

async fn reviewed<S: Store>(store: &S, states: &[CardState]) -> Result<Reviewed> {
    let topics = states.iter().map(|s| deck::topic_of(&s.card).to_string()).collect();
    let mut practised = BTreeSet::new();
    // Only a learner with exercise items pays for the query.
    if states.iter().any(|s| deck::exercise_of(&s.card).is_some()) {
        let passed: BTreeSet<String> = store.passed_exercises(ME).await?.into_iter().collect();
        practised = states
            .iter()
            .filter(|s| deck::exercise_of(&s.card).is_some_and(|e| passed.contains(e)))
            .map(|s| deck::topic_of(&s.card).to_string())
            .collect();
    }
    Ok(Reviewed { topics, practised })
}

/// The curriculum topics the roadmap's done nodes stand for.
fn done_topics(curriculum: &Curriculum, stored: &StoredRoadmap, progress: &[Progress]) -> BTreeSet<String> {
    let tracker = Tracker::new(&stored.roadmap, progress);
    deck::studied_topics(curriculum, &stored.roadmap, |id| tracker.status(id) == Status::Done)
        .into_iter()
        .map(|t| t.id.clone())
        .collect()
}

/// The topics with reviews, in curriculum order: done nodes' and passed
/// exercises' topics with their new cards, and reviewed-only ones.
fn studied(curriculum: &Curriculum, done: &BTreeSet<String>, reviewed: &Reviewed) -> Vec<Studied> {
    curriculum
        .topics
        .iter()
        .filter_map(|t| {
            let new_cards = done.contains(&t.id) || reviewed.practised.contains(&t.id);
            (new_cards || reviewed.topics.contains(&t.id)).then(|| Studied::of(t, new_cards))
        })
        .collect()
}

/// The cached studied topics of a roadmap, valid while `stamp` matches.
#[derive(Debug, Serialize, Deserialize)]
struct StudiedCache {
    stamp: String,
    topics: Vec<Studied>,
}

/// What the studied topics depend on: this binary (its curriculum), the
/// roadmap's version, every progress row's status and the reviewed topics.
fn stamp(stored: &StoredRoadmap, progress: &[Progress], reviewed: &Reviewed) -> String {
    let mut rows: Vec<(&str, &str)> = progress.iter().map(|p| (p.topic.as_str(), p.status.as_str())).collect();
    rows.sort_unstable();
    let mut hasher = std::hash::DefaultHasher::new();
    rows.hash(&mut hasher);
    reviewed.topics.hash(&mut hasher);
    reviewed.practised.hash(&mut hasher);
    format!("{}|{}|{:016x}", env!("CARGO_PKG_VERSION"), stored.updated_at, hasher.finish())
}

/// The studied topics of a roadmap. Parsing the curriculum and matching
/// done nodes costs tens of milliseconds, so the result is kept in a
/// setting and recomputed only when the roadmap, its progress or the set
/// of reviewed topics changed.
async fn studied_cached<S: Store>(
    store: &S,
    stored: &StoredRoadmap,
    progress: &[Progress],
    states: &[CardState],
) -> Result<Vec<Studied>> {
    let reviewed = reviewed(store, states).await?;
    let key = format!("review_topics/{}", stored.id.0);
    let stamp = stamp(stored, progress, &reviewed);
    if let Some(text) = store.setting(ME, &key).await?
        && let Ok(cache) = serde_json::from_str::<StudiedCache>(&text)
        && cache.stamp == stamp
    {
        return Ok(cache.topics);
    }
    let curriculum = curriculum()?;
    let done = done_topics(&curriculum, stored, progress);
    let cache = StudiedCache { stamp, topics: studied(&curriculum, &done, &reviewed) };
    let text = serde_json::to_string(&cache).context("cannot encode the review cache")?;
    store.set_setting(ME, &key, Some(&text)).await?;
    Ok(cache.topics)
}

/// The review summary of a roadmap (if any) at `now`, for `status`,
/// `next`, `show` and `review`.
pub async fn summary<S: Store>(
    store: &S,
    stored: Option<&StoredRoadmap>,
    progress: &[Progress],
    states: &[CardState],
    now: Timestamp,
) -> Result<Summary> {
    if !progress.iter().any(|p| p.status == Status::Done) && states.is_empty() {
        // Nothing to review: no need to load the curriculum.
        return Ok(Summary { due: Vec::new(), topics: Vec::new() });
    }
    let topics = match stored {
        Some(stored) => studied_cached(store, stored, progress, states).await?,
        None => {
            // No roadmap: only reviewed items and passed exercises count.
            let reviewed = reviewed(store, states).await?;
            studied(&curriculum()?, &BTreeSet::new(), &reviewed)
        }
    };
    summarise(&topics, states, now)
}

/// The review summary of a stored roadmap now, for `status` and `next`.
pub async fn of_roadmap<S: Store>(store: &S, stored: &StoredRoadmap, progress: &[Progress]) -> Result<Summary> {
    let states = store.card_states(ME).await?;
    summary(store, Some(stored), progress, &states, crate::clock::now()?.timestamp()).await
}

/// Retention of `topics`, the curriculum topics node `node` stands for,
/// for `show`.
pub async fn node_retention<S: Store>(
    store: &S,
    stored: &StoredRoadmap,
    node: &str,
    topics: &[&Topic],
) -> Result<Vec<TopicRetention>> {
    if topics.is_empty() {
        return Ok(Vec::new());
    }
    let states = store.card_states(ME).await?;
    let now = crate::clock::now()?.timestamp();
    // New cards are due only once their node is done.
    let progress = store.progress(ME, stored.id).await?;
    let done = Tracker::new(&stored.roadmap, &progress).status(node) == Status::Done;
    let topics: Vec<Studied> = topics.iter().map(|t| Studied::of(t, done)).collect();
    Ok(summarise(&topics, &states, now)?.topics)
}

/// "87%", or "new" when nothing of it was reviewed yet.
pub fn percent(retention: Option<f32>) -> String {
    retention.map_or_else(|| "new".to_string(), |r| format!("{:.0}%", r * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(card: &str, due: i64) -> CardState {
        let at = |s: i64| Timestamp::from_second(1_796_115_600 + s).unwrap_or_else(|e| panic!("{s}: {e}"));
        CardState {
            card: card.into(),
            stability: 2.3,
            difficulty: 5.0,
            due: at(due),
            last_review: at(0),
            reps: 1,
            lapses: 0,
        }
    }

    fn studied(id: &str, new_cards: bool) -> Studied {
        Studied { id: id.into(), title: id.into(), cards: 2, new_cards }
    }

    #[test]
    fn exercise_items_are_due_like_cards_and_only_studied_topics_add_new_cards() -> Result<()> {
        let states = [state("modules#x-module-main-guard", 10), state("lists#q1", 99_999)];
        let now = states[0].due;
        let summary = summarise(&[studied("modules", true), studied("lists", false)], &states, now)?;
        let due: Vec<(&str, bool)> = summary.due.iter().map(|d| (d.id.as_str(), d.new)).collect();
        assert_eq!(due, [("modules#x-module-main-guard", false), ("modules#1", true), ("modules#2", true)]);
        let reviewed: Vec<(&str, usize, usize)> =
            summary.topics.iter().map(|t| (t.id.as_str(), t.reviewed, t.due)).collect();
        assert_eq!(reviewed, [("modules", 1, 3), ("lists", 1, 0)], "a quizzed topic shows retention, no new cards");
        assert!(summary.topics.iter().all(|t| t.retention.is_some()));
        Ok(())
    }
}
