//! The roadmap map's marks: *verified* (every built-in exercise of the
//! node's curriculum topics passed, `pyroad_content::verified`, the rules
//! `pyroad status` uses) and *retention* (the mean chance, by FSRS, of
//! recalling the reviewed items of those topics now).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use pyroad_content::deck;
use pyroad_content::review::{Memory, Scheduler};
use pyroad_content::verified;
use pyroad_store::{LearnerId, Store, StoredRoadmap};
use serde::Serialize;

use crate::error::ApiError;
use crate::memo::RoadmapMemo;
use crate::practice::blocking;
use crate::state::AppState;
use crate::views::trackable;

/// Curriculum topic ids per trackable node, by node id.
type NodeTopics = BTreeMap<String, Vec<String>>;

/// The map's node topics, kept per roadmap version.
pub type TopicIndex = RoadmapMemo<NodeTopics>;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mark {
    pub verified: bool,
    /// Percent, when some item of its topics was reviewed.
    pub retention: Option<u32>,
}

/// Marks by node id; nodes with neither are left out. Costs two queries and
/// nothing more while the learner has passed no exercise and reviewed
/// nothing (matching the roadmap to the curriculum takes a coverage pass).
pub async fn of_roadmap<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    stored: &StoredRoadmap,
) -> Result<BTreeMap<String, Mark>, ApiError> {
    let passed: BTreeSet<String> = state.store.passed_exercises(me).await?.into_iter().collect();
    let cards = state.store.card_states(me).await?;
    if passed.is_empty() && cards.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut by_topic: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ex in state.practice.all()? {
        for topic in &ex.topics {
            by_topic.entry(topic.clone()).or_default().push(ex.id.clone());
        }
    }
    let now = state.clock.now().timestamp().as_second();
    let curriculum = Arc::clone(&state.curriculum);
    let roadmap = stored.roadmap.clone();
    let nodes = state
        .topic_index
        .get_or_compute(stored, move || verified::node_topics(&roadmap, &curriculum, trackable))
        .await?;
    blocking(move || {
        let done = verified::verified_nodes(&nodes, &by_topic, &verified::verified_topics(&by_topic, &passed));
        let scheduler = Scheduler::new().map_err(|e| ApiError::Internal(e.to_string()))?;
        let mut marks = BTreeMap::new();
        for (node, topics) in nodes.iter() {
            let recall: Vec<f32> = cards
                .iter()
                .filter(|c| topics.iter().any(|t| t == deck::topic_of(&c.card)))
                .map(|c| scheduler.retrievability(&Memory::of(c), now))
                .collect();
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let retention = (!recall.is_empty())
                .then(|| (recall.iter().sum::<f32>() / recall.len() as f32 * 100.0).round().clamp(0.0, 100.0) as u32);
            let verified = done.contains(node);
            if verified || retention.is_some() {
                marks.insert(node.clone(), Mark { verified, retention });
            }
        }
        Ok(marks)
    })
    .await
}
