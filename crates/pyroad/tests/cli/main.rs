//! Integration tests of the `pyroad` binary: one test binary, one module per
//! command family (ripgrep's layout).

mod attached;
mod backup;
mod content;
mod durability;
mod exercise_review;
mod plan;
mod postgres;
mod practice;
mod progress;
mod review;
mod roadmap;
mod serve;

use std::path::PathBuf;

use assert_cmd::Command;

/// The binary under test, with a clean environment for colour and data.
pub fn pyroad() -> Command {
    let mut cmd = Command::cargo_bin("pyroad").expect("cargo builds the pyroad binary for its own tests");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The five seed roadmaps, read from the shared folder; never copied here.
pub fn seed(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()));
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()))
}
