//! `/api/v1/exercises`: the built-in exercises, the learner's code and last
//! verdict, hints, and checks (the Exercise page's data and actions).

use axum::Json;
use axum::extract::State;
use pyroad_check::Report;
use pyroad_store::{ExerciseResult, Store};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, ApiResult};
use crate::error::ApiError;
use crate::learner::Learner;
use crate::practice;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum VerdictStatus {
    Pass,
    Fail,
    /// The tests could not all run (syntax error, timeout, crash).
    Error,
}

impl From<pyroad_check::Status> for VerdictStatus {
    fn from(s: pyroad_check::Status) -> Self {
        match s {
            pyroad_check::Status::Pass => VerdictStatus::Pass,
            pyroad_check::Status::Fail => VerdictStatus::Fail,
            pyroad_check::Status::Error => VerdictStatus::Error,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TestVerdict {
    pub name: String,
    pub status: VerdictStatus,
    /// Why it failed: the failing expression with its parts' values, or a
    /// short traceback.
    pub message: Option<String>,
    /// What the test printed.
    pub output: Option<String>,
}

/// One check's verdict, test by test.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckResult {
    pub exercise: String,
    pub status: VerdictStatus,
    /// For `error`: what stopped the run.
    pub message: Option<String>,
    pub passed: usize,
    pub total: usize,
    pub tests: Vec<TestVerdict>,
    /// What the code printed outside the tests (while being imported).
    pub output: String,
}

impl CheckResult {
    pub fn new(exercise: &str, report: &Report) -> Self {
        CheckResult {
            exercise: exercise.to_owned(),
            status: report.status.into(),
            message: report.message.clone(),
            passed: report.passed(),
            total: report.tests.len(),
            tests: report
                .tests
                .iter()
                .map(|t| TestVerdict {
                    name: t.name.clone(),
                    status: t.status.into(),
                    message: t.message.clone(),
                    output: t.output.clone().filter(|o| !o.is_empty()),
                })
                .collect(),
            output: report.output.clone(),
        }
    }
}

/// The last recorded check of an exercise.
#[derive(Debug, Serialize, ToSchema)]
pub struct LastCheck {
    pub passed: bool,
    pub tests_passed: u32,
    pub tests_total: u32,
    #[schema(value_type = String, format = DateTime)]
    pub checked_at: jiff::Timestamp,
}

impl From<&ExerciseResult> for LastCheck {
    fn from(r: &ExerciseResult) -> Self {
        LastCheck {
            passed: r.passed,
            tests_passed: r.tests_passed,
            tests_total: r.tests_total,
            checked_at: r.checked_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExerciseSummary {
    pub id: String,
    pub title: String,
    /// Curriculum topic ids it practises.
    pub topics: Vec<String>,
    pub difficulty: u8,
    pub last: Option<LastCheck>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExerciseDetail {
    pub id: String,
    pub title: String,
    pub topics: Vec<String>,
    /// Markdown.
    pub statement: String,
    /// The learner's current code (the starter before the first check).
    pub code: String,
    pub hints_total: usize,
    /// The hints shown so far, in order.
    pub hints: Vec<String>,
    pub last: Option<LastCheck>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    /// The learner's whole module.
    pub code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Hints {
    pub total: usize,
    pub shown: Vec<String>,
}

/// The last check of each exercise, by exercise id.
pub async fn last_checks<S: Store>(
    state: &AppState<S>,
    me: pyroad_store::LearnerId,
    exercise: Option<&str>,
) -> Result<std::collections::HashMap<String, LastCheck>, ApiError> {
    let results = state.store.exercise_results(me, exercise).await?;
    // Oldest first: later checks replace earlier ones.
    Ok(results.iter().map(|r| (r.exercise.clone(), LastCheck::from(r))).collect())
}

#[utoipa::path(get, path = "/api/v1/exercises", responses((status = 200, body = [ExerciseSummary])))]
pub async fn list<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> ApiResult<Vec<ExerciseSummary>> {
    let mut last = last_checks(&state, me, None).await?;
    let all = state.practice.all()?;
    Ok(Json(
        all.iter()
            .map(|e| ExerciseSummary {
                id: e.id.clone(),
                title: e.title.clone(),
                topics: e.topics.clone(),
                difficulty: e.difficulty,
                last: last.remove(&e.id),
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/exercises/{id}", params(("id" = String, Path, description = "the exercise id")),
    responses((status = 200, body = ExerciseDetail), (status = 404, body = crate::error::ErrorBody)))]
pub async fn detail<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<ExerciseDetail> {
    let ex = state.practice.exercise(&id)?;
    let (code, progress) = practice::current(&state, me, &id).await?;
    let last = last_checks(&state, me, Some(&id)).await?.remove(&id);
    Ok(Json(ExerciseDetail {
        id: ex.id.clone(),
        title: ex.title.clone(),
        topics: ex.topics.clone(),
        statement: ex.statement.clone(),
        code,
        hints_total: ex.hints.len(),
        hints: ex.hints.iter().take(progress.hints_shown).cloned().collect(),
        last,
    }))
}

/// Checks the code with the same checker, limits and records as `pyroad
/// check`: the code becomes the learner's file in the practice folder and
/// the result is stored (it counts towards verified topics).
#[utoipa::path(post, path = "/api/v1/exercises/{id}/check", params(("id" = String, Path, description = "the exercise id")),
    request_body = CheckRequest,
    responses((status = 200, description = "the verdict (also when tests fail)", body = CheckResult),
        (status = 404, body = crate::error::ErrorBody),
        (status = 409, description = "a check of this learner is still running", body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody),
        (status = 503, description = "no Python to check with", body = crate::error::ErrorBody)))]
pub async fn check<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<CheckRequest>,
) -> ApiResult<CheckResult> {
    let report = practice::check(&state, me, &id, body.code).await?;
    Ok(Json(CheckResult::new(&id, &report)))
}

/// Shows the next hint (counted like `pyroad hint`: hints used before a
/// pass are recorded with the check).
#[utoipa::path(post, path = "/api/v1/exercises/{id}/hint", params(("id" = String, Path, description = "the exercise id")),
    responses((status = 200, body = Hints), (status = 404, description = "no such exercise, or it has no hints", body = crate::error::ErrorBody)))]
pub async fn hint<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Hints> {
    let shown = practice::next_hint(&state, me, &id).await?;
    let ex = state.practice.exercise(&id)?;
    Ok(Json(Hints { total: ex.hints.len(), shown: ex.hints.iter().take(shown).cloned().collect() }))
}
