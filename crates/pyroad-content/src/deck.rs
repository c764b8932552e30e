//! The review items of the curriculum and which ones a learner has
//! studied. An item is a topic's card (`lists#2`, the second card), its
//! predict-the-output question (`lists#q1`), or a practice exercise filed
//! under its first topic (`lists#x-chunk-list`); card and question numbers
//! are 1-based positions in the topic file, so new ones go at the end.
//! Exercises live in `pyroad-check`, so this module only names their items:
//! they are scheduled like cards but rated by checks, never by hand.
//!
//! Which topics a roadmap's done nodes studied: a node whose id is a
//! curriculum topic id (a roadmap built from the curriculum) is that topic;
//! any other node counts as the topics the coverage matcher gives it.

use std::collections::HashSet;

use pyroad_model::{Node, Roadmap};

use crate::coverage::Matcher;
use crate::curriculum::Curriculum;
use crate::format::{Card, Question, Topic};

/// What an item asks.
#[derive(Debug, Clone, Copy)]
pub enum Prompt<'c> {
    Card(&'c Card),
    Question(&'c Question),
}

/// One review item of the curriculum.
#[derive(Debug, Clone)]
pub struct Item<'c> {
    pub id: String,
    pub topic: &'c Topic,
    pub prompt: Prompt<'c>,
}

impl Item<'_> {
    /// The front of the item: the card's question, or the snippet to predict.
    pub fn front(&self) -> String {
        match self.prompt {
            Prompt::Card(c) => c.q.trim().to_string(),
            Prompt::Question(q) => format!("What does this print?\n\n{}", q.code.trim_end()),
        }
    }

    /// The back: the card's answer, or the output and why.
    pub fn back(&self) -> String {
        match self.prompt {
            Prompt::Card(c) => c.a.trim().to_string(),
            Prompt::Question(q) => format!("{}\n\nWhy: {}", q.output.trim_end(), q.explain.trim()),
        }
    }
}

pub fn card_id(topic: &str, n: usize) -> String {
    format!("{topic}#{n}")
}

pub fn question_id(topic: &str, n: usize) -> String {
    format!("{topic}#q{n}")
}

/// The review item of a practice exercise, filed under its first (home)
/// topic: `lists#x-chunk-list`.
pub fn exercise_id(home_topic: &str, exercise: &str) -> String {
    format!("{home_topic}#x-{exercise}")
}

/// The exercise an item id names, when it is an exercise item.
pub fn exercise_of(item: &str) -> Option<&str> {
    item.split_once('#')?.1.strip_prefix("x-").filter(|e| !e.is_empty())
}

/// The topic id an item id belongs to.
pub fn topic_of(item: &str) -> &str {
    item.split_once('#').map_or(item, |(topic, _)| topic)
}

/// The cards of a topic, in file order.
pub fn cards(topic: &Topic) -> impl Iterator<Item = Item<'_>> {
    topic.cards.iter().enumerate().map(move |(i, c)| Item {
        id: card_id(&topic.id, i + 1),
        topic,
        prompt: Prompt::Card(c),
    })
}

/// The item with this id, if the curriculum has it.
pub fn lookup<'c>(curriculum: &'c Curriculum, id: &str) -> Option<Item<'c>> {
    let (topic, rest) = id.split_once('#')?;
    let topic = curriculum.topics.iter().find(|t| t.id == topic)?;
    let (questions, number) = match rest.strip_prefix('q') {
        Some(n) => (true, n),
        None => (false, rest),
    };
    let n: usize = number.parse().ok().filter(|n| *n > 0)?;
    let prompt =
        if questions { Prompt::Question(topic.questions.get(n - 1)?) } else { Prompt::Card(topic.cards.get(n - 1)?) };
    Some(Item { id: id.to_string(), topic, prompt })
}

/// The nodes for which `wanted` holds, in document order, each with the
/// curriculum topics it stands for: a node whose id is a curriculum topic
/// id is that topic; any other learnable node is matched on its own words
/// (in its parent's context) like coverage does; other nodes stand for
/// none. Only wanted nodes are matched, so asking about one node is cheap.
pub fn node_topics<'c, 'r>(
    curriculum: &'c Curriculum,
    roadmap: &'r Roadmap,
    wanted: impl Fn(&str) -> bool,
) -> Vec<(&'r Node, Vec<&'c Topic>)> {
    let mut out = Vec::new();
    let mut matcher: Option<Matcher<'c>> = None;
    let by_id = |id: &str| curriculum.topics.iter().find(|t| t.id == id);
    let mut visit = |node: &'r Node, parent: Option<&str>| {
        if !wanted(&node.id) {
            return;
        }
        let topics = if let Some(t) = by_id(&node.id) {
            vec![t]
        } else if node.kind.is_learnable() {
            let m = matcher.get_or_insert_with(|| Matcher::new(curriculum));
            m.match_item(&node.title, parent).into_iter().filter_map(|r| by_id(&r.id)).collect()
        } else {
            Vec::new()
        };
        out.push((node, topics));
    };
    fn walk<'r>(nodes: &'r [Node], parent: Option<&str>, visit: &mut impl FnMut(&'r Node, Option<&str>)) {
        for node in nodes {
            visit(node, parent);
            // Coverage reads items only under learnable parents.
            if node.kind.is_learnable() {
                walk(&node.children, Some(&node.title), visit);
            }
        }
    }
    walk(&roadmap.children, None, &mut visit);
    out
}

/// The curriculum topics the nodes for which `done` holds have studied,
/// in curriculum order (see [`node_topics`]).
pub fn studied_topics<'c>(
    curriculum: &'c Curriculum,
    roadmap: &Roadmap,
    done: impl Fn(&str) -> bool,
) -> Vec<&'c Topic> {
    let found: HashSet<&str> = node_topics(curriculum, roadmap, done)
        .into_iter()
        .flat_map(|(_, topics)| topics)
        .map(|t| t.id.as_str())
        .collect();
    curriculum.topics.iter().filter(|t| found.contains(t.id.as_str())).collect()
}

/// The curriculum topics one node stands for (whatever its status).
pub fn topics_of_node<'c>(curriculum: &'c Curriculum, roadmap: &Roadmap, node: &str) -> Vec<&'c Topic> {
    node_topics(curriculum, roadmap, |id| id == node).into_iter().flat_map(|(_, topics)| topics).collect()
}

#[cfg(test)]
mod tests {
    use pyroad_model::NodeKind;

    use super::*;

    fn builtin() -> Curriculum {
        Curriculum::builtin().expect("the embedded curriculum parses")
    }

    fn roadmap(titles: &[&str]) -> Roadmap {
        let mut r = Roadmap::new("Mine");
        let mut section = Node::new(NodeKind::Section, "Basics", 1);
        for (i, t) in titles.iter().enumerate() {
            section.children.push(Node::new(NodeKind::Topic, *t, u32::try_from(i).unwrap_or(0) + 2));
        }
        r.children.push(section);
        pyroad_model::ids::assign(&mut r);
        r
    }

    fn ids(topics: &[&Topic]) -> Vec<String> {
        topics.iter().map(|t| t.id.clone()).collect()
    }

    #[test]
    fn item_ids_round_trip_through_lookup() {
        let c = builtin();
        let lists = c.find("lists").expect("a lists topic");
        let all: Vec<Item<'_>> = cards(lists).collect();
        assert_eq!(all.len(), lists.cards.len());
        assert_eq!(all[1].id, "lists#2");
        let again = lookup(&c, "lists#2").expect("the second card");
        assert_eq!(again.front(), lists.cards[1].q.trim());
        assert_eq!(again.back(), lists.cards[1].a.trim());
        let q = lookup(&c, &question_id("lists", 1)).expect("a first question");
        assert!(q.front().contains(lists.questions[0].code.trim_end()));
        assert_eq!(topic_of("lists#q1"), "lists");
        let exercise = exercise_id("lists", "chunk-list");
        assert_eq!(exercise, "lists#x-chunk-list");
        assert_eq!((topic_of(&exercise), exercise_of(&exercise)), ("lists", Some("chunk-list")));
        assert!(lookup(&c, &exercise).is_none(), "exercise items are not cards");
        for not_exercise in ["lists#2", "lists#q1", "lists#x-", "lists"] {
            assert_eq!(exercise_of(not_exercise), None, "{not_exercise}");
        }
        for bad in ["lists", "lists#0", "lists#999", "lists#q0", "nope#1", "lists#x"] {
            assert!(lookup(&c, bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn done_nodes_named_like_topics_study_those_topics() {
        let c = builtin();
        let mut r = roadmap(&[]);
        for id in ["dicts", "lists", "sets"] {
            let mut n = Node::new(NodeKind::Topic, "x", 9);
            n.id = id.into();
            r.children[0].children.push(n);
        }
        for id in ["lists", "dicts"] {
            assert!(c.topics.iter().any(|t| t.id == id), "curriculum has {id}");
        }
        let got = studied_topics(&c, &r, |id| id == "lists" || id == "dicts");
        let order: Vec<&str> =
            c.topics.iter().map(|t| t.id.as_str()).filter(|id| *id == "lists" || *id == "dicts").collect();
        assert_eq!(ids(&got), order, "exactly the done ones, in curriculum order");
        assert!(studied_topics(&c, &r, |_| false).is_empty());
    }

    #[test]
    fn done_items_of_an_imported_roadmap_study_what_coverage_matches() {
        let c = builtin();
        let r = roadmap(&["Lists and list methods", "Writing decorators", "Quantum gardening"]);
        let lists = r.find("lists-and-list-methods").expect("node").id.clone();
        let got = ids(&studied_topics(&c, &r, |id| id == lists));
        assert!(got.contains(&"lists".to_string()), "{got:?}");
        assert!(!got.iter().any(|t| t.contains("decorator")), "a todo item studies nothing: {got:?}");
        let garden = r.find("quantum-gardening").expect("node").id.clone();
        assert!(studied_topics(&c, &r, |id| id == garden).is_empty(), "unmatched items study nothing");
        let deco = ids(&topics_of_node(&c, &r, "writing-decorators"));
        assert!(deco.iter().any(|t| t.contains("decorator")), "{deco:?}");
    }
}
