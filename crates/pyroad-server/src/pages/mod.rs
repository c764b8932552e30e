//! The HTML pages. Every page works without JavaScript: reading is plain
//! HTML, every action is a form POST carrying the CSRF token, answered with
//! a 303 redirect (post/redirect/get).

mod exercise;
mod log;
pub(crate) mod plan;
mod review;
mod roadmaps;
mod stats;
pub use roadmaps::import_roadmap;
mod track;

use axum::Router;
use axum::response::Html;
use axum::routing::{get, post};
use minijinja::Value;
use pyroad_store::{LearnerId, Store, StoredRoadmap};

use crate::error::{ApiError, PageError};
use crate::state::AppState;

pub fn routes<S: Store + 'static>() -> Router<AppState<S>> {
    Router::new()
        .route("/", get(track::dashboard::<S>))
        .route("/roadmap", get(track::roadmap_map::<S>))
        .route("/topic/{*id}", get(track::topic::<S>))
        .route("/status", post(track::set_status::<S>))
        .route("/notes", post(track::add_note::<S>))
        .route("/roadmaps", get(roadmaps::list::<S>).post(roadmaps::save::<S>))
        .route("/roadmaps/preview", post(roadmaps::preview::<S>))
        .route("/roadmaps/active", post(roadmaps::set_active::<S>))
        .route("/roadmaps/{name}/export/{format}", get(roadmaps::export::<S>))
        .route("/log", get(log::page::<S>).post(log::add::<S>))
        .route("/plan", get(plan::page::<S>).post(plan::keep::<S>))
        .route("/plan.ics", get(plan::ics::<S>))
        .route("/exercises", get(exercise::list::<S>))
        .route("/exercise/{id}", get(exercise::page::<S>))
        .route("/exercise/{id}/check", post(exercise::check::<S>))
        .route("/exercise/{id}/hint", post(exercise::hint::<S>))
        .route("/review", get(review::page::<S>).post(review::rate::<S>))
}

/// Renders `name` with `context` plus what every page needs (the CSRF
/// token for its forms, the page key for the navigation).
fn render<S: Store>(
    state: &AppState<S>,
    learner: LearnerId,
    name: &str,
    page: &str,
    context: Value,
) -> Result<Html<String>, PageError> {
    let template = state.templates.get_template(name).map_err(|e| ApiError::Internal(e.to_string()))?;
    let html = template
        .render(minijinja::context! { csrf => state.csrf.token(learner), page => page, ..context })
        .map_err(|e| ApiError::Internal(format!("template {name}: {e:#}")))?;
    Ok(Html(html))
}

/// The active roadmap, or `None` when the learner has none yet.
async fn active<S: Store>(state: &AppState<S>, learner: LearnerId) -> Result<Option<StoredRoadmap>, PageError> {
    Ok(state.store.active_roadmap(learner).await?)
}

/// A path segment (or a slash-separated id) percent-encoded for a URL.
pub fn encode_path(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A query-string value percent-encoded.
fn encode_query(value: &str) -> String {
    serde_urlencoded::to_string([("", value)]).map(|s| s[1..].to_owned()).unwrap_or_default()
}

/// An empty form field means "not given".
fn given(field: Option<String>) -> Option<String> {
    field.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}
