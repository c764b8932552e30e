//! The crate's one error type, and the warnings a plan carries.

use jiff::civil::Date;
use serde::Serialize;

/// Why no plan could be made. Every variant says what to change.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("hours per week must be a positive number, not {0}")]
    InvalidHours(f64),
    #[error("{hours} hours a week do not fit in {study_days} study day(s) of 24 hours")]
    HoursExceedWeek { hours: f64, study_days: usize },
    #[error("0 hours a week leave {remaining:.1} hours of remaining work unplanned: give a positive --hours-per-week")]
    ZeroHoursWithWork { remaining: f64 },
    #[error("every day of the week is a day off: nothing can be scheduled")]
    NoStudyDays,
    #[error("vacation {start}..{end} ends before it starts")]
    InvalidVacation { start: Date, end: Date },
    #[error("estimate override for `{id}` must be a non-negative number of hours, not {hours}")]
    InvalidOverride { id: String, hours: f64 },
    #[error("logged hours on {date} must be a non-negative number, not {hours}")]
    InvalidLog { date: Date, hours: f64 },
    #[error("unknown learning path `{name}`; this roadmap offers: {}", list_or_none(.available))]
    UnknownPath { name: String, available: Vec<String> },
    #[error("learning path `{0}` states neither hours per week nor a length, so it cannot be planned by")]
    PathWithoutHours(String),
    #[error("the plan would run past {limit_years} years (from {start}): add hours per week or cut topics")]
    TooLong { start: Date, limit_years: u32 },
    #[error("cannot read `{text}` as {what}")]
    Parse { what: &'static str, text: String },
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() { "no learning paths with weekly hours or a length".to_owned() } else { names.join(", ") }
}

/// Something the learner should know about a plan that was still made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The start date is before the date the caller says is today.
    StartInPast { start: Date, today: Date },
    /// No hours per week were given: the roadmap's stated weekly hours were used.
    StatedHours,
    /// Some topics had no stated weekly hours in stated mode; this rate was assumed.
    AssumedHours { hours_per_week: f64, topics: usize },
    /// Both hours per week and a path were given; the hours win.
    PathIgnored { path: String },
    /// Everything is done or there is nothing learnable: the plan is empty.
    NothingToPlan,
    /// Estimate overrides naming no topic of the roadmap.
    UnknownOverride { id: String },
    /// Re-planning found too little history to measure pace.
    NoPace { reason: String },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::StartInPast { start, today } => write!(f, "the start date {start} is before today ({today})"),
            Warning::StatedHours => {
                f.write_str("no hours per week given: planned by the roadmap's own stated durations and weekly hours")
            }
            Warning::AssumedHours { hours_per_week, topics } => {
                write!(f, "{topics} topic(s) have no stated weekly hours: assumed {hours_per_week} h/week for them")
            }
            Warning::PathIgnored { path } => {
                write!(f, "hours per week were given, so the hours of path `{path}` are not used")
            }
            Warning::NothingToPlan => f.write_str("nothing left to plan"),
            Warning::UnknownOverride { id } => write!(f, "estimate override for `{id}` matches no topic"),
            Warning::NoPace { reason } => write!(f, "pace not measured: {reason}"),
        }
    }
}
