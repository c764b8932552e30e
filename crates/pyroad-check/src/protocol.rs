//! The JSON lines exchanged with the fork server (see `py/server.py`) and the
//! frames the child writes on its result channel (see `py/runner.py`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Limits for one run. Every one of them has its own verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Wall clock for the whole check, in milliseconds.
    pub wall_ms: u64,
    /// CPU seconds (RLIMIT_CPU).
    pub cpu_s: u64,
    /// Address space in bytes (RLIMIT_AS).
    pub memory_bytes: u64,
    /// Largest file the learner's code may write (RLIMIT_FSIZE).
    pub file_bytes: u64,
    /// Open file descriptors (RLIMIT_NOFILE).
    pub open_files: u64,
    /// Processes and threads the run may add (RLIMIT_NPROC, or a pids cgroup as root).
    pub processes: u64,
    /// Captured output, in characters; the rest is dropped with a note.
    pub output_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            wall_ms: 10_000,
            cpu_s: 10,
            memory_bytes: 512 << 20,
            file_bytes: 16 << 20,
            open_files: 64,
            processes: 64,
            output_bytes: 1 << 20,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TestFile<'a> {
    pub name: &'a str,
    pub source: &'a str,
}

#[derive(Debug, Serialize)]
pub struct CaseCall<'a> {
    pub call: &'a str,
    pub args: &'a [toml::Value],
    pub kwargs: &'a BTreeMap<String, toml::Value>,
}

#[derive(Debug, Serialize)]
pub struct Request<'a> {
    pub id: u64,
    pub nonce: &'a str,
    pub module: &'a str,
    pub main_file: &'a str,
    pub display_main: &'a str,
    pub learner_source: &'a str,
    /// Files written into the fresh scratch directory (the learner's module).
    pub files: BTreeMap<&'a str, &'a str>,
    pub tests: Vec<TestFile<'a>>,
    pub cases: Vec<CaseCall<'a>>,
    pub limits: Limits,
}

/// A test the server found by parsing the pristine test file (no learner code ran).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Discovered {
    pub name: String,
    pub kind: String,
    pub file: String,
    pub code: String,
    /// `@pytest.mark.task(taskno=N)` on the test or its class (Exercism).
    #[serde(default)]
    pub task: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ExitInfo {
    pub code: Option<i32>,
    pub signal: Option<i32>,
}

/// What the server says when a run is over.
#[derive(Debug, Clone, Deserialize)]
pub struct RunResult {
    #[serde(default)]
    pub tests_error: Option<String>,
    #[serde(default)]
    pub discovered: Vec<Discovered>,
    pub exit: Option<ExitInfo>,
    #[serde(default)]
    pub timed_out: bool,
    #[serde(default)]
    pub wall_ms: f64,
    pub cpu_ms: Option<f64>,
    pub max_rss_kb: Option<u64>,
    /// Raw result-channel text: frames, one JSON object per line.
    #[serde(default)]
    pub results: String,
    #[serde(default)]
    pub results_truncated: bool,
    /// Output written straight to file descriptors 1 and 2.
    #[serde(default)]
    pub output: String,
    #[serde(default)]
    pub output_truncated: bool,
}

/// One line from the server.
#[derive(Debug, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum ServerMessage {
    Ready {
        version: Vec<u32>,
        executable: String,
        processes: String,
    },
    Started {
        id: u64,
        pid: i32,
    },
    Result {
        id: u64,
        #[serde(flatten)]
        result: Box<RunResult>,
    },
}

/// The values of an assertion's parts, as the rewritten assert reported them.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct AssertDetail {
    pub expr: String,
    pub parts: Vec<(String, String)>,
    pub msg: Option<String>,
}

/// Fields shared by frames that describe an exception.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ErrorInfo {
    pub error: Option<String>,
    pub exception: Option<String>,
    pub r#where: Option<(String, u32)>,
    pub explain: Option<String>,
    #[serde(rename = "assert")]
    pub assertion: Option<AssertDetail>,
}

/// One frame of the result channel.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Frame {
    Hello {},
    Import {
        ok: bool,
        #[serde(default)]
        output: String,
        #[serde(flatten)]
        info: ErrorInfo,
    },
    Load {
        file: String,
        #[serde(default)]
        output: String,
        #[serde(flatten)]
        info: ErrorInfo,
    },
    Start {
        test: Option<String>,
        case: Option<usize>,
    },
    End {
        test: String,
        status: String,
        #[serde(default)]
        output: String,
        #[serde(flatten)]
        info: ErrorInfo,
    },
    Case {
        case: usize,
        value: Option<serde_json::Value>,
        raised: Option<String>,
        #[serde(default)]
        output: String,
        #[serde(flatten)]
        info: ErrorInfo,
    },
    Tamper {
        r#where: String,
        what: Vec<String>,
    },
    Done {
        #[serde(default)]
        truncated: bool,
    },
}
