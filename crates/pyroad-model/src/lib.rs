//! The roadmap tree that every part of pyroad shares.
//!
//! A [`Roadmap`] is a title, an optional description and a list of [`Node`]s.
//! Nodes are sections (phases, levels, areas), topics and subtopics, and the
//! typed blocks that learning roadmaps are made of: project ideas, resources,
//! milestones, tips, notes, timeline rows and learning paths ([`NodeKind`]).
//!
//! The serde form of these types *is* pyroad's JSON contract (documented in
//! `ARCHITECTURE.md`): field names and their meaning are stable, later tools
//! read them.
//!
//! ```
//! use pyroad_model::{Node, NodeKind, Roadmap};
//!
//! let mut roadmap = Roadmap::new("Rust in a month");
//! let mut week = Node::new(NodeKind::Section, "Week 1", 3);
//! week.children.push(Node::new(NodeKind::Topic, "Ownership", 4));
//! roadmap.children.push(week);
//! pyroad_model::ids::assign(&mut roadmap);
//! assert_eq!(roadmap.children[0].children[0].id, "ownership");
//! ```
//!
//! This crate knows nothing of files, markdown, databases or the web.

pub mod ids;
pub mod time;

use serde::{Deserialize, Serialize};

/// A whole roadmap: the root of the tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roadmap {
    pub title: String,
    pub description: Option<String>,
    pub children: Vec<Node>,
}

impl Roadmap {
    pub fn new(title: impl Into<String>) -> Self {
        Roadmap { title: title.into(), description: None, children: Vec::new() }
    }

    /// Every node, parents before children, in document order.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(node.children.iter().rev());
            Some(node)
        })
    }

    /// Every node with its depth (0 for the roadmap's own children).
    pub fn walk_with_depth(&self) -> impl Iterator<Item = (usize, &Node)> {
        let mut stack: Vec<(usize, &Node)> = self.children.iter().rev().map(|n| (0, n)).collect();
        std::iter::from_fn(move || {
            let (depth, node) = stack.pop()?;
            stack.extend(node.children.iter().rev().map(|c| (depth + 1, c)));
            Some((depth, node))
        })
    }

    /// The node with this id, if any.
    pub fn find(&self, id: &str) -> Option<&Node> {
        self.walk().find(|n| n.id == id)
    }

    /// How many nodes the tree holds.
    pub fn len(&self) -> usize {
        self.walk().count()
    }

    pub fn is_empty(&self) -> bool {
        self.children.is_empty()
    }
}

/// What a node is. Sections come from headings and block labels; topics from
/// list items and outline lines; the rest are the typed blocks roadmaps use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Section,
    Topic,
    Project,
    Resource,
    Milestone,
    Tip,
    Note,
    Timeline,
    Path,
}

impl NodeKind {
    pub const ALL: [NodeKind; 9] = [
        NodeKind::Section,
        NodeKind::Topic,
        NodeKind::Project,
        NodeKind::Resource,
        NodeKind::Milestone,
        NodeKind::Tip,
        NodeKind::Note,
        NodeKind::Timeline,
        NodeKind::Path,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Section => "section",
            NodeKind::Topic => "topic",
            NodeKind::Project => "project",
            NodeKind::Resource => "resource",
            NodeKind::Milestone => "milestone",
            NodeKind::Tip => "tip",
            NodeKind::Note => "note",
            NodeKind::Timeline => "timeline",
            NodeKind::Path => "path",
        }
    }

    /// Kinds that carry learning content a learner studies and checks off,
    /// as opposed to blocks about the roadmap (resources, tips, notes...).
    pub fn is_learnable(self) -> bool {
        matches!(self, NodeKind::Section | NodeKind::Topic)
    }
}

impl std::fmt::Display for NodeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One node of the tree. See `ARCHITECTURE.md` for the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable across re-imports of an edited roadmap; see [`ids`].
    pub id: String,
    pub kind: NodeKind,
    /// Visible text only: no markup, NFC, trimmed, one line, never truncated.
    pub title: String,
    /// `Some` only when the source had a checkbox on this very item.
    pub checked: Option<bool>,
    /// How long this item takes, as the author wrote it.
    pub estimate: Option<Estimate>,
    /// How long a section or path lasts, and at how many hours a week.
    pub duration: Option<Duration>,
    /// Timeline rows: the first and last week this row covers.
    pub weeks: Option<[u32; 2]>,
    /// Timeline rows: hours planned for the row.
    pub hours: Option<f64>,
    pub url: Option<String>,
    pub description: Option<String>,
    /// Code attached to the item (a fenced block inside or right under it).
    pub code: Option<String>,
    /// 1-based line of the source where the node starts.
    pub line: u32,
    pub children: Vec<Node>,
}

impl Node {
    pub fn new(kind: NodeKind, title: impl Into<String>, line: u32) -> Self {
        Node {
            id: String::new(),
            kind,
            title: title.into(),
            checked: None,
            estimate: None,
            duration: None,
            weeks: None,
            hours: None,
            url: None,
            description: None,
            code: None,
            line,
            children: Vec::new(),
        }
    }

    /// This node and all below it, parents first.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(node.children.iter().rev());
            Some(node)
        })
    }
}

/// The unit an [`Estimate`] was written in. Minutes are stored as hours,
/// months as weeks; `raw` keeps what the author wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    Hours,
    Days,
    Weeks,
}

impl TimeUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Hours => "hours",
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
        }
    }
}

/// How long an item takes: `raw` is the author's text ("~3 days", "2h").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub raw: String,
    pub min: f64,
    pub max: f64,
    pub unit: TimeUnit,
}

impl Estimate {
    /// The estimate in weeks, if it is one of calendar time (days or weeks).
    pub fn weeks(&self) -> Option<(f64, f64)> {
        match self.unit {
            TimeUnit::Weeks => Some((self.min, self.max)),
            TimeUnit::Days => Some((self.min / 7.0, self.max / 7.0)),
            TimeUnit::Hours => None,
        }
    }
}

/// How long a section or learning path lasts, in weeks, and the weekly
/// hours the author asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub min_weeks: f64,
    pub max_weeks: f64,
    pub hours_per_week_min: Option<f64>,
    pub hours_per_week_max: Option<f64>,
}

impl Duration {
    /// Merges `other` into `self`, filling only what `self` lacks.
    pub fn fill_from(&mut self, other: &Duration) {
        if self.hours_per_week_min.is_none() {
            self.hours_per_week_min = other.hours_per_week_min;
            self.hours_per_week_max = other.hours_per_week_max;
        }
    }
}
