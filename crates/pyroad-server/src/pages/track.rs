//! Dashboard, roadmap map, topic page, and the status and note forms.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect, Response};
use jiff::ToSpan;
use jiff::civil::Date;
use minijinja::Value;
use pyroad_content::Topic;
use pyroad_model::{Node, Roadmap};
use pyroad_store::{LearnerId, Status, Store};
use serde::{Deserialize, Serialize};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{active, encode_path, render};
use crate::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::state::AppState;
use crate::view_cache::{Page, PageBody};
use crate::views::{Tracker, minutes_per_week, minutes_text, safe_url, streak_of, tree};

#[derive(Serialize)]
struct NextItem {
    id: String,
    title: String,
    status: &'static str,
    estimate: Option<String>,
}

pub async fn dashboard<S: Store + 'static>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let today = state.clock.today();
    let body = state.views.get(me, Page::Dashboard, today, || build_dashboard(state.clone(), me, today)).await?;
    Ok(body.response(&headers))
}

/// Reads what the dashboard shows, then builds it off the async runtime.
async fn build_dashboard<S: Store + 'static>(
    state: AppState<S>,
    me: LearnerId,
    today: Date,
) -> Result<PageBody, PageError> {
    let _permit = build_permit(Arc::clone(&state.builds)).await?;
    let log = state.store.log_entries(me, None).await?;
    let Some(stored) = active(&state, me).await? else {
        return off_runtime(move || {
            let week = minutes_per_week(&log, today, 1).first().map_or(0, |w| w.1);
            let streak = streak_of(&log, &[], &state.clock);
            render(
                &state,
                me,
                "dashboard.html",
                "dashboard",
                minijinja::context! { roadmap => Value::from(()), streak, week => minutes_text(week) },
            )
        })
        .await;
    };
    let progress = state.store.progress(me, stored.id).await?;
    let kept = super::plan::kept(&state, me, stored.id).await?;
    let due_reviews = crate::reviews::due_for(&state, me, Some((&stored, &progress))).await?.len();
    off_runtime(move || {
        let week = minutes_per_week(&log, today, 1).first().map_or(0, |w| w.1);
        let tracker = Tracker::new(&stored.roadmap, &progress);
        let tally = tracker.tally_all();
        let next: Vec<NextItem> = tracker
            .next_ready(5, &pyroad_content::index::prerequisites(&stored.roadmap, pyroad_progress::trackable))
            .into_iter()
            .map(|n| NextItem {
                id: n.id.clone(),
                title: n.title.clone(),
                status: tracker.status(&n.id).as_str(),
                estimate: n.estimate.as_ref().map(|e| e.raw.clone()),
            })
            .collect();
        let streak = streak_of(&log, &progress, &state.clock);
        // Pace: topics finished in the last 28 days, projected over what is left.
        let since = today.checked_sub(28.days()).unwrap_or(today);
        let recent = progress
            .iter()
            .filter(|p| p.status == Status::Done && p.done_at.is_some_and(|t| state.clock.day_of(t) > since))
            .count();
        let left = tally.counted().saturating_sub(tally.done);
        let finish = if left == 0 {
            Some(today.to_string())
        } else if recent > 0 {
            let days = (left as f64 * 28.0 / recent as f64).ceil() as i64;
            today.checked_add(days.days()).ok().map(|d| d.to_string())
        } else {
            None
        };
        let standing = super::plan::standing(kept, today, &stored, &progress, &log);
        render(
            &state,
            me,
            "dashboard.html",
            "dashboard",
            minijinja::context! {
                standing,
                roadmap => minijinja::context! { name => stored.name, title => stored.roadmap.title },
                tally, percent => tally.percent(), left, next, streak, finish,
                week => minutes_text(week), due_reviews,
            },
        )
    })
    .await
}

pub async fn roadmap_map<S: Store + 'static>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let today = state.clock.today();
    let body = state.views.get(me, Page::Roadmap, today, || build_roadmap_map(state.clone(), me)).await?;
    Ok(body.response(&headers))
}

async fn build_roadmap_map<S: Store + 'static>(state: AppState<S>, me: LearnerId) -> Result<PageBody, PageError> {
    let _permit = build_permit(Arc::clone(&state.builds)).await?;
    let Some(stored) = active(&state, me).await? else {
        return Err(ApiError::NotFound("no active roadmap yet: add one on the Roadmaps page".into()).into());
    };
    let progress = state.store.progress(me, stored.id).await?;
    let marks = crate::marks::of_roadmap(&state, me, &stored).await?;
    off_runtime(move || {
        let tracker = Tracker::new(&stored.roadmap, &progress);
        let tally = tracker.tally_all();
        render(
            &state,
            me,
            "roadmap.html",
            "roadmap",
            minijinja::context! {
                name => stored.name, title => stored.roadmap.title, description => stored.roadmap.description,
                tally, percent => tally.percent(), nodes => tree(&tracker, &stored.roadmap.children), marks,
            },
        )
    })
    .await
}

/// Leave to build a page, reading included. At most one build per core
/// runs at a time: more would not finish sooner, and each holds the stored
/// roadmap, its tree and the page in memory (256 builds at once took the
/// server past 300 MB in the load bench, most of it waiting roadmaps).
async fn build_permit(builds: Arc<Semaphore>) -> Result<OwnedSemaphorePermit, PageError> {
    Ok(builds.acquire_owned().await.map_err(|e| ApiError::Internal(format!("no page builds: {e}")))?)
}

/// Runs a page's CPU-bound part (tracker, tallies, template, gzip) on the
/// blocking pool, so a build never holds up the runtime's other requests.
async fn off_runtime(
    build: impl FnOnce() -> Result<Html<String>, PageError> + Send + 'static,
) -> Result<PageBody, PageError> {
    tokio::task::spawn_blocking(move || build().map(|html| PageBody::new(html.0)))
        .await
        .map_err(|e| ApiError::Internal(format!("building the page failed: {e}")))?
}

/// The built-in lesson for a roadmap node: by id, title or alias first,
/// then the coverage matcher (the same one `pyroad roadmap coverage` uses).
fn lesson_for<'c>(curriculum: &'c pyroad_content::Curriculum, node: &Node) -> Option<&'c Topic> {
    if let Some(t) = curriculum.find(&node.id).or_else(|| curriculum.find(&node.title)) {
        return Some(t);
    }
    let mut alone = node.clone();
    alone.children.clear();
    let mut roadmap = Roadmap::new("one topic");
    roadmap.children.push(alone);
    let report = pyroad_content::coverage(curriculum, &roadmap);
    let id = &report.items.first()?.topics.first()?.id;
    curriculum.find(id)
}

pub async fn topic<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let Some(stored) = active(&state, me).await? else {
        return Err(ApiError::NotFound("no active roadmap yet: add one on the Roadmaps page".into()).into());
    };
    let node = stored
        .roadmap
        .find(&id)
        .ok_or_else(|| ApiError::NotFound(format!("no topic {id:?} in the roadmap {:?}", stored.name)))?;
    let progress = state.store.progress(me, stored.id).await?;
    let tracker = Tracker::new(&stored.roadmap, &progress);
    let notes: Vec<Value> = state
        .store
        .notes(me, stored.id, Some(&node.id))
        .await?
        .into_iter()
        .map(|n| minijinja::context! { body => n.body, day => state.clock.day_of(n.created_at).to_string() })
        .collect();
    let row = tracker.row(&node.id);
    let topic = lesson_for(&state.curriculum, node);
    let exercises = match topic {
        Some(t) => super::exercise::of_topic(&state, me, &t.id).await?,
        None => Vec::new(),
    };
    let lesson = topic.map(|t| {
        minijinja::context! {
            id => t.id, title => t.title, summary => t.summary, hours => t.estimate_hours,
            html => Value::from_safe_string(crate::markdown::render(&t.lesson)),
            docs => t.docs.iter().filter_map(|d| Some(minijinja::context! {
                title => d.title, url => safe_url(Some(&d.url))? })).collect::<Vec<_>>(),
            questions => t.questions.iter().map(|q| minijinja::context! {
                code => q.code, output => q.output, explain => q.explain }).collect::<Vec<_>>(),
        }
    });
    render(
        &state,
        me,
        "topic.html",
        "roadmap",
        minijinja::context! {
            node => minijinja::context! {
                id => node.id, title => node.title, kind => node.kind.as_str(),
                description => node.description, code => node.code,
                url => safe_url(node.url.as_deref()), estimate => node.estimate.as_ref().map(|e| e.raw.clone()),
            },
            status => tracker.status(&node.id).as_str(),
            started => row.and_then(|p| p.started_at).map(|t| state.clock.day_of(t).to_string()),
            done => row.and_then(|p| p.done_at).map(|t| state.clock.day_of(t).to_string()),
            statuses => Status::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            children => tree(&tracker, &node.children),
            notes, lesson, exercises,
        },
    )
}

#[derive(Deserialize)]
pub struct StatusForm {
    topic: String,
    status: String,
}

pub async fn set_status<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Redirect, PageError> {
    let status: Status = form
        .status
        .parse()
        .map_err(|_| ApiError::Invalid(format!("{:?} is not a status (todo, learning, done, skipped)", form.status)))?;
    let stored = active(&state, me).await?.ok_or_else(|| ApiError::NotFound("no active roadmap".into()))?;
    state.store.set_status(me, stored.id, &form.topic, status).await?;
    Ok(Redirect::to(&format!("/topic/{}", encode_path(&form.topic))))
}

#[derive(Deserialize)]
pub struct NoteForm {
    topic: String,
    body: String,
}

pub async fn add_note<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<NoteForm>,
) -> Result<Redirect, PageError> {
    let stored = active(&state, me).await?.ok_or_else(|| ApiError::NotFound("no active roadmap".into()))?;
    state.store.add_note(me, stored.id, &form.topic, &form.body).await?;
    Ok(Redirect::to(&format!("/topic/{}#notes", encode_path(&form.topic))))
}
