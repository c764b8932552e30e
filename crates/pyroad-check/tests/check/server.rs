//! The fork server's life: cold checks run directly, a dead spare child or a
//! dead server is replaced without the learner noticing, and the spare's job
//! pipe is gone before learner code runs.

use std::path::Path;
use std::time::Duration;

use pyroad_check::exercise::Exercise;
use pyroad_check::{Checker, Limits, Status, python};

use crate::{THREE_TESTS, exercise_with, run};

const GOOD: &str = "def add(a, b):\n    return a + b\n";

fn fresh_checker(limits: Limits) -> Checker {
    let py = python::find(Some(Path::new("python3")), None).unwrap_or_else(|e| panic!("{e}"));
    Checker::new(py, limits)
}

/// The direct children of `pid`, from /proc.
fn children_of(pid: u32) -> Vec<u32> {
    let path = format!("/proc/{pid}/task/{pid}/children");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.split_whitespace().filter_map(|p| p.parse().ok()).collect()
}

/// The server's zygote: its only child, which forks the spares and runs.
fn zygote_of(server: u32) -> u32 {
    let children = children_of(server);
    assert_eq!(children.len(), 1, "the server forks only its zygote, it has {children:?}");
    children[0]
}

/// Waits until the zygote has the server's two spares (and the last run is reaped).
fn both_spares(server: u32) -> Vec<u32> {
    let zygote = zygote_of(server);
    let mut spares = Vec::new();
    for _ in 0..200 {
        spares = children_of(zygote);
        if spares.len() == 2 {
            std::thread::sleep(Duration::from_millis(20));
            if children_of(zygote) == spares {
                return spares;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the server should keep two spare children waiting, it has {spares:?}");
}

/// A checker whose server is up and has answered `passes` passing checks of
/// `ex`: the checker, the exercise and the server's pid.
fn warm_server(passes: usize) -> (Checker, Exercise, u32) {
    let warm = fresh_checker(Limits::default());
    warm.warm_up().unwrap_or_else(|e| panic!("{e}"));
    let ex = exercise_with(THREE_TESTS);
    for _ in 0..passes {
        assert_eq!(warm.check(&ex, GOOD, "m.py").map(|r| r.status).ok(), Some(Status::Pass));
    }
    let server = warm.server().pid().unwrap_or_else(|| panic!("the server runs after warm_up"));
    (warm, ex, server)
}

/// Sends `signal` (`-9`, `-STOP`) to `pid`; a process already gone is fine.
fn signal(signal: &str, pid: u32) {
    let _ = std::process::Command::new("kill").args([signal, &pid.to_string()]).status();
}

#[test]
fn a_cold_check_is_a_direct_run_and_starts_no_server() {
    let cold = fresh_checker(Limits::default());
    let ex = exercise_with(THREE_TESTS);
    let pass = cold.check(&ex, GOOD, "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pass.status, Status::Pass, "{pass:#?}");
    assert_eq!(pass.tests.len(), 3);
    let fail = cold.check(&ex, crate::WRONG, "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fail.status, Status::Fail);
    assert_eq!(cold.server().starts(), 0, "no server is kept for cold checks");
    assert_eq!(cold.server().pid(), None);
}

#[test]
fn a_cold_check_keeps_the_limits() {
    let cold = fresh_checker(Limits { wall_ms: 1_500, cpu_s: 10, ..Limits::default() });
    let ex = exercise_with(THREE_TESTS);
    let report =
        cold.check(&ex, "def add(a, b):\n    while True:\n        pass\n", "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.status, Status::Error, "{report:#?}");
    assert!(report.message.as_deref().unwrap_or("").contains("1.5 s"), "{:?}", report.message);
}

#[test]
fn after_warm_up_checks_use_the_server_and_a_killed_spare_is_replaced() {
    let (warm, ex, server) = warm_server(1);
    // Give the server a moment to fork its spares, then kill every child it has.
    let spares = both_spares(server);
    for pid in &spares {
        signal("-9", *pid);
    }
    std::thread::sleep(Duration::from_millis(50));
    let report = warm.check(&ex, crate::WRONG, "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.status, Status::Fail, "{report:#?}");
    assert_eq!(warm.check(&ex, GOOD, "m.py").map(|r| r.status).ok(), Some(Status::Pass));
    assert_eq!(warm.server().starts(), 1, "a dead spare needs no new server");
    assert_eq!(warm.server().pid(), Some(server));
}

#[test]
fn learner_code_cannot_see_the_job_pipe_or_any_fd_past_the_result_channel() {
    let probe = "import os\n\
                 def is_open(fd):\n    try:\n        os.fstat(fd)\n        return True\n    except OSError:\n        return False\n\
                 OPEN = [fd for fd in range(64) if is_open(fd)]\n\
                 def add(a, b):\n    return a + b if OPEN == [0, 1, 2, 3] else OPEN\n";
    let report = run(probe);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
}

#[test]
fn stopped_spares_cannot_hang_the_server_on_a_big_job() {
    let (warm, ex, server) = warm_server(1);
    let spares = both_spares(server);
    for pid in &spares {
        signal("-STOP", *pid);
    }
    // Far more than a pipe holds, so the job cannot just sit in the buffer.
    let big = format!("{}\n{GOOD}", "# padding\n".repeat(40_000));
    let report = warm.check(&ex, &big, "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    assert_eq!(warm.server().starts(), 1, "the same server answered");
}

#[test]
fn checks_run_in_children_of_the_zygote_and_a_killed_zygote_means_a_new_server() {
    let (warm, ex, server) = warm_server(3);
    let spares = both_spares(server);
    assert_eq!(children_of(server).len(), 1, "after three checks the server still has only its zygote");
    let zygote = zygote_of(server);
    signal("-9", zygote);
    // The server notices at once (its socket to the zygote ends), kills
    // the spares and exits; the next check starts a new server.
    let gone = |pid: u32| std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |s| s.contains(") Z "));
    for _ in 0..300 {
        if gone(server) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(gone(server), "the server should exit when its zygote dies");
    let report = warm.check(&ex, crate::WRONG, "m.py").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.status, Status::Fail, "{report:#?}");
    assert_eq!(warm.check(&ex, GOOD, "m.py").map(|r| r.status).ok(), Some(Status::Pass));
    assert_eq!(warm.server().starts(), 2, "a lost zygote means a new server");
    for pid in spares {
        assert!(gone(pid), "spare {pid} of the old server still runs");
    }
}
