//! Making nodes from titles, shared by the markdown and plain-text readers:
//! time facts become fields, special block kinds are recognised, and what
//! an author should fix is noted for `lint`.

use pyroad_model::time::{self, TimeFacts};
use pyroad_model::{Duration, Estimate, Node, NodeKind, TimeUnit};

use crate::classify::special_kind;
use crate::text::{clean_line, strip_label_colon};
use crate::{DropReason, Dropped, Warning};

/// What a reader collects besides the tree.
#[derive(Default)]
pub(crate) struct Ctx {
    pub warnings: Vec<Warning>,
    pub dropped: Vec<Dropped>,
    /// Rows of a phases table: (row name, duration) to give to the section of that name.
    pub phase_rows: Vec<(String, Duration)>,
}

impl Ctx {
    pub fn warn(&mut self, line: u32, message: impl Into<String>) {
        self.warnings.push(Warning { line: Some(line), message: message.into() });
    }

    pub fn drop_lines(&mut self, line: u32, end_line: u32, reason: DropReason) {
        self.dropped.push(Dropped { line, end_line: end_line.max(line), reason });
    }

    fn note_unreadable(&mut self, facts: &TimeFacts, line: u32) {
        for fragment in &facts.unreadable {
            self.warn(line, format!("unreadable duration \"{fragment}\""));
        }
    }
}

fn weeks_of(estimate: &Estimate) -> Option<Duration> {
    let (min_weeks, max_weeks) = estimate.weeks()?;
    Some(Duration { min_weeks, max_weeks, hours_per_week_min: None, hours_per_week_max: None })
}

/// A duration from time facts: weeks from the first calendar length, the
/// weekly hours if stated. `None` without a calendar length.
pub(crate) fn duration_of(facts: &TimeFacts) -> Option<Duration> {
    let mut duration = facts.lengths.iter().find_map(weeks_of)?;
    if let Some((min, max)) = facts.weekly_hours {
        duration.hours_per_week_min = Some(min);
        duration.hours_per_week_max = Some(max);
    }
    Some(duration)
}

/// A heading, label or part line: a section, or the special block it names.
pub(crate) fn section(raw: &str, line: u32, inherited: Option<NodeKind>, ctx: &mut Ctx) -> Node {
    let raw = clean_line(raw);
    let facts = time::scan(&raw);
    ctx.note_unreadable(&facts, line);
    let duration = duration_of(&facts);
    let estimate = match facts.lengths.first() {
        Some(e) if e.unit == TimeUnit::Hours => Some(e.clone()),
        _ => None,
    };
    let used = duration.is_some() || estimate.is_some();
    let mut title = strip_label_colon(if used { &facts.rest } else { &raw });
    if title.is_empty() {
        title = strip_label_colon(&raw);
    }
    // Inside a special block its kind holds ("Learning Resources Strategy"
    // under "Tips" is a tip); timelines are the exception, they hold paths
    // and projects of their own.
    let kind = match inherited {
        Some(k) if k != NodeKind::Timeline => k,
        _ => special_kind(&title).or(inherited).unwrap_or(NodeKind::Section),
    };
    let mut node = Node::new(kind, title, line);
    node.duration = duration;
    node.estimate = estimate;
    node
}

/// The parts of an item before time facts are read from them.
pub(crate) struct ItemText {
    pub title: String,
    pub url: Option<String>,
    pub description: Option<String>,
    pub checked: Option<bool>,
    pub weeks: Option<[u32; 2]>,
}

/// What an item turned out to be.
pub(crate) enum ItemOutcome {
    Node(Node),
    /// The item only states time ("30-40 hours/week"): it stays as a note and
    /// its facts belong to the enclosing section or path.
    Statement(Node, TimeFacts),
}

pub(crate) fn item(text: ItemText, line: u32, inherited: Option<NodeKind>, ctx: &mut Ctx) -> ItemOutcome {
    let ItemText { title, url, description, checked, weeks } = text;
    // "**Week 3:** Closures and decorators": the weeks are the label, the text is the topic.
    let (title, description) = match (weeks, description) {
        (Some(_), Some(topic)) => (topic, None),
        (_, description) => (title, description),
    };
    let title = clean_line(&title);
    let facts = time::scan(&title);
    ctx.note_unreadable(&facts, line);
    let kind = inherited.unwrap_or(NodeKind::Topic);
    if facts.is_statement && description.is_none() && weeks.is_none() {
        let mut node = Node::new(NodeKind::Note, title, line);
        node.checked = checked;
        node.url = url;
        return ItemOutcome::Statement(node, facts);
    }
    let mut node = Node::new(kind, title, line);
    node.checked = checked;
    node.url = url;
    node.weeks = weeks;
    node.description = description;

    if let Some(estimate) = facts.lengths.first()
        && !facts.rest.is_empty()
    {
        node.title = strip_label_colon(&facts.rest);
        node.estimate = Some(estimate.clone());
        if facts.weekly_hours.is_some() {
            node.duration = duration_of(&facts);
        }
    } else if node.estimate.is_none()
        && let Some(desc) = node.description.clone()
    {
        // "**Ownership** - the borrow checker (2h)": the estimate sits in the description.
        let facts = time::scan(&desc);
        if !facts.lengths.is_empty() || facts.weekly_hours.is_some() {
            node.estimate = facts.lengths.first().cloned();
            if facts.weekly_hours.is_some() {
                node.duration = duration_of(&facts);
            }
            node.description = (!facts.rest.is_empty()).then(|| facts.rest.clone());
        }
    }
    ItemOutcome::Node(node)
}

/// Gives a section or path the time a statement under it declares, keeping
/// what the heading already said.
pub(crate) fn apply_statement(parent: &mut Node, facts: &TimeFacts) {
    match (&mut parent.duration, duration_of(facts)) {
        (Some(existing), Some(stated)) => existing.fill_from(&stated),
        (None, Some(stated)) => parent.duration = Some(stated),
        (Some(existing), None) => {
            if existing.hours_per_week_min.is_none()
                && let Some((min, max)) = facts.weekly_hours
            {
                existing.hours_per_week_min = Some(min);
                existing.hours_per_week_max = Some(max);
            }
        }
        (None, None) => {
            if parent.estimate.is_none()
                && let Some(length) = facts.lengths.first()
            {
                parent.estimate = Some(length.clone());
            }
        }
    }
}

/// A prose paragraph: a note holding the whole text on one line.
pub(crate) fn note(text: &str, line: u32) -> Node {
    Node::new(NodeKind::Note, clean_line(text), line)
}
