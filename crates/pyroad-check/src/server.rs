//! The fork server: one `python -I -S` process running [`crate::HARNESS`],
//! which runs a fresh, limited child per request (forked ahead of time by
//! its zygote process, see `py/zygote.py`). Many requests may be in
//! flight at once (the server multiplexes them); a reader thread routes the
//! server's answers to the waiting callers by request id.
//!
//! If the server dies (or stops answering), every caller waiting on it gets
//! [`ServerError::Died`], the process groups of its in-flight children are
//! killed from here, and the next request starts a new server.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crate::protocol::{Request, RunResult, ServerMessage};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot start {python}: {detail}")]
    Start { python: String, detail: String },
    #[error("the checker's Python process stopped unexpectedly")]
    Died,
    #[error("the checker's Python process did not answer within {0:?}")]
    Hung(Duration),
}

enum Event {
    Started(i32),
    Done(Box<RunResult>),
}

type Pending = Arc<Mutex<HashMap<u64, Sender<Event>>>>;

struct Live {
    child: Child,
    stdin: Option<ChildStdin>,
    pending: Pending,
    processes: String,
    generation: u64,
}

impl Drop for Live {
    fn drop(&mut self) {
        // Closing stdin lets the server finish its runs, clean up and exit;
        // kill it if it lingers.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_millis(500);
        while Instant::now() < deadline {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            thread::sleep(Duration::from_millis(2));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the server reported about itself when it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerInfo {
    /// How process counts are limited: `rlimit`, `cgroup` or `none`.
    pub processes: String,
}

pub struct ForkServer {
    python: PathBuf,
    scratch: Option<PathBuf>,
    live: Mutex<Option<Live>>,
    next_id: AtomicU64,
    starts: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A poisoned lock only means another caller panicked mid-request; the
    // state behind it (a map of waiters, a process handle) is still usable.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl ForkServer {
    pub fn new(python: &Path) -> Self {
        ForkServer {
            python: python.to_path_buf(),
            scratch: None,
            live: Mutex::new(None),
            next_id: AtomicU64::new(1),
            starts: AtomicU64::new(0),
        }
    }

    /// Where scratch directories are made (default: the system temp dir).
    pub fn with_scratch_root(mut self, dir: PathBuf) -> Self {
        self.scratch = Some(dir);
        self
    }

    /// How many server processes were started so far (restarts included).
    pub fn starts(&self) -> u64 {
        self.starts.load(Ordering::Relaxed)
    }

    /// The server's own pid, if one is running (for tests that kill it).
    pub fn pid(&self) -> Option<u32> {
        lock(&self.live).as_ref().map(|l| l.child.id())
    }

    /// Starts the server now instead of on the first request.
    pub fn warm_up(&self) -> Result<ServerInfo, ServerError> {
        let mut guard = lock(&self.live);
        self.ensure(&mut guard)
    }

    fn ensure(&self, guard: &mut Option<Live>) -> Result<ServerInfo, ServerError> {
        if let Some(live) = guard.as_mut() {
            if matches!(live.child.try_wait(), Ok(None)) {
                return Ok(ServerInfo { processes: live.processes.clone() });
            }
            *guard = None;
        }
        let live = self.spawn()?;
        let info = ServerInfo { processes: live.processes.clone() };
        *guard = Some(live);
        Ok(info)
    }

    fn spawn(&self) -> Result<Live, ServerError> {
        let live = self.spawn_process(false)?;
        self.starts.fetch_add(1, Ordering::Relaxed);
        Ok(live)
    }

    /// A cold check: one `--once` process (no warm imports, no spare child)
    /// that runs this request and exits. No server is kept; [`Self::starts`]
    /// does not count it.
    pub fn run_direct(&self, req: &mut Request<'_>) -> Result<RunResult, ServerError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        req.id = id;
        let line = self.request_line(req)?;
        let mut live = self.spawn_process(true)?;
        let (tx, rx) = mpsc::channel();
        lock(&live.pending).insert(id, tx);
        let sent = live.stdin.take().map(|mut stdin| {
            stdin.write_all(line.as_bytes()).and_then(|()| stdin.write_all(b"\n")).and_then(|()| stdin.flush())
        });
        if !matches!(sent, Some(Ok(()))) {
            return Err(ServerError::Died);
        }
        let patience = Duration::from_millis(req.limits.wall_ms) + Duration::from_secs(5);
        // No live server has this generation, so a failure retires nothing.
        self.wait(&rx, patience, u64::MAX)
        // Dropping `live` reaps the process (it exits after its one run).
    }

    fn request_line(&self, req: &Request<'_>) -> Result<String, ServerError> {
        serde_json::to_string(req).map_err(|e| ServerError::Start {
            python: self.python.display().to_string(),
            detail: format!("request not serialisable: {e}"),
        })
    }

    fn spawn_process(&self, once: bool) -> Result<Live, ServerError> {
        let start_err = |detail: String| ServerError::Start { python: self.python.display().to_string(), detail };
        let mut cmd = Command::new(&self.python);
        cmd.args(["-I", "-S", "-c", crate::HARNESS]);
        if once {
            cmd.arg("--once");
        }
        cmd.env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("LC_ALL", "C.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(dir) = &self.scratch {
            cmd.env("PYROAD_SCRATCH", dir);
        }
        let mut child = cmd.spawn().map_err(|e| start_err(e.to_string()))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err(start_err("no pipes to the process".into()));
        };
        let mut reader = BufReader::new(stdout);
        let mut first = String::new();
        let processes = match reader.read_line(&mut first) {
            Ok(n) if n > 0 => match serde_json::from_str::<ServerMessage>(&first) {
                Ok(ServerMessage::Ready { processes, .. }) => processes,
                _ => {
                    let _ = child.kill();
                    return Err(start_err(format!("unexpected first line {first:?}")));
                }
            },
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(start_err("it exited before it was ready".into()));
            }
        };
        let pending: Pending = Arc::new(Mutex::new(HashMap::new()));
        let routes = Arc::clone(&pending);
        thread::spawn(move || route(reader, &routes));
        let generation = self.starts.load(Ordering::Relaxed) + 1;
        Ok(Live { child, stdin: Some(stdin), pending, processes, generation })
    }

    /// Sends one request (its `id` is assigned here) and waits for its result.
    pub fn run(&self, req: &mut Request<'_>) -> Result<RunResult, ServerError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        req.id = id;
        let line = self.request_line(req)?;
        let (tx, rx) = mpsc::channel();
        let generation = {
            let mut guard = lock(&self.live);
            self.ensure(&mut guard)?;
            let Some(live) = guard.as_mut() else {
                return Err(ServerError::Died);
            };
            lock(&live.pending).insert(id, tx);
            let sent = live.stdin.as_mut().map(|stdin| {
                stdin.write_all(line.as_bytes()).and_then(|()| stdin.write_all(b"\n")).and_then(|()| stdin.flush())
            });
            if !matches!(sent, Some(Ok(()))) {
                lock(&live.pending).remove(&id);
                *guard = None;
                return Err(ServerError::Died);
            }
            live.generation
        };
        let patience = Duration::from_millis(req.limits.wall_ms) + Duration::from_secs(5);
        self.wait(&rx, patience, generation)
    }

    /// Drops the server this request went to, unless it was already replaced.
    fn retire(&self, generation: u64) {
        let mut guard = lock(&self.live);
        if guard.as_ref().is_some_and(|l| l.generation == generation) {
            *guard = None;
        }
    }

    fn wait(&self, rx: &Receiver<Event>, patience: Duration, generation: u64) -> Result<RunResult, ServerError> {
        let deadline = Instant::now() + patience;
        let mut child_pid = None;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(Event::Started(pid)) => child_pid = Some(pid),
                Ok(Event::Done(result)) => return Ok(*result),
                Err(RecvTimeoutError::Disconnected) => {
                    kill_group(child_pid);
                    self.retire(generation);
                    return Err(ServerError::Died);
                }
                Err(RecvTimeoutError::Timeout) => {
                    kill_group(child_pid);
                    self.retire(generation);
                    return Err(ServerError::Hung(patience));
                }
            }
        }
    }
}

fn kill_group(pid: Option<i32>) {
    if let Some(pid) = pid.and_then(rustix::process::Pid::from_raw) {
        // The child leads its own process group; ESRCH just means it is gone.
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
}

/// The reader thread: routes each answer to its waiter. On EOF every waiter
/// left is dropped, which wakes it with `Disconnected`.
fn route(mut reader: BufReader<std::process::ChildStdout>, pending: &Pending) {
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let Ok(msg) = serde_json::from_str::<ServerMessage>(&line) else {
            continue;
        };
        match msg {
            ServerMessage::Ready { .. } => {}
            ServerMessage::Started { id, pid } => {
                if let Some(tx) = lock(pending).get(&id) {
                    let _ = tx.send(Event::Started(pid));
                }
            }
            ServerMessage::Result { id, result } => {
                if let Some(tx) = lock(pending).remove(&id) {
                    let _ = tx.send(Event::Done(result));
                }
            }
        }
    }
    lock(pending).clear();
}
