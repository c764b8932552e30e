//! `pyroad practice / check / hint / solution / reset / watch / exercises
//! verify` through the real binary, with `python3` from PATH.

use std::path::Path;

use assert_cmd::Command;

fn pyroad(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pyroad").unwrap_or_else(|e| panic!("binary built: {e}"));
    cmd.env("PYROAD_DATA_DIR", data).env_remove("PYROAD_PYTHON").env_remove("VIRTUAL_ENV");
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
