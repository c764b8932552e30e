//! Which built-in topics teach each learnable item of a roadmap.
//!
//! Every section and topic node (subtopics and checklist items are topic
//! nodes) is matched against the titles, aliases and subtopics of the
//! curriculum with the token matcher in [`crate::matcher`]: first the whole
//! item, then its parts ("Lists, tuples and sets"), then the item read in
//! the context of its parent ("Models" under "Django"). A section none of
//! whose own words match is covered when everything under it is.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;

use pyroad_model::{Node, Roadmap};

use crate::curriculum::Curriculum;
use crate::matcher::{acronym, same_token, segments, tokens};

/// The least Dice score a name must reach to count as a match.
const THRESHOLD: f64 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Title,
    Alias,
    Subtopic,
}

struct Name {
    topic: usize,
    field: Field,
    /// Indexes into the vocabulary, deduplicated.
    tokens: Vec<usize>,
}

/// The curriculum's names, tokenised once into a shared vocabulary.
pub struct Matcher<'c> {
    curriculum: &'c Curriculum,
    names: Vec<Name>,
    vocab: Vec<String>,
    /// Vocabulary index -> names using it.
    postings: Vec<Vec<usize>>,
    /// Item token -> vocabulary tokens it fuzzily equals.
    cache: RefCell<HashMap<String, Vec<usize>>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicRef {
    pub id: String,
    pub title: String,
}

/// One learnable item and what teaches it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub title: String,
    pub line: u32,
    pub kind: String,
    pub topics: Vec<TopicRef>,
    /// How it matched ("title", "alias", "subtopic", "parts", "context",
    /// "children"), or `None` when unmatched.
    pub how: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub total: usize,
    pub matched: usize,
    pub items: Vec<Item>,
}

impl Report {
    pub fn unmatched(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.how.is_none())
    }
}

struct Hit {
    topic: usize,
    field: Field,
    score: f64,
}

impl<'c> Matcher<'c> {
    pub fn new(curriculum: &'c Curriculum) -> Self {
        let mut names = Vec::new();
        let mut vocab: Vec<String> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, t) in curriculum.topics.iter().enumerate() {
            let mut add = |field, text: &str| {
                let tokens: Vec<usize> = tokens(text)
                    .into_iter()
                    .map(|tok| {
                        *ids.entry(tok.clone()).or_insert_with(|| {
                            vocab.push(tok);
                            vocab.len() - 1
                        })
                    })
                    .collect();
                if !tokens.is_empty() {
                    names.push(Name { topic: i, field, tokens });
                }
            };
            add(Field::Id, &t.id.replace('-', " "));
            add(Field::Title, &t.title);
            if let Some(a) = acronym(&t.title) {
                add(Field::Alias, &a);
            }
            for a in &t.aliases {
                add(Field::Alias, a);
            }
            for s in &t.subtopics {
                add(Field::Subtopic, s);
            }
        }
        let mut postings = vec![Vec::new(); vocab.len()];
        for (n, name) in names.iter().enumerate() {
            for &t in &name.tokens {
                postings[t].push(n);
            }
        }
        Matcher { curriculum, names, vocab, postings, cache: RefCell::new(HashMap::new()) }
    }

    /// The vocabulary tokens that `token` fuzzily equals.
    fn equals(&self, token: &str) -> Vec<usize> {
        if let Some(hit) = self.cache.borrow().get(token) {
            return hit.clone();
        }
        let found: Vec<usize> =
            self.vocab.iter().enumerate().filter(|(_, v)| same_token(token, v)).map(|(i, _)| i).collect();
        self.cache.borrow_mut().insert(token.to_owned(), found.clone());
        found
    }

    /// The best topic for this text, if any name scores over the threshold.
    fn best(&self, text: &str) -> Option<Hit> {
        let item = tokens(text);
        if item.is_empty() {
            return None;
        }
        let equal: Vec<Vec<usize>> = item.iter().map(|t| self.equals(t)).collect();
        let mut candidates: Vec<usize> =
            equal.iter().flatten().flat_map(|&v| self.postings[v].iter().copied()).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<Hit> = None;
        for name in candidates.into_iter().map(|n| &self.names[n]) {
            let hit_item = equal.iter().filter(|eq| eq.iter().any(|v| name.tokens.contains(v))).count();
            let hit_name = name.tokens.iter().filter(|v| equal.iter().any(|eq| eq.contains(v))).count();
            let dice = (hit_item + hit_name) as f64 / (item.len() + name.tokens.len()) as f64;
            let contained = hit_name == name.tokens.len();
            // A subtopic is a weaker claim than the topic's own names.
            let weight = if name.field == Field::Subtopic { 0.97 } else { 1.0 };
            let s = dice * weight;
            let good = s >= THRESHOLD || (contained && dice >= 0.75 && name.tokens.len() >= 2);
            if good && best.as_ref().is_none_or(|b| s > b.score) {
                best = Some(Hit { topic: name.topic, field: name.field, score: s });
            }
        }
        best
    }

    fn topic_ref(&self, i: usize) -> TopicRef {
        let t = &self.curriculum.topics[i];
        TopicRef { id: t.id.clone(), title: t.title.clone() }
    }

    /// The best topic for `text` read after `context` ("Models" under
    /// "Django"), provided the item's own words are part of what matched.
    fn best_in_context(&self, text: &str, context: &str) -> Option<Hit> {
        let own = tokens(text);
        if own.is_empty() || own.len() > 3 {
            return None;
        }
        let hit = self.best(&format!("{context} {text}"))?;
        let own_ids: Vec<usize> = own.iter().flat_map(|o| self.equals(o)).collect();
        let uses_own =
            self.names.iter().filter(|n| n.topic == hit.topic).any(|n| n.tokens.iter().any(|t| own_ids.contains(t)));
        uses_own.then_some(hit)
    }

    /// Matches one item's text (with its parent's title as context).
    fn match_text(&self, title: &str, parent: Option<&str>) -> Option<(Vec<usize>, &'static str)> {
        let how = |hit: &Hit| match hit.field {
            Field::Id | Field::Title => "title",
            Field::Alias => "alias",
            Field::Subtopic => "subtopic",
        };
        if let Some(hit) = self.best(title) {
            return Some((vec![hit.topic], how(&hit)));
        }
        // "Operators (arithmetic, comparison)": the words outside brackets
        // name the topic; the bracket lists examples of it.
        let head = strip_brackets(title);
        if head.trim() != title.trim() {
            if let Some(hit) = self.best(&head) {
                return Some((vec![hit.topic], how(&hit)));
            }
        }
        let parts = segments(title);
        if parts.len() > 1 {
            let total: usize = parts.iter().map(|p| tokens(p).len()).sum();
            let mut covered = 0;
            let mut topics = Vec::new();
            for part in &parts {
                let hit = self
                    .best(part)
                    .or_else(|| self.best_in_context(part, &parts[0]))
                    .or_else(|| parent.and_then(|p| self.best_in_context(part, p)));
                if let Some(hit) = hit {
                    covered += tokens(part).len();
                    if !topics.contains(&hit.topic) {
                        topics.push(hit.topic);
                    }
                }
            }
            if !topics.is_empty() && covered * 10 >= total * 7 {
                return Some((topics, "parts"));
            }
        }
        let hit = parent.and_then(|p| self.best_in_context(title, p))?;
        Some((vec![hit.topic], "context"))
    }

    /// The coverage report of `roadmap`.
    pub fn coverage(&self, roadmap: &Roadmap) -> Report {
        let mut items = Vec::new();
        for node in &roadmap.children {
            self.visit(node, None, &mut items);
        }
        let matched = items.iter().filter(|i| i.how.is_some()).count();
        Report { total: items.len(), matched, items }
    }

    /// Pushes `node`'s item then its descendants'; returns whether every
    /// learnable item in this subtree matched and the topics they use.
    fn visit(&self, node: &Node, parent: Option<&str>, items: &mut Vec<Item>) -> (bool, Vec<usize>) {
        if !node.kind.is_learnable() {
            return (true, Vec::new());
        }
        let at = items.len();
        let own = self.match_text(&node.title, parent);
        items.push(Item {
            title: node.title.clone(),
            line: node.line,
            kind: node.kind.to_string(),
            topics: Vec::new(),
            how: None,
        });
        let mut all = true;
        let mut below = Vec::new();
        let mut any_child = false;
        for child in &node.children {
            if child.kind.is_learnable() {
                any_child = true;
            }
            let (ok, topics) = self.visit(child, Some(&node.title), items);
            all &= ok;
            for t in topics {
                if !below.contains(&t) {
                    below.push(t);
                }
            }
        }
        let (topics, how) = match own {
            Some((topics, how)) => (topics, Some(how)),
            None if any_child && all && !below.is_empty() => (below.clone(), Some("children")),
            None => (Vec::new(), None),
        };
        let matched = how.is_some();
        items[at].topics = topics.iter().map(|&t| self.topic_ref(t)).collect();
        items[at].how = how.map(str::to_owned);
        let mut used = topics;
        for t in below {
            if !used.contains(&t) {
                used.push(t);
            }
        }
        (matched && all, used)
    }
}

/// Coverage of `roadmap` by the built-in `curriculum`.
pub fn coverage(curriculum: &Curriculum, roadmap: &Roadmap) -> Report {
    Matcher::new(curriculum).coverage(roadmap)
}

/// `text` without bracketed parts: "Files (csv, json)" -> "Files".
fn strip_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
