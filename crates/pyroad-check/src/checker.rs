//! The facade: one [`Checker`] per interpreter, reused for every check.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::exercise::Exercise;
use crate::judge::judge;
pub use crate::protocol::Limits;
use crate::protocol::{CaseCall, Request, TestFile};
use crate::python::Interpreter;
use crate::report::Report;
use crate::server::{ForkServer, ServerError, ServerInfo};

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Server(#[from] ServerError),
}

pub struct Checker {
    server: ForkServer,
    limits: Limits,
    python: Interpreter,
}

/// A fresh nonce per run: 128 random bits from the kernel. If /dev/urandom is
/// unreadable, time and a counter still make it unique, if guessable.
fn nonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut bytes = [0u8; 16];
    let random = File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok();
    if !random {
        let t = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let c = u128::from(COUNTER.fetch_add(1, Ordering::Relaxed));
        bytes = (t ^ (c << 64) ^ u128::from(std::process::id())).to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Checker {
    pub fn new(python: Interpreter, limits: Limits) -> Self {
        Checker { server: ForkServer::new(&python.executable), limits, python }
    }

    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub fn python(&self) -> &Interpreter {
        &self.python
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The fork server, for warming up and for tests that kill it.
    pub fn server(&self) -> &ForkServer {
        &self.server
    }

    pub fn warm_up(&self) -> Result<ServerInfo, CheckError> {
        Ok(self.server.warm_up()?)
    }

    /// Checks `learner_source` (the learner's `<module>.py`) against the
    /// exercise's own tests; `display_path` is how tracebacks name the file.
    /// Cold (no server was ever started): a direct run in a one-request
    /// process, cheaper than starting a server for one check; call
    /// [`Checker::warm_up`] to have a server for the checks that follow.
    /// A server that died is restarted and the check retried once.
    pub fn check(&self, exercise: &Exercise, learner_source: &str, display_path: &str) -> Result<Report, CheckError> {
        let main_file = exercise.learner_file();
        let nonce = nonce();
        let mut files = BTreeMap::new();
        files.insert(main_file.as_str(), learner_source);
        let mut req = Request {
            id: 0,
            nonce: &nonce,
            module: &exercise.module,
            main_file: &main_file,
            display_main: display_path,
            learner_source,
            files,
            tests: exercise.tests.iter().map(|t| TestFile { name: &t.name, source: &t.source }).collect(),
            cases: exercise
                .cases
                .iter()
                .map(|c| CaseCall { call: &c.call, args: &c.args, kwargs: &c.kwargs })
                .collect(),
            limits: self.limits,
        };
        if self.server.starts() == 0 {
            let run = self.server.run_direct(&mut req)?;
            return Ok(judge(exercise, &run, &nonce, &self.limits));
        }
        let run = match self.server.run(&mut req) {
            Err(ServerError::Died) => self.server.run(&mut req)?,
            other => other?,
        };
        Ok(judge(exercise, &run, &nonce, &self.limits))
    }
}
