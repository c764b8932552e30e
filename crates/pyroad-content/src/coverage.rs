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

use pyroad_model::{Node, NodeKind, Roadmap};

use crate::curriculum::Curriculum;
use crate::matcher::{acronym, same_token, segments, sentence_core, tokens, words};

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
    /// Titles and aliases as plain words, for items made only of words the
    /// token matcher ignores ("Introduction to Python").
    plain: Vec<(usize, Field, Vec<String>)>,
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
    /// The node's id (not in the JSON report, which predates it).
    #[serde(skip)]
    pub node: String,
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
        let mut plain = Vec::new();
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
            plain.push((i, Field::Title, words(&t.title)));
            plain.extend(t.aliases.iter().map(|a| (i, Field::Alias, words(a))));
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
        Matcher { curriculum, names, plain, vocab, postings, cache: RefCell::new(HashMap::new()) }
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

    /// The topics one item's own words match, read under its parent's
    /// title: what [`Matcher::coverage`] gives it before looking at its
    /// children. Cheap enough to run for a few items on every command.
    pub fn match_item(&self, title: &str, parent: Option<&str>) -> Vec<TopicRef> {
        let context: Vec<String> = parent.and_then(context_name).into_iter().collect();
        self.match_text(title, &context)
            .map(|(topics, _)| topics.into_iter().map(|i| self.topic_ref(i)).collect())
            .unwrap_or_default()
    }

    fn topic_ref(&self, i: usize) -> TopicRef {
        let t = &self.curriculum.topics[i];
        TopicRef { id: t.id.clone(), title: t.title.clone() }
    }

    /// The best hit of `text` read under each ancestor; the nearest wins a
    /// tie ("URL parameters" under "URL routing" under "Django" is Django's).
    fn best_in_any_context(&self, text: &str, context: &[String]) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        for hit in context.iter().filter_map(|c| self.best_in_context(text, c)) {
            if best.as_ref().is_none_or(|b| hit.score > b.score) {
                best = Some(hit);
            }
        }
        best
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

    /// Matches one item's text (with its parent's title as context); a
    /// sentence-like item is tried again without its instruction words.
    fn match_text(&self, title: &str, context: &[String]) -> Option<(Vec<usize>, &'static str)> {
        if tokens(title).is_empty() {
            return self.match_plain(title);
        }
        self.match_name(title, context).or_else(|| self.match_name(&sentence_core(title)?, context))
    }

    /// An item with no meaningful token matches the longest title or alias
    /// of two words or more whose words it all contains ("What is Python
    /// and why learn it" holds "what is python").
    fn match_plain(&self, title: &str) -> Option<(Vec<usize>, &'static str)> {
        let item = words(title);
        let (topic, field, _) = self
            .plain
            .iter()
            .filter(|(_, _, name)| name.len() >= 2 && name.iter().all(|w| item.contains(w)))
            .max_by_key(|(_, _, name)| name.len())?;
        Some((vec![*topic], if *field == Field::Title { "title" } else { "alias" }))
    }

    /// `context` holds the names of the item's ancestors, nearest first.
    fn match_name(&self, title: &str, context: &[String]) -> Option<(Vec<usize>, &'static str)> {
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
        // The parts of the words outside brackets, else of the whole item.
        for parts in [segments(&head), segments(title)] {
            if let Some(found) = self.match_parts(&parts, context) {
                return Some(found);
            }
        }
        // "Counter for counting occurrences", "Closing files with close()":
        // the words before the joint name the thing, the rest its use.
        if let Some(thing) = named_thing(&head) {
            if let Some(found) = self.match_name(thing, &[]) {
                return Some(found);
            }
        }
        let hit = self.best_in_any_context(title, context)?;
        Some((vec![hit.topic], "context"))
    }

    /// Matches an item split into parts ("Lists, tuples and sets") when
    /// parts holding at least 70% of its words each match a topic.
    fn match_parts(&self, parts: &[String], context: &[String]) -> Option<(Vec<usize>, &'static str)> {
        if parts.len() < 2 {
            return None;
        }
        let total: usize = parts.iter().map(|p| tokens(p).len()).sum();
        let mut covered = 0;
        let mut topics = Vec::new();
        for part in parts {
            let hit = self
                .best(part)
                .or_else(|| self.best_in_context(part, &parts[0]))
                .or_else(|| self.best_in_any_context(part, context));
            if let Some(hit) = hit {
                covered += tokens(part).len();
                if !topics.contains(&hit.topic) {
                    topics.push(hit.topic);
                }
            }
        }
        (!topics.is_empty() && covered * 10 >= total * 7).then_some((topics, "parts"))
    }

    /// The coverage report of `roadmap`.
    pub fn coverage(&self, roadmap: &Roadmap) -> Report {
        let mut items = Vec::new();
        for node in &roadmap.children {
            self.visit(node, &[], &mut items);
        }
        let matched = items.iter().filter(|i| i.how.is_some()).count();
        Report { total: items.len(), matched, items }
    }

    /// Pushes `node`'s item then its descendants'; returns whether every
    /// learnable item in this subtree matched and the topics they use.
    fn visit(&self, node: &Node, context: &[String], items: &mut Vec<Item>) -> (bool, Vec<usize>) {
        if !node.kind.is_learnable() || only_groups_special_blocks(node) {
            return (true, Vec::new());
        }
        let at = items.len();
        let own = self.match_text(&node.title, context);
        // Children read this node first, then the ancestors it read.
        let mut inner: Vec<String> = context_name(&node.title).into_iter().collect();
        inner.extend(context.iter().take(MAX_CONTEXT - 1).cloned());
        items.push(Item {
            node: node.id.clone(),
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
            let (ok, topics) = self.visit(child, &inner, items);
            all &= ok;
            for t in topics {
                if !below.contains(&t) {
                    below.push(t);
                }
            }
        }
        // Context is the weakest evidence: a heading whose children all
        // matched is better described by them.
        let covered_below = any_child && all && !below.is_empty();
        let (topics, how) = match own {
            Some((_, "context")) if covered_below => (below.clone(), Some("children")),
            Some((topics, how)) => (topics, Some(how)),
            None if covered_below => (below.clone(), Some("children")),
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

/// The thing an item names before a joint word that introduces its use or
/// means ("deque for efficient insertions" -> "deque"), if there is one.
fn named_thing(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    // "with" is also the keyword of `with` and `async with` statements.
    let keyword_with = lower.contains("with statement") || lower.contains("async with");
    [" for ", " with ", " via ", " using "]
        .iter()
        .filter(|joint| !(keyword_with && **joint == " with "))
        .filter_map(|joint| lower.find(joint))
        .min()
        // Lowercasing may change byte lengths; `get` refuses a bad boundary.
        .and_then(|at| text.get(..at))
        .map(str::trim)
        .filter(|thing| !tokens(thing).is_empty())
}

/// A section whose children are all special blocks (paths, milestones,
/// resources, tips...) is a heading over them, such as "Next steps" over
/// three career paths: not itself something to learn.
fn only_groups_special_blocks(node: &Node) -> bool {
    node.kind == NodeKind::Section && !node.children.is_empty() && node.children.iter().all(|c| !c.kind.is_learnable())
}

/// How many ancestors an item is read in the context of.
const MAX_CONTEXT: usize = 3;

/// What an ancestor contributes as context: its name without brackets or a
/// label before a colon ("Option A: Flask (Lightweight)" -> "Flask"), or
/// `None` when nothing meaningful is left ("Week 3").
fn context_name(title: &str) -> Option<String> {
    let head = strip_brackets(title);
    let name = match head.rsplit_once(':') {
        Some((_, after)) if !tokens(after).is_empty() => after.trim().to_owned(),
        _ => head.trim().to_owned(),
    };
    (!tokens(&name).is_empty()).then_some(name)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thing_is_named_before_its_use() {
        assert_eq!(named_thing("deque for efficient insertions"), Some("deque"));
        assert_eq!(named_thing("Closing files with close()"), Some("Closing files"));
        assert_eq!(named_thing("Code transformation via AST"), Some("Code transformation"));
        assert_eq!(named_thing("Lists"), None);
        assert_eq!(named_thing("For loops"), None);
        assert_eq!(named_thing("Async with statement"), None);
        assert_eq!(named_thing("Explore async code for many requests."), Some("Explore async code"));
    }

    #[test]
    fn context_drops_labels_brackets_and_empty_headings() {
        assert_eq!(context_name("Option A: Flask (Lightweight & Flexible)").as_deref(), Some("Flask"));
        assert_eq!(context_name("Models").as_deref(), Some("Models"));
        assert_eq!(context_name("Week 3"), None);
    }
}
