//! `pyroad content`, `learn`, `quiz` and `roadmap coverage`, through the real binary.

use crate::pyroad;

#[test]
fn content_stats_json_has_the_counts() {
    let out = pyroad().args(["content", "stats", "--json"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for key in ["topics", "cards", "questions", "examples", "exercises"] {
        assert!(stats[key].as_u64().is_some_and(|n| n > 0), "{key}: {stats}");
    }
}

#[test]
fn content_verify_checks_one_topic_with_real_python() {
    let out = pyroad().args(["content", "verify", "--topic", "lists"]).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(" passed, 0 failed, 0 skipped"), "{stdout}");
}

#[test]
fn content_verify_fails_on_a_wrong_output_and_shows_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let track = dir.path().join("fundamentals");
    std::fs::create_dir(&track).expect("mkdir");
    std::fs::write(
        track.join("t.md"),
        "+++\nid = \"t\"\ntitle = \"T\"\ntrack = \"fundamentals\"\norder = 1\nsummary = \"s\"\nestimate_hours = 1\n+++\n```python\nprint(2 + 2)\n```\n```output\n5\n```\n",
    )
    .expect("write");
    let out = pyroad().args(["content", "verify", "--dir"]).arg(dir.path()).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(stdout.contains("FAILED: fundamentals/t.md:9 example\n--- expected\n5\n--- actual\n4"), "{stdout}");
}

#[test]
fn learn_prints_a_rendered_lesson() {
    let out = pyroad().args(["learn", "lists"]).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.starts_with("Lists  [fundamentals"), "{stdout}");
    assert!(stdout.contains("    output:"), "{stdout}");
    let out = pyroad().args(["learn", "no-such-topic"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn quiz_compares_after_trimming_and_shows_the_real_output_when_wrong() {
    // The first lists question prints two lines; answer the first right
    // (with trailing spaces), then get the second one wrong.
    let right = "[20, 30] [10, 30, 50] [40, 50]   \n[10, 99, 40, 50]\n\n";
    // Quiz answers are stored as reviews (issue 7): keep them in a scratch store.
    let data = tempfile::tempdir().expect("temp dir");
    let pyroad = || {
        let mut cmd = pyroad();
        cmd.env_remove("DATABASE_URL").env("PYROAD_DATA_DIR", data.path());
        cmd
    };
    let out = pyroad().args(["quiz", "lists", "--count", "1"]).write_stdin(right).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Right."), "{stdout}");
    let out = pyroad().args(["quiz", "lists", "--count", "1"]).write_stdin("no idea\n\n").output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Not quite. It prints:\n[20, 30] [10, 30, 50] [40, 50]\n[10, 99, 40, 50]\nWhy:"),
        "{stdout}"
    );
}

#[test]
fn roadmap_coverage_json_has_the_contract_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.md");
    std::fs::write(
        &path,
        "# R\n\n## Basics\n\n- [ ] List comprehensions\n- [ ] Decorators\n- [ ] Underwater basket weaving\n",
    )
    .expect("write");
    let out = pyroad().args(["roadmap", "coverage", "--json"]).arg(&path).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["total"], 4);
    assert_eq!(report["matched"], 2);
    let items = report["items"].as_array().expect("items");
    let comp = items.iter().find(|i| i["title"] == "List comprehensions").expect("item");
    assert_eq!(comp["topics"][0]["id"], "comprehensions");
    assert_eq!(comp["line"], 5);
    assert!(comp["how"].is_string());
    let weaving = items.iter().find(|i| i["title"] == "Underwater basket weaving").expect("item");
    assert!(weaving["how"].is_null());
}
