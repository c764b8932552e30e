//! The curriculum's lookup fields (id, title, aliases, prerequisites),
//! compiled into static tables by `build.rs`: finding a topic by name or
//! reading its prerequisites costs a binary search, not a parse of the whole
//! curriculum. `Curriculum::builtin` stays the source of truth; a test
//! checks that this index says the same.

use std::collections::HashMap;

use pyroad_model::{Node, Roadmap};

/// One topic's lookup fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexedTopic {
    pub id: &'static str,
    pub title: &'static str,
    pub aliases: &'static [&'static str],
    /// Ids of the topics to learn first.
    pub prerequisites: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/topic_index.rs"));

/// Every built-in topic, in the curriculum's order.
pub fn topics() -> &'static [IndexedTopic] {
    TOPICS
}

/// The topic with this id, or else the one with this title or alias
/// (case-insensitive): the same answer as [`crate::Curriculum::find`].
pub fn find(key: &str) -> Option<&'static IndexedTopic> {
    let key = key.trim();
    let topic = |table: &'static [(&'static str, u16)], i: usize| &TOPICS[usize::from(table[i].1)];
    if let Ok(i) = IDS.binary_search_by(|(id, _)| (*id).cmp(key)) {
        return Some(topic(IDS, i));
    }
    // Most roadmap titles name no topic; an ASCII one is compared lower-cased
    // byte by byte, without allocating (`NAMES` is sorted by bytes).
    let found = if key.is_ascii() {
        NAMES.binary_search_by(|(name, _)| name.bytes().cmp(key.bytes().map(|b| b.to_ascii_lowercase())))
    } else {
        let lower = key.to_lowercase();
        NAMES.binary_search_by(|(name, _)| (*name).cmp(lower.as_str()))
    };
    found.ok().map(|i| topic(NAMES, i))
}

/// Node id -> ids of the nodes of the same roadmap it needs done first: a
/// node whose title (or id) is a curriculum topic's id, title or alias gets
/// that topic's prerequisites, as the nodes that stand for them.
/// Prerequisites the roadmap does not hold are left out (the learner cannot
/// mark them there). `trackable` says which nodes are topics.
pub fn prerequisites(roadmap: &Roadmap, trackable: impl Fn(&Node) -> bool) -> HashMap<String, Vec<String>> {
    // Curriculum topic id -> the first node standing for it.
    let mut node_of: HashMap<&str, &str> = HashMap::new();
    let mut topic_of = Vec::new();
    for node in roadmap.walk().filter(|n| trackable(n)) {
        if let Some(topic) = find(&node.title).or_else(|| find(&node.id)) {
            node_of.entry(topic.id).or_insert(node.id.as_str());
            topic_of.push((node.id.as_str(), topic));
        }
    }
    let mut out = HashMap::new();
    for (node, topic) in topic_of {
        let needs: Vec<String> = topic
            .prerequisites
            .iter()
            .filter_map(|p| node_of.get(p))
            .filter(|&&n| n != node)
            .map(|n| n.to_string())
            .collect();
        if !needs.is_empty() {
            out.insert(node.to_string(), needs);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Curriculum;

    #[test]
    fn the_index_says_what_the_parsed_curriculum_says() {
        let curriculum = Curriculum::builtin().expect("the built-in curriculum parses");
        assert_eq!(topics().len(), curriculum.topics.len());
        for (indexed, topic) in topics().iter().zip(&curriculum.topics) {
            assert_eq!(indexed.id, topic.id);
            assert_eq!(indexed.title, topic.title);
            assert_eq!(indexed.aliases, topic.aliases.as_slice());
            assert_eq!(indexed.prerequisites, topic.prerequisites.as_slice());
        }
    }

    #[test]
    fn find_answers_like_the_curriculum() {
        let curriculum = Curriculum::builtin().expect("the built-in curriculum parses");
        let mut keys: Vec<String> = vec!["  lists ".into(), "LISTS".into(), "no such topic".into(), String::new()];
        for t in &curriculum.topics {
            keys.push(t.id.clone());
            keys.push(t.title.to_uppercase());
            keys.extend(t.aliases.iter().cloned());
        }
        for key in &keys {
            assert_eq!(find(key).map(|t| t.id), curriculum.find(key).map(|t| t.id.as_str()), "key {key:?}");
        }
        assert!(find("lists").is_some_and(|t| t.id == "lists"));
    }
}
