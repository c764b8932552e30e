//! Shared helpers: the seeds, a small fixture, dates.

use jiff::civil::{Date, date};
use pyroad_model::Roadmap;
use pyroad_plan::PlanInput;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");

/// Imports the seed whose file name starts with `prefix` ("001_"). Panics
/// with a clear message when the shared seeds are missing: these tests
/// must not pass silently without them.
pub fn seed(prefix: &str) -> Roadmap {
    let dir = std::fs::read_dir(SEEDS).unwrap_or_else(|e| panic!("seeds folder {SEEDS} missing: {e}"));
    let path = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {SEEDS}"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    import(&bytes)
}

pub fn import(bytes: &[u8]) -> Roadmap {
    pyroad_import::import(bytes, &pyroad_import::Options::default()).roadmap
}

/// A small roadmap written for these tests: two phases with stated
/// durations, topics with and without their own estimates, a milestone.
pub fn fixture() -> Roadmap {
    import(include_bytes!("fixtures/small.md"))
}

/// A Monday.
pub fn monday() -> Date {
    date(2026, 11, 30)
}

pub fn input(hours: Option<f64>, start: Date) -> PlanInput {
    let mut i = PlanInput::new(start);
    i.hours_per_week = hours;
    i
}
