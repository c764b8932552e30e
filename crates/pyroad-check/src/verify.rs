//! `pyroad exercises verify`: the exercise author's check. For every
//! exercise: the reference solution passes every test, the starter fails at
//! least one, and the statement, hints and topic links exist.

use std::collections::BTreeSet;

use crate::checker::{CheckError, Checker};
use crate::exercise::Exercise;
use crate::report::Status;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub exercise: String,
    pub problem: String,
}

/// Static checks that need no Python. `known_topics`, when given, is the set
/// of topic ids the curriculum defines.
pub fn lint(ex: &Exercise, known_topics: Option<&BTreeSet<String>>) -> Vec<String> {
    let mut problems = Vec::new();
    if ex.statement.trim().len() < 40 {
        problems.push("README.md (the statement) is missing or too short".to_owned());
    }
    if ex.topics.is_empty() {
        problems.push("no topics: link the exercise to at least one topic".to_owned());
    }
    if let Some(known) = known_topics {
        for t in &ex.topics {
            if !known.contains(t) {
                problems.push(format!("topic {t:?} is not in the curriculum"));
            }
        }
    }
    if ex.hints.len() < 2 {
        problems.push(format!("{} hint(s): give at least 2 stepped hints", ex.hints.len()));
    }
    if ex.starter.is_none() {
        problems.push("starter.py is missing".to_owned());
    }
    if ex.solution.is_none() {
        problems.push("solution.py is missing".to_owned());
    }
    if ex.tests.is_empty() {
        problems.push("no test files".to_owned());
    }
    problems
}

/// Names in `[[tasks]]` that match no test of the run (a typo would leave
/// tests without a task id).
fn unknown_task_tests(ex: &Exercise, tests: &[crate::report::TestResult]) -> Vec<String> {
    let mut problems = Vec::new();
    for task in &ex.tasks {
        for name in &task.tests {
            let class = format!("{name}.");
            if !tests.iter().any(|t| t.name == *name || t.name.starts_with(&class)) {
                problems.push(format!("task {:?} names {name:?}, which is not a test", task.name));
            }
        }
    }
    problems
}

/// Lints, then runs the solution (must pass) and the starter (must fail).
pub fn verify(
    checker: &Checker,
    ex: &Exercise,
    known_topics: Option<&BTreeSet<String>>,
) -> Result<Vec<String>, CheckError> {
    let mut problems = lint(ex, known_topics);
    let file = ex.learner_file();
    if let Some(solution) = &ex.solution {
        let report = checker.check(ex, solution, &file)?;
        if report.status != Status::Pass {
            let failing: Vec<String> = report
                .tests
                .iter()
                .filter(|t| t.status != Status::Pass)
                .map(|t| format!("{} ({})", t.name, t.message.as_deref().unwrap_or("").lines().next().unwrap_or("")))
                .collect();
            let why = report.message.clone().unwrap_or_else(|| failing.join("; "));
            problems.push(format!("the solution does not pass: {why}"));
        }
        if report.tests.len() < 3 {
            problems.push(format!("only {} tests: write at least 3", report.tests.len()));
        }
        problems.extend(unknown_task_tests(ex, &report.tests));
    }
    if let Some(starter) = &ex.starter {
        let report = checker.check(ex, starter, &file)?;
        if report.status == Status::Pass {
            problems.push("the starter passes every test: it must fail at least one".to_owned());
        }
    }
    Ok(problems)
}
