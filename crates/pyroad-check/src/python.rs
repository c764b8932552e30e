//! Finding the learner's CPython.
//!
//! Order: an explicit `--python`, `PYROAD_PYTHON`, the active `VIRTUAL_ENV`,
//! then `python3` (or `python`) on `PATH`. Whatever is found is asked once for
//! `sys.executable`, so a pyenv shim (60 ms per start) is never exec'd again;
//! the answer is cached by the candidate's path, size and modification time.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

/// The oldest Python the harness supports (`ast.unparse`, `os.pidfd_open` fallbacks).
pub const MIN_VERSION: (u32, u32) = (3, 9);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interpreter {
    /// The real executable (`sys.executable`), never a shim.
    pub executable: PathBuf,
    pub version: (u32, u32, u32),
}

#[derive(Debug, thiserror::Error)]
pub enum PythonError {
    #[error(
        "no Python found ({tried}). Install Python {}.{} or newer (python.org, or your system's package manager), \
         or tell pyroad where it is with --python PATH or PYROAD_PYTHON=PATH",
        MIN_VERSION.0, MIN_VERSION.1
    )]
    NotFound { tried: String },
    #[error(
        "{path} is Python {found}, but pyroad needs {}.{} or newer. Install a newer Python and pass it \
         with --python PATH, set PYROAD_PYTHON, or activate a virtual environment made with it",
        MIN_VERSION.0, MIN_VERSION.1
    )]
    TooOld { path: String, found: String },
    #[error("{path} did not run as Python ({detail}). Pass a working interpreter with --python PATH")]
    Broken { path: String, detail: String },
}

/// Where the interpreter choice comes from, before resolving.
fn candidate(explicit: Option<&Path>) -> Result<PathBuf, PythonError> {
    if let Some(p) = explicit {
        return lookup(p).ok_or_else(|| PythonError::NotFound { tried: format!("--python {}", p.display()) });
    }
    if let Some(p) = env::var_os("PYROAD_PYTHON").filter(|v| !v.is_empty()) {
        let p = PathBuf::from(p);
        return lookup(&p).ok_or_else(|| PythonError::NotFound { tried: format!("PYROAD_PYTHON={}", p.display()) });
    }
    if let Some(venv) = env::var_os("VIRTUAL_ENV").filter(|v| !v.is_empty()) {
        let venv = PathBuf::from(venv);
        for name in ["bin/python3", "bin/python"] {
            let p = venv.join(name);
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    for name in ["python3", "python"] {
        if let Some(p) = lookup(Path::new(name)) {
            return Ok(p);
        }
    }
    Err(PythonError::NotFound { tried: "checked --python, PYROAD_PYTHON, VIRTUAL_ENV and python3 on PATH".into() })
}

/// A path with a slash is taken as is; a bare name is searched on PATH.
fn lookup(p: &Path) -> Option<PathBuf> {
    if p.components().count() > 1 || p.is_absolute() {
        return p.is_file().then(|| p.to_path_buf());
    }
    let path = env::var_os("PATH")?;
    env::split_paths(&path).map(|dir| dir.join(p)).find(|full| full.is_file())
}

#[derive(Default, Serialize, Deserialize)]
struct Cache {
    entries: BTreeMap<String, (String, Interpreter)>,
}

fn fingerprint(p: &Path) -> Option<String> {
    let meta = fs::metadata(p).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some(format!("{}:{}", meta.len(), mtime))
}

/// Asks the candidate for its real executable and version.
pub fn probe(candidate: &Path) -> Result<Interpreter, PythonError> {
    let out = Command::new(candidate)
        .args(["-I", "-S", "-c", "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| PythonError::Broken { path: candidate.display().to_string(), detail: e.to_string() })?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let (Some(exe), Some(ver)) = (lines.next(), lines.next()) else {
        let err = String::from_utf8_lossy(&out.stderr);
        let detail = err.lines().last().unwrap_or("no output").to_owned();
        return Err(PythonError::Broken { path: candidate.display().to_string(), detail });
    };
    let nums: Vec<u32> = ver.trim().split('.').filter_map(|n| n.parse().ok()).collect();
    let [major, minor, patch] = nums[..] else {
        return Err(PythonError::Broken { path: candidate.display().to_string(), detail: format!("version {ver:?}") });
    };
    if (major, minor) < MIN_VERSION {
        return Err(PythonError::TooOld { path: candidate.display().to_string(), found: ver.trim().to_owned() });
    }
    let executable = if exe.trim().is_empty() { candidate.to_path_buf() } else { PathBuf::from(exe.trim()) };
    Ok(Interpreter { executable, version: (major, minor, patch) })
}

/// Finds and resolves the interpreter, using `cache_file` when given.
pub fn find(explicit: Option<&Path>, cache_file: Option<&Path>) -> Result<Interpreter, PythonError> {
    let cand = candidate(explicit)?;
    let key = cand.display().to_string();
    let print = fingerprint(&cand);
    let mut cache: Cache = cache_file
        .and_then(|f| fs::read_to_string(f).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    if let (Some(fp), Some((cached_fp, interp))) = (&print, cache.entries.get(&key))
        && fp == cached_fp
        && interp.executable.is_file()
    {
        return Ok(interp.clone());
    }
    let interp = probe(&cand)?;
    if let (Some(file), Some(fp)) = (cache_file, print) {
        cache.entries.insert(key, (fp, interp.clone()));
        if let Some(dir) = file.parent() {
            let _ = fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(&cache) {
            // A cache that cannot be written only costs a probe next time.
            let _ = fs::write(file, text);
        }
    }
    Ok(interp)
}
