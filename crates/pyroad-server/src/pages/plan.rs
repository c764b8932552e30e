//! The Plan page: the active roadmap laid out week by week as `pyroad plan`
//! lays it out (the learner's kept settings and own estimates, with the
//! page's hours and start over them), and its ICS calendar. Both are GETs:
//! choosing hours changes nothing stored; "Keep this plan" is the POST.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::civil::{Date, Time};
use pyroad_plan::{IcsOptions, Plan};
use pyroad_progress::{
    Origin, PlanOverrides, ProgressError, SettingLine, estimates_key, finished, log_hours, parse_estimates,
};
use pyroad_store::{LearnerId, RoadmapId, Store, StoredRoadmap};
use serde::Deserialize;

use super::{given, render};
use crate::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// Hours a week; absent: the kept plan's, else the roadmap's stated durations.
    pub hours: Option<String>,
    /// The first day (YYYY-MM-DD); absent: the kept plan's, else today.
    pub start: Option<String>,
}

/// The learner's kept plan is `pyroad-progress`'s [`SavedSettings`] under
/// [`SETTINGS_KEY`], the one the CLI's `pyroad plan set` writes too (the
/// dashboard measures progress against it).
pub use pyroad_progress::{SETTINGS_KEY, SavedSettings};

/// What the learner keeps for planning a roadmap, as the CLI stores it:
/// the saved settings and their own estimates (`pyroad plan set-estimate`).
pub struct Kept {
    pub settings: SavedSettings,
    pub estimates: BTreeMap<String, f64>,
}

/// Reads [`Kept`]: the outer error is the store's, the inner one a stored
/// value that cannot be read (callers decide whether that is fatal).
pub async fn kept<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    roadmap: RoadmapId,
) -> Result<Result<Kept, ProgressError>, ApiError> {
    let settings = state.store.setting(me, SETTINGS_KEY).await?;
    let key = estimates_key(roadmap);
    let estimates = state.store.setting(me, &key).await?;
    Ok(SavedSettings::from_setting(settings.as_deref())
        .and_then(|settings| Ok(Kept { settings, estimates: parse_estimates(&key, estimates.as_deref())? })))
}

fn invalid(e: impl std::fmt::Display) -> ApiError {
    ApiError::Invalid(e.to_string())
}

pub struct Planned {
    pub plan: Plan,
    /// The settings planned with and where each came from.
    lines: Vec<SettingLine>,
    /// Why the plan starts later than its start setting, if it does.
    note: Option<String>,
    /// The values the query gave (they win over the kept ones).
    asked: PlanOverrides,
    /// The hours a week and start planned with, before a past start moves to today.
    hours: Option<f64>,
    start: Date,
}

/// The active roadmap's plan as `pyroad plan` makes it: the query's values
/// over the kept settings, the learner's own estimates, done and skipped
/// topics left out, and a kept start in the past planning from today.
pub async fn make<S: Store>(state: &AppState<S>, me: LearnerId, query: PlanQuery) -> Result<Planned, ApiError> {
    let stored = state
        .store
        .active_roadmap(me)
        .await?
        .ok_or_else(|| ApiError::NotFound("no active roadmap yet: add one on the Roadmaps page".into()))?;
    let today = state.clock.today();
    let asked = PlanOverrides {
        hours_per_week: parse_hours(query.hours)?,
        start: given(query.start),
        ..PlanOverrides::default()
    };
    let Kept { settings, estimates } = kept(state, me, stored.id).await?.map_err(invalid)?;
    let mut chosen = pyroad_progress::choose(&asked, &settings, today).map_err(invalid)?;
    chosen.input.overrides = estimates;
    chosen.input.done = finished(&state.store.progress(me, stored.id).await?);
    // As in `pyroad plan`: a kept start in the past is when the plan began,
    // not where the remaining work goes.
    let (hours, start) = (chosen.input.hours_per_week, chosen.input.start);
    let mut note = None;
    if chosen.start_from != Origin::Flag && chosen.input.start < today {
        note = Some(format!("plan started {}; remaining work planned from today, {today}", chosen.input.start));
        chosen.input.start = today;
    }
    let plan = pyroad_plan::plan(&stored.roadmap, &chosen.input).map_err(invalid)?;
    Ok(Planned { plan, lines: chosen.lines, note, asked, hours, start })
}

fn parse_hours(text: Option<String>) -> Result<Option<f64>, ApiError> {
    match given(text) {
        None => Ok(None),
        Some(h) => match h.parse::<f64>() {
            Ok(v) if v.is_finite() && v > 0.0 && v <= 100.0 => Ok(Some(v)),
            _ => Err(ApiError::Invalid(format!("{h:?} is not a number of hours a week (0-100)"))),
        },
    }
}

fn parse_start(text: Option<String>, today: Date) -> Result<Date, ApiError> {
    match given(text) {
        None => Ok(today),
        Some(s) => s.parse::<Date>().map_err(|_| ApiError::Invalid(format!("{s:?} is not a date: write YYYY-MM-DD"))),
    }
}

/// Keeps the shown plan's hours and start as the learner's plan; the other
/// saved settings (days off, vacations, path from the CLI) stay.
pub async fn keep<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<PlanQuery>,
) -> Result<Redirect, PageError> {
    let hours =
        parse_hours(form.hours)?.ok_or_else(|| ApiError::Invalid("give the hours a week to keep a plan".into()))?;
    let start = parse_start(form.start, state.clock.today())?;
    let stored = state.store.setting(me, SETTINGS_KEY).await?;
    let mut saved = SavedSettings::from_setting(stored.as_deref()).map_err(invalid)?;
    saved.hours_per_week = Some(hours);
    saved.start = Some(start);
    state.store.set_setting(me, SETTINGS_KEY, Some(&saved.to_setting())).await?;
    Ok(Redirect::to("/"))
}

/// "on track / N days behind / ahead, projected finish DATE" against the
/// kept plan, re-planned at the logged pace exactly as `pyroad status` does
/// (days off, vacations, path and own estimates included); `None` without
/// a kept start. A kept plan that cannot be made says why instead. Pure
/// (`kept` is read first), so the dashboard can build it off the runtime.
pub fn standing(
    kept: Result<Kept, ProgressError>,
    today: Date,
    stored: &StoredRoadmap,
    progress: &[pyroad_store::Progress],
    log: &[pyroad_store::LogEntry],
) -> Option<String> {
    let kept = match kept {
        Ok(k) if !k.settings.has_baseline() => return None,
        Ok(k) => k,
        Err(e) => return Some(format!("your kept plan cannot be read: {e}")),
    };
    let replan = pyroad_progress::choose(&PlanOverrides::default(), &kept.settings, today).and_then(|mut chosen| {
        chosen.input.today = None;
        chosen.input.overrides = kept.estimates;
        chosen.input.done = finished(progress);
        chosen.input.log = log_hours(log, stored.id);
        let replan = pyroad_plan::replan(&stored.roadmap, &chosen.input, today)?;
        Ok((replan, chosen.input))
    });
    Some(match replan {
        Ok((replan, input)) => {
            let hours = input.hours_per_week.map_or("the roadmap's stated hours".into(), |h| format!("{h} h a week"));
            format!("{} (plan: {hours} from {})", replan.status, input.start)
        }
        Err(e) => format!("your kept plan cannot be made: {e}"),
    })
}

pub async fn page<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Query(query): Query<PlanQuery>,
) -> Result<Html<String>, PageError> {
    let Planned { plan, lines, note, asked, hours, start } = make(&state, me, query).await?;
    // The calendar link repeats only what the query asked for, so the
    // calendar is this page's plan (kept values stay kept, not "this page").
    let asked_start = asked.start.is_some().then_some(start);
    let mut given = Vec::new();
    if let Some(h) = asked.hours_per_week {
        given.push(format!("hours={h}"));
    }
    if let Some(s) = asked_start {
        given.push(format!("start={s}"));
    }
    let ics = if given.is_empty() { "/plan.ics".to_owned() } else { format!("/plan.ics?{}", given.join("&")) };
    // Keeping saves hours and start: offered when the plan has hours.
    let keep = hours.map(|h| minijinja::context! { hours => h.to_string(), start => start.to_string() });
    let hours_text = pyroad_plan::markdown::hours;
    render(
        &state,
        me,
        "plan.html",
        "plan",
        minijinja::context! {
            title => plan.roadmap, ics, keep, note,
            hours => asked.hours_per_week.map(|h| h.to_string()).unwrap_or_default(),
            start => asked_start.map(|d| d.to_string()).unwrap_or_default(),
            settings => lines.iter().map(|l| minijinja::context! {
                name => l.name, value => l.value, from => origin_label(l.from),
            }).collect::<Vec<_>>(),
            finish => plan.finish.map(|d| d.to_string()), total => hours_text(plan.remaining_hours),
            warnings => plan.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            sections => plan.sections.iter().map(|s| minijinja::context! {
                title => s.title, start => s.start.to_string(), end => s.end.to_string(), hours => hours_text(s.hours),
            }).collect::<Vec<_>>(),
            milestones => plan.milestones.iter().map(|m| minijinja::context! {
                title => m.title, date => m.date.to_string() }).collect::<Vec<_>>(),
            weeks => plan.weeks.iter().map(|w| minijinja::context! {
                label => w.label, monday => w.monday.to_string(), hours => hours_text(w.hours),
                topics => w.topics.iter().map(|t| minijinja::context! {
                    id => t.id, title => t.title, hours => hours_text(t.hours) }).collect::<Vec<_>>(),
            }).collect::<Vec<_>>(),
        },
    )
}

/// Where a setting came from, in the page's words: the query is this page.
fn origin_label(from: Origin) -> &'static str {
    match from {
        Origin::Flag => "this page",
        Origin::Saved => "saved",
        Origin::Default => "default",
    }
}

/// Study blocks start at 18:00 local time (floating, as the CLI's `--at`).
pub async fn ics<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Query(query): Query<PlanQuery>,
) -> Result<Response, PageError> {
    let Planned { plan, .. } = make(&state, me, query).await?;
    let options = IcsOptions { start_time: Time::constant(18, 0, 0, 0), stamp: state.clock.now().timestamp() };
    let body = pyroad_plan::to_ics(&plan, &options);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"pyroad-plan.ics\"")),
        ],
        body,
    )
        .into_response())
}
