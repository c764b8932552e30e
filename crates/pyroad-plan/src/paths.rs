//! Learning paths a roadmap states ("Path 1: Accelerated (4-5 months)",
//! "30-40 hours/week"), and where their stated length disagrees with what
//! the roadmap's own content takes at their hours.

use std::collections::{BTreeMap, BTreeSet};

use pyroad_model::{NodeKind, Roadmap};
use serde::Serialize;

use crate::PlanError;
use crate::estimate::{self, Range};

/// The importer stores months as weeks at 52/12 weeks a month; this undoes it.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// How far apart a stated and a computed end of a range may be before
/// they disagree: authors round, so a tenth either way is the same claim.
const TOLERANCE: f64 = 0.10;

/// A path a learner can plan by: a path node that states weekly hours, or
/// a length from which weekly hours can be derived.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearningPath {
    pub id: String,
    /// The name offered on the command line: "Accelerated" for "Path 1: Accelerated".
    pub name: String,
    pub title: String,
    pub line: u32,
    pub hours_per_week: Range,
    pub stated_weeks: Option<Range>,
    /// Where `hours_per_week` comes from.
    pub hours_from: HoursFrom,
}

/// Whether a path's weekly hours are the author's or worked out by us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HoursFrom {
    /// The path states them ("30-40 hours/week").
    Stated,
    /// The path states only a length ("3-6 months"): the roadmap's content
    /// hours spread over that length (most hours over the fewest weeks at
    /// the fast end). The path's own emphasis is prose we cannot measure,
    /// so the whole content is assumed.
    DerivedFromLength,
}

impl LearningPath {
    pub fn stated_months(&self) -> Option<Range> {
        self.stated_weeks.map(|w| w.scale(1.0 / WEEKS_PER_MONTH))
    }
}

/// The learning paths of a roadmap that state weekly hours, or a length
/// to derive them from, in document order.
pub fn learning_paths(roadmap: &Roadmap) -> Vec<LearningPath> {
    // Resolved once, and only when some path states a length but no hours.
    let mut content: Option<Range> = None;
    let mut out = Vec::new();
    for n in roadmap.walk().filter(|n| n.kind == NodeKind::Path) {
        let stated_weeks = n.duration.as_ref().map(|d| Range::new(d.min_weeks, d.max_weeks)).filter(|r| r.max > 0.0);
        let (hours_per_week, hours_from) = match (estimate::stated_rate(n), stated_weeks) {
            (Some(rate), _) => (rate, HoursFrom::Stated),
            (None, Some(weeks)) if weeks.min > 0.0 => {
                let hours = *content.get_or_insert_with(|| content_hours(roadmap, estimate::DEFAULT_HOURS_PER_WEEK));
                if hours.max <= 0.0 {
                    continue;
                }
                (Range::new(hours.min / weeks.max, hours.max / weeks.min), HoursFrom::DerivedFromLength)
            }
            _ => continue,
        };
        out.push(LearningPath {
            id: n.id.clone(),
            name: short_name(&n.title),
            title: n.title.clone(),
            line: n.line,
            hours_per_week,
            stated_weeks,
            hours_from,
        });
    }
    out
}

/// The roadmap's learnable content in hours, nothing done, no overrides.
fn content_hours(roadmap: &Roadmap, assumed_rate: f64) -> Range {
    // Resolution fails only on bad overrides, and there are none.
    estimate::resolve(roadmap, &BTreeMap::new(), &BTreeSet::new(), assumed_rate)
        .map_or(Range::point(0.0), |e| e.total())
}

/// Finds a path by its short name, title or id, ignoring case and punctuation.
pub fn find_path(roadmap: &Roadmap, name: &str) -> Result<LearningPath, PlanError> {
    let key = fold(name);
    let paths = learning_paths(roadmap);
    if let Some(p) = paths.iter().find(|p| [&p.name, &p.title, &p.id].iter().any(|s| fold(s) == key)) {
        return Ok(p.clone());
    }
    // "beginners" for "For Complete Beginners", when only one name holds it.
    let partial: Vec<&LearningPath> =
        paths.iter().filter(|p| !key.is_empty() && fold(&p.name).contains(&key)).collect();
    if let [p] = partial.as_slice() {
        return Ok((*p).clone());
    }
    // A path node that matches but states no hours is a different mistake.
    // (A path heading holds its steps; "expert" finds "For Expert Developers".)
    let names_it = |n: &pyroad_model::Node| {
        fold(&n.title) == key || fold(&n.id) == key || (!n.children.is_empty() && fold(&n.title).contains(&key))
    };
    if !key.is_empty() && roadmap.walk().any(|n| n.kind == NodeKind::Path && names_it(n)) {
        return Err(PlanError::PathWithoutHours(name.to_owned()));
    }
    Err(PlanError::UnknownPath { name: name.to_owned(), available: paths.into_iter().map(|p| p.name).collect() })
}

/// "Path 1: Accelerated" -> "Accelerated"; other titles stay as they are.
fn short_name(title: &str) -> String {
    match title.split_once(':') {
        Some((label, rest)) if !rest.trim().is_empty() && label.split_whitespace().count() <= 2 => {
            rest.trim().to_owned()
        }
        _ => title.to_owned(),
    }
}

fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A disagreement a roadmap author should look at, with its source line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub line: u32,
    pub node_id: String,
    pub message: String,
    pub stated_months: Range,
    pub computed_months: Range,
    /// The roadmap's learnable content, in hours, that the computation used.
    pub content_hours: Range,
}

/// Paths whose stated length in months is not what the roadmap's content
/// takes at the path's weekly hours. The fast end of the computed range is
/// the fewest hours at the most hours a week, the slow end the opposite.
pub fn path_disagreements(roadmap: &Roadmap) -> Vec<Finding> {
    let mut out = Vec::new();
    // Derived hours agree with the stated length by construction.
    for path in learning_paths(roadmap).into_iter().filter(|p| p.hours_from == HoursFrom::Stated) {
        let Some(stated) = path.stated_months() else {
            continue;
        };
        let hours = content_hours(roadmap, path.hours_per_week.mid());
        if hours.max <= 0.0 {
            continue;
        }
        let rate = path.hours_per_week;
        let computed = Range::new(hours.min / rate.max, hours.max / rate.min).scale(1.0 / WEEKS_PER_MONTH);
        if close(stated.min, computed.min) && close(stated.max, computed.max) {
            continue;
        }
        out.push(Finding {
            line: path.line,
            node_id: path.id.clone(),
            message: format!(
                "{} states {} months at {} h/week, but the roadmap's {} hours take {} months at that pace",
                path.title,
                fmt_range(stated, 0),
                fmt_range(rate, 0),
                fmt_range(hours, 0),
                fmt_range(computed, 1),
            ),
            stated_months: stated,
            computed_months: computed,
            content_hours: hours,
        });
    }
    out
}

fn close(stated: f64, computed: f64) -> bool {
    (stated - computed).abs() <= TOLERANCE * stated.abs().max(computed.abs())
}

/// "4-5" or "2.3-6.2"; a single number when both ends round alike.
pub fn fmt_range(r: Range, decimals: usize) -> String {
    let (a, b) = (format!("{:.*}", decimals, r.min), format!("{:.*}", decimals, r.max));
    if a == b { a } else { format!("{a}-{b}") }
}
