//! The dated plan: units laid over study days in document order, grouped
//! into ISO weeks, with section end dates, milestones and the finish.
//!
//! Work is measured in fractions of a study day: a unit planned at `r`
//! hours a week over `n` study days takes `r / n` hours of a whole day, so
//! units planned at different weekly hours (a roadmap's phases) can share a
//! day. Dates are civil dates: no time zone, so daylight-saving changes
//! cannot move anything.

use jiff::civil::Date;
use pyroad_model::{Node, NodeKind, Roadmap};
use serde::Serialize;

use crate::estimate::{self, DEFAULT_HOURS_PER_WEEK, Range, TopicEstimate};
use crate::input::{PlanInput, StudyCalendar};
use crate::paths::{self, HoursFrom, WEEKS_PER_MONTH};
use crate::{PlanError, Warning};

/// No plan runs longer than this; far past any learner's horizon, and what
/// keeps a tiny weekly rate from looping for ages.
pub const MAX_YEARS: u32 = 50;
const MAX_DAYS: i64 = MAX_YEARS as i64 * 366;
/// Hours below this are rounding noise from splitting units over days.
const EPS: f64 = 1e-9;

/// How the weekly hours were chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Mode {
    /// The learner's hours per week.
    HoursPerWeek { hours_per_week: f64 },
    /// A learning path the roadmap states, planned at the middle of its range.
    Path { name: String, hours_per_week: Range, planned_at: f64, hours_from: HoursFrom },
    /// The roadmap's own stated weekly hours, section by section.
    Stated,
}

/// Time on one unit within a day or a week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    pub id: String,
    pub title: String,
    pub hours: f64,
}

/// One day with study on it: a study block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudyDay {
    pub date: Date,
    pub hours: f64,
    pub slots: Vec<Slot>,
}

/// One ISO week (Monday to Sunday), possibly empty (a vacation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    /// "2026-W49".
    pub label: String,
    pub monday: Date,
    pub sunday: Date,
    pub hours: f64,
    pub topics: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionSpan {
    pub id: String,
    pub title: String,
    pub line: u32,
    pub start: Date,
    pub end: Date,
    pub hours: f64,
    /// Calendar weeks from its first to its last study day, inclusive.
    pub planned_weeks: f64,
    pub stated_weeks: Option<Range>,
    pub stated_hours_per_week: Option<Range>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneDate {
    pub id: String,
    pub title: String,
    pub line: u32,
    pub section_id: String,
    pub date: Date,
}

/// A learning path's stated length beside the one its hours give.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathReport {
    pub name: String,
    pub title: String,
    pub line: u32,
    pub hours_per_week: Range,
    pub hours_from: HoursFrom,
    pub stated_months: Option<Range>,
    /// The content's hours at the path's weekly hours (fast end: fewest
    /// hours at most hours a week).
    pub computed_months: Range,
    /// This plan's own length, calendar and days off included.
    pub planned_months: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub roadmap: String,
    #[serde(flatten)]
    pub mode: Mode,
    pub start: Date,
    /// The last study day; `None` when there is nothing to plan.
    pub finish: Option<Date>,
    pub total_hours: f64,
    pub remaining_hours: f64,
    pub weeks: Vec<Week>,
    pub days: Vec<StudyDay>,
    pub sections: Vec<SectionSpan>,
    pub milestones: Vec<MilestoneDate>,
    pub path: Option<PathReport>,
    pub estimates: Vec<TopicEstimate>,
    pub warnings: Vec<Warning>,
}

/// Makes the plan. See the module docs for how work is laid out.
pub fn plan(roadmap: &Roadmap, input: &PlanInput) -> Result<Plan, PlanError> {
    build(roadmap, input, 1.0)
}

/// [`plan`] with every remaining estimate multiplied by `factor` (re-planning by accuracy).
pub(crate) fn build(roadmap: &Roadmap, input: &PlanInput, factor: f64) -> Result<Plan, PlanError> {
    build_with(roadmap, input, factor, Detail::Full)
}

/// How much of a plan to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    Full,
    /// Only the study days, the finish and the hours: no weeks, section
    /// spans or milestones (what a standing needs).
    Days,
}

pub(crate) fn build_with(roadmap: &Roadmap, input: &PlanInput, factor: f64, detail: Detail) -> Result<Plan, PlanError> {
    if let Some(h) = input.hours_per_week
        && !(h.is_finite() && h >= 0.0)
    {
        return Err(PlanError::InvalidHours(h));
    }
    let calendar = StudyCalendar::new(&input.days_off, &input.vacations)?;
    let mut warnings = Vec::new();
    if let Some(today) = input.today.filter(|&t| input.start < t) {
        warnings.push(Warning::StartInPast { start: input.start, today });
    }
    let path = input.path.as_deref().map(|name| paths::find_path(roadmap, name)).transpose()?;
    let mode = match (input.hours_per_week, &path) {
        (Some(h), p) => {
            if let Some(p) = p {
                warnings.push(Warning::PathIgnored { path: p.name.clone() });
            }
            Mode::HoursPerWeek { hours_per_week: h }
        }
        (None, Some(p)) => Mode::Path {
            name: p.name.clone(),
            hours_per_week: p.hours_per_week,
            planned_at: p.hours_per_week.mid(),
            hours_from: p.hours_from,
        },
        (None, None) => {
            warnings.push(Warning::StatedHours);
            Mode::Stated
        }
    };
    let assumed = match &mode {
        Mode::HoursPerWeek { hours_per_week } if *hours_per_week > 0.0 => *hours_per_week,
        Mode::Path { planned_at, .. } => *planned_at,
        _ => DEFAULT_HOURS_PER_WEEK,
    };
    let est = estimate::resolve(roadmap, &input.overrides, &input.done, assumed)?;
    warnings.extend(est.unknown_overrides.iter().map(|id| Warning::UnknownOverride { id: id.clone() }));

    let todo: Vec<usize> = (0..est.units.len()).filter(|&i| !est.units[i].done).collect();
    let hours: Vec<f64> = est.units.iter().map(|u| u.hours.mid() * factor).collect();
    let remaining: f64 = todo.iter().map(|&i| hours[i]).sum();
    let mut assumed_count = 0;
    let rates: Vec<f64> = est
        .units
        .iter()
        .map(|u| match &mode {
            Mode::HoursPerWeek { hours_per_week } => *hours_per_week,
            Mode::Path { planned_at, .. } => *planned_at,
            Mode::Stated => u.stated_hours_per_week.map(Range::mid).unwrap_or_else(|| {
                assumed_count += usize::from(!u.done);
                DEFAULT_HOURS_PER_WEEK
            }),
        })
        .collect();
    if assumed_count > 0 {
        warnings.push(Warning::AssumedHours { hours_per_week: DEFAULT_HOURS_PER_WEEK, topics: assumed_count });
    }
    let n_days = calendar.study_days_per_week();
    for &i in &todo {
        if rates[i] <= 0.0 && hours[i] > EPS {
            return Err(PlanError::ZeroHoursWithWork { remaining });
        }
        if rates[i] / n_days as f64 > 24.0 {
            return Err(PlanError::HoursExceedWeek { hours: rates[i], study_days: n_days });
        }
    }

    let (days, spans) = lay_out(&est.units, &todo, &hours, &rates, n_days, &calendar, input.start)?;
    let finish = days.last().map(|d| d.date);
    if todo.is_empty() {
        warnings.push(Warning::NothingToPlan);
    }
    let (weeks, sections, milestones) = match detail {
        Detail::Full => {
            let sections = section_spans(&est, &spans, &hours);
            let milestones = milestones(roadmap, &sections);
            (weeks(input.start, finish, &days)?, sections, milestones)
        }
        Detail::Days => (Vec::new(), Vec::new(), Vec::new()),
    };
    let path = path.map(|p| {
        let total = est.total();
        let rate = p.hours_per_week;
        PathReport {
            stated_months: p.stated_months(),
            computed_months: Range::new(total.min / rate.max, total.max / rate.min).scale(1.0 / WEEKS_PER_MONTH),
            planned_months: finish.map_or(0.0, |f| span_weeks(input.start, f) / WEEKS_PER_MONTH),
            name: p.name,
            title: p.title,
            line: p.line,
            hours_per_week: rate,
            hours_from: p.hours_from,
        }
    });
    Ok(Plan {
        roadmap: roadmap.title.clone(),
        mode,
        start: input.start,
        finish,
        total_hours: est.units.iter().map(|u| u.hours.mid()).sum(),
        remaining_hours: remaining,
        weeks,
        days,
        sections,
        milestones,
        path,
        estimates: est.units,
        warnings,
    })
}

/// A unit's first and last study day, if it was scheduled.
type UnitSpan = Option<(Date, Date)>;

/// Fills study days with the units in order. Returns the days and each
/// unit's first and last day.
fn lay_out(
    units: &[TopicEstimate],
    todo: &[usize],
    hours: &[f64],
    rates: &[f64],
    n_days: usize,
    calendar: &StudyCalendar,
    start: Date,
) -> Result<(Vec<StudyDay>, Vec<UnitSpan>), PlanError> {
    let mut spans: Vec<UnitSpan> = vec![None; units.len()];
    let mut days = Vec::new();
    let mut next = 0; // index into `todo`
    let mut left = todo.first().map_or(0.0, |&i| hours[i]);
    let mut date = start;
    let mut elapsed = 0i64;
    let too_long = || PlanError::TooLong { start, limit_years: MAX_YEARS };
    while next < todo.len() {
        if elapsed > MAX_DAYS {
            return Err(too_long());
        }
        if calendar.is_study_day(date) {
            let mut day = StudyDay { date, hours: 0.0, slots: Vec::new() };
            let mut capacity = 1.0; // fraction of the day still free
            while next < todo.len() && capacity > EPS {
                let u = todo[next];
                let per_day = rates[u] / n_days as f64;
                let take = if per_day > 0.0 { left.min(capacity * per_day) } else { 0.0 };
                if take > EPS || left <= EPS {
                    day.slots.push(Slot { id: units[u].id.clone(), title: units[u].title.clone(), hours: take });
                    day.hours += take;
                    let span = spans[u].get_or_insert((date, date));
                    span.1 = date;
                }
                if per_day > 0.0 {
                    capacity -= take / per_day;
                }
                left -= take;
                if left <= EPS {
                    next += 1;
                    left = todo.get(next).map_or(0.0, |&i| hours[i]);
                }
            }
            days.push(day);
        }
        date = date.tomorrow().map_err(|_| too_long())?;
        elapsed += 1;
    }
    Ok((days, spans))
}

/// Every ISO week from the start's to the finish's, empty ones included.
fn weeks(start: Date, finish: Option<Date>, days: &[StudyDay]) -> Result<Vec<Week>, PlanError> {
    let Some(finish) = finish else {
        return Ok(Vec::new());
    };
    let bad = || PlanError::TooLong { start, limit_years: MAX_YEARS };
    let mut monday =
        start.checked_sub(jiff::Span::new().days(start.weekday().to_monday_zero_offset())).map_err(|_| bad())?;
    let mut out = Vec::new();
    let mut rest = days;
    while monday <= finish {
        let sunday = monday.checked_add(jiff::Span::new().days(6)).map_err(|_| bad())?;
        let n = rest.iter().take_while(|d| d.date <= sunday).count();
        let (this, later) = rest.split_at(n);
        rest = later;
        let mut topics: Vec<Slot> = Vec::new();
        for slot in this.iter().flat_map(|d| &d.slots) {
            match topics.last_mut() {
                Some(last) if last.id == slot.id => last.hours += slot.hours,
                _ => topics.push(slot.clone()),
            }
        }
        let iso = monday.iso_week_date();
        out.push(Week {
            label: format!("{:04}-W{:02}", iso.year(), iso.week()),
            monday,
            sunday,
            // `sum` of no floats is -0.0; a week without study has 0 hours.
            hours: this.iter().fold(0.0, |acc, d| acc + d.hours),
            topics,
        });
        monday = sunday.tomorrow().map_err(|_| bad())?;
    }
    Ok(out)
}

fn section_spans(est: &estimate::Estimates, spans: &[UnitSpan], hours: &[f64]) -> Vec<SectionSpan> {
    let mut acc: Vec<Option<(Date, Date, f64)>> = vec![None; est.sections.len()];
    for (i, u) in est.units.iter().enumerate() {
        if let (Some(s), Some((first, last))) = (u.section, spans[i]) {
            let e = acc[s].get_or_insert((first, last, 0.0));
            e.0 = e.0.min(first);
            e.1 = e.1.max(last);
            e.2 += hours[i];
        }
    }
    est.sections
        .iter()
        .zip(acc)
        .filter_map(|(s, a)| {
            let (start, end, hours) = a?;
            Some(SectionSpan {
                id: s.id.clone(),
                title: s.title.clone(),
                line: s.line,
                start,
                end,
                hours,
                planned_weeks: span_weeks(start, end),
                stated_weeks: s.stated_weeks,
                stated_hours_per_week: s.stated_hours_per_week,
            })
        })
        .collect()
}

/// Weeks from `a` to `b`, both days included.
pub(crate) fn span_weeks(a: Date, b: Date) -> f64 {
    ((b - a).get_days() + 1) as f64 / 7.0
}

/// Milestones get their section's end date: a milestone inside a section,
/// or one whose title names a section by its label ("After Phase 1").
fn milestones(roadmap: &Roadmap, sections: &[SectionSpan]) -> Vec<MilestoneDate> {
    fn visit(node: &Node, inside: Option<&SectionSpan>, sections: &[SectionSpan], out: &mut Vec<MilestoneDate>) {
        let inside = sections.iter().find(|s| s.id == node.id).or(inside);
        if node.kind == NodeKind::Milestone {
            let named = sections.iter().find(|s| names_section(&node.title, &s.title));
            if let Some(s) = named.or(inside) {
                out.push(MilestoneDate {
                    id: node.id.clone(),
                    title: node.title.clone(),
                    line: node.line,
                    section_id: s.id.clone(),
                    date: s.end,
                });
                return;
            }
        }
        for child in &node.children {
            visit(child, inside, sections, out);
        }
    }
    let mut out = Vec::new();
    for node in &roadmap.children {
        visit(node, None, sections, &mut out);
    }
    out
}

/// Whether `text` names the section: its label before a colon ("Phase 1"),
/// as whole words, so "Phase 1" is not found in "Phase 10".
fn names_section(text: &str, section_title: &str) -> bool {
    let label = section_title.split_once(':').map_or(section_title, |(l, _)| l).trim().to_lowercase();
    if label.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    text.match_indices(&label).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
