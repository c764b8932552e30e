//! A roadmap with its progress: which nodes count, their effective status
//! (a node inherits done or skipped from an ancestor), estimated hours,
//! and finding a topic from what the learner typed.

use std::collections::HashMap;

use anyhow::{Result, bail};
use pyroad_model::{Node, NodeKind, Roadmap, TimeUnit};
use pyroad_store::{Progress, Status};

/// Nodes a learner checks off: topics, and any item with a checkbox.
pub fn trackable(node: &Node) -> bool {
    node.kind == NodeKind::Topic || (node.kind != NodeKind::Section && node.checked.is_some())
}

/// Estimated hours of one node, when its estimate is in hours.
pub fn hours(node: &Node) -> Option<f64> {
    let e = node.estimate.as_ref()?;
    (e.unit == TimeUnit::Hours).then_some((e.min + e.max) / 2.0)
}

/// Estimated hours of a section from its duration (weeks x hours a week).
pub fn section_hours(node: &Node) -> Option<f64> {
    let d = node.duration.as_ref()?;
    let per_week = match (d.hours_per_week_min, d.hours_per_week_max) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    Some((d.min_weeks + d.max_weeks) / 2.0 * per_week)
}

/// Progress looked up by node id.
pub struct Tracker<'a> {
    pub roadmap: &'a Roadmap,
    pub rows: HashMap<&'a str, &'a Progress>,
    effective: HashMap<&'a str, Status>,
}

impl<'a> Tracker<'a> {
    pub fn new(roadmap: &'a Roadmap, progress: &'a [Progress]) -> Self {
        let rows: HashMap<&str, &Progress> = progress.iter().map(|p| (p.topic.as_str(), p)).collect();
        let mut effective = HashMap::new();
        fn visit<'a>(
            node: &'a Node,
            inherited: Option<Status>,
            rows: &HashMap<&str, &Progress>,
            out: &mut HashMap<&'a str, Status>,
        ) {
            let own = rows.get(node.id.as_str()).map_or(Status::Todo, |p| p.status);
            let status = match (own, inherited) {
                (Status::Todo, Some(s)) => s,
                (own, _) => own,
            };
            out.insert(node.id.as_str(), status);
            let pass = matches!(status, Status::Done | Status::Skipped).then_some(status);
            for c in &node.children {
                visit(c, pass, rows, out);
            }
        }
        for n in &roadmap.children {
            visit(n, None, &rows, &mut effective);
        }
        Tracker { roadmap, rows, effective }
    }

    pub fn status(&self, id: &str) -> Status {
        self.effective.get(id).copied().unwrap_or(Status::Todo)
    }

    /// Counts over the trackable nodes under (and including) `node`.
    pub fn tally(&self, node: &Node) -> Tally {
        let mut t = Tally::default();
        for n in node.walk().filter(|n| trackable(n)) {
            t.add(n, self.status(&n.id));
        }
        if t.hours_total == 0.0
            && let Some(h) = section_hours(node)
        {
            t.hours_total = h;
            t.hours_done = if t.counted() == 0 { 0.0 } else { h * t.done as f64 / t.counted() as f64 };
        }
        t
    }

    pub fn tally_all(&self) -> Tally {
        let mut t = Tally::default();
        for top in &self.roadmap.children {
            t.merge(&self.tally(top));
        }
        t
    }

    /// The topic being learned (most recently touched), if any.
    pub fn current(&self) -> Option<&'a Node> {
        self.roadmap
            .walk()
            .filter(|n| self.rows.get(n.id.as_str()).is_some_and(|p| p.status == Status::Learning))
            .max_by_key(|n| self.rows.get(n.id.as_str()).map(|p| p.updated_at))
    }

    /// The next trackable nodes in roadmap order: learning first, then todo.
    pub fn next(&self, n: usize) -> Vec<&'a Node> {
        let open = |s: Status| self.roadmap.walk().filter(move |node| trackable(node) && self.status(&node.id) == s);
        open(Status::Learning).chain(open(Status::Todo)).take(n).collect()
    }
}

#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Tally {
    pub total: usize,
    pub done: usize,
    pub learning: usize,
    pub skipped: usize,
    pub hours_total: f64,
    pub hours_done: f64,
}

impl Tally {
    fn add(&mut self, node: &Node, status: Status) {
        self.total += 1;
        let h = hours(node).unwrap_or(0.0);
        self.hours_total += h;
        match status {
            Status::Done => {
                self.done += 1;
                self.hours_done += h;
            }
            Status::Learning => self.learning += 1,
            Status::Skipped => self.skipped += 1,
            Status::Todo => {}
        }
    }

    fn merge(&mut self, o: &Tally) {
        self.total += o.total;
        self.done += o.done;
        self.learning += o.learning;
        self.skipped += o.skipped;
        self.hours_total += o.hours_total;
        self.hours_done += o.hours_done;
    }

    /// Nodes that count towards completion (skipped ones do not).
    pub fn counted(&self) -> usize {
        self.total - self.skipped
    }

    pub fn fraction(&self) -> f64 {
        if self.counted() == 0 { 0.0 } else { self.done as f64 / self.counted() as f64 }
    }
}

/// Finds the node the learner means by `query`: an id, an exact title, a
/// unique title (or id) prefix, or a unique fuzzy match. Ambiguity is an
/// error that lists the candidates.
pub fn resolve<'a>(roadmap: &'a Roadmap, query: &str) -> Result<&'a Node> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        bail!("give a topic: an id, the start of its title, or words from it");
    }
    if let Some(n) = roadmap.find(query.trim()) {
        return Ok(n);
    }
    let nodes: Vec<&Node> = roadmap.walk().collect();
    let stages: [&dyn Fn(&Node) -> bool; 4] = [
        &|n| n.title.to_lowercase() == q,
        &|n| n.title.to_lowercase().starts_with(&q) || n.id.starts_with(&q),
        &|n| n.title.to_lowercase().contains(&q),
        &|n| fuzzy(&n.title.to_lowercase(), &q) || fuzzy(&n.id, &q),
    ];
    for matches in stages {
        let found: Vec<&Node> = nodes.iter().copied().filter(|n| matches(n)).collect();
        match found.len() {
            0 => continue,
            1 => return Ok(found[0]),
            _ => {
                // Prefer the checkable items when sections share the words.
                let tracked: Vec<&Node> = found.iter().copied().filter(|n| trackable(n)).collect();
                if tracked.len() == 1 {
                    return Ok(tracked[0]);
                }
                let list: Vec<String> = found.iter().take(8).map(|n| format!("{} ({})", n.id, n.title)).collect();
                let more = if found.len() > 8 { format!(", and {} more", found.len() - 8) } else { String::new() };
                bail!(
                    "{query:?} matches {} topics: {}{more}; give more of the title or the id",
                    found.len(),
                    list.join(", ")
                );
            }
        }
    }
    bail!("no topic matches {query:?} (see `pyroad status` or `pyroad next` for ids)")
}

/// Every word of `query` is in `text`, in order, each as a subsequence of
/// letters ("flsk bas" finds "Flask basics").
fn fuzzy(text: &str, query: &str) -> bool {
    let mut rest = text;
    for word in query.split_whitespace() {
        let mut chars = rest.char_indices();
        let mut end = None;
        for q in word.chars() {
            match chars.find(|&(_, c)| c == q) {
                Some((i, c)) => end = Some(i + c.len_utf8()),
                None => return false,
            }
        }
        rest = end.map_or(rest, |e| &rest[e..]);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roadmap() -> Roadmap {
        let mut r = Roadmap::new("t");
        let mut s = Node::new(NodeKind::Section, "Web", 1);
        for t in ["Flask basics", "Flask templates", "Django"] {
            s.children.push(Node::new(NodeKind::Topic, t, 2));
        }
        r.children.push(s);
        pyroad_model::ids::assign(&mut r);
        r
    }

    #[test]
    fn resolves_ids_prefixes_and_fuzzy_words() -> Result<()> {
        let r = roadmap();
        assert_eq!(resolve(&r, "django")?.title, "Django");
        assert_eq!(resolve(&r, "Flask b")?.title, "Flask basics");
        assert_eq!(resolve(&r, "templ")?.title, "Flask templates");
        assert_eq!(resolve(&r, "flsk tmp")?.title, "Flask templates");
        let err = resolve(&r, "flask").expect_err("two topics start with flask").to_string();
        assert!(err.contains("flask-basics") && err.contains("flask-templates"), "{err}");
        assert!(resolve(&r, "rust").is_err());
        Ok(())
    }
}
