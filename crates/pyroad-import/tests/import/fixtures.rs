//! Our own roadmaps (`tests/fixtures/`, see its README): full snapshots and
//! the facts the README states.

use std::path::PathBuf;

use pyroad_import::{Format, Options, import};

use crate::common::{assert_clean_titles, lost_words, render};

pub fn fixture_paths() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 14, "expected the fixtures in {}", dir.display());
    paths
}

pub fn load(name: &str) -> pyroad_import::Imported {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name);
    let bytes = std::fs::read(&path).unwrap();
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    import(&bytes, &Options { fallback_title: Some(stem), ..Options::default() })
}

#[test]
fn fixture_trees() {
    for path in fixture_paths() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imported = load(&name);
        insta::assert_snapshot!(format!("fixture_{name}"), render(&imported.roadmap, true));
        assert_clean_titles(&imported.roadmap, &name);
    }
}

#[test]
fn fixtures_lose_nothing() {
    for path in fixture_paths() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "latin1.txt" {
            continue; // lossy by design: its bytes are not UTF-8
        }
        let imported = load(&name);
        let lost = lost_words(&imported);
        assert!(lost.is_empty(), "{name}: words missing from the tree: {lost:?}");
    }
}

#[test]
fn markdown_saved_as_txt_is_markdown() {
    for name in ["android-kotlin-es.txt", "japanese-n5.txt"] {
        assert_eq!(load(name).format, Format::Markdown, "{name}");
    }
    for name in ["linux-sysadmin.txt", "music-theory.txt", "cloud-devops.txt"] {
        assert_eq!(load(name).format, Format::Plain, "{name}");
    }
}

#[test]
fn mojibake_fixtures_repair_to_the_original() {
    let original = load("mojibake-original.md").roadmap;
    for (name, from) in [("mojibake-macroman.md", "Mac OS Roman"), ("mojibake-cp1252.md", "Windows-1252")] {
        let imported = load(name);
        assert_eq!(imported.repaired_from, Some(from), "{name}");
        let mut repaired = imported.roadmap;
        repaired.title = original.title.clone();
        assert_eq!(repaired.children, original.children, "{name}");
    }
    let utf8 = load("utf8-accents.md");
    assert_eq!(utf8.repaired_from, None);
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/utf8-accents.md")).unwrap();
    for n in utf8.roadmap.walk() {
        assert!(raw.contains(n.title.split(' ').next().unwrap()), "{}", n.title);
    }
    let latin1 = load("latin1.txt");
    assert!(latin1.warnings.iter().any(|w| w.message.contains("UTF-8")), "{:?}", latin1.warnings);
}
