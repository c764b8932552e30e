//! A roadmap with its progress: which nodes count, their effective status
//! (a node inherits done or skipped from an ancestor), tallies and hours.

use std::collections::HashMap;

use pyroad_model::{Node, NodeKind, Roadmap, TimeUnit};
use pyroad_store::{Progress, Status};
use serde::Serialize;

/// The topics each topic needs done first, by topic id.
pub type Prerequisites = HashMap<String, Vec<String>>;

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

/// Progress looked up by node id, with every node's effective status.
pub struct Tracker<'a> {
    pub roadmap: &'a Roadmap,
    rows: HashMap<&'a str, &'a Progress>,
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

    /// The node's own status, or the done/skipped one it inherits.
    pub fn status(&self, id: &str) -> Status {
        self.effective.get(id).copied().unwrap_or(Status::Todo)
    }

    /// The stored progress row of one node, if it has one.
    pub fn row(&self, id: &str) -> Option<&'a Progress> {
        self.rows.get(id).copied()
    }

    /// Counts over the trackable nodes under (and including) `node`; a
    /// section without hourly estimates takes its hours from its duration.
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

    /// The tallies of the roadmap's top-level nodes, summed.
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
        self.next_ready(n, &Prerequisites::new())
    }

    /// Like [`Tracker::next`], but a todo node comes only once every node in
    /// its `prerequisites` entry is done (one already being learned stays).
    pub fn next_ready(&self, n: usize, prerequisites: &Prerequisites) -> Vec<&'a Node> {
        let open = |s: Status| self.roadmap.walk().filter(move |node| trackable(node) && self.status(&node.id) == s);
        let ready = |node: &&Node| {
            prerequisites.get(&node.id).is_none_or(|needs| needs.iter().all(|p| self.status(p) == Status::Done))
        };
        open(Status::Learning).chain(open(Status::Todo).filter(ready)).take(n).collect()
    }
}

/// Counts and hours over a set of trackable nodes.
#[derive(Debug, Default, Clone, Copy, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

    /// Done share of the counted nodes, 0 to 1.
    pub fn fraction(&self) -> f64 {
        if self.counted() == 0 { 0.0 } else { self.done as f64 / self.counted() as f64 }
    }

    /// Done share in whole percent.
    pub fn percent(&self) -> u32 {
        (self.fraction() * 100.0).round() as u32
    }
}

#[cfg(test)]
mod tests {
    use pyroad_model::Duration;
    use pyroad_store::RoadmapId;

    use super::*;

    fn row(topic: &str, status: Status) -> Progress {
        Progress {
            roadmap: RoadmapId(1),
            topic: topic.into(),
            status,
            started_at: None,
            done_at: None,
            updated_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    fn roadmap() -> Roadmap {
        let mut r = Roadmap::new("t");
        let mut web = Node::new(NodeKind::Section, "Web", 1);
        for t in ["Flask", "Django", "FastAPI"] {
            let mut n = Node::new(NodeKind::Topic, t, 2);
            n.estimate = pyroad_model::time::parse_length("4h");
            web.children.push(n);
        }
        r.children.push(web);
        pyroad_model::ids::assign(&mut r);
        r
    }

    #[test]
    fn done_and_skipped_pass_down_and_skipped_does_not_count() {
        let r = roadmap();
        let progress = [row("web", Status::Skipped), row("flask", Status::Done)];
        let t = Tracker::new(&r, &progress);
        assert_eq!(t.status("django"), Status::Skipped);
        assert_eq!(t.status("flask"), Status::Done);
        let tally = t.tally_all();
        assert_eq!((tally.total, tally.done, tally.skipped, tally.counted()), (3, 1, 2, 1));
        assert_eq!(tally.percent(), 100);
        assert_eq!(tally.hours_total, 12.0);
        assert_eq!(tally.hours_done, 4.0);
    }

    #[test]
    fn next_waits_for_prerequisites() {
        let r = roadmap();
        let progress = [row("fastapi", Status::Learning)];
        let t = Tracker::new(&r, &progress);
        let ids = |nodes: Vec<&Node>| nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(t.next(2)), ["fastapi", "flask"]);
        let needs: Prerequisites = [("flask".to_owned(), vec!["django".to_owned()])].into();
        assert_eq!(ids(t.next_ready(2, &needs)), ["fastapi", "django"]);
    }

    #[test]
    fn a_section_without_hourly_estimates_takes_hours_from_its_duration() {
        let mut r = Roadmap::new("t");
        let mut s = Node::new(NodeKind::Section, "Basics", 1);
        s.duration =
            Some(Duration { min_weeks: 2.0, max_weeks: 4.0, hours_per_week_min: Some(5.0), hours_per_week_max: None });
        s.children.push(Node::new(NodeKind::Topic, "Syntax", 2));
        s.children.push(Node::new(NodeKind::Topic, "Loops", 2));
        r.children.push(s);
        pyroad_model::ids::assign(&mut r);
        let progress = [row("syntax", Status::Done)];
        let tally = Tracker::new(&r, &progress).tally_all();
        assert_eq!((tally.hours_total, tally.hours_done), (15.0, 7.5));
    }
}
