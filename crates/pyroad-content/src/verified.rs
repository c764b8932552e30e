//! Verified topics, shared by the CLI (`status`, `next`) and the web map: a
//! curriculum topic is verified when the learner has passed every built-in
//! exercise that practises it. A roadmap node stands for the curriculum
//! topics it is (same id, title or alias) or, failing that, those the
//! coverage matcher maps it to; it is verified when every one of those
//! topics that has exercises is verified. Nodes whose topics have no
//! exercises are never verified: there was nothing to prove.

use std::collections::{BTreeMap, BTreeSet};

use pyroad_model::{Node, Roadmap};

use crate::Curriculum;
use crate::coverage::Matcher;

/// The curriculum topics whose exercises (`by_topic`: topic id -> exercise
/// ids) have all been passed.
pub fn verified_topics(by_topic: &BTreeMap<String, Vec<String>>, passed: &BTreeSet<String>) -> BTreeSet<String> {
    by_topic
        .iter()
        .filter(|(_, exercises)| exercises.iter().all(|e| passed.contains(e)))
        .map(|(topic, _)| topic.clone())
        .collect()
}

/// Learnable nodes in the order the coverage report lists them (pre-order,
/// skipping non-learnable subtrees, as `Matcher::coverage` walks).
fn learnable_in_order<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for node in nodes.iter().filter(|n| n.kind.is_learnable()) {
        out.push(node);
        learnable_in_order(&node.children, out);
    }
}

/// The curriculum topic ids each node for which `keep` holds stands for,
/// by node id (one coverage pass over the roadmap).
pub fn node_topics(
    roadmap: &Roadmap,
    curriculum: &Curriculum,
    keep: impl Fn(&Node) -> bool,
) -> BTreeMap<String, Vec<String>> {
    let mut nodes = Vec::new();
    learnable_in_order(&roadmap.children, &mut nodes);
    let report = Matcher::new(curriculum).coverage(roadmap);
    let mut out = BTreeMap::new();
    for (node, item) in nodes.iter().zip(&report.items) {
        if !keep(node) || item.title != node.title {
            continue;
        }
        let direct = curriculum.find(&node.id).filter(|t| t.id == node.id).or_else(|| curriculum.find(&node.title));
        let topics = match direct {
            Some(t) => vec![t.id.clone()],
            None => item.topics.iter().map(|t| t.id.clone()).collect(),
        };
        out.insert(node.id.clone(), topics);
    }
    out
}

/// Ids of the nodes (of those `node_topics` gives) that are verified.
pub fn verified_nodes(
    node_topics: &BTreeMap<String, Vec<String>>,
    by_topic: &BTreeMap<String, Vec<String>>,
    verified: &BTreeSet<String>,
) -> BTreeSet<String> {
    node_topics
        .iter()
        .filter(|(_, topics)| {
            let mut practised = topics.iter().filter(|t| by_topic.contains_key(*t)).peekable();
            practised.peek().is_some() && practised.all(|t| verified.contains(t))
        })
        .map(|(node, _)| node.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), v.iter().map(|s| (*s).to_owned()).collect())).collect()
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_node_is_verified_when_every_practised_topic_is() {
        let by_topic = map(&[("loops", &["fizz", "sum"]), ("lists", &["slice"])]);
        let verified = verified_topics(&by_topic, &set(&["fizz", "sum"]));
        assert_eq!(verified, set(&["loops"]));
        let nodes = map(&[
            ("a", &["loops"]),
            // `zen` has no exercises: only `loops` has to be verified.
            ("b", &["loops", "zen"]),
            ("c", &["loops", "lists"]),
            ("d", &["zen"]),
            ("e", &[]),
        ]);
        assert_eq!(verified_nodes(&nodes, &by_topic, &verified), set(&["a", "b"]));
    }
}
