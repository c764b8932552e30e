//! Verified topics for the CLI's learner: the rules are
//! `pyroad_content::verified` (shared with the web map); this loads what
//! they need (the built-in exercises by topic, the passed ones).

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use anyhow::{Context, Result};
use pyroad_check::exercise::{self, Exercise};
use pyroad_content::Curriculum;
use pyroad_model::Roadmap;
use pyroad_store::{Store, StoredRoadmap};
use serde::{Deserialize, Serialize};

use super::store::ME;
use super::topics::trackable;

/// Curriculum topic id -> ids of the exercises that practise it.
pub fn exercises_by_topic(exercises: &[Exercise]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ex in exercises {
        for topic in &ex.topics {
            map.entry(topic.clone()).or_default().push(ex.id.clone());
        }
    }
    map
}

pub use pyroad_content::verified::verified_topics;

/// Ids of the roadmap's trackable nodes that are verified.
pub fn verified_nodes(
    roadmap: &Roadmap,
    curriculum: &Curriculum,
    by_topic: &BTreeMap<String, Vec<String>>,
    verified: &BTreeSet<String>,
) -> BTreeSet<String> {
    let nodes = pyroad_content::verified::node_topics(roadmap, curriculum, trackable);
    pyroad_content::verified::verified_nodes(&nodes, by_topic, verified)
}

/// The cached verified nodes of a roadmap, valid while `stamp` matches.
#[derive(Debug, Serialize, Deserialize)]
struct VerifiedCache {
    stamp: String,
    nodes: BTreeSet<String>,
}

/// What the verified nodes depend on: this binary (its curriculum and
/// exercises), the roadmap's version and the passed exercises.
fn stamp(stored: &StoredRoadmap, passed: &BTreeSet<String>) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    passed.hash(&mut hasher);
    format!("{}|{}|{:016x}", env!("CARGO_PKG_VERSION"), stored.updated_at, hasher.finish())
}

/// The verified nodes of a stored roadmap for the CLI's learner. Costs one
/// query when nothing has been passed yet. Otherwise matching needs the
/// exercises and the parsed curriculum (tens of milliseconds), so the
/// answer is kept in a setting until the roadmap or the passes change.
pub async fn load<S: Store>(store: &S, stored: &StoredRoadmap) -> Result<BTreeSet<String>> {
    let passed: BTreeSet<String> = store.passed_exercises(ME).await?.into_iter().collect();
    if passed.is_empty() {
        return Ok(BTreeSet::new());
    }
    let key = format!("verified_nodes/{}", stored.id.0);
    let stamp = stamp(stored, &passed);
    if let Some(text) = store.setting(ME, &key).await?
        && let Ok(cache) = serde_json::from_str::<VerifiedCache>(&text)
        && cache.stamp == stamp
    {
        return Ok(cache.nodes);
    }
    let by_topic = exercises_by_topic(&exercise::all_embedded()?);
    let verified = verified_topics(&by_topic, &passed);
    let nodes = if verified.is_empty() {
        BTreeSet::new()
    } else {
        let curriculum = Curriculum::builtin().context("the built-in curriculum is broken")?;
        verified_nodes(&stored.roadmap, &curriculum, &by_topic, &verified)
    };
    let cache = VerifiedCache { stamp, nodes };
    let text = serde_json::to_string(&cache).context("cannot encode the verified cache")?;
    store.set_setting(ME, &key, Some(&text)).await?;
    Ok(cache.nodes)
}

#[cfg(test)]
mod tests {
    use pyroad_model::{Node, NodeKind};

    use super::*;

    fn topic(id: &str, title: &str) -> Node {
        let mut n = Node::new(NodeKind::Topic, title, 1);
        n.id = id.into();
        n
    }

    fn roadmap() -> Roadmap {
        let mut r = Roadmap::new("Mine");
        let mut basics = Node::new(NodeKind::Section, "Basics", 1);
        basics.id = "basics".into();
        basics.children.push(topic("modules", "Modules and Imports"));
        basics.children.push(topic("if-else", "Conditionals"));
        basics.children.push(topic("zen", "The Zen of Python"));
        r.children.push(basics);
        r
    }

    fn setup() -> (Curriculum, BTreeMap<String, Vec<String>>) {
        let curriculum = Curriculum::builtin().unwrap_or_else(|e| panic!("curriculum: {e}"));
        let all = exercise::all_embedded().unwrap_or_else(|e| panic!("exercises: {e}"));
        (curriculum, exercises_by_topic(&all))
    }

    #[test]
    fn a_topic_is_verified_only_when_every_one_of_its_exercises_passed() {
        let (curriculum, by_topic) = setup();
        let conditions = by_topic.get("booleans-and-conditions").cloned().unwrap_or_default();
        assert!(conditions.len() >= 2, "the test needs a topic with several exercises: {conditions:?}");
        let mut passed: BTreeSet<String> = conditions.iter().skip(1).cloned().collect();
        passed.insert("module-main-guard".into());
        let verified = verified_topics(&by_topic, &passed);
        assert!(verified.contains("modules"), "{verified:?}");
        assert!(!verified.contains("booleans-and-conditions"), "one exercise is still missing");
        let nodes = verified_nodes(&roadmap(), &curriculum, &by_topic, &verified);
        assert_eq!(nodes.into_iter().collect::<Vec<_>>(), ["modules"]);

        passed.insert(conditions[0].clone());
        let verified = verified_topics(&by_topic, &passed);
        let nodes = verified_nodes(&roadmap(), &curriculum, &by_topic, &verified);
        // "Conditionals" reaches booleans-and-conditions through an alias;
        // the section and the topic without exercises never count.
        assert_eq!(nodes.into_iter().collect::<Vec<_>>(), ["if-else", "modules"]);
    }

    #[test]
    fn nothing_passed_verifies_nothing() {
        let (curriculum, by_topic) = setup();
        let verified = verified_topics(&by_topic, &BTreeSet::new());
        assert!(verified.is_empty());
        assert!(verified_nodes(&roadmap(), &curriculum, &by_topic, &verified).is_empty());
    }
}
