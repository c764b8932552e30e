//! The supervisor's judgement. Inputs it trusts: the test list the server
//! discovered from the pristine test files before any learner code ran, the
//! expected values of data cases (never sent to the child), the run's nonce,
//! and the child's exit status and resource use as the kernel reported them.
//! Input it does not trust: the frames on the result channel. A frame without
//! the nonce, a frame for a test that does not exist, a second verdict for a
//! test, or a missing `done` can only make the verdict worse, never a pass.

use std::collections::HashMap;

use crate::exercise::{Case, Exercise};
use crate::protocol::{AssertDetail, ErrorInfo, Frame, Limits, RunResult};
use crate::report::{Report, RunStats, Status, TestResult};

mod values;

pub use values::{show_expected, show_tagged, value_matches};

/// What ended the run early, if anything, in the learner's words.
fn ending(run: &RunResult, limits: &Limits, saw_done: bool) -> Option<String> {
    if run.timed_out {
        return Some(format!(
            "timed out after {} s: the code never finished (an infinite loop, or a wait for something that never comes?)",
            limits.wall_ms as f64 / 1000.0
        ));
    }
    let exit = run.exit.as_ref()?;
    if let Some(sig) = exit.signal {
        return Some(match sig {
            11 => "crashed with a segmentation fault (memory was accessed through ctypes or a C extension?)".into(),
            24 => format!("stopped: it used more than {} s of CPU time", limits.cpu_s),
            25 => format!("stopped: it wrote a file bigger than the limit ({} MB)", limits.file_bytes >> 20),
            9 => format!(
                "killed (signal 9): it may have used more than the memory limit ({} MB)",
                limits.memory_bytes >> 20
            ),
            6 => "crashed (aborted, signal 6)".into(),
            other => format!("crashed (signal {other})"),
        });
    }
    if !saw_done {
        return Some(match exit.code {
            Some(70) => "the result channel was closed by your code; the run cannot be judged".into(),
            Some(code) => format!(
                "the Python process ended (exit code {code}) before the tests finished: \
                 does your code call os._exit() or exit the process another way?"
            ),
            None => "the Python process ended before the tests finished".into(),
        });
    }
    None
}

fn assert_message(d: &AssertDetail) -> String {
    let mut msg = format!("assert {}", d.expr);
    if let Some(m) = &d.msg {
        msg = format!("{msg}\n  message: {m}");
    }
    for (label, value) in &d.parts {
        if label != value {
            msg.push_str(&format!("\n  where {label} = {value}"));
        }
    }
    msg
}

fn error_message(info: &ErrorInfo) -> String {
    let mut msg = match &info.assertion {
        Some(d) => {
            let mut m = assert_message(d);
            if let Some((file, line)) = &info.r#where {
                m.push_str(&format!("\n  ({file}, line {line})"));
            }
            m
        }
        None => info.error.clone().unwrap_or_else(|| "failed".into()),
    };
    if let Some(why) = &info.explain {
        msg.push_str(&format!("\n=> {why}"));
    }
    msg
}

struct Parsed {
    frames: Vec<Frame>,
    forged: Option<String>,
}

fn parse_frames(run: &RunResult, nonce: &str, cut_short: bool) -> Parsed {
    let mut frames = Vec::new();
    let mut forged = None;
    let text = &run.results;
    let complete = text.ends_with('\n');
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.is_empty()).collect();
    for (i, line) in lines.iter().enumerate() {
        let last_partial = i + 1 == lines.len() && !complete;
        let value: Option<serde_json::Value> = serde_json::from_str(line).ok();
        let frame = value
            .filter(|v| v.get("n").and_then(|n| n.as_str()) == Some(nonce))
            .and_then(|v| serde_json::from_value::<Frame>(v).ok());
        match frame {
            Some(f) => frames.push(f),
            // A process killed mid-write leaves half a line: not forgery.
            None if last_partial && cut_short => {}
            None => {
                forged.get_or_insert_with(|| "something other than the harness wrote to the result channel".to_owned());
            }
        }
    }
    if run.results_truncated {
        forged.get_or_insert_with(|| "the result channel overflowed".to_owned());
    }
    Parsed { frames, forged }
}

/// Turns a finished run into a report. `exercise` supplies the data cases
/// and their expected values; the child only ever saw the calls.
pub fn judge(exercise: &Exercise, run: &RunResult, nonce: &str, limits: &Limits) -> Report {
    let stats = RunStats { wall_ms: run.wall_ms, cpu_ms: run.cpu_ms, max_rss_kb: run.max_rss_kb };
    if let Some(err) = &run.tests_error {
        return Report {
            status: Status::Error,
            message: Some(format!("the exercise's test file does not compile: {err}")),
            tests: Vec::new(),
            output: String::new(),
            stats,
        };
    }
    let cut_short = run.timed_out || run.exit.as_ref().is_some_and(|e| e.signal.is_some());
    let parsed = parse_frames(run, nonce, cut_short);
    let mut problem: Option<String> = parsed.forged.clone();
    let mut tamper = parsed.forged.is_some();
    let mut ends: HashMap<String, TestResult> = HashMap::new();
    let mut cases: HashMap<usize, Frame> = HashMap::new();
    let mut running: Option<String> = None;
    let mut saw_done = false;
    let mut truncated = run.output_truncated;
    let mut output = String::new();
    let known: HashMap<&str, &str> = run.discovered.iter().map(|d| (d.name.as_str(), d.code.as_str())).collect();

    for frame in parsed.frames {
        match frame {
            Frame::Hello {} => {}
            Frame::Import { ok, output: out, info } => {
                output.push_str(&out);
                if !ok {
                    problem.get_or_insert_with(|| {
                        format!("your file {} could not be loaded:\n{}", exercise.learner_file(), error_message(&info))
                    });
                }
            }
            Frame::Load { file, output: out, info } => {
                output.push_str(&out);
                problem
                    .get_or_insert_with(|| format!("the tests in {file} could not start:\n{}", error_message(&info)));
            }
            Frame::Start { test, case } => {
                running = test.or_else(|| case.map(|i| case_name(exercise, i)));
            }
            Frame::End { test, status, output: out, info } => {
                running = None;
                let Some(code) = known.get(test.as_str()) else {
                    tamper = true;
                    problem.get_or_insert_with(|| format!("a result arrived for {test:?}, which is not a test"));
                    continue;
                };
                let status = match status.as_str() {
                    "pass" => Status::Pass,
                    "fail" => Status::Fail,
                    _ => Status::Error,
                };
                let mut message = (status != Status::Pass).then(|| error_message(&info));
                if status == Status::Fail && info.error.is_none() && info.assertion.is_none() {
                    message = Some("skipped, so not passed".into());
                }
                let result = TestResult {
                    name: test.clone(),
                    status,
                    message,
                    output: Some(out),
                    test_code: (*code).to_owned(),
                    task_id: None,
                };
                if ends.insert(test.clone(), result).is_some() {
                    tamper = true;
                    problem.get_or_insert_with(|| format!("two results arrived for {test:?}"));
                }
            }
            frame @ Frame::Case { case, .. } => {
                running = None;
                if case >= exercise.cases.len() || cases.insert(case, frame).is_some() {
                    tamper = true;
                    problem.get_or_insert_with(|| "an unexpected case result arrived".into());
                }
            }
            Frame::Tamper { r#where, what } => {
                tamper = true;
                problem = Some(format!(
                    "your code changed {} ({}). The checks cannot be trusted after that, so nothing counts as passed.",
                    what.join(", "),
                    r#where
                ));
            }
            Frame::Done { truncated: t } => {
                saw_done = true;
                truncated |= t;
            }
        }
    }

    let early = ending(run, limits, saw_done);
    let not_finished = |name: &str| -> String {
        match (&early, running.as_deref() == Some(name)) {
            (Some(why), true) => format!("this test was running when the run ended: {why}"),
            (Some(why), false) => format!("did not run: {why}"),
            (None, _) if tamper => "not judged: the run was tampered with".to_owned(),
            (None, _) => match &problem {
                Some(_) => "did not run (see the message above)".to_owned(),
                None => "did not run".to_owned(),
            },
        }
    };

    let mut tests = Vec::new();
    for d in &run.discovered {
        let result = match ends.remove(&d.name) {
            Some(mut r) if tamper && r.status == Status::Pass => {
                r.status = Status::Error;
                r.message = Some("not judged: the run was tampered with".into());
                r
            }
            Some(r) => r,
            None => TestResult {
                name: d.name.clone(),
                status: Status::Error,
                message: Some(not_finished(&d.name)),
                output: None,
                test_code: d.code.clone(),
                task_id: None,
            },
        };
        tests.push(result);
    }
    for (i, case) in exercise.cases.iter().enumerate() {
        let name = case_name(exercise, i);
        let result = match cases.remove(&i) {
            Some(frame) => judge_case(case, &name, frame, tamper),
            None => TestResult {
                status: Status::Error,
                message: Some(not_finished(&name)),
                output: None,
                test_code: case_code(case),
                task_id: None,
                name,
            },
        };
        tests.push(result);
    }

    if truncated {
        output.push_str(&format!("\n[output truncated: more than {} characters were printed]", limits.output_bytes));
    }
    if !run.output.is_empty() {
        output.push_str(&run.output);
    }
    if run.output_truncated {
        output.push_str("\n[output written to file descriptors truncated]");
    }
    let tasks_found: HashMap<&str, u32> =
        run.discovered.iter().filter_map(|d| Some((d.name.as_str(), d.task?))).collect();
    for t in &mut tests {
        t.task_id = exercise.task_of(&t.name).or_else(|| tasks_found.get(t.name.as_str()).copied());
    }
    let any_bad = tests.iter().any(|t| t.status != Status::Pass);
    let message = problem.clone().or_else(|| early.clone());
    let status = if message.is_some() || tamper {
        Status::Error
    } else if any_bad || tests.is_empty() {
        Status::Fail
    } else {
        Status::Pass
    };
    Report { status, message, tests, output, stats }
}

fn case_name(exercise: &Exercise, i: usize) -> String {
    exercise.cases.get(i).map(|c| format!("case: {}", c.name)).unwrap_or_else(|| format!("case {i}"))
}

fn case_code(case: &Case) -> String {
    let args: Vec<String> = case.args.iter().map(show_expected).collect();
    let mut call = format!("{}({}", case.call, args.join(", "));
    for (k, v) in &case.kwargs {
        if call.ends_with('(') {
            call.push_str(&format!("{k}={}", show_expected(v)));
        } else {
            call.push_str(&format!(", {k}={}", show_expected(v)));
        }
    }
    call.push(')');
    match (&case.expected, &case.raises) {
        (Some(e), _) => format!("{call} == {}", show_expected(e)),
        (None, Some(r)) => format!("{call} raises {r}"),
        (None, None) => call,
    }
}

fn judge_case(case: &Case, name: &str, frame: Frame, tamper: bool) -> TestResult {
    let Frame::Case { value, raised, output, info, .. } = frame else {
        return TestResult {
            name: name.to_owned(),
            status: Status::Error,
            message: Some("no result".into()),
            output: None,
            test_code: case_code(case),
            task_id: None,
        };
    };
    let call = case_code(case);
    let (status, message) = match (&case.expected, &case.raises, value, raised) {
        (_, _, _, _) if tamper => (Status::Error, Some("not judged: the run was tampered with".to_owned())),
        (Some(expected), _, Some(got), _) => {
            if value_matches(expected, &got) {
                (Status::Pass, None)
            } else {
                let msg = format!("expected {}\n     got {}", show_expected(expected), show_tagged(&got));
                (Status::Fail, Some(msg))
            }
        }
        (Some(_), _, None, Some(_)) => (Status::Error, Some(error_message(&info))),
        (None, Some(want), _, Some(got)) if *want == got => (Status::Pass, None),
        (None, Some(want), _, Some(_)) => {
            (Status::Fail, Some(format!("expected {want} to be raised, but got:\n{}", error_message(&info))))
        }
        (None, Some(want), Some(got), None) => {
            (Status::Fail, Some(format!("expected {want} to be raised, but it returned {}", show_tagged(&got))))
        }
        _ => (Status::Error, Some("the case produced no value".to_owned())),
    };
    TestResult { name: name.to_owned(), status, message, output: Some(output), test_code: call, task_id: None }
}
