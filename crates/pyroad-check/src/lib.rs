//! `pyroad-check`: runs practice exercises against the learner's own CPython
//! and turns what happened into an honest verdict.
//!
//! The pieces, in the order a check goes through them:
//!
//! - [`exercise`]: an exercise (statement, starter, solution, tests, hints,
//!   data cases) from the embedded `content/exercises` or from a directory,
//!   ours or Exercism's format.
//! - [`python`]: which interpreter to use (`--python`, `PYROAD_PYTHON`,
//!   `VIRTUAL_ENV`, `python3`), resolved through shims once and cached.
//! - [`server`]: the fork server, a `python -I -S` process running our
//!   stdlib-only harness (`src/py/*.py`), which runs one limited child per
//!   check in a fresh scratch directory. Restarted if it dies.
//! - [`judge`]: the supervisor's side of the result channel: it validates the
//!   child's frames against the run's nonce and the test list the server found
//!   before any learner code ran, compares data cases itself, and explains
//!   limits, crashes and tampering.
//! - [`report`]: the verdict, as terminal text and as Exercism `results.json` v3.
//! - [`verify`]: the exercise author's check (solution passes, starter fails).
//! - [`workspace`]: the learner's practice folder and its small state file.
//!
//! ```no_run
//! use pyroad_check::{Checker, Limits, exercise, python};
//! let py = python::find(None, None)?;
//! let checker = Checker::new(py, Limits::default());
//! let ex = exercise::embedded("leap-year")?;
//! let report = checker.check(&ex, &ex.starter_source().unwrap_or_default(), "leap.py")?;
//! println!("{}", report.render_text(&ex.id));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod exercise;
pub mod judge;
pub mod protocol;
pub mod python;
pub mod report;
pub mod server;
pub mod verify;
pub mod workspace;

mod checker;

pub use checker::{CheckError, Checker, Limits};
pub use report::{Report, Status, TestResult};

/// The harness, assembled from its parts: imports, test discovery and assert
/// rewriting, the child's helpers, the child's run loop, the zygote that
/// forks the children, the fork server.
pub const HARNESS: &str = concat!(
    include_str!("py/prelude.py"),
    include_str!("py/rewrite.py"),
    include_str!("py/child.py"),
    include_str!("py/runner.py"),
    include_str!("py/zygote.py"),
    include_str!("py/server.py"),
);
