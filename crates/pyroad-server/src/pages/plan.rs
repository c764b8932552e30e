//! The Plan page: the active roadmap laid out week by week from the hours
//! the learner gives (or the roadmap's own durations), and its ICS calendar.
//! Both are GETs: choosing hours changes nothing stored.

use std::collections::BTreeSet;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::civil::{Date, Time};
use pyroad_plan::{IcsOptions, Plan, PlanInput};
use pyroad_store::{LearnerId, Status, Store};
use serde::Deserialize;

use super::{given, render};
use crate::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// Hours a week; empty or absent plans by the roadmap's stated durations.
    pub hours: Option<String>,
    /// The first day (YYYY-MM-DD); today when absent.
    pub start: Option<String>,
}

/// The learner's kept plan is `pyroad-progress`'s [`SavedSettings`] under
/// [`SETTINGS_KEY`], the one the CLI's `pyroad plan set` writes too (the
/// dashboard measures progress against it).
pub use pyroad_progress::{SETTINGS_KEY, SavedSettings};

pub struct Planned {
    pub plan: Plan,
    hours: Option<f64>,
    start: Date,
}

/// The active roadmap's plan for `query`, its done and skipped topics left out.
pub async fn make<S: Store>(state: &AppState<S>, me: LearnerId, query: PlanQuery) -> Result<Planned, ApiError> {
    let stored = state
        .store
        .active_roadmap(me)
        .await?
        .ok_or_else(|| ApiError::NotFound("no active roadmap yet: add one on the Roadmaps page".into()))?;
    let today = state.clock.today();
    let hours = parse_hours(query.hours)?;
    let start = parse_start(query.start, today)?;
    let progress = state.store.progress(me, stored.id).await?;
    let mut input = PlanInput::new(start);
    input.today = Some(today);
    input.hours_per_week = hours;
    input.done = progress
        .iter()
        .filter(|p| matches!(p.status, Status::Done | Status::Skipped))
        .map(|p| p.topic.clone())
        .collect::<BTreeSet<_>>();
    let plan = pyroad_plan::plan(&stored.roadmap, &input).map_err(|e| ApiError::Invalid(e.to_string()))?;
    Ok(Planned { plan, hours, start })
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
    let mut saved = SavedSettings::from_setting(stored.as_deref()).map_err(|e| ApiError::Invalid(e.to_string()))?;
    saved.hours_per_week = Some(hours);
    saved.start = Some(start);
    state.store.set_setting(me, SETTINGS_KEY, Some(&saved.to_setting())).await?;
    Ok(Redirect::to("/"))
}

/// "on track / N days behind / ahead, projected finish DATE" against the
/// kept plan (`setting`, the stored [`SETTINGS_KEY`] value), re-planned at
/// the logged pace; `None` without a kept plan. Pure, so the dashboard can
/// build it off the async runtime.
pub fn standing(
    setting: Option<&str>,
    today: Date,
    roadmap: &pyroad_model::Roadmap,
    progress: &[pyroad_store::Progress],
    log: &[pyroad_store::LogEntry],
) -> Result<Option<String>, ApiError> {
    // Unreadable settings show no standing here; `pyroad plan set --clear` fixes them.
    let saved = SavedSettings::from_setting(setting).unwrap_or_default();
    let (Some(hours), Some(start)) = (saved.hours_per_week, saved.start) else { return Ok(None) };
    let mut input = PlanInput::new(start);
    input.today = Some(today);
    input.hours_per_week = Some(hours);
    input.done = progress
        .iter()
        .filter(|p| matches!(p.status, Status::Done | Status::Skipped))
        .map(|p| p.topic.clone())
        .collect::<BTreeSet<_>>();
    input.log = log
        .iter()
        .map(|e| pyroad_plan::LogEntry { date: e.date, hours: f64::from(e.minutes) / 60.0, topic: e.topic.clone() })
        .collect();
    let replan = pyroad_plan::replan(roadmap, &input, today).map_err(|e| ApiError::Invalid(e.to_string()))?;
    Ok(Some(format!("{} (plan: {hours} h a week from {start})", replan.status)))
}

pub async fn page<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Query(query): Query<PlanQuery>,
) -> Result<Html<String>, PageError> {
    let Planned { plan, hours, start } = make(&state, me, query).await?;
    let query = match hours {
        Some(h) => format!("hours={h}&start={start}"),
        None => format!("start={start}"),
    };
    let hours_text = pyroad_plan::markdown::hours;
    render(
        &state,
        me,
        "plan.html",
        "plan",
        minijinja::context! {
            title => plan.roadmap, hours => hours.map(|h| h.to_string()).unwrap_or_default(),
            start => start.to_string(), ics => format!("/plan.ics?{query}"),
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
