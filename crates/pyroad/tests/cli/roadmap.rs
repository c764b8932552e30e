//! `pyroad roadmap parse | lint | export` on real files and bad input.

use predicates::prelude::*;

use crate::{pyroad, seed};

#[test]
fn parse_prints_the_tree_of_a_seed() {
    pyroad()
        .args(["roadmap", "parse"])
        .arg(seed("003"))
        .assert()
        .success()
        .stdout(predicate::str::contains("(markdown, "))
        .stdout(predicate::str::contains("├─ "));
}

#[test]
fn parse_json_follows_the_contract() {
    let out = pyroad().args(["roadmap", "parse", "--json"]).arg(seed("001")).output().unwrap();
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(value["title"].as_str().is_some_and(|t| t.starts_with("Python Learning Roadmap")));
    let first = &value["children"][0];
    assert_eq!(first["kind"], "section");
    assert_eq!(first["duration"]["min_weeks"], 4.0);
    assert!(first["id"].as_str().is_some_and(|id| !id.is_empty()));
}

#[test]
fn explain_lists_dropped_lines() {
    pyroad()
        .args(["roadmap", "parse", "--explain"])
        .arg(seed("001"))
        .assert()
        .success()
        .stdout(predicate::str::contains("table-of-contents"));
}

#[test]
fn lint_reports_findings_with_lines_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    std::fs::write(&path, "# R\n\n## Empty\n\n## Basics\n\n- Loops (2h)\n- Lists\n- Loops\n").unwrap();
    pyroad()
        .args(["roadmap", "lint"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("r.md:3:"))
        .stdout(predicate::str::contains("empty-section"))
        .stdout(predicate::str::contains("duplicate-title"))
        .stdout(predicate::str::contains("missing-estimate"));
}

#[test]
fn lint_of_a_clean_roadmap_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.md");
    std::fs::write(&path, "# R\n\n## Basics\n\n- Loops (2h)\n- Lists (1h)\n").unwrap();
    pyroad().args(["roadmap", "lint"]).arg(&path).assert().success().stdout(predicate::str::contains("0 findings"));
}

#[test]
fn export_markdown_reimports_to_the_same_json() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("out.md");
    pyroad()
        .args(["roadmap", "export", "--format", "markdown", "-o"])
        .arg(&exported)
        .arg(seed("004"))
        .assert()
        .success();
    let strip = |v: &mut serde_json::Value| strip_lines(v);
    let mut a: serde_json::Value = serde_json::from_slice(
        &pyroad().args(["roadmap", "parse", "--json"]).arg(seed("004")).output().unwrap().stdout,
    )
    .unwrap();
    let mut b: serde_json::Value =
        serde_json::from_slice(&pyroad().args(["roadmap", "parse", "--json"]).arg(&exported).output().unwrap().stdout)
            .unwrap();
    strip(&mut a);
    strip(&mut b);
    assert_eq!(a, b);
}

fn strip_lines(v: &mut serde_json::Value) {
    if let Some(obj) = v.as_object_mut() {
        obj.remove("line");
        for child in obj.values_mut() {
            strip_lines(child);
        }
    } else if let Some(items) = v.as_array_mut() {
        items.iter_mut().for_each(strip_lines);
    }
}

#[test]
fn missing_file_is_one_line_error() {
    let out = pyroad().args(["roadmap", "parse", "/no/such/roadmap.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/roadmap.md"), "{err}");
}

#[test]
fn a_directory_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = pyroad().args(["roadmap", "parse"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("directory"), "{err}");
}

#[test]
fn binary_garbage_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.txt");
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&path, junk).unwrap();
    let out = pyroad().args(["roadmap", "parse", "--json"]).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success() || out.status.code() == Some(2), "{err}");
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    pyroad()
        .args(["roadmap", "export", "x.md", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("yaml"));
}

#[test]
fn export_to_unwritable_place_fails_without_panic() {
    let out = pyroad()
        .args(["roadmap", "export", "-o", "/proc/pyroad-cannot-write/out.md"])
        .arg(seed("000"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot write") && !err.contains("panicked"), "{err}");
}
