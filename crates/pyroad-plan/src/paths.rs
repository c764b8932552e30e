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

/// A path a learner can plan by: a path node that states weekly hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearningPath {
    pub id: String,
    /// The name offered on the command line: "Accelerated" for "Path 1: Accelerated".
    pub name: String,
    pub title: String,
    pub line: u32,
    pub hours_per_week: Range,
    pub stated_weeks: Option<Range>,
}

impl LearningPath {
    pub fn stated_months(&self) -> Option<Range> {
        self.stated_weeks.map(|w| w.scale(1.0 / WEEKS_PER_MONTH))
    }
}

/// The learning paths of a roadmap that state weekly hours, in document order.
pub fn learning_paths(roadmap: &Roadmap) -> Vec<LearningPath> {
    roadmap
        .walk()
        .filter(|n| n.kind == NodeKind::Path)
        .filter_map(|n| {
            let hours_per_week = estimate::stated_rate(n)?;
            let stated_weeks =
                n.duration.as_ref().map(|d| Range::new(d.min_weeks, d.max_weeks)).filter(|r| r.max > 0.0);
            Some(LearningPath {
                id: n.id.clone(),
                name: short_name(&n.title),
                title: n.title.clone(),
                line: n.line,
                hours_per_week,
                stated_weeks,
            })
        })
        .collect()
}

/// Finds a path by its short name, title or id, ignoring case and punctuation.
pub fn find_path(roadmap: &Roadmap, name: &str) -> Result<LearningPath, PlanError> {
    let key = fold(name);
    let paths = learning_paths(roadmap);
    if let Some(p) = paths.iter().find(|p| [&p.name, &p.title, &p.id].iter().any(|s| fold(s) == key)) {
        return Ok(p.clone());
    }
    // A path node that matches but states no hours is a different mistake.
    if roadmap.walk().any(|n| n.kind == NodeKind::Path && (fold(&n.title) == key || fold(&n.id) == key)) {
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
    for path in learning_paths(roadmap) {
        let Some(stated) = path.stated_months() else {
            continue;
        };
        // Resolution cannot fail without overrides; an empty result means no content.
        let Ok(est) = estimate::resolve(roadmap, &BTreeMap::new(), &BTreeSet::new(), path.hours_per_week.mid()) else {
            continue;
        };
        let hours = est.total();
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
