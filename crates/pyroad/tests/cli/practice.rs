//! `pyroad practice / check / hint / solution / reset / watch / exercises
//! verify` through the real binary, with `python3` from PATH.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn pyroad(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pyroad").unwrap_or_else(|e| panic!("binary built: {e}"));
    // No DATABASE_URL: checks are recorded in the SQLite store of `data`.
    cmd.env("PYROAD_DATA_DIR", data).env_remove("PYROAD_PYTHON").env_remove("VIRTUAL_ENV").env_remove("DATABASE_URL");
    cmd
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
}

#[test]
fn practice_check_hint_solution_and_reset_round_trip() {
    let data = temp();
    let out =
        pyroad(data.path()).args(["practice", "booleans-and-conditions"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("Exercise leap-year"), "{text}");
    let dir = data.path().join("exercises/leap-year");
    assert!(dir.join("leap.py").is_file() && dir.join("README.md").is_file());

    // The starter fails, with exit code 1 and the failing expression.
    let out = pyroad(data.path()).arg("check").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("where is_leap(1900) = True"), "{}", stdout(&out));

    // Hints come one more at a time.
    let one = stdout(&pyroad(data.path()).arg("hint").output().unwrap_or_else(|e| panic!("{e}")));
    let two = stdout(&pyroad(data.path()).arg("hint").output().unwrap_or_else(|e| panic!("{e}")));
    assert!(one.contains("Hint 1 of 3") && !one.contains("Hint 2"), "{one}");
    assert!(two.contains("Hint 2 of 3"), "{two}");

    // No solution before passing, unless revealed.
    let out = pyroad(data.path()).arg("solution").output().unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());

    // Editing the copied test file changes nothing: the checker uses its own.
    std::fs::write(dir.join("test_leap.py"), "def test_nothing():\n    pass\n").unwrap_or_else(|e| panic!("{e}"));
    let out = pyroad(data.path()).args(["check", "leap-year", "--json"]).output().unwrap_or_else(|e| panic!("{e}"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(json["version"], 3);
    assert_eq!(json["status"], "fail");
    // leap-year groups its tests into two tasks in exercise.toml.
    let tasks: Vec<(String, Option<u64>)> = json["tests"]
        .as_array()
        .unwrap_or_else(|| panic!("tests is a list"))
        .iter()
        .map(|t| (t["name"].as_str().unwrap_or("").to_owned(), t["task_id"].as_u64()))
        .collect();
    assert_eq!(tasks[0], ("test_ordinary_year".to_owned(), Some(1)), "{tasks:?}");
    assert!(tasks.contains(&("test_days_in_february".to_owned(), Some(2))), "{tasks:?}");

    // The reference solution passes and is recorded.
    let solution = include_str!("../../../../content/exercises/leap-year/solution.py");
    std::fs::write(dir.join("leap.py"), solution).unwrap_or_else(|e| panic!("{e}"));
    let out = pyroad(data.path()).arg("check").output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("all 11 tests passed"), "{}", stdout(&out));
    let out = pyroad(data.path()).arg("solution").output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());

    // Reset puts the starter back and keeps a backup.
    let out = pyroad(data.path()).args(["reset", "leap-year"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert!(dir.join("leap.py.bak").is_file());
    let again = std::fs::read_to_string(dir.join("leap.py")).unwrap_or_default();
    assert!(again.contains("NotImplementedError"));
}

#[test]
fn watch_checks_once_and_shows_the_count_done() {
    let data = temp();
    pyroad(data.path()).args(["practice", "loops"]).assert().success();
    let out = pyroad(data.path()).args(["watch", "--max-checks", "1"]).output().unwrap_or_else(|e| panic!("{e}"));
    let text = stdout(&out);
    assert!(text.contains("0/50 done"), "{text}");
}

#[test]
fn check_path_runs_an_exercism_style_folder() {
    let dir = temp();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".meta")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        root.join(".meta/config.json"),
        r#"{"files": {"solution": ["hello.py"], "test": ["hello_test.py"]}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(root.join("hello.py"), "def hello():\n    return 'Hello, World!'\n")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        root.join("hello_test.py"),
        "import unittest\nfrom hello import hello\n\nclass HelloTest(unittest.TestCase):\n    def test_say_hi(self):\n        self.assertEqual(hello(), 'Hello, World!')\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let data = temp();
    let out =
        pyroad(data.path()).args(["check", "--json", "--path"]).arg(root).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["status"], "pass");
    assert_eq!(json["tests"][0]["name"], "HelloTest.test_say_hi");
}

#[test]
fn a_missing_python_gets_a_message_saying_how_to_fix_it() {
    let data = temp();
    let out = pyroad(data.path())
        .args(["check", "leap-year", "--python", "/nonexistent/python3"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no Python found") && err.contains("--python"), "{err}");
}

#[test]
fn exercises_verify_passes_for_every_built_in_exercise() {
    let data = temp();
    let out = pyroad(data.path()).args(["exercises", "verify"]).output().unwrap_or_else(|e| panic!("{e}"));
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("50 exercises, 0 with problems"), "{text}");
}

#[test]
fn exercises_verify_reports_a_starter_that_already_passes() {
    let dir = temp();
    let ex = dir.path().join("too-easy");
    std::fs::create_dir_all(&ex).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        ex.join("exercise.toml"),
        "id = \"too-easy\"\ntitle = \"Too easy\"\ntopics = [\"functions\"]\ndifficulty = 1\nmodule = \"easy\"\nhints = [\"one\"]\ntests = [\"test_easy.py\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(ex.join("README.md"), "Write one() that returns 1. It is a very small exercise indeed.")
        .unwrap_or_else(|e| panic!("{e}"));
    let code = "def one():\n    return 1\n";
    std::fs::write(ex.join("starter.py"), code).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(ex.join("solution.py"), code).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(ex.join("test_easy.py"), "from easy import one\n\ndef test_one():\n    assert one() == 1\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let data = temp();
    let out =
        pyroad(data.path()).args(["exercises", "verify"]).arg(dir.path()).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("the starter passes every test"), "{text}");
    assert!(text.contains("give at least 2 stepped hints"), "{text}");
    assert!(text.contains("only 1 tests"), "{text}");
}

fn json_of(data: &Path, args: &[&str]) -> serde_json::Value {
    let out = pyroad(data).args(args).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?} gives JSON: {e}"))
}

#[test]
fn passing_every_exercise_of_a_topic_marks_it_verified_in_status_and_next() {
    let data = temp();
    let plan = data.path().join("plan.md");
    std::fs::write(&plan, "# My plan\n\n## Basics\n\n- Modules and imports\n- Conditionals\n")
        .unwrap_or_else(|e| panic!("{e}"));
    pyroad(data.path()).args(["roadmap", "add"]).arg(&plan).args(["--name", "mine"]).assert().success();
    pyroad(data.path()).args(["practice", "modules"]).assert().success();
    let status = json_of(data.path(), &["status", "--json"]);
    assert_eq!(status["verified"], serde_json::json!([]));

    // A failing check is recorded but verifies nothing.
    let out = pyroad(data.path()).arg("check").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(json_of(data.path(), &["status", "--json"])["verified"], serde_json::json!([]));

    // module-main-guard is the only exercise of the `modules` topic.
    let solution = include_str!("../../../../content/exercises/module-main-guard/solution.py");
    std::fs::write(data.path().join("exercises/module-main-guard/wordstats.py"), solution)
        .unwrap_or_else(|e| panic!("{e}"));
    pyroad(data.path()).arg("check").assert().success();

    let status = json_of(data.path(), &["status", "--json"]);
    assert_eq!(
        status["verified"],
        serde_json::json!([{ "id": "modules-and-imports", "title": "Modules and imports" }])
    );
    let text = stdout(&pyroad(data.path()).arg("status").output().unwrap_or_else(|e| panic!("{e}")));
    assert!(text.contains("✓ 1 verified by exercises"), "{text}");

    let next = json_of(data.path(), &["next", "--json", "-n", "5"]);
    let items = next.as_array().unwrap_or_else(|| panic!("next --json is a list: {next}"));
    // The passed exercise put its topic's cards in the review queue: due
    // reviews come first, then the roadmap's topics.
    let (reviews, topics): (Vec<&serde_json::Value>, Vec<&serde_json::Value>) =
        items.iter().partition(|n| n["kind"] == "review");
    assert!(!reviews.is_empty() && reviews.iter().all(|r| r["topic"] == "modules"), "{next}");
    assert_eq!(items[0]["kind"], "review", "{next}");
    let flags: Vec<(String, bool)> = topics
        .iter()
        .map(|n| (n["id"].as_str().unwrap_or("").to_owned(), n["verified"].as_bool().unwrap_or(false)))
        .collect();
    assert_eq!(flags, [("modules-and-imports".to_owned(), true), ("conditionals".to_owned(), false)]);
    let text = stdout(&pyroad(data.path()).arg("next").output().unwrap_or_else(|e| panic!("{e}")));
    let line = text.lines().find(|l| l.contains("modules-and-imports")).unwrap_or_default();
    assert!(line.starts_with('✓'), "{text}");
}

/// Lines of a child's stdout, read on a thread so waits can be bounded.
fn lines_of(stdout: std::process::ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Reads lines until one contains `wanted`; everything read is kept in `seen`.
fn wait_for(rx: &mpsc::Receiver<String>, wanted: &str, seen: &mut Vec<String>) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) => {
                let hit = line.contains(wanted);
                seen.push(line);
                if hit {
                    return true;
                }
            }
            Err(_) => return false,
        }
    }
    false
}

#[test]
fn watch_rechecks_on_save_and_shows_the_new_verdict_and_count() {
    let data = temp();
    pyroad(data.path()).args(["practice", "modules"]).assert().success();
    let file = data.path().join("exercises/module-main-guard/wordstats.py");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("pyroad"))
        .arg("watch")
        .env("PYROAD_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .env_remove("PYROAD_PYTHON")
        .env_remove("VIRTUAL_ENV")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start pyroad watch: {e}"));
    let rx = lines_of(child.stdout.take().unwrap_or_else(|| panic!("stdout is piped")));
    let mut seen = Vec::new();
    let first = wait_for(&rx, "0/50 done", &mut seen);
    // Save a passing version; the watcher must notice and check again.
    let solution = include_str!("../../../../content/exercises/module-main-guard/solution.py");
    if first {
        std::fs::write(&file, solution).unwrap_or_else(|e| panic!("{e}"));
    }
    let second = first && wait_for(&rx, "1/50 done", &mut seen);
    let _ = child.kill();
    let _ = child.wait();
    let text = seen.join("\n");
    assert!(first, "the first check's count never appeared:\n{text}");
    assert!(second, "no re-check after saving:\n{text}");
    let failed = seen.iter().position(|l| l.starts_with("module-main-guard: ") && l.contains(" of "));
    let passed = seen.iter().position(|l| l.starts_with("module-main-guard: all "));
    assert!(
        matches!((failed, passed), (Some(f), Some(p)) if f < p),
        "the starter fails, then the saved file passes:\n{text}"
    );
    assert!(text.contains("Passed! `pyroad practice` starts the next exercise."), "{text}");
}
