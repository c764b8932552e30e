//! The learner's practice folder: one sub-folder per exercise holding the
//! file they edit, the statement and a read-only copy of the tests, plus a
//! small JSON state file (hints shown, passed, solution revealed).
//!
//! The state sits behind [`ProgressStore`] so it can move into pyroad's main
//! store later without touching the commands.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::exercise::Exercise;

/// What pyroad remembers about one exercise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseState {
    #[serde(default)]
    pub hints_shown: usize,
    #[serde(default)]
    pub passed: bool,
    /// Seconds since the Unix epoch of the first pass.
    #[serde(default)]
    pub passed_at: Option<u64>,
    /// `solution --reveal` before passing is recorded here.
    #[serde(default)]
    pub solution_revealed: bool,
    /// A passed exercise started over to be solved again (a due review):
    /// until it passes again, hints and the solution count as for a first
    /// attempt.
    #[serde(default)]
    pub again: bool,
}

/// Per-exercise practice state.
pub trait ProgressStore {
    fn get(&self, exercise: &str) -> ExerciseState;
    fn put(&mut self, exercise: &str, state: ExerciseState) -> io::Result<()>;
    fn current(&self) -> Option<String>;
    fn set_current(&mut self, exercise: &str) -> io::Result<()>;
    fn passed_count(&self) -> usize;
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct StateData {
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    exercises: BTreeMap<String, ExerciseState>,
}

/// [`ProgressStore`] in `<workspace>/.pyroad-state.json`, written atomically.
pub struct JsonStateFile {
    path: PathBuf,
    data: StateData,
}

impl JsonStateFile {
    pub fn open(path: PathBuf) -> io::Result<Self> {
        let data = match fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display())))?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => StateData::default(),
            Err(e) => return Err(e),
        };
        Ok(JsonStateFile { path, data })
    }

    fn save(&self) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(&self.data).map_err(io::Error::other)?;
        let tmp = self.path.with_extension("json.tmp");
        fs::write(&tmp, text)?;
        fs::rename(&tmp, &self.path)
    }
}

impl ProgressStore for JsonStateFile {
    fn get(&self, exercise: &str) -> ExerciseState {
        self.data.exercises.get(exercise).cloned().unwrap_or_default()
    }
    fn put(&mut self, exercise: &str, state: ExerciseState) -> io::Result<()> {
        self.data.exercises.insert(exercise.to_owned(), state);
        self.save()
    }
    fn current(&self) -> Option<String> {
        self.data.current.clone()
    }
    fn set_current(&mut self, exercise: &str) -> io::Result<()> {
        self.data.current = Some(exercise.to_owned());
        self.save()
    }
    fn passed_count(&self) -> usize {
        self.data.exercises.values().filter(|s| s.passed).count()
    }
}

pub fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// A practice folder on disk.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    pub fn new(root: PathBuf) -> Self {
        Workspace { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn state(&self) -> io::Result<JsonStateFile> {
        JsonStateFile::open(self.root.join(".pyroad-state.json"))
    }

    pub fn exercise_dir(&self, id: &str) -> PathBuf {
        self.root.join(id)
    }

    /// The file the learner edits for `ex`.
    pub fn learner_path(&self, ex: &Exercise) -> PathBuf {
        self.exercise_dir(&ex.id).join(ex.learner_file())
    }

    /// Copies the starter, statement and tests in; an existing learner file is kept.
    pub fn start(&self, ex: &Exercise) -> io::Result<PathBuf> {
        let dir = self.exercise_dir(&ex.id);
        fs::create_dir_all(&dir)?;
        let learner = self.learner_path(ex);
        if !learner.exists() {
            fs::write(&learner, ex.starter.as_deref().unwrap_or(""))?;
        }
        fs::write(dir.join("README.md"), &ex.statement)?;
        for t in &ex.tests {
            // The checker always uses its own copy: this one is for reading.
            fs::write(dir.join(&t.name), &t.source)?;
        }
        Ok(learner)
    }

    /// Puts the starter back, keeping the learner's version as `<file>.bak`.
    pub fn reset(&self, ex: &Exercise) -> io::Result<PathBuf> {
        let learner = self.learner_path(ex);
        if learner.exists() {
            fs::copy(&learner, learner.with_extension("py.bak"))?;
            fs::remove_file(&learner)?;
        }
        self.start(ex)
    }

    /// The exercise whose folder `dir` is in, if any.
    pub fn exercise_at(&self, dir: &Path) -> Option<String> {
        let rel = dir.strip_prefix(&self.root).ok()?;
        rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_the_json_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("s/.pyroad-state.json");
        let mut store = JsonStateFile::open(path.clone())?;
        store.put(
            "leap-year",
            ExerciseState { hints_shown: 2, passed: true, passed_at: Some(5), solution_revealed: false, again: false },
        )?;
        store.set_current("leap-year")?;
        let again = JsonStateFile::open(path)?;
        assert_eq!(again.get("leap-year").hints_shown, 2);
        assert_eq!(again.current().as_deref(), Some("leap-year"));
        assert_eq!(again.passed_count(), 1);
        Ok(())
    }
}
