//! The Roadmaps page: list, switch the active one, paste (or, with the
//! script, load a file) a markdown roadmap, preview its parsed tree and lint
//! findings before saving, export markdown or JSON.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use pyroad_import::{Imported, Options};
use pyroad_store::Store;
use serde::{Deserialize, Serialize};

use super::{given, render};
use crate::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::state::AppState;
use crate::views::{Tracker, tree};

#[derive(Serialize)]
struct Row {
    name: String,
    title: String,
    nodes: i64,
    done: i64,
    active: bool,
}

pub async fn list<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> Result<Html<String>, PageError> {
    let active = state.store.active_roadmap(me).await?.map(|r| r.name);
    let rows: Vec<Row> = state
        .store
        .list_roadmaps(me)
        .await?
        .into_iter()
        .map(|r| Row {
            active: active.as_deref() == Some(r.name.as_str()),
            name: r.name,
            title: r.title,
            nodes: r.nodes,
            done: r.done,
        })
        .collect();
    render(&state, me, "roadmaps.html", "roadmaps", minijinja::context! { roadmaps => rows })
}

#[derive(Deserialize)]
pub struct RoadmapForm {
    name: Option<String>,
    markdown: String,
    activate: Option<String>,
}

/// Imports pasted text; the title falls back to the given name.
pub fn import_roadmap(markdown: &str, name: &str) -> Imported {
    let options = Options { fallback_title: Some(name.to_owned()), ..Options::default() };
    pyroad_import::import_str(markdown, &options)
}

fn name_of(form: &RoadmapForm) -> Result<String, ApiError> {
    let name = given(form.name.clone()).ok_or_else(|| ApiError::Invalid("give the roadmap a short name".into()))?;
    pyroad_store::check_name(&name)?;
    Ok(name)
}

pub async fn preview<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<RoadmapForm>,
) -> Result<Html<String>, PageError> {
    let name = name_of(&form)?;
    let imported = import_roadmap(&form.markdown, &name);
    let findings = pyroad_import::lint::lint(&imported);
    let tracker = Tracker::new(&imported.roadmap, &[]);
    render(
        &state,
        me,
        "preview.html",
        "roadmaps",
        minijinja::context! {
            name, markdown => form.markdown, title => imported.roadmap.title,
            count => imported.roadmap.len(), nodes => tree(&tracker, &imported.roadmap.children),
            findings => findings.iter().map(|f| minijinja::context! {
                line => f.line, rule => f.rule.as_str(), message => f.message }).collect::<Vec<_>>(),
        },
    )
}

pub async fn save<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<RoadmapForm>,
) -> Result<Redirect, PageError> {
    let name = name_of(&form)?;
    let imported = import_roadmap(&form.markdown, &name);
    if imported.roadmap.is_empty() {
        return Err(ApiError::Invalid("the text holds no roadmap items".into()).into());
    }
    state.store.add_roadmap(me, &name, &imported.roadmap).await?;
    if form.activate.is_some() {
        state.store.set_active(me, &name).await?;
    }
    Ok(Redirect::to("/roadmaps"))
}

#[derive(Deserialize)]
pub struct ActiveForm {
    name: String,
}

pub async fn set_active<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> Result<Redirect, PageError> {
    state.store.set_active(me, &form.name).await?;
    Ok(Redirect::to("/roadmaps"))
}

pub async fn export<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Path((name, format)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let stored = state.store.roadmap(me, &name).await?;
    let (body, mime, ext) = match format.as_str() {
        "markdown" | "md" => {
            (pyroad_import::export::to_markdown(&stored.roadmap), "text/markdown; charset=utf-8", "md")
        }
        "json" => (pyroad_import::export::to_json(&stored.roadmap), "application/json", "json"),
        other => return Err(ApiError::NotFound(format!("no export format {other:?} (markdown or json)")).into()),
    };
    // The file name keeps only safe characters of the roadmap's name.
    let stem: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{stem}.{ext}\""))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static(mime)), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response())
}
