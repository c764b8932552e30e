//! Stable node ids.
//!
//! Progress is keyed by node id, so an id must survive the edits people make
//! to a roadmap: items inserted or removed elsewhere, siblings reordered,
//! sections renumbered or retitled, whole sections moved. The rules:
//!
//! 1. A node's *slug* comes from its own title only: NFC, lower case, leading
//!    outline numbers ("1.", "2.3", "1)") and every character that is not a
//!    letter or digit dropped, words joined by `-`, cut at a word boundary
//!    after 64 bytes. An empty slug becomes the node's kind ("note").
//! 2. A slug that no other node has is the id. Line numbers and positions
//!    never take part, so moving or renumbering a node keeps its id.
//! 3. Nodes sharing a slug are told apart by their nearest ancestor's slug
//!    (`flask-basics/templates`), then the next one up, until they differ.
//! 4. Nodes that still collide (same title under same-titled ancestors) get
//!    `~2`, `~3`, ... in document order; the first keeps the plain id.
//!
//! Only a change that creates or removes a same-titled twin changes the id
//! of an unchanged node.

use std::collections::HashMap;

use unicode_words::words;

use crate::{Node, Roadmap};

const MAX_SLUG_BYTES: usize = 64;

/// Gives every node in `roadmap` its id (overwriting any it had).
pub fn assign(roadmap: &mut Roadmap) {
    // Flatten in document order: each node's own slug (its first candidate)
    // and its parent's index.
    let mut entries: Vec<Entry> = Vec::new();
    let mut candidates: Vec<String> = Vec::new();
    collect(&roadmap.children, None, &mut entries, &mut candidates);

    // Rule 3: colliding candidates take one more ancestor slug per round.
    // A candidate is "ancestor/.../own"; `reach[i]` is the last ancestor used.
    // Extending only ever prepends, so a node's own slug is the last
    // `own_len` bytes of its candidate.
    let mut reach: Vec<Option<usize>> = vec![None; entries.len()];
    // A candidate extended k times has k + 1 segments (slugs hold no `/`), so
    // it can only collide with candidates extended as often: each round looks
    // at the ones extended in the round before, not at the whole tree.
    let mut active: Vec<usize> = (0..entries.len()).collect();
    while !active.is_empty() {
        let mut counts: HashMap<&str, u32> = HashMap::with_capacity(active.len());
        for &i in &active {
            *counts.entry(candidates[i].as_str()).or_default() += 1;
        }
        let extend: Vec<(usize, usize)> = active
            .iter()
            .filter(|&&i| counts.get(candidates[i].as_str()).is_some_and(|&n| n > 1))
            .filter_map(|&i| {
                let next = match reach[i] {
                    None => entries[i].parent,
                    Some(a) => entries[a].parent,
                };
                next.map(|a| (i, a))
            })
            .collect();
        drop(counts);
        active.clear();
        for (i, ancestor) in extend {
            let ancestor_candidate = &candidates[ancestor];
            let ancestor_slug = ancestor_candidate[ancestor_candidate.len() - entries[ancestor].own_len..].to_owned();
            let c = &mut candidates[i];
            c.insert(0, '/');
            c.insert_str(0, &ancestor_slug);
            reach[i] = Some(ancestor);
            active.push(i);
        }
    }

    // Rule 4: what still collides is numbered in document order.
    let ordinals: Vec<u32> = {
        let mut seen: HashMap<&str, u32> = HashMap::with_capacity(candidates.len());
        candidates
            .iter()
            .map(|c| {
                let n = seen.entry(c.as_str()).or_insert(0);
                *n += 1;
                *n
            })
            .collect()
    };
    let ids: Vec<String> =
        candidates.into_iter().zip(ordinals).map(|(c, n)| if n == 1 { c } else { format!("{c}~{n}") }).collect();
    let mut ids = ids.into_iter();
    set_ids(&mut roadmap.children, &mut ids);
}

struct Entry {
    own_len: usize,
    parent: Option<usize>,
}

fn collect(nodes: &[Node], parent: Option<usize>, out: &mut Vec<Entry>, slugs: &mut Vec<String>) {
    for node in nodes {
        let own = slug(&node.title).unwrap_or_else(|| node.kind.as_str().to_string());
        let index = out.len();
        out.push(Entry { own_len: own.len(), parent });
        slugs.push(own);
        collect(&node.children, Some(index), out, slugs);
    }
}

/// Hands out `ids` in the same document order `collect` walked.
fn set_ids(nodes: &mut [Node], ids: &mut impl Iterator<Item = String>) {
    for node in nodes {
        if let Some(id) = ids.next() {
            node.id = id;
        }
        set_ids(&mut node.children, ids);
    }
}

/// The slug of a title (rule 1 above), or `None` when nothing is left.
pub fn slug(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let mut out = String::new();
    let mut leading = true;
    for word in words(&lower) {
        // Leading outline numbers ("1", "2.3") are position, not name.
        if leading && word.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        leading = false;
        if !out.is_empty() && out.len() + word.len() + 1 > MAX_SLUG_BYTES {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // A title of numbers only ("2024") is still a name.
        let digits: Vec<&str> = words(&lower).collect();
        if digits.is_empty() {
            return None;
        }
        return Some(digits.join("-"));
    }
    Some(out)
}

/// Splits text into runs of letters and digits (keeping `.` between digits
/// so "3.10" stays one word).
mod unicode_words {
    pub fn words(text: &str) -> impl Iterator<Item = &str> {
        let bytes = text.as_bytes();
        let mut chars = text.char_indices().peekable();
        std::iter::from_fn(move || {
            // Skip to the start of a word.
            let start = loop {
                let (i, c) = chars.next()?;
                if c.is_alphanumeric() {
                    break i;
                }
            };
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                let dotted_number =
                    c == '.' && bytes[start].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if c.is_alphanumeric() || dotted_number {
                    chars.next();
                } else {
                    end = i;
                    break;
                }
            }
            Some(&text[start..end])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NodeKind;

    #[test]
    fn slugs_drop_numbering_markup_and_emoji() {
        assert_eq!(slug("1. Getting Started").as_deref(), Some("getting-started"));
        assert_eq!(slug("2.3 Sets & Maps").as_deref(), Some("sets-maps"));
        assert_eq!(slug("1\u{fe0f}\u{20e3} Setup & Environment").as_deref(), Some("setup-environment"));
        assert_eq!(slug("Phase 2: Intermediate").as_deref(), Some("phase-2-intermediate"));
        assert_eq!(slug("Match-case (Python 3.10+)").as_deref(), Some("match-case-python-3.10"));
        assert_eq!(slug("变量与类型").as_deref(), Some("变量与类型"));
        assert_eq!(slug("🔥🔥"), None);
        assert_eq!(slug("2024").as_deref(), Some("2024"));
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let s = slug(&"word ".repeat(40)).unwrap_or_default();
        assert!(s.len() <= MAX_SLUG_BYTES, "{s}");
        assert!(s.ends_with("word"));
    }

    fn tree(spec: &[(&str, &[&str])]) -> Roadmap {
        let mut r = Roadmap::new("t");
        for (i, (section, topics)) in spec.iter().enumerate() {
            let mut s = Node::new(NodeKind::Section, *section, i as u32);
            for t in *topics {
                s.children.push(Node::new(NodeKind::Topic, *t, 0));
            }
            r.children.push(s);
        }
        assign(&mut r);
        r
    }

    fn ids(r: &Roadmap) -> Vec<String> {
        r.walk().map(|n| n.id.clone()).collect()
    }

    #[test]
    fn twins_are_told_apart_by_ancestors_then_counters() {
        let r = tree(&[("Flask", &["Templates", "Routing"]), ("Django", &["Templates"]), ("Django", &["Templates"])]);
        assert_eq!(
            ids(&r),
            ["flask", "flask/templates", "routing", "django", "django/templates", "django~2", "django/templates~2"]
        );
    }

    #[test]
    fn ids_survive_reordering_renumbering_and_parent_retitling() {
        let before = tree(&[("1. Basics", &["Variables", "Loops"]), ("2. More", &["Classes"])]);
        let after = tree(&[("1. More stuff", &["Classes", "Inheritance"]), ("2. Basics", &["Loops", "Variables"])]);
        let find = |r: &Roadmap, t: &str| r.walk().find(|n| n.title == t).map(|n| n.id.clone());
        for t in ["Variables", "Loops", "Classes"] {
            assert_eq!(find(&before, t), find(&after, t), "{t}");
        }
        assert_eq!(find(&before, "1. Basics"), find(&after, "2. Basics"));
    }
}
