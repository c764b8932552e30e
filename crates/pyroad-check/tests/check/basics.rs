use pyroad_check::Status;
use pyroad_check::exercise;

use crate::{THREE_TESTS, WRONG, checker, exercise_with, run, run_with};

#[test]
fn correct_code_passes_every_test() {
    let report = run("def add(a, b):\n    return a + b\n");
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    assert_eq!(report.tests.len(), 3);
}

#[test]
fn failed_assert_shows_the_expression_and_the_values_of_its_parts() {
    let report = run(WRONG);
    assert_eq!(report.status, Status::Fail);
    let first = &report.tests[0];
    assert_eq!(first.name, "test_one");
    let msg = first.message.as_deref().unwrap_or("");
    assert!(msg.contains("assert add(1, 1) == 2"), "{msg}");
    assert!(msg.contains("where add(1, 1) = 0"), "{msg}");
    assert!(msg.contains("test_m.py, line 4"), "{msg}");
    assert!(first.test_code.starts_with("def test_one"));
}

#[test]
fn error_in_learner_file_reports_the_line_and_hides_harness_frames() {
    let report = run("def add(a, b):\n    x = 1\n    return a + b + undefined_name\n");
    let msg = report.tests[0].message.as_deref().unwrap_or("");
    assert_eq!(report.tests[0].status, Status::Error);
    assert!(msg.contains("File \"m.py\", line 3, in add"), "{msg}");
    assert!(msg.contains("NameError"), "{msg}");
    assert!(!msg.contains("_child_main") && !msg.contains("<string>"), "{msg}");
}

#[test]
fn syntax_error_in_learner_file_is_an_error_verdict_with_the_line() {
    let report = run("def add(a, b)\n    return a + b\n");
    assert_eq!(report.status, Status::Error);
    let msg = report.message.as_deref().unwrap_or("");
    assert!(msg.contains("m.py") && msg.contains("line 1") && msg.contains("SyntaxError"), "{msg}");
}

#[test]
fn output_is_captured_per_test() {
    let ex = exercise_with(
        "from m import add\n\ndef test_a():\n    print('in a')\n    assert add(1, 1) == 3\n\ndef test_b():\n    print('in b')\n",
    );
    let report = run_with(&ex, "def add(a, b):\n    print('adding', a, b)\n    return a + b\n");
    assert_eq!(report.tests[0].output.as_deref(), Some("in a\nadding 1 1\n"));
    assert_eq!(report.tests[1].output.as_deref(), Some("in b\n"));
}

#[test]
fn unittest_classes_and_subtests_are_run() {
    let ex = exercise_with(
        "import unittest\nfrom m import add\n\nclass AddTest(unittest.TestCase):\n\
         \x20   def test_many(self):\n\
         \x20       for a, b, want in [(1, 1, 2), (2, 2, 4), (5, 0, 5)]:\n\
         \x20           with self.subTest(a=a, b=b):\n\
         \x20               self.assertEqual(add(a, b), want)\n\
         \x20   def test_zero(self):\n        self.assertEqual(add(0, 0), 0)\n",
    );
    let report = run_with(&ex, "def add(a, b):\n    return a * b\n");
    let names: Vec<&str> = report.tests.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["AddTest.test_many", "AddTest.test_zero"]);
    assert_eq!(report.tests[0].status, Status::Fail);
    let msg = report.tests[0].message.as_deref().unwrap_or("");
    assert!(msg.contains("1 != 2") && msg.contains("self.assertEqual(add(a, b), want)"), "{msg}");
    assert_eq!(report.tests[1].status, Status::Pass);
}

#[test]
fn data_cases_are_judged_by_the_supervisor_with_exact_types() {
    let ex = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    let sneaky = "def is_leap(year):\n    return 1 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 0\n\n\
                  def days_in_february(year):\n    return 29.0 if is_leap(year) else 28.0\n";
    let report = checker().check(&ex, sneaky, "leap.py").unwrap_or_else(|e| panic!("{e}"));
    let case =
        report.tests.iter().find(|t| t.name == "case: divisible by four").unwrap_or_else(|| panic!("{report:#?}"));
    assert_eq!(case.status, Status::Fail);
    assert!(case.message.as_deref().unwrap_or("").contains("expected True\n     got 1"), "{:?}", case.message);
    let feb =
        report.tests.iter().find(|t| t.name == "case: february in a leap year").unwrap_or_else(|| panic!("no case"));
    assert_eq!(feb.status, Status::Fail, "29.0 is not the int 29");
}

#[test]
fn input_gets_a_clear_explanation() {
    let report = run("def add(a, b):\n    return int(input('a? ')) + b\n");
    let msg = report.tests[0].message.as_deref().unwrap_or("");
    assert!(msg.contains("input() cannot be used while checking"), "{msg}");
}

#[test]
fn each_run_gets_a_fresh_scratch_directory_as_cwd() {
    let ex = exercise_with(
        "import os\nfrom m import add\n\ndef test_fresh():\n    assert os.listdir('.') == ['m.py']\n    open('left.txt', 'w').write('x')\n\ndef test_cwd():\n    assert os.getcwd() != '/'\n",
    );
    for _ in 0..2 {
        let report = run_with(&ex, "def add(a, b):\n    return a + b\n");
        assert_eq!(report.status, Status::Pass, "{report:#?}");
    }
}

#[test]
fn exercism_directory_with_unittest_tests_loads_and_checks() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::create_dir_all(dir.path().join(".meta"))?;
    std::fs::create_dir_all(dir.path().join(".docs"))?;
    std::fs::write(
        dir.path().join(".meta/config.json"),
        r#"{"files": {"solution": ["twofer.py"], "test": ["twofer_test.py"], "example": [".meta/example.py"]}}"#,
    )?;
    std::fs::write(dir.path().join(".docs/instructions.md"), "Say one for you, one for me.")?;
    std::fs::write(
        dir.path().join(".meta/example.py"),
        "def two_fer(name='you'):\n    return f'One for {name}, one for me.'\n",
    )?;
    std::fs::write(dir.path().join("twofer.py"), "def two_fer(name='you'):\n    pass\n")?;
    std::fs::write(
        dir.path().join("twofer_test.py"),
        "import unittest\nfrom twofer import two_fer\n\nclass TwoFerTest(unittest.TestCase):\n    def test_no_name(self):\n        self.assertEqual(two_fer(), 'One for you, one for me.')\n    def test_name(self):\n        self.assertEqual(two_fer('Ana'), 'One for Ana, one for me.')\n",
    )?;
    let ex = exercise::from_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.module, "twofer");
    let learner = std::fs::read_to_string(dir.path().join("twofer.py"))?;
    let failing = checker().check(&ex, &learner, "twofer.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(failing.status, Status::Fail);
    let solution = ex.solution.clone().unwrap_or_default();
    let passing = checker().check(&ex, &solution, "twofer.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(passing.status, Status::Pass, "{passing:#?}");
    Ok(())
}

#[test]
fn results_json_of_a_real_run_has_the_v3_shape() {
    let json = run(WRONG).to_results_json();
    assert_eq!(json["version"], 3);
    assert_eq!(json["status"], "fail");
    assert_eq!(json["tests"].as_array().map(Vec::len), Some(3));
    assert!(json["tests"][0]["test_code"].as_str().is_some_and(|c| c.contains("def test_one")));
}

#[test]
fn a_test_file_with_a_syntax_error_is_the_authors_error() {
    let ex = exercise_with("def test_x(:\n    pass\n");
    let report = run_with(&ex, WRONG);
    assert_eq!(report.status, Status::Error);
    assert!(report.message.as_deref().unwrap_or("").contains("does not compile"));
    let _ = THREE_TESTS;
}
