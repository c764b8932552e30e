//! Exercises: loading from the embedded `content/exercises` or a directory.
//!
//! Our format is a folder with `exercise.toml`, `README.md`, `starter.py`,
//! `solution.py`, the test files it names and an optional `cases.toml`;
//! optional `[[tasks]]` (`name`, `tests`) group tests into Exercism tasks,
//! numbered from 1 in the order written (`task_id` in results.json). An
//! Exercism practice exercise (`.meta/config.json` naming the solution and
//! test files, `.docs/instructions.md`) loads too, with its example solution.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::Deserialize;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../content/exercises");

#[derive(Debug, thiserror::Error)]
pub enum ExerciseError {
    #[error("no exercise named {0:?} (see `pyroad practice` for the list)")]
    Unknown(String),
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

fn invalid(path: impl Into<String>, message: impl Into<String>) -> ExerciseError {
    ExerciseError::Invalid { path: path.into(), message: message.into() }
}

/// A source file by name (`test_leap.py`) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub source: String,
}

/// One data-driven case: call `call(*args, **kwargs)` in the learner's module;
/// the supervisor compares the returned value (or the exception) itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub call: String,
    #[serde(default)]
    pub args: Vec<toml::Value>,
    #[serde(default)]
    pub kwargs: BTreeMap<String, toml::Value>,
    pub expected: Option<toml::Value>,
    /// The name of the exception the call must raise, instead of `expected`.
    pub raises: Option<String>,
}

/// A group of tests the learner can pass one at a time (Exercism's tasks).
/// `tests` names tests as the report does: `test_x`, `Class.test_x`, a class
/// name for all its methods, or `case: NAME` for a data case.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub name: String,
    pub tests: Vec<String>,
}

/// Where an exercise came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Dir(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    pub topics: Vec<String>,
    pub difficulty: u8,
    /// The learner's module name; the learner edits `<module>.py`.
    pub module: String,
    pub hints: Vec<String>,
    pub statement: String,
    pub starter: Option<String>,
    pub solution: Option<String>,
    pub tests: Vec<SourceFile>,
    pub cases: Vec<Case>,
    /// Optional tasks; task ids are their positions, from 1.
    pub tasks: Vec<Task>,
    pub origin: Origin,
}

impl Exercise {
    /// The file the learner edits, e.g. `leap.py`.
    pub fn learner_file(&self) -> String {
        format!("{}.py", self.module)
    }

    pub fn starter_source(&self) -> Option<String> {
        self.starter.clone()
    }

    /// The task a test belongs to (1-based), from `[[tasks]]` in
    /// `exercise.toml`: an exact name wins over a class name.
    pub fn task_of(&self, test: &str) -> Option<u32> {
        let class = test.split_once('.').map(|(c, _)| c).filter(|_| !test.starts_with("case: "));
        let position = |wanted: &str| self.tasks.iter().position(|t| t.tests.iter().any(|n| n == wanted));
        let found = position(test).or_else(|| class.and_then(position))?;
        u32::try_from(found + 1).ok()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    id: String,
    title: String,
    topics: Vec<String>,
    difficulty: u8,
    module: String,
    hints: Vec<String>,
    tests: Vec<String>,
    #[serde(default)]
    tasks: Vec<Task>,
}

#[derive(Deserialize)]
struct CasesFile {
    #[serde(default)]
    case: Vec<Case>,
}

/// Reads files of one exercise, embedded or on disk.
trait Files {
    fn label(&self, name: &str) -> String;
    fn read(&self, name: &str) -> Result<Option<String>, ExerciseError>;
}

struct EmbeddedFiles<'a>(&'a Dir<'static>);

impl Files for EmbeddedFiles<'_> {
    fn label(&self, name: &str) -> String {
        format!("content/exercises/{}", self.0.path().join(name).display())
    }
    fn read(&self, name: &str) -> Result<Option<String>, ExerciseError> {
        match self.0.get_file(self.0.path().join(name)) {
            None => Ok(None),
            Some(f) => {
                f.contents_utf8().map(|s| Some(s.to_owned())).ok_or_else(|| invalid(self.label(name), "not UTF-8"))
            }
        }
    }
}

struct DiskFiles<'a>(&'a Path);

impl Files for DiskFiles<'_> {
    fn label(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
    fn read(&self, name: &str) -> Result<Option<String>, ExerciseError> {
        let path = self.0.join(name);
        match fs::read_to_string(&path) {
            Ok(s) => Ok(Some(s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(ExerciseError::Io { path: path.display().to_string(), source }),
        }
    }
}

fn required(files: &dyn Files, name: &str) -> Result<String, ExerciseError> {
    files.read(name)?.ok_or_else(|| invalid(files.label(name), "file is missing"))
}

fn load_ours(files: &dyn Files, origin: Origin) -> Result<Exercise, ExerciseError> {
    let manifest_text = required(files, "exercise.toml")?;
    let m: Manifest =
        toml::from_str(&manifest_text).map_err(|e| invalid(files.label("exercise.toml"), e.to_string()))?;
    let mut tests = Vec::new();
    for name in &m.tests {
        tests.push(SourceFile { name: name.clone(), source: required(files, name)? });
    }
    let cases = match files.read("cases.toml")? {
        None => Vec::new(),
        Some(text) => {
            let parsed: CasesFile =
                toml::from_str(&text).map_err(|e| invalid(files.label("cases.toml"), e.to_string()))?;
            for c in &parsed.case {
                if c.expected.is_some() == c.raises.is_some() {
                    return Err(invalid(
                        files.label("cases.toml"),
                        format!("case {:?} needs exactly one of `expected` or `raises`", c.name),
                    ));
                }
            }
            parsed.case
        }
    };
    let mut seen = std::collections::BTreeSet::new();
    for task in &m.tasks {
        if task.tests.is_empty() {
            return Err(invalid(files.label("exercise.toml"), format!("task {:?} names no tests", task.name)));
        }
        if let Some(twice) = task.tests.iter().find(|t| !seen.insert(t.as_str())) {
            return Err(invalid(files.label("exercise.toml"), format!("test {twice:?} is in two tasks")));
        }
    }
    Ok(Exercise {
        id: m.id,
        title: m.title,
        topics: m.topics,
        difficulty: m.difficulty,
        module: m.module,
        hints: m.hints,
        statement: required(files, "README.md")?,
        starter: files.read("starter.py")?,
        solution: files.read("solution.py")?,
        tests,
        cases,
        tasks: m.tasks,
        origin,
    })
}

#[derive(Deserialize)]
struct ExercismConfig {
    files: ExercismFiles,
    #[serde(default)]
    blurb: Option<String>,
}

#[derive(Deserialize)]
struct ExercismFiles {
    solution: Vec<String>,
    test: Vec<String>,
    #[serde(default)]
    example: Vec<String>,
}

fn load_exercism(dir: &Path) -> Result<Exercise, ExerciseError> {
    let files = DiskFiles(dir);
    let text = required(&files, ".meta/config.json")?;
    let config: ExercismConfig =
        serde_json::from_str(&text).map_err(|e| invalid(files.label(".meta/config.json"), e.to_string()))?;
    let solution_name = config
        .files
        .solution
        .first()
        .ok_or_else(|| invalid(files.label(".meta/config.json"), "files.solution is empty"))?;
    let module = solution_name.strip_suffix(".py").unwrap_or(solution_name).to_owned();
    let mut tests = Vec::new();
    for name in &config.files.test {
        tests.push(SourceFile { name: name.clone(), source: required(&files, name)? });
    }
    if tests.is_empty() {
        return Err(invalid(files.label(".meta/config.json"), "files.test is empty"));
    }
    let id = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| module.clone());
    let statement = match files.read(".docs/instructions.md")? {
        Some(s) => s,
        None => config.blurb.clone().unwrap_or_default(),
    };
    let hints = files.read(".docs/hints.md")?.map(|h| vec![h]).unwrap_or_default();
    let solution = match config.files.example.first() {
        Some(name) => files.read(name)?,
        None => None,
    };
    Ok(Exercise {
        title: id.clone(),
        id,
        topics: Vec::new(),
        difficulty: 0,
        module,
        hints,
        statement,
        starter: None,
        solution,
        tests,
        cases: Vec::new(),
        tasks: Vec::new(),
        origin: Origin::Dir(dir.to_path_buf()),
    })
}

/// Is `dir` an Exercism-format exercise?
pub fn is_exercism(dir: &Path) -> bool {
    dir.join(".meta/config.json").is_file() && !dir.join("exercise.toml").is_file()
}

/// Loads an exercise folder in our format or Exercism's.
pub fn from_dir(dir: &Path) -> Result<Exercise, ExerciseError> {
    if is_exercism(dir) { load_exercism(dir) } else { load_ours(&DiskFiles(dir), Origin::Dir(dir.to_path_buf())) }
}

/// The ids of the embedded exercises, sorted.
pub fn embedded_ids() -> Vec<String> {
    let mut ids: Vec<String> =
        EMBEDDED.dirs().filter_map(|d| d.path().file_name().map(|n| n.to_string_lossy().into_owned())).collect();
    ids.sort();
    ids
}

/// One embedded exercise by id.
pub fn embedded(id: &str) -> Result<Exercise, ExerciseError> {
    let dir = EMBEDDED.get_dir(id).ok_or_else(|| ExerciseError::Unknown(id.to_owned()))?;
    load_ours(&EmbeddedFiles(dir), Origin::Embedded)
}

/// All embedded exercises, ordered by difficulty then id (the practice order).
pub fn all_embedded() -> Result<Vec<Exercise>, ExerciseError> {
    let mut all = embedded_ids().iter().map(|id| embedded(id)).collect::<Result<Vec<_>, _>>()?;
    all.sort_by(|a, b| a.difficulty.cmp(&b.difficulty).then_with(|| a.id.cmp(&b.id)));
    Ok(all)
}

/// All exercises under a directory: the directory itself if it is one,
/// otherwise each sub-directory that is one.
pub fn all_in_dir(root: &Path) -> Result<Vec<Exercise>, ExerciseError> {
    if root.join("exercise.toml").is_file() || is_exercism(root) {
        return Ok(vec![from_dir(root)?]);
    }
    let entries =
        fs::read_dir(root).map_err(|source| ExerciseError::Io { path: root.display().to_string(), source })?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("exercise.toml").is_file() || is_exercism(p))
        .collect();
    dirs.sort();
    dirs.iter().map(|d| from_dir(d)).collect()
}
