//! Practice on the web: the same checker, practice folder and records as
//! `pyroad check` (`crates/pyroad/src/commands/practice.rs`). The learner's
//! code lives in the CLI's practice folder (`<data dir>/exercises`), so a
//! file started in the terminal shows up in the browser's editor and the
//! other way round; hints shown are counted in that folder's state file and
//! every check is recorded in the store (`record_exercise`), which is what
//! makes topics verified.
//!
//! Checking runs CPython, which blocks: it runs on tokio's blocking pool,
//! one check at a time per learner, with the checker's default limits (the
//! CLI's default `--timeout 10`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use pyroad_check::exercise::{self, Exercise};
use pyroad_check::workspace::{ExerciseState, ProgressStore, Workspace, now_secs};
use pyroad_check::{Checker, Limits, Report, Status, python};
use pyroad_content::deck;
use pyroad_content::review::exercise_rating;
use pyroad_store::{LearnerId, NewExerciseResult, ReviewSource, Store};

use crate::error::ApiError;
use crate::state::AppState;

/// Where practice happens and what checks with.
pub struct Practice {
    /// The practice folder of the local learner (others get a sub-folder);
    /// `None`: checking is switched off (a server built without one).
    root: Option<PathBuf>,
    /// `--python`; `None` finds one like the CLI does.
    python: Option<PathBuf>,
    exercises: Result<Vec<Exercise>, String>,
    /// Made on the first check (finding Python and starting the fork server
    /// cost a process start); an error is kept and shown on every check.
    checker: OnceLock<Result<Arc<Checker>, String>>,
    /// Learners with a check running.
    running: Mutex<HashSet<LearnerId>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic mid-update leaves a set of ids, still usable.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Practice {
    /// Practice in `root` (the CLI's `<data dir>/exercises`), checked with
    /// `python` or the interpreter the CLI would find.
    pub fn new(root: Option<PathBuf>, python: Option<PathBuf>) -> Practice {
        Practice {
            root,
            python,
            exercises: exercise::all_embedded().map_err(|e| e.to_string()),
            checker: OnceLock::new(),
            running: Mutex::new(HashSet::new()),
        }
    }

    /// Every built-in exercise.
    pub fn all(&self) -> Result<&[Exercise], ApiError> {
        self.exercises.as_deref().map_err(|e| ApiError::Internal(format!("the built-in exercises do not load: {e}")))
    }

    pub fn exercise(&self, id: &str) -> Result<&Exercise, ApiError> {
        self.all()?.iter().find(|e| e.id == id).ok_or_else(|| ApiError::NotFound(format!("no exercise {id:?}")))
    }

    /// The exercises that practise a curriculum topic.
    pub fn of_topic(&self, topic: &str) -> Vec<&Exercise> {
        self.exercises.as_deref().unwrap_or_default().iter().filter(|e| e.topics.iter().any(|t| t == topic)).collect()
    }

    /// The learner's practice folder: the local learner shares the CLI's.
    pub fn workspace(&self, learner: LearnerId) -> Option<Workspace> {
        let root = self.root.as_ref()?;
        Some(Workspace::new(if learner == LearnerId::LOCAL {
            root.clone()
        } else {
            root.join("learners").join(learner.0.to_string())
        }))
    }

    fn checker(&self) -> Result<Arc<Checker>, ApiError> {
        let made = self.checker.get_or_init(|| {
            let py = python::find(self.python.as_deref(), None).map_err(|e| e.to_string())?;
            let checker = Checker::new(py, Limits::default());
            // Many checks follow: keep a fork server warm. If it cannot
            // start, checks still run one process each.
            if let Err(e) = checker.warm_up() {
                tracing::warn!("the checker's fork server did not start: {e}");
            }
            Ok(Arc::new(checker))
        });
        made.clone().map_err(|e| ApiError::Unavailable(format!("cannot check exercises here: {e}")))
    }
}

/// One check in flight for a learner; dropping it lets the next one start.
struct Running {
    practice: Arc<Practice>,
    learner: LearnerId,
}

impl Drop for Running {
    fn drop(&mut self) {
        lock(&self.practice.running).remove(&self.learner);
    }
}

fn claim(practice: &Arc<Practice>, learner: LearnerId) -> Result<Running, ApiError> {
    if !lock(&practice.running).insert(learner) {
        return Err(ApiError::Conflict("a check of yours is still running; wait for its verdict".into()));
    }
    Ok(Running { practice: Arc::clone(practice), learner })
}

/// Runs blocking work (files, Python) off the async runtime.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| ApiError::Internal(format!("a blocking task failed: {e}")))?
}

fn folder_error(e: &std::io::Error) -> ApiError {
    ApiError::Internal(format!("the practice folder: {e}"))
}

fn practice_folder(practice: &Practice, learner: LearnerId) -> Result<Workspace, ApiError> {
    practice.workspace(learner).ok_or_else(|| ApiError::Unavailable("this server has no practice folder".into()))
}

/// What the editor shows: the learner's file, else the starter; and the
/// exercise's state in the practice folder.
pub async fn current<S: Store>(
    state: &AppState<S>,
    learner: LearnerId,
    id: &str,
) -> Result<(String, ExerciseState), ApiError> {
    let practice = Arc::clone(&state.practice);
    let id = id.to_owned();
    blocking(move || {
        let ex = practice.exercise(&id)?;
        let starter = ex.starter_source().unwrap_or_default();
        let Some(ws) = practice.workspace(learner) else { return Ok((starter, ExerciseState::default())) };
        let code = match std::fs::read_to_string(ws.learner_path(ex)) {
            Ok(code) => code,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => starter,
            Err(e) => return Err(folder_error(&e)),
        };
        Ok((code, ws.state().map_err(|e| folder_error(&e))?.get(&ex.id)))
    })
    .await
}

/// Shows one more hint (like `pyroad hint`); returns how many are shown.
pub async fn next_hint<S: Store>(state: &AppState<S>, learner: LearnerId, id: &str) -> Result<usize, ApiError> {
    let practice = Arc::clone(&state.practice);
    let id = id.to_owned();
    blocking(move || {
        let ex = practice.exercise(&id)?;
        if ex.hints.is_empty() {
            return Err(ApiError::NotFound(format!("{} has no hints", ex.id)));
        }
        let ws = practice_folder(&practice, learner)?;
        let mut file = ws.state().map_err(|e| folder_error(&e))?;
        let mut s = file.get(&ex.id);
        s.hints_shown = (s.hints_shown + 1).min(ex.hints.len());
        let shown = s.hints_shown;
        file.put(&ex.id, s).map_err(|e| folder_error(&e))?;
        Ok(shown)
    })
    .await
}

/// Saves `code` as the learner's file, checks it and records the result in
/// the store and the practice folder, as `pyroad check` does.
pub async fn check<S: Store>(
    state: &AppState<S>,
    learner: LearnerId,
    id: &str,
    code: String,
) -> Result<Report, ApiError> {
    let practice = Arc::clone(&state.practice);
    practice.exercise(id)?;
    let running = claim(&practice, learner)?;
    let exercise_id = id.to_owned();
    let (report, before) = blocking(move || {
        // Held until the check ends, even if the request is dropped.
        let _running = running;
        let ex = practice.exercise(&exercise_id)?;
        let ws = practice_folder(&practice, learner)?;
        let checker = practice.checker()?;
        ws.start(ex).map_err(|e| folder_error(&e))?;
        std::fs::write(ws.learner_path(ex), &code).map_err(|e| folder_error(&e))?;
        let report = checker.check(ex, &code, &ex.learner_file()).map_err(|e| ApiError::Unavailable(e.to_string()))?;
        let mut file = ws.state().map_err(|e| folder_error(&e))?;
        let before = file.get(&ex.id);
        if report.status == Status::Pass && !before.passed {
            let mut s = before.clone();
            s.passed = true;
            s.passed_at = Some(now_secs());
            file.put(&ex.id, s).map_err(|e| folder_error(&e))?;
        }
        Ok((report, before))
    })
    .await?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let result = NewExerciseResult {
        exercise: id.to_owned(),
        passed: report.status == Status::Pass,
        tests_passed: count(report.passed()),
        tests_total: count(report.tests.len()),
        hints_used: count(before.hints_shown),
        revealed: before.solution_revealed,
    };
    // A built-in exercise's check is also a review of its item, filed under
    // its first topic and rated like `pyroad check` rates it.
    let home_topic = state.practice.exercise(id)?.topics.first().cloned();
    match home_topic {
        Some(topic) => {
            let item = deck::exercise_id(&topic, id);
            let now = state.clock.now().timestamp();
            let review = crate::reviews::next_review(
                state,
                learner,
                &item,
                exercise_rating(&result),
                ReviewSource::Exercise,
                now,
            )
            .await?;
            state.store.record_exercise_review(learner, &result, &review).await?;
        }
        None => {
            state.store.record_exercise(learner, &result).await?;
        }
    }
    state.invalidate(learner);
    Ok(report)
}
