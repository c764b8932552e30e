//! Integration tests: real CPython (`python3` on PATH), real fork server.

mod adversarial;
mod basics;
mod limits;
mod server;
mod tasks;

use std::sync::OnceLock;

use pyroad_check::exercise::{self, Exercise, SourceFile};
use pyroad_check::{Checker, Limits, Report, Status, python};

/// One checker (and so one fork server) shared by the tests of this binary,
/// which is itself a test of running many checks through one server.
pub fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let py = python::find(Some(std::path::Path::new("python3")), None)
            .unwrap_or_else(|e| panic!("these tests need python3 on PATH: {e}"));
        let checker = Checker::new(py, Limits { wall_ms: 4_000, cpu_s: 4, ..Limits::default() });
        // Warm, so these tests go through the fork server (cold checks are a
        // direct run; `server.rs` tests those).
        checker.warm_up().unwrap_or_else(|e| panic!("cannot start the fork server: {e}"));
        checker
    })
}

/// A small exercise: module `m`, the given test file.
pub fn exercise_with(test_source: &str) -> Exercise {
    let mut ex = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("embedded leap-year: {e}"));
    ex.module = "m".into();
    ex.cases.clear();
    ex.tests = vec![SourceFile { name: "test_m.py".into(), source: test_source.into() }];
    ex
}

pub const THREE_TESTS: &str = "from m import add\n\n\
def test_one():\n    assert add(1, 1) == 2\n\n\
def test_two():\n    assert add(2, 3) == 5\n\n\
def test_three():\n    assert add(-1, 1) == 0\n";

pub fn run(learner: &str) -> Report {
    run_with(&exercise_with(THREE_TESTS), learner)
}

pub fn run_with(ex: &Exercise, learner: &str) -> Report {
    checker().check(ex, learner, "m.py").unwrap_or_else(|e| panic!("check failed to run: {e}"))
}

/// A failing learner file: honest verdicts must never turn this into a pass.
pub const WRONG: &str = "def add(a, b):\n    return a - b\n";

pub fn assert_not_pass(report: &Report) {
    assert_ne!(report.status, Status::Pass, "{report:#?}");
    assert!(report.tests.iter().any(|t| t.status != Status::Pass), "{report:#?}");
}
