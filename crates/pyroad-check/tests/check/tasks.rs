//! Task ids in the report: from `[[tasks]]` in `exercise.toml`, or from
//! Exercism's `@pytest.mark.task(taskno=N)` marker.

use pyroad_check::exercise::{self, Task};
use pyroad_check::{Status, verify};

use crate::{THREE_TESTS, checker, exercise_with, run_with};

fn task(name: &str, tests: &[&str]) -> Task {
    Task { name: name.into(), tests: tests.iter().map(|t| (*t).to_owned()).collect() }
}

#[test]
fn tasks_from_the_manifest_number_the_tests_from_one() {
    let mut ex = exercise_with(THREE_TESTS);
    ex.tasks = vec![task("small numbers", &["test_one", "test_two"]), task("negatives", &["test_three"])];
    let report = run_with(&ex, "def add(a, b):\n    return a + b if a >= 0 else 99\n");
    let ids: Vec<(&str, Option<u32>, Status)> =
        report.tests.iter().map(|t| (t.name.as_str(), t.task_id, t.status)).collect();
    assert_eq!(
        ids,
        [
            ("test_one", Some(1), Status::Pass),
            ("test_two", Some(1), Status::Pass),
            ("test_three", Some(2), Status::Fail)
        ]
    );
    let json = report.to_results_json();
    assert_eq!(json["version"], 3);
    assert_eq!(json["tests"][2]["task_id"], 2);
    assert_eq!(json["tests"][2]["status"], "fail");
}

#[test]
fn a_class_name_puts_all_its_methods_in_the_task_and_untasked_tests_have_none() {
    let mut ex = exercise_with(
        "import unittest\nfrom m import add\n\nclass AddTest(unittest.TestCase):\n\
         \x20   def test_a(self):\n        self.assertEqual(add(1, 2), 3)\n\
         \x20   def test_b(self):\n        self.assertEqual(add(0, 0), 0)\n\n\
         def test_loose():\n    assert add(2, 2) == 4\n",
    );
    ex.tasks = vec![task("adding", &["AddTest"])];
    let report = run_with(&ex, "def add(a, b):\n    return a + b\n");
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    let ids: Vec<(&str, Option<u32>)> = report.tests.iter().map(|t| (t.name.as_str(), t.task_id)).collect();
    assert_eq!(ids, [("AddTest.test_a", Some(1)), ("AddTest.test_b", Some(1)), ("test_loose", None)]);
    assert!(report.to_results_json()["tests"][2].get("task_id").is_none());
}

#[test]
fn exercism_task_markers_give_task_ids_without_running_anything() {
    // pytest is not needed: the marker is read from the syntax tree, and this
    // stand-in only lets the decorators evaluate in the child.
    let ex = exercise_with(
        "import types\nfrom m import add\n\
         pytest = types.SimpleNamespace(mark=types.SimpleNamespace(task=lambda **kw: (lambda f: f)))\n\n\
         @pytest.mark.task(taskno=1)\ndef test_first():\n    assert add(1, 1) == 2\n\n\
         @pytest.mark.task(taskno=2)\ndef test_second():\n    assert add(1, 2) == 3\n\n\
         def test_plain():\n    assert add(0, 1) == 1\n",
    );
    let report = run_with(&ex, "def add(a, b):\n    return a + b\n");
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    let ids: Vec<Option<u32>> = report.tests.iter().map(|t| t.task_id).collect();
    assert_eq!(ids, [Some(1), Some(2), None]);
}

#[test]
fn a_test_in_two_tasks_is_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let src = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("README.md"), &src.statement).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("test_leap.py"), &src.tests[0].source).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("exercise.toml"),
        "id = \"x\"\ntitle = \"X\"\ntopics = [\"t\"]\ndifficulty = 1\nmodule = \"leap\"\nhints = []\n\
         tests = [\"test_leap.py\"]\n\n[[tasks]]\nname = \"a\"\ntests = [\"test_one\"]\n\n\
         [[tasks]]\nname = \"b\"\ntests = [\"test_one\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let err = exercise::from_dir(dir.path()).map(|_| ()).expect_err("a test in two tasks must be refused");
    let msg = err.to_string();
    assert!(msg.contains("exercise.toml") && msg.contains("\"test_one\" is in two tasks"), "{msg}");
}

#[test]
fn verify_reports_a_task_naming_a_test_that_does_not_exist() {
    let mut ex = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    ex.tasks = vec![task("rules", &["test_no_such_thing"])];
    let problems = verify::verify(checker(), &ex, None).unwrap_or_else(|e| panic!("{e}"));
    assert!(problems.iter().any(|p| p.contains("\"test_no_such_thing\", which is not a test")), "{problems:?}");
    let mut fine = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    let first = fine.tests[0].source.lines().find_map(|l| l.strip_prefix("def ")).unwrap_or_default();
    let name = first.split('(').next().unwrap_or_default().to_owned();
    fine.tasks = vec![task("rules", &[name.as_str()])];
    assert_eq!(verify::verify(checker(), &fine, None).unwrap_or_else(|e| panic!("{e}")), Vec::<String>::new());
}
