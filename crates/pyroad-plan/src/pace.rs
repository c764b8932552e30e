//! Pace: what the learning log says about actual hours per week and about
//! how good the estimates were, a re-plan of the remaining work at that
//! pace, and whether the learner is on track.

use std::collections::BTreeMap;

use jiff::civil::Date;
use pyroad_model::Roadmap;
use serde::Serialize;

use crate::input::PlanInput;
use crate::schedule::{self, Detail, Plan};
use crate::{PlanError, Warning};

/// Less history than this says nothing about a weekly pace.
const MIN_DAYS: i64 = 7;
/// Accuracy is clamped: one topic that took ten times its estimate should
/// not make the rest of the plan ten times longer.
const FACTOR_BOUNDS: (f64, f64) = (0.25, 4.0);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pace {
    pub logged_hours: f64,
    /// From the earlier of the start and the first log entry, to today.
    pub days_elapsed: i64,
    /// `None` with less than a week of history.
    pub hours_per_week: Option<f64>,
    /// Estimated hours of the done units.
    pub done_estimate_hours: f64,
    /// Hours logged against done units, by topic id.
    pub done_logged_hours: f64,
    /// Estimated / actual hours over done units with logged time: above 1
    /// means faster than estimated. `None` without such units.
    pub accuracy: Option<f64>,
}

/// Measures pace from `input.log` and `input.done` up to `today`.
pub fn pace(roadmap: &Roadmap, input: &PlanInput, today: Date) -> Result<Pace, PlanError> {
    for e in &input.log {
        if !(e.hours.is_finite() && e.hours >= 0.0) {
            return Err(PlanError::InvalidLog { date: e.date, hours: e.hours });
        }
    }
    let assumed = input.hours_per_week.filter(|h| *h > 0.0).unwrap_or(crate::estimate::DEFAULT_HOURS_PER_WEEK);
    let est = crate::estimate::resolve(roadmap, &input.overrides, &input.done, assumed)?;
    let log: Vec<_> = input.log.iter().filter(|e| e.date <= today).collect();
    let logged_hours: f64 = log.iter().map(|e| e.hours).sum();
    let first = log.iter().map(|e| e.date).min().map_or(input.start, |d| d.min(input.start));
    let days_elapsed = i64::from((today - first).get_days()) + 1;
    let hours_per_week = (days_elapsed >= MIN_DAYS).then(|| logged_hours * 7.0 / days_elapsed as f64);

    let mut by_topic: BTreeMap<&str, f64> = BTreeMap::new();
    for e in &log {
        if let Some(t) = &e.topic {
            *by_topic.entry(t.as_str()).or_default() += e.hours;
        }
    }
    let done: Vec<_> = est.units.iter().filter(|u| u.done).collect();
    let done_estimate_hours = done.iter().map(|u| u.hours.mid()).sum();
    let (mut est_h, mut act_h) = (0.0, 0.0);
    for u in &done {
        if let Some(&h) = by_topic.get(u.id.as_str()).filter(|h| **h > 0.0) {
            est_h += u.hours.mid();
            act_h += h;
        }
    }
    Ok(Pace {
        logged_hours,
        days_elapsed,
        hours_per_week,
        done_estimate_hours,
        done_logged_hours: act_h,
        accuracy: (act_h > 0.0).then(|| est_h / act_h),
    })
}

/// Where the learner stands against the original plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    OnTrack { finish: Option<Date> },
    Behind { days: i64, finish: Option<Date> },
    Ahead { days: i64, finish: Option<Date> },
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (head, finish) = match self {
            Status::OnTrack { finish } => ("on track".to_owned(), finish),
            Status::Behind { days, finish } => (format!("{days} day{} behind", plural(*days)), finish),
            Status::Ahead { days, finish } => (format!("{days} day{} ahead", plural(*days)), finish),
        };
        match finish {
            Some(d) => write!(f, "{head}, projected finish {d}"),
            None => write!(f, "{head}, nothing left to do"),
        }
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Replan {
    pub pace: Pace,
    /// The factor applied to remaining estimates (1 / accuracy, clamped).
    pub factor: f64,
    /// The original plan: everything from `input.start`, nothing done.
    pub baseline_finish: Option<Date>,
    /// The remaining work from today at the measured pace.
    pub plan: Plan,
    pub status: Status,
}

/// Re-plans the remaining work from `today` at the measured pace, with
/// estimates scaled by the measured accuracy, and compares progress with
/// the original plan: behind by the days between where the original plan
/// had reached the done work and yesterday (today's work may not be logged yet).
pub fn replan(roadmap: &Roadmap, input: &PlanInput, today: Date) -> Result<Replan, PlanError> {
    replan_with(roadmap, input, today, Detail::Full)
}

/// Where the learner stands, as [`replan`] says it, for a one-line summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub status: Status,
    /// The original plan's finish.
    pub baseline_finish: Option<Date>,
    /// The measured pace; `None` with less than a week of history.
    pub hours_per_week: Option<f64>,
}

/// [`replan`]'s verdict without building either plan's weeks, section
/// spans and milestones (`pyroad status` shows one line of it).
pub fn standing(roadmap: &Roadmap, input: &PlanInput, today: Date) -> Result<Standing, PlanError> {
    let r = replan_with(roadmap, input, today, Detail::Days)?;
    Ok(Standing { status: r.status, baseline_finish: r.baseline_finish, hours_per_week: r.pace.hours_per_week })
}

fn replan_with(roadmap: &Roadmap, input: &PlanInput, today: Date, detail: Detail) -> Result<Replan, PlanError> {
    let pace = pace(roadmap, input, today)?;
    let mut fresh = input.clone();
    fresh.done.clear();
    fresh.today = None;
    // The baseline only dates the done work and the original finish.
    let baseline = schedule::build_with(roadmap, &fresh, 1.0, Detail::Days)?;

    let mut rest = input.clone();
    rest.start = today.max(input.start);
    rest.today = None;
    let mut notes = Vec::new();
    match pace.hours_per_week {
        Some(h) if h > 0.0 => rest.hours_per_week = Some(h),
        Some(_) => {
            notes.push(Warning::NoPace { reason: "no hours logged yet: re-planned at the planned hours".into() });
        }
        None => notes.push(Warning::NoPace { reason: format!("less than {MIN_DAYS} days of history") }),
    }
    let factor = pace.accuracy.map_or(1.0, |a| (1.0 / a).clamp(FACTOR_BOUNDS.0, FACTOR_BOUNDS.1));
    let mut plan = schedule::build_with(roadmap, &rest, factor, detail)?;
    plan.warnings.extend(notes);

    let status = status(&baseline, pace.done_estimate_hours, today, plan.finish);
    Ok(Replan { pace, factor, baseline_finish: baseline.finish, plan, status })
}

fn status(baseline: &Plan, done_hours: f64, today: Date, finish: Option<Date>) -> Status {
    let Ok(yesterday) = today.yesterday() else {
        return Status::OnTrack { finish };
    };
    if today <= baseline.start {
        return Status::OnTrack { finish }; // nothing was due yet
    }
    // The day the original plan reached `done_hours` (the day before it
    // started when nothing is done).
    let reached = if done_hours <= 1e-6 {
        baseline.start.yesterday().ok()
    } else {
        let mut cum = 0.0;
        baseline
            .days
            .iter()
            .find(|d| {
                cum += d.hours;
                cum >= done_hours - 1e-6
            })
            .map(|d| d.date)
            .or(baseline.finish)
    };
    let Some(reached) = reached else {
        return Status::OnTrack { finish };
    };
    let days = i64::from((yesterday - reached).get_days());
    match days {
        0 => Status::OnTrack { finish },
        d if d > 0 => Status::Behind { days: d, finish },
        d => Status::Ahead { days: -d, finish },
    }
}
