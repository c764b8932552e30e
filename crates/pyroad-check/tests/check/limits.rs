//! Each limit ends in its own honest verdict within the limit, and the
//! checker keeps working afterwards.

use std::time::{Duration, Instant};

use pyroad_check::{Checker, Limits, Report, Status, python};

use crate::{assert_not_pass, checker, exercise_with, run, run_with};

const GOOD: &str = "def add(a, b):\n    return a + b\n";

/// Runs `learner`, checks it took no longer than the wall limit plus slack,
/// and that the shared checker still passes correct code afterwards.
fn limited(learner: &str) -> Report {
    let started = Instant::now();
    let report = run(learner);
    let wall = Duration::from_millis(checker().limits().wall_ms);
    assert!(started.elapsed() < wall + Duration::from_secs(3), "took {:?}", started.elapsed());
    assert_not_pass(&report);
    assert_eq!(run(GOOD).status, Status::Pass, "the checker still works afterwards");
    report
}

fn text(report: &Report) -> String {
    let mut all = report.message.clone().unwrap_or_default();
    for t in &report.tests {
        all.push('\n');
        all.push_str(t.message.as_deref().unwrap_or(""));
    }
    all
}

#[test]
fn infinite_loop_times_out_and_names_the_running_test() {
    let report = limited("def add(a, b):\n    while True:\n        pass\n");
    assert_eq!(report.status, Status::Error);
    let all = text(&report);
    assert!(all.contains("timed out after 4 s"), "{all}");
    assert!(report.tests[0].message.as_deref().unwrap_or("").contains("was running when the run ended"), "{all}");
}

#[test]
fn fork_bomb_hits_the_process_limit_and_is_cleaned_up() {
    let info = checker().warm_up().unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(info.processes, "none", "no way to limit processes here: refusing to run a fork bomb");
    let report = limited("import os\ndef add(a, b):\n    while True:\n        os.fork()\n");
    let all = text(&report);
    assert!(all.contains("process limit") || all.contains("timed out"), "{all}");
}

#[test]
fn memory_bomb_hits_the_memory_limit() {
    let report =
        limited("def add(a, b):\n    hog = []\n    while True:\n        hog.append(bytearray(50 * 1024 * 1024))\n");
    let all = text(&report);
    assert!(all.contains("memory limit (512 MB)"), "{all}");
}

#[test]
fn runaway_recursion_is_explained() {
    let report = limited("def add(a, b):\n    return add(a, b)\n");
    let all = text(&report);
    assert!(all.contains("RecursionError") && all.contains("base case"), "{all}");
    assert!(all.contains("earlier frames"), "long tracebacks are shortened: {all}");
}

#[test]
fn recursion_past_the_c_stack_is_a_crash_verdict() {
    // Through map(), each level also uses C stack, which the kernel guards.
    let report =
        limited("import sys\nsys.setrecursionlimit(10**8)\ndef add(a, b):\n    return list(map(add, [a], [b]))\n");
    let all = text(&report);
    assert!(all.contains("segmentation fault") || all.contains("crashed") || all.contains("memory"), "{all}");
}

#[test]
fn sys_exit_on_import_is_an_error_that_says_so() {
    let report = limited("import sys\nsys.exit(3)\n");
    assert_eq!(report.status, Status::Error);
    assert!(text(&report).contains("sys.exit(3)"), "{}", text(&report));
}

#[test]
fn os_exit_before_the_tests_is_not_a_pass() {
    let report = limited("import os\nos._exit(0)\n");
    assert_eq!(report.status, Status::Error);
    assert!(text(&report).contains("os._exit"), "{}", text(&report));
}

#[test]
fn os_exit_inside_a_test_after_others_passed_is_not_a_pass() {
    let report = limited("import os\ndef add(a, b):\n    if a == 2:\n        os._exit(0)\n    return a + b\n");
    assert_eq!(report.tests[0].status, Status::Pass);
    assert_eq!(report.tests[1].status, Status::Error);
    assert_eq!(report.tests[2].status, Status::Error);
}

#[test]
fn ctypes_segfault_is_a_crash_verdict() {
    let report = limited("import ctypes\ndef add(a, b):\n    return ctypes.string_at(0)\n");
    assert!(text(&report).contains("segmentation fault"), "{}", text(&report));
}

#[test]
fn printing_100_mb_is_truncated_with_a_note() {
    let report = limited("def add(a, b):\n    print('x' * 100_000_000)\n    return a - b\n");
    let out = report.tests[0].output.as_deref().unwrap_or("");
    assert!(out.len() <= 1 << 20, "captured {} bytes", out.len());
    assert!(report.output.contains("output truncated"), "{}", report.output);
}

#[test]
fn writing_100_mb_to_fd_1_is_capped() {
    let report = limited(
        "import os\ndef add(a, b):\n    for _ in range(100):\n        os.write(1, b'y' * 1_000_000)\n    return 0\n",
    );
    assert!(report.output.len() < (1 << 20) + 200, "{}", report.output.len());
    assert!(report.output.contains("truncated"));
}

#[test]
fn huge_file_hits_the_file_size_limit() {
    let report = limited(
        "def add(a, b):\n    with open('big.bin', 'wb') as f:\n        f.write(b'z' * (64 << 20))\n    return a + b\n",
    );
    assert!(text(&report).contains("file bigger than the limit (16 MB)"), "{}", text(&report));
}

#[test]
fn too_many_open_files_is_explained() {
    let report = limited("def add(a, b):\n    keep = [open('f%d' % i, 'w') for i in range(500)]\n    return a + b\n");
    assert!(text(&report).contains("open files limit (64)"), "{}", text(&report));
}

#[test]
fn cpu_limit_has_its_own_verdict() {
    let py = python::find(Some(std::path::Path::new("python3")), None).unwrap_or_else(|e| panic!("{e}"));
    // A generous wall clock, so that even on a busy machine the CPU limit is what stops it.
    let limits = Limits { wall_ms: 30_000, cpu_s: 1, ..Limits::default() };
    let tight = Checker::new(py, limits);
    let ex = exercise_with(crate::THREE_TESTS);
    let report =
        tight.check(&ex, "def add(a, b):\n    while True:\n        pass\n", "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_not_pass(&report);
    assert!(text(&report).contains("CPU time"), "{}", text(&report));
}

#[test]
fn deleting_or_rewriting_the_test_file_changes_nothing() {
    let sneaky = "import glob, os\nfor f in glob.glob('test_*.py'):\n    os.remove(f)\n\
                  open('test_m.py', 'w').write('def test_one():\\n    pass\\n')\n\
                  def add(a, b):\n    return a - b\n";
    let report = run_with(&exercise_with(crate::THREE_TESTS), sneaky);
    assert_eq!(report.status, Status::Fail);
    assert_eq!(report.tests.len(), 3);
}

#[test]
fn the_server_is_restarted_transparently_after_it_dies() {
    let py = python::find(Some(std::path::Path::new("python3")), None).unwrap_or_else(|e| panic!("{e}"));
    let own = Checker::new(py, Limits::default());
    own.warm_up().unwrap_or_else(|e| panic!("{e}"));
    let ex = exercise_with(crate::THREE_TESTS);
    assert_eq!(own.check(&ex, GOOD, "m.py").map(|r| r.status).ok(), Some(Status::Pass));
    let pid = own.server().pid().unwrap_or_else(|| panic!("server running"));
    let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(own.check(&ex, GOOD, "m.py").map(|r| r.status).ok(), Some(Status::Pass));
    assert_eq!(own.server().starts(), 2);
}
