//! The Log page: add an entry, see the entries and hours per week as an SVG
//! bar chart drawn here.

use axum::extract::State;
use axum::response::{Html, Redirect};
use minijinja::Value;
use pyroad_progress::parse_date;
use pyroad_store::{NewLogEntry, Store};
use serde::Deserialize;

use super::{given, render};
use crate::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::state::AppState;
use crate::views::{minutes_per_week, minutes_text, parse_minutes};

/// Weeks the chart shows.
const WEEKS: u32 = 12;

pub async fn page<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> Result<Html<String>, PageError> {
    let log = state.store.log_entries(me, None).await?;
    let today = state.clock.today();
    let weeks = minutes_per_week(&log, today, WEEKS);
    let entries: Vec<Value> = log
        .iter()
        .rev()
        .take(50)
        .map(|e| {
            minijinja::context! {
                date => e.date.to_string(), time => minutes_text(e.minutes), topic => e.topic, note => e.note,
            }
        })
        .collect();
    render(
        &state,
        me,
        "log.html",
        "log",
        minijinja::context! {
            entries, today => today.to_string(),
            chart => Value::from_safe_string(crate::svg::hours_per_week(&weeks)),
            total => minutes_text(log.iter().map(|e| e.minutes).sum()),
            charts => super::stats::charts(&state, me, &log).await?,
        },
    )
}

#[derive(Deserialize)]
pub struct LogForm {
    duration: String,
    date: Option<String>,
    topic: Option<String>,
    note: Option<String>,
}

pub async fn add<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<LogForm>,
) -> Result<Redirect, PageError> {
    let minutes = parse_minutes(&form.duration).map_err(|e| ApiError::Invalid(e.to_string()))?;
    let date = parse_date(form.date.as_deref(), state.clock.today()).map_err(|e| ApiError::Invalid(e.to_string()))?;
    let topic = given(form.topic);
    let roadmap = match &topic {
        Some(t) => {
            let stored =
                state.store.active_roadmap(me).await?.ok_or_else(|| ApiError::NotFound("no active roadmap".into()))?;
            if stored.roadmap.find(t).is_none() {
                return Err(ApiError::NotFound(format!("no topic {t:?} in the roadmap {:?}", stored.name)).into());
            }
            Some(stored.id)
        }
        None => None,
    };
    let entry = NewLogEntry { roadmap, topic, minutes, note: given(form.note), date };
    state.store.add_log(me, &entry).await?;
    Ok(Redirect::to("/log"))
}
