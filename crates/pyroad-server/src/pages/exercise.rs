//! The Exercise page: the statement, a plain textarea holding the learner's
//! code, "Check" (a form POST answered with the verdict, test by test) and
//! hints one at a time. Everything works without JavaScript.

use axum::extract::{Path, State};
use axum::response::{Html, Redirect};
use minijinja::Value;
use pyroad_check::Report;
use pyroad_store::{LearnerId, Store};
use serde::Deserialize;

use super::{encode_path, render};
use crate::api::CheckResult;
use crate::api::exercises::last_checks;
use crate::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::practice;
use crate::state::AppState;

async fn show<S: Store>(
    state: &AppState<S>,
    me: LearnerId,
    id: &str,
    code: Option<String>,
    report: Option<&Report>,
) -> Result<Html<String>, PageError> {
    let ex = state.practice.exercise(id)?;
    let (saved, progress) = practice::current(state, me, id).await?;
    let last = last_checks(state, me, Some(id)).await?.remove(id);
    let topics: Vec<Value> = ex
        .topics
        .iter()
        .map(|t| {
            let title = state.curriculum.find(t).map_or_else(|| t.clone(), |topic| topic.title.clone());
            minijinja::context! { id => t, title }
        })
        .collect();
    render(
        state,
        me,
        "exercise.html",
        "practice",
        minijinja::context! {
            ex => minijinja::context! {
                id => ex.id, title => ex.title, difficulty => ex.difficulty, file => ex.learner_file(),
                statement => Value::from_safe_string(crate::markdown::render(without_title(&ex.statement, &ex.title))),
            },
            topics,
            code => code.unwrap_or(saved),
            hints => ex.hints.iter().take(progress.hints_shown).collect::<Vec<_>>(),
            hints_left => ex.hints.len().saturating_sub(progress.hints_shown),
            checking => state.practice.workspace(me).is_some(),
            verdict => report.map(|r| Value::from_serialize(CheckResult::new(&ex.id, r))),
            last => last.map(Value::from_serialize),
        },
    )
}

/// The statement without its own `# Title` line: the page has the title.
fn without_title<'s>(statement: &'s str, title: &str) -> &'s str {
    let trimmed = statement.trim_start();
    match trimmed.split_once('\n') {
        Some((first, rest)) if first.trim_start_matches('#').trim() == title && first.starts_with("# ") => rest,
        _ => statement,
    }
}

pub async fn page<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    show(&state, me, &id, None, None).await
}

#[derive(Deserialize)]
pub struct CheckForm {
    code: String,
}

/// Answers with the page and its verdict (no redirect: the verdict is
/// this response's content; the code is already saved).
pub async fn check<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CheckForm>,
) -> Result<Html<String>, PageError> {
    // Browsers send textarea line ends as CRLF.
    let code = form.code.replace("\r\n", "\n");
    let report = practice::check(&state, me, &id, code.clone()).await?;
    show(&state, me, &id, Some(code), Some(&report)).await
}

#[derive(Deserialize)]
pub struct HintForm {}

pub async fn hint<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<HintForm>,
) -> Result<Redirect, PageError> {
    practice::next_hint(&state, me, &id).await?;
    Ok(Redirect::to(&format!("/exercise/{}#hints", encode_path(&id))))
}

/// Every built-in exercise with its last verdict, easiest first.
pub async fn list<S: Store>(State(state): State<AppState<S>>, Learner(me): Learner) -> Result<Html<String>, PageError> {
    let mut last = last_checks(&state, me, None).await?;
    let mut all: Vec<&pyroad_check::exercise::Exercise> = state.practice.all()?.iter().collect();
    all.sort_by_key(|e| e.difficulty);
    let passed = all.iter().filter(|e| last.get(&e.id).is_some_and(|l| l.passed)).count();
    let exercises: Vec<Value> = all
        .into_iter()
        .map(|e| {
            let topics: Vec<String> = e
                .topics
                .iter()
                .map(|t| state.curriculum.find(t).map_or_else(|| t.clone(), |topic| topic.title.clone()))
                .collect();
            minijinja::context! {
                id => e.id, title => e.title, difficulty => e.difficulty, topics => topics.join(", "),
                last => last.remove(&e.id).map(Value::from_serialize),
            }
        })
        .collect();
    render(&state, me, "exercises.html", "practice", minijinja::context! { exercises, passed })
}

/// The exercises of a curriculum topic with their last verdicts, for the
/// topic page.
pub async fn of_topic<S: Store>(state: &AppState<S>, me: LearnerId, topic: &str) -> Result<Vec<Value>, ApiError> {
    let exercises = state.practice.of_topic(topic);
    if exercises.is_empty() {
        return Ok(Vec::new());
    }
    let mut last = last_checks(state, me, None).await?;
    Ok(exercises
        .into_iter()
        .map(|e| {
            minijinja::context! {
                id => e.id, title => e.title, difficulty => e.difficulty,
                last => last.remove(&e.id).map(Value::from_serialize),
            }
        })
        .collect())
}
