//! What the learner asks for, and the parsing of its command-line forms
//! (so the CLI is glue and every caller validates alike).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::PlanError;

/// Everything a plan depends on besides the roadmap. The planner has no
/// clock: `today` is passed in.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput {
    /// `None`: plan by the roadmap's own stated weekly hours (or the path's).
    pub hours_per_week: Option<f64>,
    pub start: Date,
    /// Used only to warn about a start in the past and to measure pace.
    pub today: Option<Date>,
    pub days_off: Vec<Weekday>,
    pub vacations: Vec<DateRange>,
    /// A learning path name the roadmap states ("accelerated").
    pub path: Option<String>,
    /// Learner's estimates in hours, by node id.
    pub overrides: BTreeMap<String, f64>,
    /// Node ids marked done (a done section marks all below it).
    pub done: BTreeSet<String>,
    /// Logged study time, for pace and re-planning.
    pub log: Vec<LogEntry>,
}

impl PlanInput {
    pub fn new(start: Date) -> Self {
        PlanInput {
            hours_per_week: None,
            start,
            today: None,
            days_off: Vec::new(),
            vacations: Vec::new(),
            path: None,
            overrides: BTreeMap::new(),
            done: BTreeSet::new(),
            log: Vec::new(),
        }
    }
}

/// Inclusive range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

impl DateRange {
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }
}

/// One entry of the learning log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub date: Date,
    pub hours: f64,
    /// The unit worked on, if the learner said.
    pub topic: Option<String>,
}

/// "2026-12-01".
pub fn parse_date(text: &str) -> Result<Date, PlanError> {
    text.trim().parse().map_err(|_| PlanError::Parse { what: "a date (YYYY-MM-DD)", text: text.to_owned() })
}

/// "sat,sun", "Saturday, Sunday", "mon".
pub fn parse_weekdays(text: &str) -> Result<Vec<Weekday>, PlanError> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let w = parse_weekday(part)?;
        if !out.contains(&w) {
            out.push(w);
        }
    }
    Ok(out)
}

fn parse_weekday(text: &str) -> Result<Weekday, PlanError> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    let t = text.to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(name, _)| t.len() >= 3 && name.starts_with(&t))
        .map(|&(_, w)| w)
        .ok_or_else(|| PlanError::Parse { what: "a weekday (mon..sun)", text: text.to_owned() })
}

/// "2026-12-24..2027-01-02" (inclusive); a single date is a one-day range.
pub fn parse_vacation(text: &str) -> Result<DateRange, PlanError> {
    let (a, b) = text.split_once("..").unwrap_or((text, text));
    let (start, end) = (parse_date(a)?, parse_date(b)?);
    if end < start {
        return Err(PlanError::InvalidVacation { start, end });
    }
    Ok(DateRange { start, end })
}

/// Days off and vacations: which dates can hold study.
#[derive(Debug, Clone)]
pub(crate) struct StudyCalendar {
    /// Bit i set: weekday with Monday-zero offset i is off.
    off: u8,
    /// Sorted by start.
    vacations: Vec<DateRange>,
}

impl StudyCalendar {
    pub(crate) fn new(days_off: &[Weekday], vacations: &[DateRange]) -> Result<Self, PlanError> {
        let mut off = 0u8;
        for w in days_off {
            off |= 1 << w.to_monday_zero_offset();
        }
        if off == 0x7f {
            return Err(PlanError::NoStudyDays);
        }
        for v in vacations {
            if v.end < v.start {
                return Err(PlanError::InvalidVacation { start: v.start, end: v.end });
            }
        }
        // Merged into disjoint ranges so one binary search answers `on_vacation`.
        let mut sorted = vacations.to_vec();
        sorted.sort_by_key(|v| v.start);
        let mut merged: Vec<DateRange> = Vec::with_capacity(sorted.len());
        for v in sorted {
            match merged.last_mut() {
                Some(last) if v.start <= last.end.tomorrow().unwrap_or(last.end) => {
                    last.end = last.end.max(v.end);
                }
                _ => merged.push(v),
            }
        }
        Ok(StudyCalendar { off, vacations: merged })
    }

    /// Study days in a week without vacation.
    pub(crate) fn study_days_per_week(&self) -> usize {
        7 - self.off.count_ones() as usize
    }

    pub(crate) fn is_study_day(&self, d: Date) -> bool {
        self.off & (1 << d.weekday().to_monday_zero_offset()) == 0 && !self.on_vacation(d)
    }

    fn on_vacation(&self, d: Date) -> bool {
        let i = self.vacations.partition_point(|v| v.start <= d);
        i > 0 && self.vacations[i - 1].contains(d)
    }
}
