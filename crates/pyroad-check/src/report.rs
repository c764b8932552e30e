//! The verdict: per-test results, the overall status, and two renderings,
//! terminal text and Exercism's test-runner `results.json` (version 3).

use std::fmt::Write as _;

use serde::Serialize;

/// The overall status, as Exercism names it: `error` means the tests could
/// not all be run and judged (a syntax error, a timeout, a crash, tampering).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestResult {
    pub name: String,
    pub status: Status,
    /// Why it failed: the expression and its parts' values, or a short traceback.
    pub message: Option<String>,
    /// What the test printed (capped for JSON at 500 characters).
    pub output: Option<String>,
    pub test_code: String,
    pub task_id: Option<u32>,
}

/// Numbers about the run, for the terminal and the benchmark.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RunStats {
    pub wall_ms: f64,
    pub cpu_ms: Option<f64>,
    pub max_rss_kb: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub status: Status,
    /// For `error`: what stopped the run, in words a learner can act on.
    pub message: Option<String>,
    pub tests: Vec<TestResult>,
    /// Output the learner's code wrote straight to file descriptors 1/2, or
    /// while being imported.
    pub output: String,
    pub stats: RunStats,
}

/// Exercism caps a test's output at 500 characters.
pub const OUTPUT_CAP: usize = 500;

fn cap_output(text: &str) -> String {
    if text.chars().count() <= OUTPUT_CAP {
        return text.to_owned();
    }
    let note = "\n[output truncated to 500 characters]";
    let keep = OUTPUT_CAP - note.len();
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(note);
    out
}

#[derive(Serialize)]
struct JsonTest<'a> {
    name: &'a str,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<String>,
    test_code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    task_id: Option<u32>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    tests: Vec<JsonTest<'a>>,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.tests.iter().filter(|t| t.status == Status::Pass).count()
    }

    /// Exercism `results.json` version 3.
    pub fn to_results_json(&self) -> serde_json::Value {
        let report = JsonReport {
            version: 3,
            status: self.status,
            message: self.message.as_deref(),
            tests: self
                .tests
                .iter()
                .map(|t| JsonTest {
                    name: &t.name,
                    status: t.status,
                    message: t.message.as_deref(),
                    output: t.output.as_deref().filter(|o| !o.is_empty()).map(cap_output),
                    test_code: &t.test_code,
                    task_id: t.task_id,
                })
                .collect(),
        };
        serde_json::to_value(report).unwrap_or(serde_json::Value::Null)
    }

    /// The terminal verdict: a summary line, then each test, failures in detail.
    pub fn render_text(&self, exercise: &str) -> String {
        let mut out = String::new();
        let total = self.tests.len();
        let headline = match self.status {
            Status::Pass => format!("{exercise}: all {total} tests passed"),
            Status::Fail => format!("{exercise}: {} of {total} tests passed", self.passed()),
            Status::Error => format!("{exercise}: could not finish checking"),
        };
        let _ = writeln!(out, "{headline}");
        if let Some(msg) = &self.message {
            let _ = writeln!(out, "\n{}\n", indent(msg, "  "));
        }
        for t in &self.tests {
            let mark = match t.status {
                Status::Pass => "PASS ",
                Status::Fail => "FAIL ",
                Status::Error => "ERROR",
            };
            let _ = writeln!(out, "  {mark} {}", t.name);
            if t.status != Status::Pass {
                if let Some(msg) = &t.message {
                    let _ = writeln!(out, "{}", indent(msg, "          "));
                }
                if let Some(o) = t.output.as_deref().filter(|o| !o.is_empty()) {
                    let _ = writeln!(out, "        printed:\n{}", indent(o.trim_end(), "          "));
                }
            }
        }
        if !self.output.is_empty() {
            let _ = writeln!(out, "  output outside the tests:\n{}", indent(self.output.trim_end(), "    "));
        }
        out
    }
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines().map(|l| format!("{prefix}{l}")).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_capped_at_500_chars_with_a_note() {
        let long = "x".repeat(2000);
        let capped = cap_output(&long);
        assert_eq!(capped.chars().count(), OUTPUT_CAP);
        assert!(capped.ends_with("[output truncated to 500 characters]"));
        assert_eq!(cap_output("short"), "short");
    }

    #[test]
    fn results_json_uses_version_3_field_names() {
        let report = Report {
            status: Status::Fail,
            message: None,
            tests: vec![TestResult {
                name: "test_a".into(),
                status: Status::Fail,
                message: Some("assert 1 == 2".into()),
                output: Some("hi\n".into()),
                test_code: "def test_a(): ...".into(),
                task_id: Some(1),
            }],
            output: String::new(),
            stats: RunStats::default(),
        };
        let json = report.to_results_json();
        assert_eq!(json["version"], 3);
        assert_eq!(json["status"], "fail");
        assert!(json.get("message").is_none());
        let t = &json["tests"][0];
        for key in ["name", "status", "message", "output", "test_code", "task_id"] {
            assert!(t.get(key).is_some(), "missing {key}");
        }
    }
}
