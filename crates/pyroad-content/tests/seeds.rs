//! Coverage of the five learners' roadmaps in `../shared/seeds/` (beside the
//! repository): every learnable item of every seed must match a built-in
//! topic (issue 7). The seeds are read at test time; none of their text is
//! stored in this repository.

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

#[test]
fn every_seed_matches_every_item() {
    let curriculum = Curriculum::builtin().expect("the embedded curriculum parses");
    let files = seeds();
    assert_eq!(files.len(), 5, "five seeds expected");
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/coverage.md"))
        .expect("docs/coverage.md exists");
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("a seed is readable");
        let imported = pyroad_import::import(&bytes, &pyroad_import::Options::default());
        let report = coverage(&curriculum, &imported.roadmap);
        assert!(report.total > 0, "{}: no learnable items", path.display());
        let name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let seed = name.split('_').next().unwrap_or_default();
        for item in report.unmatched() {
            failures.push(format!("{name}:{}: {}", item.line, item.title));
        }
        assert!(
            report.matched == report.total,
            "{name}: only {} of {} items matched; unmatched:\n{}",
            report.matched,
            report.total,
            failures.join("\n")
        );
        // The committed report must describe the curriculum as it is.
        let row = format!("| {seed} | {} | {} | {} |", report.total, report.matched, report.total - report.matched);
        assert!(
            doc.contains(&row),
            "docs/coverage.md is stale for seed {seed}: expected a row starting {row}; regenerate it"
        );
    }
    eprintln!("{} unmatched items:\n{}", failures.len(), failures.join("\n"));
}
