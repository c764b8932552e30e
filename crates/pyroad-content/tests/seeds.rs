//! Coverage of the five learners' roadmaps in `../shared/seeds/` (beside the
//! repository): every learnable item must match a built-in topic. The seeds
//! are read at test time; none of their text is stored in this repository.

use std::path::PathBuf;

use pyroad_content::{Curriculum, coverage};

fn seeds() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Items matched per seed when this was last raised. The goal is every item
/// (issue 7); until then this ratchet keeps coverage from sliding back, and
/// the unmatched items are printed so the next lessons can target them.
const MATCHED_LANDED: [(&str, usize); 5] = [("000", 163), ("001", 998), ("002", 187), ("003", 100), ("004", 797)];

#[test]
fn seed_coverage_never_falls_below_what_has_landed() {
    let curriculum = Curriculum::builtin().expect("the embedded curriculum parses");
    let files = seeds();
    assert_eq!(files.len(), 5, "five seeds expected");
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("a seed is readable");
        let imported = pyroad_import::import(&bytes, &pyroad_import::Options::default());
        let report = coverage(&curriculum, &imported.roadmap);
        assert!(report.total > 0, "{}: no learnable items", path.display());
        let name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let floor = MATCHED_LANDED.iter().find(|(p, _)| name.starts_with(p)).map_or(report.total, |(_, n)| *n);
        assert!(
            report.matched >= floor,
            "{name}: {} of {} items matched, fewer than the {floor} already reached",
            report.matched,
            report.total
        );
        for item in report.unmatched() {
            failures.push(format!(
                "{}:{}: {}",
                path.file_name().map(|f| f.to_string_lossy()).unwrap_or_default(),
                item.line,
                item.title
            ));
        }
    }
    // Not yet every item: list what is left for the curriculum authors.
    eprintln!("{} unmatched items:\n{}", failures.len(), failures.join("\n"));
}
