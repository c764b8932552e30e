//! From the learner's saved plan settings and what a front end asks for
//! over them (the CLI's flags, the web Plan page's query) to the planner's
//! [`PlanInput`], with where each value came from. `pyroad plan`, `pyroad
//! status`, the web Plan page, the dashboard and the burn-down all plan
//! through [`choose`], so a saved day off or vacation counts everywhere.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, Weekday};
use pyroad_plan::input::{parse_date, parse_vacation, parse_weekdays};
use pyroad_plan::{PlanError, PlanInput};
use pyroad_store::{Progress, RoadmapId, Status};
use serde::Serialize;

use crate::{ProgressError, SavedSettings};

/// Values asked for over the saved settings, in the CLI's flag forms
/// (`start` "2026-12-01", `days_off` "sat,sun", a vacation
/// "2026-12-24..2027-01-02"); parsed by [`choose`] as the flags are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanOverrides {
    pub hours_per_week: Option<f64>,
    pub start: Option<String>,
    pub days_off: Option<String>,
    pub vacations: Vec<String>,
    pub path: Option<String>,
}

/// Where a setting's value came from, shown beside it. `Flag` is what the
/// front end asked for (a CLI flag; on the web, the page's own query).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Flag,
    Saved,
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::Flag => "flag",
            Origin::Saved => "saved",
            Origin::Default => "default",
        })
    }
}

/// One chosen setting as shown: "days off", "sat,sun", saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingLine {
    pub name: &'static str,
    pub value: String,
    pub from: Origin,
}

/// The plan input chosen from overrides, then saved settings, then defaults.
#[derive(Debug, Clone)]
pub struct Chosen {
    /// `start` is the plan's own start (asked for, saved or today);
    /// `overrides`, `done` and `log` are left for the caller to fill.
    pub input: PlanInput,
    pub start_from: Origin,
    pub lines: Vec<SettingLine>,
}

impl Chosen {
    /// "settings: hours/week 10 (saved) · start 2026-12-01 (flag) · ...".
    pub fn header(&self) -> String {
        let parts: Vec<String> = self.lines.iter().map(|l| format!("{} {} ({})", l.name, l.value, l.from)).collect();
        format!("settings: {}", parts.join(" · "))
    }
}

/// Each value from `asked`, else `saved`, else its default (start: `today`;
/// none for the rest). Every text is parsed as the CLI's flags are, so a
/// bad saved value fails here with the planner's one-line error.
pub fn choose(asked: &PlanOverrides, saved: &SavedSettings, today: Date) -> Result<Chosen, PlanError> {
    let mut lines = Vec::new();
    let (hours, from) = pick(asked.hours_per_week, saved.hours_per_week);
    lines.push(SettingLine {
        name: "hours/week",
        value: hours.map_or("the roadmap's stated hours".into(), pyroad_plan::markdown::hours),
        from,
    });
    let asked_start = asked.start.as_deref().map(parse_date).transpose()?;
    let (start, start_from) = match (asked_start, saved.start) {
        (Some(d), _) => (d, Origin::Flag),
        (None, Some(d)) => (d, Origin::Saved),
        (None, None) => (today, Origin::Default),
    };
    lines.push(SettingLine { name: "start", value: start.to_string(), from: start_from });
    let (days_off, from) = pick(asked.days_off.clone(), saved.days_off.clone());
    let days_off = days_off.as_deref().map(parse_weekdays).transpose()?.unwrap_or_default();
    lines.push(SettingLine { name: "days off", value: weekday_list(&days_off), from });
    let (vacation_text, from) = if !asked.vacations.is_empty() {
        (asked.vacations.clone(), Origin::Flag)
    } else if !saved.vacations.is_empty() {
        (saved.vacations.clone(), Origin::Saved)
    } else {
        (Vec::new(), Origin::Default)
    };
    let vacations = vacation_text.iter().map(|v| parse_vacation(v)).collect::<Result<Vec<_>, _>>()?;
    let value = if vacations.is_empty() {
        "none".to_owned()
    } else {
        vacations.iter().map(|v| format!("{}..{}", v.start, v.end)).collect::<Vec<_>>().join(", ")
    };
    lines.push(SettingLine { name: "vacations", value, from });
    let (path, from) = pick(asked.path.clone(), saved.path.clone());
    let path = path.filter(|p| !p.trim().is_empty());
    lines.push(SettingLine { name: "path", value: path.clone().unwrap_or_else(|| "none".into()), from });

    let mut input = PlanInput::new(start);
    input.today = Some(today);
    input.hours_per_week = hours;
    input.days_off = days_off;
    input.vacations = vacations;
    input.path = path;
    Ok(Chosen { input, start_from, lines })
}

fn pick<T>(asked: Option<T>, saved: Option<T>) -> (Option<T>, Origin) {
    match (asked, saved) {
        (Some(v), _) => (Some(v), Origin::Flag),
        (None, Some(v)) => (Some(v), Origin::Saved),
        (None, None) => (None, Origin::Default),
    }
}

/// "sat,sun" in week order, "none" for no days: the shown and saved form.
pub fn weekday_list(days: &[Weekday]) -> String {
    const SHORT: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    if days.is_empty() {
        return "none".into();
    }
    let mut offsets: Vec<usize> = days.iter().map(|d| d.to_monday_zero_offset() as usize).collect();
    offsets.sort_unstable();
    offsets.iter().map(|&i| SHORT[i]).collect::<Vec<_>>().join(",")
}

/// The learner's own estimates (`{"topic-id": hours}`) from the stored
/// value of `key` ([`crate::estimates_key`]); none stored: none.
pub fn parse_estimates(key: &str, text: Option<&str>) -> Result<BTreeMap<String, f64>, ProgressError> {
    match text {
        None => Ok(BTreeMap::new()),
        Some(t) => serde_json::from_str(t)
            .map_err(|e| ProgressError::UnreadableEstimates { key: key.to_owned(), reason: e.to_string() }),
    }
}

/// Node ids whose work is over for the planner: done, or skipped on purpose.
pub fn finished(progress: &[Progress]) -> BTreeSet<String> {
    progress.iter().filter(|p| matches!(p.status, Status::Done | Status::Skipped)).map(|p| p.topic.clone()).collect()
}

/// The learning log of one roadmap (and time logged with no roadmap) in
/// hours, as the planner measures pace from it.
pub fn log_hours(entries: &[pyroad_store::LogEntry], roadmap: RoadmapId) -> Vec<pyroad_plan::LogEntry> {
    entries
        .iter()
        .filter(|e| e.roadmap.is_none_or(|r| r == roadmap))
        .map(|e| pyroad_plan::LogEntry { date: e.date, hours: f64::from(e.minutes) / 60.0, topic: e.topic.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved() -> SavedSettings {
        SavedSettings {
            hours_per_week: Some(10.0),
            start: Some(jiff::civil::date(2026, 11, 2)),
            days_off: Some("sat,sun".into()),
            vacations: vec!["2026-12-24..2027-01-02".into()],
            path: None,
        }
    }

    #[test]
    fn asked_values_win_over_saved_ones_and_say_so() -> Result<(), PlanError> {
        let asked = PlanOverrides { hours_per_week: Some(6.0), ..Default::default() };
        let c = choose(&asked, &saved(), jiff::civil::date(2026, 11, 23))?;
        assert_eq!(c.input.hours_per_week, Some(6.0));
        assert_eq!(c.input.start, jiff::civil::date(2026, 11, 2));
        assert_eq!(c.input.days_off, vec![Weekday::Saturday, Weekday::Sunday]);
        assert_eq!(c.input.vacations.len(), 1);
        assert_eq!(c.input.today, Some(jiff::civil::date(2026, 11, 23)));
        assert_eq!(c.start_from, Origin::Saved);
        assert_eq!(
            c.header(),
            "settings: hours/week 6 (flag) · start 2026-11-02 (saved) · days off sat,sun (saved) · \
             vacations 2026-12-24..2027-01-02 (saved) · path none (default)"
        );
        Ok(())
    }

    #[test]
    fn nothing_saved_or_asked_plans_by_stated_hours_from_today() -> Result<(), PlanError> {
        let today = jiff::civil::date(2026, 11, 23);
        let c = choose(&PlanOverrides::default(), &SavedSettings::default(), today)?;
        assert_eq!((c.input.start, c.start_from, c.input.hours_per_week), (today, Origin::Default, None));
        assert!(c.lines.iter().all(|l| l.from == Origin::Default), "{:?}", c.lines);
        assert_eq!(c.lines[0].value, "the roadmap's stated hours");
        Ok(())
    }

    #[test]
    fn bad_saved_or_asked_text_is_the_planners_error() {
        let today = jiff::civil::date(2026, 11, 23);
        let bad_saved = SavedSettings { days_off: Some("someday".into()), ..SavedSettings::default() };
        let err = choose(&PlanOverrides::default(), &bad_saved, today).expect_err("an unknown weekday");
        assert_eq!(err.to_string(), "cannot read `someday` as a weekday (mon..sun)");
        let asked = PlanOverrides { vacations: vec!["2027-01-02..2026-12-24".into()], ..Default::default() };
        let err = choose(&asked, &saved(), today).expect_err("a backwards vacation");
        assert_eq!(err.to_string(), "vacation 2027-01-02..2026-12-24 ends before it starts");
    }

    #[test]
    fn estimates_parse_or_name_their_setting() -> Result<(), ProgressError> {
        assert!(parse_estimates("plan.estimates.1", None)?.is_empty());
        let map = parse_estimates("plan.estimates.1", Some(r#"{"lists":4.5}"#))?;
        assert_eq!(map.get("lists"), Some(&4.5));
        let err = parse_estimates("plan.estimates.1", Some("[1]")).expect_err("not a map");
        assert!(err.to_string().starts_with("your saved estimates (plan.estimates.1) are unreadable: "), "{err}");
        Ok(())
    }
}
