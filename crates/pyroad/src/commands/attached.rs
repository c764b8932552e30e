//! Built-in material on the nodes of any roadmap (issue 7): a node of an
//! imported roadmap gets the lessons, exercises and review cards of the
//! curriculum topics it stands for (`pyroad_content::deck::node_topics`,
//! the same matching that puts a done node's cards in the review queue),
//! so `learn`, `practice` and `show` work on it. Computed on demand, never
//! stored: matching one node is a few milliseconds, a whole seed well
//! under a second (docs/benchmarks.md), and a stored match would go stale
//! whenever the curriculum grows.

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use pyroad_check::exercise;
use pyroad_content::{Curriculum, Topic, deck};
use pyroad_model::Roadmap;
use pyroad_store::{Store, StoredRoadmap};
use serde::Serialize;

use super::store::{ME, Opened, open};
use super::topics::resolve;
use super::verified::exercises_by_topic;
use crate::cli::StoreArgs;

/// What one curriculum topic brings to a node.
#[derive(Debug, Serialize)]
pub struct Material {
    pub id: String,
    pub title: String,
    pub cards: usize,
    pub questions: usize,
    /// Ids of the built-in exercises that practise it.
    pub exercises: Vec<String>,
}

/// The material of `topics`.
pub fn material(topics: &[&Topic]) -> Result<Vec<Material>> {
    let by_topic = exercises_by_topic(&exercise::all_embedded()?);
    Ok(topics
        .iter()
        .map(|t| Material {
            id: t.id.clone(),
            title: t.title.clone(),
            cards: t.cards.len(),
            questions: t.questions.len(),
            exercises: by_topic.get(&t.id).cloned().unwrap_or_default(),
        })
        .collect())
}

/// The active roadmap, if any, read in its own short store session.
fn active_roadmap(args: &StoreArgs) -> Result<Option<StoredRoadmap>> {
    if !super::store::may_exist(args)? {
        return Ok(None);
    }
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().context("cannot start the async runtime")?;
    runtime.block_on(async {
        match open(args).await? {
            Opened::Sqlite(store) => {
                let found = store.active_roadmap(ME).await;
                store.close().await;
                Ok(found?)
            }
            Opened::Postgres(store) => {
                let found = store.active_roadmap(ME).await;
                store.close().await;
                Ok(found?)
            }
        }
    })
}

/// For a `key` that names no curriculum topic: the active roadmap's node
/// it names (id, title, prefix or words, as `show` finds it) with the
/// curriculum topics that node stands for. `None` without an active
/// roadmap; an error when no node or several match.
pub fn node_topics<'c>(
    args: &StoreArgs,
    curriculum: &'c Curriculum,
    key: &str,
) -> Result<Option<(String, Vec<&'c Topic>)>> {
    let Some(stored) = active_roadmap(args)? else { return Ok(None) };
    let node = resolve(&stored.roadmap, key)?;
    let topics = deck::topics_of_node(curriculum, &stored.roadmap, &node.id);
    Ok(Some((node.title.clone(), topics)))
}

/// How much of a roadmap the curriculum teaches, for `roadmap add`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attachment {
    /// Learnable items (sections, topics, subtopics, checklist items).
    pub items: usize,
    /// Items with a built-in lesson and review cards (every topic has both).
    pub taught: usize,
    /// Items with at least one built-in exercise.
    pub practised: usize,
}

pub fn attachment(curriculum: &Curriculum, roadmap: &Roadmap) -> Result<Attachment> {
    let with_exercises: BTreeSet<String> = exercises_by_topic(&exercise::all_embedded()?).into_keys().collect();
    let nodes = deck::node_topics(curriculum, roadmap, |_| true);
    let learnable: Vec<_> = nodes.iter().filter(|(n, _)| n.kind.is_learnable()).collect();
    Ok(Attachment {
        items: learnable.len(),
        taught: learnable.iter().filter(|(_, t)| !t.is_empty()).count(),
        practised: learnable.iter().filter(|(_, t)| t.iter().any(|t| with_exercises.contains(&t.id))).count(),
    })
}

/// "lessons and review cards for 980 of 1062 items, exercises for 410".
pub fn attachment_text(a: Attachment) -> String {
    format!(
        "built-in lessons and review cards for {} of {} items, exercises for {} (`pyroad show ITEM`, `pyroad learn ITEM`, `pyroad practice ITEM`)",
        a.taught, a.items, a.practised
    )
}
