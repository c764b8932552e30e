//! Estimate resolution: how many hours each learnable unit of a roadmap
//! takes, and where that number comes from.
//!
//! A *unit* is what the plan schedules: a topic with its subtopics rolled
//! in, or a section that holds nothing but prose. Sources, in order:
//! the learner's override, the unit's own estimate, its section's stated
//! duration times weekly hours spread over the section's units by weight,
//! and a default per kind. Resolution is one walk plus one pass per
//! budgeted section, so it is linear in the tree.

use std::collections::{BTreeMap, BTreeSet};

use pyroad_model::{Node, NodeKind, Roadmap, TimeUnit};
use serde::Serialize;

use crate::PlanError;

/// Default hours for a topic, plus this much per subtopic below it.
pub const DEFAULT_TOPIC_HOURS: f64 = 2.0;
pub const DEFAULT_SUBTOPIC_HOURS: f64 = 0.5;
/// Default hours for a section that holds only prose.
pub const DEFAULT_SECTION_HOURS: f64 = 4.0;
/// Weekly hours assumed where neither the learner nor the roadmap says.
pub const DEFAULT_HOURS_PER_WEEK: f64 = 10.0;

/// A range of hours (or weeks): authors state "4-6 weeks", and the range is
/// kept to the end so stated and computed lengths can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    pub fn new(min: f64, max: f64) -> Self {
        Range { min, max }
    }
    pub fn point(v: f64) -> Self {
        Range { min: v, max: v }
    }
    /// The value plans use.
    pub fn mid(self) -> f64 {
        (self.min + self.max) / 2.0
    }
    pub fn scale(self, f: f64) -> Self {
        Range { min: self.min * f, max: self.max * f }
    }
    fn add(self, o: Range) -> Self {
        Range { min: self.min + o.min, max: self.max + o.max }
    }
}

/// What a unit is, for its default estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Topic,
    Section,
}

/// Where an estimate came from, so it can be shown beside the hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum EstimateSource {
    /// The learner's own estimate (`pyroad plan set-estimate`).
    Override,
    /// The author's estimate on the item itself, as written.
    Own { raw: String },
    /// A share of a section's stated duration times its weekly hours.
    Section { section_id: String, line: u32 },
    /// Nothing stated: the default for this kind of unit.
    Default { kind: UnitKind },
}

impl std::fmt::Display for EstimateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EstimateSource::Override => f.write_str("your estimate"),
            EstimateSource::Own { raw } => write!(f, "stated \"{raw}\""),
            EstimateSource::Section { section_id, line } => {
                write!(f, "share of section `{section_id}` (line {line})")
            }
            EstimateSource::Default { kind: UnitKind::Topic } => f.write_str("default for a topic"),
            EstimateSource::Default { kind: UnitKind::Section } => f.write_str("default for a section"),
        }
    }
}

/// One unit's resolved estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicEstimate {
    pub id: String,
    pub title: String,
    pub line: u32,
    pub kind: UnitKind,
    pub subtopics: usize,
    /// Index into [`Estimates::sections`] of the top-level section holding it.
    #[serde(skip)]
    pub section: Option<usize>,
    pub hours: Range,
    #[serde(flatten)]
    pub source: EstimateSource,
    /// The weekly hours its section states, if any.
    pub stated_hours_per_week: Option<Range>,
    pub done: bool,
}

/// A top-level section (phase, level...) holding units: what end dates are given for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionInfo {
    pub id: String,
    pub title: String,
    pub line: u32,
    pub stated_weeks: Option<Range>,
    pub stated_hours_per_week: Option<Range>,
}

/// Everything resolution gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimates {
    /// Units in document order.
    pub units: Vec<TopicEstimate>,
    pub sections: Vec<SectionInfo>,
    /// Overrides whose id matched no unit.
    pub unknown_overrides: Vec<String>,
}

impl Estimates {
    pub fn total(&self) -> Range {
        self.units.iter().fold(Range::point(0.0), |acc, u| acc.add(u.hours))
    }
}

/// A section that states how long it lasts: its hours are spread over the
/// units below it that have no estimate of their own.
struct Budget {
    id: String,
    line: u32,
    hours: Range,
    rate: Option<Range>,
    parent: Option<usize>,
    /// Hours taken by units with own estimates and by nested budgets.
    fixed: Range,
    /// Units sharing the rest, with their weights.
    shares: Vec<(usize, f64)>,
}

struct Walker<'a> {
    overrides: &'a BTreeMap<String, f64>,
    done: &'a BTreeSet<String>,
    assumed_rate: f64,
    units: Vec<TopicEstimate>,
    sections: Vec<SectionInfo>,
    budgets: Vec<Budget>,
    matched: BTreeSet<&'a str>,
}

/// Resolves every unit's estimate. `assumed_rate` converts calendar-time
/// estimates ("3 days", or a section stating weeks but no weekly hours)
/// into hours: the learner's hours per week, else a default.
pub fn resolve(
    roadmap: &Roadmap,
    overrides: &BTreeMap<String, f64>,
    done: &BTreeSet<String>,
    assumed_rate: f64,
) -> Result<Estimates, PlanError> {
    for (id, &hours) in overrides {
        if !(hours.is_finite() && hours >= 0.0) {
            return Err(PlanError::InvalidOverride { id: id.clone(), hours });
        }
    }
    let mut w = Walker {
        overrides,
        done,
        assumed_rate,
        units: Vec::new(),
        sections: Vec::new(),
        budgets: Vec::new(),
        matched: BTreeSet::new(),
    };
    for node in &roadmap.children {
        w.visit(node, 0, None, None, false);
    }
    w.spread();
    let unknown_overrides = overrides.keys().filter(|k| !w.matched.contains(k.as_str())).cloned().collect();
    Ok(Estimates { units: w.units, sections: w.sections, unknown_overrides })
}

impl<'a> Walker<'a> {
    /// Visits a node below sections only: topics become units, sections
    /// recurse, other blocks (resources, tips, projects...) are not learned.
    fn visit(&mut self, node: &'a Node, depth: usize, top: Option<usize>, budget: Option<usize>, done: bool) {
        let done = done || self.done.contains(&node.id);
        match node.kind {
            NodeKind::Topic => self.unit(node, UnitKind::Topic, top, budget, done),
            NodeKind::Section => {
                let has_learnable = node.children.iter().any(|c| c.kind.is_learnable());
                let only_prose = node.children.iter().all(|c| c.kind == NodeKind::Note);
                let mut top = top;
                if depth == 0 && (has_learnable || only_prose) {
                    top = Some(self.sections.len());
                    self.sections.push(SectionInfo {
                        id: node.id.clone(),
                        title: node.title.clone(),
                        line: node.line,
                        stated_weeks: node.duration.as_ref().map(|d| Range::new(d.min_weeks, d.max_weeks)),
                        stated_hours_per_week: stated_rate(node),
                    });
                }
                let budget = self.budget(node, budget).or(budget);
                if has_learnable {
                    for child in &node.children {
                        self.visit(child, depth + 1, top, budget, done);
                    }
                } else if only_prose {
                    self.unit(node, UnitKind::Section, top, budget, done);
                }
            }
            _ => {}
        }
    }

    /// Opens a budget for a section that states a duration or an estimate.
    fn budget(&mut self, node: &Node, parent: Option<usize>) -> Option<usize> {
        let rate = stated_rate(node);
        let assumed = rate.unwrap_or(Range::point(self.assumed_rate));
        let hours = if let Some(d) = &node.duration {
            Range::new(d.min_weeks * assumed.min, d.max_weeks * assumed.max)
        } else {
            let e = node.estimate.as_ref()?;
            match e.weeks() {
                Some((lo, hi)) => Range::new(lo * assumed.min, hi * assumed.max),
                None => Range::new(e.min, e.max),
            }
        };
        if !(hours.min.is_finite() && hours.max.is_finite()) {
            return None;
        }
        let rate = rate.or(parent.and_then(|p| self.budgets[p].rate));
        self.budgets.push(Budget {
            id: node.id.clone(),
            line: node.line,
            hours,
            rate,
            parent,
            fixed: Range::point(0.0),
            shares: Vec::new(),
        });
        Some(self.budgets.len() - 1)
    }

    fn unit(&mut self, node: &'a Node, kind: UnitKind, top: Option<usize>, budget: Option<usize>, done: bool) {
        let subtopics = node.walk().skip(1).filter(|n| n.kind == NodeKind::Topic).count();
        let default = match kind {
            UnitKind::Topic => DEFAULT_TOPIC_HOURS + DEFAULT_SUBTOPIC_HOURS * subtopics as f64,
            UnitKind::Section => DEFAULT_SECTION_HOURS,
        };
        let rate = budget.and_then(|b| self.budgets[b].rate);
        let (hours, source) = if let Some((id, &h)) = self.overrides.get_key_value(&node.id) {
            self.matched.insert(id.as_str());
            (Some(Range::point(h)), EstimateSource::Override)
        } else if let Some(e) = node.estimate.as_ref().filter(|_| kind == UnitKind::Topic) {
            let r = rate.unwrap_or(Range::point(self.assumed_rate));
            let hours = match (e.unit, e.weeks()) {
                (TimeUnit::Hours, _) | (_, None) => Range::new(e.min, e.max),
                (_, Some((lo, hi))) => Range::new(lo * r.min, hi * r.max),
            };
            (Some(hours), EstimateSource::Own { raw: e.raw.clone() })
        } else {
            (None, EstimateSource::Default { kind })
        };
        let index = self.units.len();
        match (hours, budget) {
            (Some(h), Some(b)) => self.budgets[b].fixed = self.budgets[b].fixed.add(h),
            (None, Some(b)) => self.budgets[b].shares.push((index, default)),
            _ => {}
        }
        self.units.push(TopicEstimate {
            id: node.id.clone(),
            title: node.title.clone(),
            line: node.line,
            kind,
            subtopics,
            section: top,
            hours: hours.unwrap_or(Range::point(default)),
            source,
            stated_hours_per_week: rate,
            done,
        });
    }

    /// Spreads each budget's remaining hours over its units by weight,
    /// innermost budgets first so their totals count as fixed in the outer one.
    fn spread(&mut self) {
        for b in (0..self.budgets.len()).rev() {
            let budget = &self.budgets[b];
            let rest = Range::new(
                (budget.hours.min - budget.fixed.min).max(0.0),
                (budget.hours.max - budget.fixed.max).max(0.0),
            );
            let weight: f64 = budget.shares.iter().map(|&(_, w)| w).sum();
            // Nothing left to spread: the units keep their defaults, which
            // then count against the outer budget like fixed estimates.
            let spreads = weight > 0.0 && rest.max > 0.0;
            let mut used = Range::point(0.0);
            for &(unit, w) in &budget.shares {
                let u = &mut self.units[unit];
                if spreads {
                    u.hours = rest.scale(w / weight);
                    u.source = EstimateSource::Section { section_id: budget.id.clone(), line: budget.line };
                }
                used = used.add(u.hours);
            }
            let total = if spreads { budget.hours } else { budget.fixed.add(used) };
            if let Some(p) = budget.parent {
                self.budgets[p].fixed = self.budgets[p].fixed.add(total);
            }
        }
    }
}

/// The weekly hours a section or path states, as a range.
pub fn stated_rate(node: &Node) -> Option<Range> {
    let d = node.duration.as_ref()?;
    let lo = d.hours_per_week_min?;
    let hi = d.hours_per_week_max.unwrap_or(lo);
    (lo.is_finite() && hi.is_finite() && lo > 0.0 && hi >= lo).then_some(Range::new(lo, hi))
}
