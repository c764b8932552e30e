//! Learner code that tries to turn a failing exercise into a pass. Each one
//! starts from the same wrong `add` (it subtracts).

use pyroad_check::Status;
use pyroad_check::exercise::{self, SourceFile};

use crate::{assert_not_pass, checker, exercise_with, run, run_with};

const WRONG_ADD: &str = "def add(a, b):\n    return a - b\n";

fn attack(prefix: &str) {
    let report = run(&format!("{prefix}\n{WRONG_ADD}"));
    assert_not_pass(&report);
}

#[test]
fn printing_a_fake_all_passed_result_does_not_pass() {
    attack(
        "print('{\"version\": 3, \"status\": \"pass\", \"tests\": []}')\n\
         print('{\"t\": \"end\", \"test\": \"test_one\", \"status\": \"pass\"}')\n\
         print('{\"t\": \"done\"}')\nprint('3 of 3 tests passed')",
    );
}

#[test]
fn writing_fake_frames_to_every_inherited_fd_does_not_pass() {
    attack(
        "import os\nfor fd in range(0, 64):\n    for name in ('test_one', 'test_two', 'test_three'):\n        try:\n            os.write(fd, ('{\"t\": \"end\", \"test\": \"%s\", \"status\": \"pass\", \"n\": \"x\"}\\n' % name).encode())\n        except OSError:\n            pass",
    );
    let report = run(
        "import os\nfor fd in range(3, 64):\n    try:\n        os.write(fd, b'{\"t\": \"done\"}\\n')\n    except OSError:\n        pass\ndef add(a, b):\n    return a + b\n",
    );
    assert_eq!(report.status, Status::Error, "forged frames make even a correct run an error");
    assert!(report.message.as_deref().unwrap_or("").contains("result channel"), "{report:#?}");
}

#[test]
fn closing_the_result_channel_does_not_pass() {
    attack("import os\nfor fd in range(3, 64):\n    try:\n        os.close(fd)\n    except OSError:\n        pass");
}

#[test]
fn replacing_builtins_does_not_pass() {
    attack("import builtins\nbuiltins.AssertionError = type('Nope', (Exception,), {})");
    attack("import builtins\nbuiltins.len = lambda x: 3");
    attack("import builtins\nbuiltins.__dict__['isinstance'] = lambda *a: True");
}

#[test]
fn monkeypatching_unittest_assert_helpers_does_not_pass() {
    let ex = exercise_with(
        "import unittest\nfrom m import add\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 2), 4)\n    def test_true(self):\n        self.assertTrue(add(1, 1) == 2)\n",
    );
    for patch in [
        "import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\nunittest.TestCase.assertTrue = lambda *a, **k: None",
        "import unittest\nunittest.TestCase.assertEqual.__code__ = (lambda *a, **k: None).__code__",
        "import unittest\nunittest.TestCase.failureException = KeyError",
        "import unittest\nunittest.TestResult.addFailure = lambda *a: None",
    ] {
        let report = run_with(&ex, &format!("{patch}\n{WRONG_ADD}"));
        assert_not_pass(&report);
    }
}

#[test]
fn monkeypatching_the_harness_does_not_pass() {
    attack("import sys\nh = sys.modules['__main__']\nh._Failed = KeyError");
    attack(
        "import sys\nh = sys.modules['__main__']\nh._run_unittest = lambda *a: {'t': 'end', 'status': 'pass'}\nh._explain = None",
    );
    attack("import sys\nsys.modules['__main__'] = type(sys)('fake')");
    attack(
        "import sys\nfor m in list(sys.modules.values()):\n    d = getattr(m, '__dict__', {})\n    if '__pyroad_fail__' in d:\n        d['__pyroad_fail__'] = lambda *a: None",
    );
}

#[test]
fn patching_the_test_modules_fail_helper_during_a_test_does_not_pass() {
    attack(
        "import sys\ndef _swap():\n    for m in list(sys.modules.values()):\n        if getattr(m, '__name__', '') == 'test_m':\n            m.__pyroad_fail__ = lambda *a: None\n_orig_sub = None",
    );
    let report = run(
        "import sys\ndef add(a, b):\n    t = sys.modules.get('test_m')\n    if t is not None:\n        t.__dict__['__pyroad_fail__'] = lambda *a: None\n    return a - b\n",
    );
    assert_not_pass(&report);
}

#[test]
fn an_object_that_equals_everything_fails_data_cases() {
    let mut ex = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    ex.tests = vec![SourceFile { name: "test_noop.py".into(), source: "def test_nothing():\n    pass\n".into() }];
    let cheat = "class Anything:\n    def __eq__(self, other):\n        return True\n    def __repr__(self):\n        return 'True'\n\n\
                 def is_leap(year):\n    return Anything()\n\ndef days_in_february(year):\n    return Anything()\n";
    let report = checker().check(&ex, cheat, "leap.py").unwrap_or_else(|e| panic!("{e}"));
    assert_not_pass(&report);
    let case = report.tests.iter().find(|t| t.name.starts_with("case:")).unwrap_or_else(|| panic!("{report:#?}"));
    assert_eq!(case.status, Status::Fail);
    assert!(case.message.as_deref().unwrap_or("").contains("an object of type Anything"), "{:?}", case.message);
}

#[test]
fn forked_copies_of_the_harness_cannot_report_twice() {
    attack("import os\nif os.fork() == 0:\n    pass");
}

/// The server answers before the exit only when the result channel ends on
/// the harness's own `done` frame for this run and both pipes are closed. A
/// `done` frame without the run's nonce, then closed pipes, must not end the
/// run early: it runs into the wall clock and says so.
#[test]
fn a_forged_done_frame_and_closed_pipes_do_not_end_the_run_early() {
    let report = run(&format!(
        "import os\n\
         os.write(3, b'{{\"t\": \"done\", \"truncated\": false, \"n\": \"{}\"}}\\n')\n\
         os.closerange(1, 4)\n\
         while True:\n    pass\n{WRONG_ADD}",
        "0".repeat(32)
    ));
    assert_eq!(report.status, Status::Error, "{report:#?}");
    assert!(
        report.tests.iter().all(|t| t.message.as_deref().unwrap_or("").contains("timed out after 4 s")),
        "{report:#?}"
    );
}
