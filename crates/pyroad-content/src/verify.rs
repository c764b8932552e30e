//! Runs every checked example and every predict-the-output question with a
//! real Python and compares what it printed with what the content says.
//!
//! Snippets are batched: one `python3` process per batch runs `driver.py`,
//! which forks a fresh child per snippet (own working directory, stdin from
//! `/dev/null`, an alarm as time limit). Examples marked `requires=` run in
//! the interpreter that has those distributions installed (`python3` itself,
//! or the `venv` one); otherwise they are reported as skipped, with why.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::ContentError;
use crate::curriculum::Curriculum;
use crate::format::Check;

const DRIVER: &str = include_str!("driver.py");

/// How to verify.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// The interpreter for plain examples and questions.
    pub python: PathBuf,
    /// A virtual environment with third-party packages, for `requires=`.
    pub venv: Option<PathBuf>,
    /// Wall-clock limit per snippet.
    pub timeout_secs: u32,
    /// Batches run at the same time.
    pub jobs: usize,
    /// Only topics whose id is listed (all when empty).
    pub topics: Vec<String>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions { python: PathBuf::from("python3"), venv: None, timeout_secs: 10, jobs: 2, topics: Vec::new() }
    }
}

/// What was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    Example,
    Question,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "status")]
pub enum Status {
    Passed,
    Failed { expected: String, actual: String, stderr: String },
    Skipped { reason: String },
}

/// The result of one snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub topic: String,
    pub path: String,
    /// The fence line for examples, the question's number (1-based) for questions.
    pub line: usize,
    pub subject: Subject,
    #[serde(flatten)]
    pub status: Status,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub outcomes: Vec<Outcome>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.failed == 0
    }
}

/// Trailing whitespace of every line and trailing blank lines are ignored;
/// everything else must match exactly.
pub fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

struct Job {
    code: String,
    expected: String,
    outcome: Outcome,
}

#[derive(Deserialize)]
struct RunResult {
    stdout: String,
    stderr: String,
    status: i32,
    timed_out: bool,
}

/// Verifies the curriculum's snippets. Errors only when Python cannot be
/// run at all; wrong output is a failed [`Outcome`].
pub fn verify(curriculum: &Curriculum, options: &VerifyOptions) -> Result<VerifyReport, ContentError> {
    let mut plain = Vec::new();
    let mut needs: Vec<(Vec<String>, Job)> = Vec::new();
    for topic in &curriculum.topics {
        if !options.topics.is_empty() && !options.topics.contains(&topic.id) {
            continue;
        }
        let outcome = |line, subject| Outcome {
            topic: topic.id.clone(),
            path: topic.path.clone(),
            line,
            subject,
            status: Status::Passed,
        };
        for example in &topic.examples {
            let Some(expected) = &example.output else {
                continue;
            };
            let job = Job {
                code: example.code.clone(),
                expected: expected.clone(),
                outcome: outcome(example.line, Subject::Example),
            };
            match &example.check {
                Check::Requires(packages) => needs.push((packages.clone(), job)),
                _ => plain.push(job),
            }
        }
        for (i, q) in topic.questions.iter().enumerate() {
            plain.push(Job {
                code: q.code.clone(),
                expected: q.output.clone(),
                outcome: outcome(i + 1, Subject::Question),
            });
        }
    }

    let venv_python = options.venv.as_ref().map(|v| v.join("bin").join("python"));
    let wanted: BTreeSet<String> = needs.iter().flat_map(|(p, _)| p.iter().cloned()).collect();
    let mut skipped = Vec::new();
    let mut venv_jobs = Vec::new();
    if !needs.is_empty() {
        let in_main = installed(&options.python, &wanted)?;
        let in_venv = match &venv_python {
            Some(py) => installed(py, &wanted)?,
            None => BTreeSet::new(),
        };
        for (packages, mut job) in needs {
            if packages.iter().all(|p| in_main.contains(p)) {
                plain.push(job);
            } else if packages.iter().all(|p| in_venv.contains(p)) {
                venv_jobs.push(job);
            } else {
                let missing: Vec<&str> = packages
                    .iter()
                    .filter(|p| !in_venv.contains(*p) && !in_main.contains(*p))
                    .map(String::as_str)
                    .collect();
                let place = match &options.venv {
                    Some(v) => format!("{} or the venv {}", options.python.display(), v.display()),
                    None => format!("{} (pass --venv DIR with them installed)", options.python.display()),
                };
                job.outcome.status =
                    Status::Skipped { reason: format!("needs {} not installed in {place}", missing.join(", ")) };
                skipped.push(job.outcome);
            }
        }
    }

    let mut report = VerifyReport::default();
    for outcome in run_batches(&options.python, plain, options)? {
        report.outcomes.push(outcome);
    }
    if let Some(py) = &venv_python {
        for outcome in run_batches(py, venv_jobs, options)? {
            report.outcomes.push(outcome);
        }
    }
    report.outcomes.extend(skipped);
    report.outcomes.sort_by(|a, b| {
        (&a.path, a.subject == Subject::Question, a.line).cmp(&(&b.path, b.subject == Subject::Question, b.line))
    });
    for o in &report.outcomes {
        match o.status {
            Status::Passed => report.passed += 1,
            Status::Failed { .. } => report.failed += 1,
            Status::Skipped { .. } => report.skipped += 1,
        }
    }
    Ok(report)
}

/// Which of `packages` (distribution names) `python` has installed.
fn installed(python: &Path, packages: &BTreeSet<String>) -> Result<BTreeSet<String>, ContentError> {
    let script = "import importlib.metadata as m, sys\nfor name in sys.argv[1:]:\n    try:\n        m.version(name)\n        print(name)\n    except m.PackageNotFoundError:\n        pass\n";
    let out = Command::new(python)
        .args(["-I", "-c", script])
        .args(packages)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| ContentError::Python(format!("cannot run {}: {e}", python.display())))?;
    if !out.status.success() {
        return Err(ContentError::Python(format!(
            "{} failed while listing packages: {}",
            python.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect())
}

fn run_batches(python: &Path, jobs: Vec<Job>, options: &VerifyOptions) -> Result<Vec<Outcome>, ContentError> {
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    let parts = options.jobs.clamp(1, 16).min(jobs.len());
    let mut batches: Vec<Vec<Job>> = (0..parts).map(|_| Vec::new()).collect();
    for (i, job) in jobs.into_iter().enumerate() {
        batches[i % parts].push(job);
    }
    let results: Vec<Result<Vec<Outcome>, ContentError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = batches
            .into_iter()
            .map(|batch| scope.spawn(move || run_batch(python, batch, options.timeout_secs)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(ContentError::Python("a verify thread panicked".into()))))
            .collect()
    });
    let mut out = Vec::new();
    for r in results {
        out.extend(r?);
    }
    Ok(out)
}

fn run_batch(python: &Path, jobs: Vec<Job>, timeout_secs: u32) -> Result<Vec<Outcome>, ContentError> {
    let io = |e: std::io::Error| ContentError::Io(format!("verify scratch directory: {e}"));
    let dir = tempfile::Builder::new().prefix("pyroad-verify").tempdir().map_err(io)?;
    let driver = dir.path().join("driver.py");
    let jobs_path = dir.path().join("jobs.json");
    let results_path = dir.path().join("results.json");
    std::fs::write(&driver, DRIVER).map_err(io)?;
    let codes: Vec<HashMap<&str, &str>> = jobs.iter().map(|j| HashMap::from([("code", j.code.as_str())])).collect();
    let json = serde_json::to_vec(&codes).map_err(|e| ContentError::Python(e.to_string()))?;
    std::fs::write(&jobs_path, json).map_err(io)?;

    let mut child = Command::new(python)
        .arg("-X")
        .arg("utf8")
        .arg(&driver)
        .arg(&jobs_path)
        .arg(&results_path)
        .arg(timeout_secs.max(1).to_string())
        .current_dir(dir.path())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ContentError::Python(format!("cannot run {}: {e}", python.display())))?;
    // Each snippet has its own alarm; this is the backstop for the driver.
    let limit = Duration::from_secs(u64::from(timeout_secs) * jobs.len() as u64 + 30);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(io)? {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ContentError::Python(format!("the verify driver took longer than {}s", limit.as_secs())));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !status.success() {
        let mut stderr = String::new();
        if let Some(mut err) = child.stderr.take() {
            use std::io::Read;
            let _ = err.read_to_string(&mut stderr);
        }
        return Err(ContentError::Python(format!("the verify driver failed ({status}): {}", stderr.trim())));
    }
    let results: Vec<RunResult> = serde_json::from_slice(&std::fs::read(&results_path).map_err(io)?)
        .map_err(|e| ContentError::Python(format!("unreadable driver results: {e}")))?;
    if results.len() != jobs.len() {
        return Err(ContentError::Python("the verify driver lost results".into()));
    }
    Ok(jobs
        .into_iter()
        .zip(results)
        .map(|(job, result)| {
            let mut outcome = job.outcome;
            let actual = normalise(&result.stdout);
            let expected = normalise(&job.expected);
            if result.timed_out {
                outcome.status =
                    Status::Failed { expected, actual, stderr: format!("timed out after {timeout_secs}s") };
            } else if actual != expected || result.status != 0 {
                outcome.status = Status::Failed {
                    expected,
                    actual,
                    stderr: format!("exit status {}\n{}", result.status, result.stderr.trim_end()),
                };
            }
            outcome
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn normalise_ignores_trailing_space_and_blank_lines_only() {
        assert_eq!(normalise("a  \nb\t\n\n\n"), "a\nb");
        assert_eq!(normalise("\na"), "\na");
        assert_ne!(normalise(" a"), normalise("a"));
    }
}
