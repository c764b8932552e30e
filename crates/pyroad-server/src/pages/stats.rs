//! The data behind the Log page's charts (`crate::charts`): topics done per
//! week, the burn-down against the kept plan, and study days.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use minijinja::Value;
use pyroad_plan::PlanInput;
use pyroad_progress::PlanOverrides;
use pyroad_store::{LearnerId, LogEntry, Progress, Status, Store, StoredRoadmap};

use crate::charts::{self, BurnWeek};
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::{trackable, week_start};

/// Weeks of the topics-done chart and of the study-day calendar.
const DONE_WEEKS: i64 = 12;
const CALENDAR_WEEKS: u32 = 26;

/// The charts as safe SVG strings: `done` and `burn_down` are `None`
/// without an active roadmap (`burn_down` also without a kept plan).
pub async fn charts<S: Store>(state: &AppState<S>, me: LearnerId, log: &[LogEntry]) -> Result<Value, ApiError> {
    let today = state.clock.today();
    let mut by_day: HashMap<Date, u32> = HashMap::new();
    for e in log {
        *by_day.entry(e.date).or_default() += e.minutes;
    }
    let days = charts::study_days(today, CALENDAR_WEEKS, |d| by_day.get(&d).copied().unwrap_or(0));
    let (mut done, mut burn) = (None, None);
    if let Some(stored) = state.store.active_roadmap(me).await? {
        let progress = state.store.progress(me, stored.id).await?;
        let finished = done_days(state, &stored, &progress);
        done = Some(topics_done(today, &finished));
        // Unreadable settings or estimates draw no burn-down; the Plan page says why.
        if let Ok(kept) = super::plan::kept(state, me, stored.id).await?
            && kept.settings.has_baseline()
            && let Ok(chosen) = pyroad_progress::choose(&PlanOverrides::default(), &kept.settings, today)
        {
            let mut input = chosen.input;
            input.today = None;
            input.overrides = kept.estimates;
            burn = burn_down(&stored, &input, today, &finished);
        }
    }
    Ok(minijinja::context! {
        days => Value::from_safe_string(days),
        done => done.map(Value::from_safe_string),
        burn_down => burn.map(Value::from_safe_string),
    })
}

/// Trackable nodes marked done, with the learner's local day they were.
fn done_days<S>(state: &AppState<S>, stored: &StoredRoadmap, progress: &[Progress]) -> Vec<(String, Date)> {
    progress
        .iter()
        .filter(|p| p.status == Status::Done)
        .filter(|p| stored.roadmap.find(&p.topic).is_some_and(trackable))
        .filter_map(|p| Some((p.topic.clone(), state.clock.day_of(p.done_at?))))
        .collect()
}

fn sunday(monday: Date) -> Date {
    monday.checked_add(6.days()).unwrap_or(monday)
}

fn topics_done(today: Date, finished: &[(String, Date)]) -> String {
    let this_week = week_start(today);
    let weeks: Vec<(Date, usize)> = (0..DONE_WEEKS)
        .rev()
        .filter_map(|back| this_week.checked_sub((back * 7).days()).ok())
        .map(|monday| (monday, finished.iter().filter(|(_, day)| *day <= sunday(monday)).count()))
        .collect();
    charts::topics_done(&weeks)
}

/// The kept plan (`input`: its settings and the learner's own estimates)
/// made from its start with nothing done (the baseline), and
/// what is really left at the end of each week up to this one: the plan's
/// total minus the estimates of the topics finished by then.
fn burn_down(stored: &StoredRoadmap, input: &PlanInput, today: Date, finished: &[(String, Date)]) -> Option<String> {
    let start = input.start;
    let plan = pyroad_plan::plan(&stored.roadmap, input).ok()?;
    let estimate: HashMap<&str, f64> = plan.estimates.iter().map(|e| (e.id.as_str(), e.hours.mid())).collect();
    let this_week = week_start(today);
    let last = plan.weeks.last().map_or(this_week, |w| w.monday).max(this_week);
    let mut weeks = Vec::new();
    let mut planned_left = plan.total_hours;
    let mut monday = week_start(start);
    while monday <= last && weeks.len() < 156 {
        planned_left -= plan.weeks.iter().filter(|w| w.monday == monday).map(|w| w.hours).sum::<f64>();
        let actual = (monday <= this_week).then(|| {
            let end = sunday(monday);
            let done: f64 =
                finished.iter().filter(|(_, day)| *day <= end).filter_map(|(id, _)| estimate.get(id.as_str())).sum();
            (plan.total_hours - done).max(0.0)
        });
        weeks.push(BurnWeek { monday, planned: planned_left.max(0.0), actual });
        monday = monday.checked_add(7.days()).ok()?;
    }
    Some(charts::burn_down(plan.total_hours, &weeks))
}
