//! The JSON API under `/api/v1`: everything the pages do, described by an
//! OpenAPI 3.1 document generated from these handlers (`/api/v1/openapi.json`).
//! Every error is [`ApiError`]'s JSON shape, including malformed JSON, wrong
//! types, oversized bodies and unknown paths.

pub(crate) mod exercises;
mod review;
mod types;

use axum::extract::{FromRequest, FromRequestParts, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use pyroad_store::{NewLogEntry, Store, StoredRoadmap};
use utoipa::OpenApi;

use crate::error::{ApiError, ErrorBody, ErrorDetail};
use crate::learner::Learner;
use crate::state::AppState;
use crate::views::{Streak, Tally, Tracker, minutes_per_week, streak_of};
pub use exercises::{CheckResult, LastCheck};
pub use types::*;

/// `axum::Json` whose rejections (syntax, types, content type, size) are
/// [`ApiError`]s.
#[derive(FromRequest)]
#[from_request(via(Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

type ApiResult<T> = Result<Json<T>, ApiError>;

pub fn routes<S: Store + 'static>() -> Router<AppState<S>> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/status", get(status::<S>))
        .route("/roadmaps", get(list_roadmaps::<S>).post(add_roadmap::<S>))
        .route("/roadmaps/{name}", get(get_roadmap::<S>))
        .route("/roadmaps/{name}/activate", post(activate::<S>))
        .route("/roadmaps/{name}/progress", get(progress::<S>).post(set_status::<S>))
        .route("/roadmaps/{name}/notes", get(notes::<S>).post(add_note::<S>))
        .route("/log", get(log::<S>).post(add_log::<S>))
        .route("/plan", get(plan::<S>))
        .route("/exercises", get(exercises::list::<S>))
        .route("/exercises/{id}", get(exercises::detail::<S>))
        .route("/exercises/{id}/check", post(exercises::check::<S>))
        .route("/exercises/{id}/hint", post(exercises::hint::<S>))
        .route("/review", get(review::queue::<S>).post(review::rate::<S>))
        .fallback(|| async { ApiError::NotFound("no such API path".into()) })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "pyroad",
        description = "Track a Python learning roadmap: roadmaps, progress, notes, log, plan, exercises, review."
    ),
    paths(
        status,
        list_roadmaps,
        add_roadmap,
        get_roadmap,
        activate,
        progress,
        set_status,
        notes,
        add_note,
        log,
        add_log,
        plan,
        exercises::list,
        exercises::detail,
        exercises::check,
        exercises::hint,
        review::queue,
        review::rate
    ),
    components(schemas(ErrorBody, ErrorDetail, Tally, Streak))
)]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The active roadmap's summary: progress, streak, this week's time, next topics.
#[utoipa::path(get, path = "/api/v1/status", responses((status = 200, body = StatusSummary)))]
async fn status<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> ApiResult<StatusSummary> {
    let log = state.store.log_entries(me, None).await?;
    let week_minutes = minutes_per_week(&log, state.clock.today(), 1).first().map_or(0, |w| w.1);
    let Some(stored) = state.store.active_roadmap(me).await? else {
        return Ok(Json(StatusSummary {
            roadmap: None,
            title: None,
            tally: Tally::default(),
            percent: 0,
            streak: streak_of(&log, &[], &state.clock),
            week_minutes,
            next: Vec::new(),
        }));
    };
    let rows = state.store.progress(me, stored.id).await?;
    let tracker = Tracker::new(&stored.roadmap, &rows);
    let tally = tracker.tally_all();
    let next = tracker
        .next_ready(5, &pyroad_content::index::prerequisites(&stored.roadmap, pyroad_progress::trackable))
        .into_iter()
        .map(|n| NextTopic { id: n.id.clone(), title: n.title.clone(), status: tracker.status(&n.id).into() })
        .collect();
    Ok(Json(StatusSummary {
        roadmap: Some(stored.name.clone()),
        title: Some(stored.roadmap.title.clone()),
        tally,
        percent: tally.percent(),
        streak: streak_of(&log, &rows, &state.clock),
        week_minutes,
        next,
    }))
}

async fn active_name<S: Store>(state: &AppState<S>, me: pyroad_store::LearnerId) -> Result<Option<String>, ApiError> {
    Ok(state.store.active_roadmap(me).await?.map(|r| r.name))
}

#[utoipa::path(get, path = "/api/v1/roadmaps", responses((status = 200, body = [RoadmapSummary])))]
async fn list_roadmaps<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
) -> ApiResult<Vec<RoadmapSummary>> {
    let active = active_name(&state, me).await?;
    let list = state.store.list_roadmaps(me).await?;
    Ok(Json(list.into_iter().map(|info| RoadmapSummary::new(info, active.as_deref())).collect()))
}

/// Imports markdown (or a plain-text outline) and stores it.
#[utoipa::path(post, path = "/api/v1/roadmaps", request_body = NewRoadmap, responses(
    (status = 201, body = AddedRoadmap),
    (status = 409, description = "the name is taken", body = ErrorBody),
    (status = 413, description = "the body is over the limit", body = ErrorBody),
    (status = 422, description = "a wrong field or an unusable name", body = ErrorBody),
))]
async fn add_roadmap<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiJson(body): ApiJson<NewRoadmap>,
) -> Result<(StatusCode, Json<AddedRoadmap>), ApiError> {
    pyroad_store::check_name(&body.name)?;
    let imported = crate::pages::import_roadmap(&body.markdown, &body.name);
    if imported.roadmap.is_empty() {
        return Err(ApiError::Invalid("the text holds no roadmap items".into()));
    }
    let warnings = pyroad_import::lint::lint(&imported).iter().map(LintFinding::from).collect();
    let stored = state.store.add_roadmap(me, &body.name, &imported.roadmap).await?;
    if body.activate {
        state.store.set_active(me, &body.name).await?;
    }
    let active = active_name(&state, me).await?;
    Ok((
        StatusCode::CREATED,
        Json(AddedRoadmap {
            active: active.as_deref() == Some(stored.name.as_str()),
            nodes: stored.roadmap.len(),
            title: stored.roadmap.title,
            name: stored.name,
            warnings,
        }),
    ))
}

async fn named<S: Store>(
    state: &AppState<S>,
    me: pyroad_store::LearnerId,
    name: &str,
) -> Result<StoredRoadmap, ApiError> {
    Ok(state.store.roadmap(me, name).await?)
}

#[utoipa::path(get, path = "/api/v1/roadmaps/{name}", params(("name" = String, Path, description = "the roadmap's short name")),
    responses((status = 200, body = RoadmapDetail), (status = 404, body = ErrorBody)))]
async fn get_roadmap<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(name): ApiPath<String>,
) -> ApiResult<RoadmapDetail> {
    let stored = named(&state, me, &name).await?;
    let active = active_name(&state, me).await?;
    Ok(Json(RoadmapDetail {
        active: active.as_deref() == Some(name.as_str()),
        name: stored.name,
        roadmap: stored.roadmap,
    }))
}

#[utoipa::path(post, path = "/api/v1/roadmaps/{name}/activate", params(("name" = String, Path, description = "the roadmap's short name")),
    responses((status = 204, description = "it is the active roadmap now"), (status = 404, body = ErrorBody)))]
async fn activate<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(name): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    state.store.set_active(me, &name).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Progress rows of a roadmap; nodes without a row are todo.
#[utoipa::path(get, path = "/api/v1/roadmaps/{name}/progress", params(("name" = String, Path, description = "the roadmap's short name")),
    responses((status = 200, body = [ProgressRow]), (status = 404, body = ErrorBody)))]
async fn progress<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(name): ApiPath<String>,
) -> ApiResult<Vec<ProgressRow>> {
    let stored = named(&state, me, &name).await?;
    let rows = state.store.progress(me, stored.id).await?;
    Ok(Json(rows.into_iter().map(ProgressRow::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/roadmaps/{name}/progress", params(("name" = String, Path, description = "the roadmap's short name")),
    request_body = SetStatus,
    responses((status = 200, body = ProgressRow), (status = 404, description = "no such roadmap or topic", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn set_status<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(name): ApiPath<String>,
    ApiJson(body): ApiJson<SetStatus>,
) -> ApiResult<ProgressRow> {
    let stored = named(&state, me, &name).await?;
    let row = state.store.set_status(me, stored.id, &body.topic, body.status.into()).await?;
    Ok(Json(row.into()))
}

#[utoipa::path(get, path = "/api/v1/roadmaps/{name}/notes", params(("name" = String, Path, description = "the roadmap's short name"), NotesQuery),
    responses((status = 200, body = [NoteRow]), (status = 404, body = ErrorBody)))]
async fn notes<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(name): ApiPath<String>,
    ApiQuery(query): ApiQuery<NotesQuery>,
) -> ApiResult<Vec<NoteRow>> {
    let stored = named(&state, me, &name).await?;
    let notes = state.store.notes(me, stored.id, query.topic.as_deref()).await?;
    Ok(Json(notes.into_iter().map(NoteRow::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/roadmaps/{name}/notes", params(("name" = String, Path, description = "the roadmap's short name")),
    request_body = NewNote,
    responses((status = 201, body = NoteRow), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_note<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(name): ApiPath<String>,
    ApiJson(body): ApiJson<NewNote>,
) -> Result<(StatusCode, Json<NoteRow>), ApiError> {
    let stored = named(&state, me, &name).await?;
    let note = state.store.add_note(me, stored.id, &body.topic, &body.body).await?;
    Ok((StatusCode::CREATED, Json(note.into())))
}

/// Every log entry, oldest first.
#[utoipa::path(get, path = "/api/v1/log", responses((status = 200, body = [LogRow])))]
async fn log<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> ApiResult<Vec<LogRow>> {
    let entries = state.store.log_entries(me, None).await?;
    Ok(Json(entries.into_iter().map(LogRow::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/log", request_body = NewLog,
    responses((status = 201, body = LogRow), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_log<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiJson(body): ApiJson<NewLog>,
) -> Result<(StatusCode, Json<LogRow>), ApiError> {
    let today = state.clock.today();
    let date = body.date.unwrap_or(today);
    if date > today {
        return Err(ApiError::Invalid(format!("{date} is in the future: log time you have spent")));
    }
    let roadmap = match &body.topic {
        Some(topic) => {
            let stored =
                state.store.active_roadmap(me).await?.ok_or_else(|| ApiError::NotFound("no active roadmap".into()))?;
            if stored.roadmap.find(topic).is_none() {
                return Err(ApiError::NotFound(format!("no topic {topic:?} in the roadmap {:?}", stored.name)));
            }
            Some(stored.id)
        }
        None => None,
    };
    let entry = NewLogEntry { roadmap, topic: body.topic, minutes: body.minutes, note: body.note, date };
    pyroad_store::check_log(&entry)?;
    let saved = state.store.add_log(me, &entry).await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}

/// The active roadmap's dated plan (the Plan page's data): weeks, study
/// days, section spans, milestones, estimates with their sources.
#[utoipa::path(get, path = "/api/v1/plan", params(crate::pages::plan::PlanQuery),
    responses((status = 200, description = "the plan", body = Object), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn plan<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiQuery(query): ApiQuery<crate::pages::plan::PlanQuery>,
) -> Result<Json<pyroad_plan::Plan>, ApiError> {
    Ok(Json(crate::pages::plan::make(&state, me, query).await?.plan))
}
