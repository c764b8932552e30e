//! The set of topics, loaded from the embedded files or from a folder, and
//! the structural checks every curriculum must pass.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use include_dir::{Dir, include_dir};
use serde::Serialize;

use crate::ContentError;
use crate::format::{Check, Topic, parse_topic};

static BUILTIN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/curriculum");
static EXERCISES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/exercises");

/// The tracks, in teaching order.
pub const TRACKS: [&str; 7] = ["fundamentals", "intermediate", "advanced", "expert", "backend", "data-ml", "tools"];

/// A whole curriculum: topics in track order, then `order`, then id.
#[derive(Debug, Clone)]
pub struct Curriculum {
    pub topics: Vec<Topic>,
}

/// Counts for `pyroad content stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub topics: usize,
    pub cards: usize,
    pub questions: usize,
    pub examples: usize,
    pub exercises: usize,
    pub tracks: BTreeMap<String, usize>,
    pub lesson_words: usize,
}

impl Curriculum {
    /// The curriculum compiled into the binary. Fails only if a file in
    /// `content/curriculum` does not parse (the test suite proves none does).
    pub fn builtin() -> Result<Curriculum, ContentError> {
        let mut files = Vec::new();
        collect_embedded(&BUILTIN, &mut files);
        Curriculum::from_files(files)
    }

    /// A curriculum read from a folder of `*.md` topic files (for authors).
    pub fn from_dir(root: &Path) -> Result<Curriculum, ContentError> {
        let mut files = Vec::new();
        collect_dir(root, root, &mut files)?;
        Curriculum::from_files(files)
    }

    /// Parses `(relative path, text)` pairs; reports every broken file.
    pub fn from_files(files: Vec<(String, String)>) -> Result<Curriculum, ContentError> {
        let mut topics = Vec::new();
        let mut errors = Vec::new();
        for (path, text) in files {
            match parse_topic(&path, &text) {
                Ok(topic) => topics.push(topic),
                Err(e) => errors.push(e.to_string()),
            }
        }
        if !errors.is_empty() {
            return Err(ContentError::Invalid(errors));
        }
        topics.sort_by(|a, b| {
            let rank = |t: &Topic| TRACKS.iter().position(|x| *x == t.track).unwrap_or(TRACKS.len());
            (rank(a), a.order, &a.id).cmp(&(rank(b), b.order, &b.id))
        });
        Ok(Curriculum { topics })
    }

    /// The topic with this id, or else the one with this title or alias
    /// (case-insensitive).
    pub fn find(&self, key: &str) -> Option<&Topic> {
        let key = key.trim();
        self.topics.iter().find(|t| t.id == key).or_else(|| {
            let lower = key.to_lowercase();
            self.topics
                .iter()
                .find(|t| t.title.to_lowercase() == lower || t.aliases.iter().any(|a| a.to_lowercase() == lower))
        })
    }

    pub fn stats(&self) -> Stats {
        let mut tracks = BTreeMap::new();
        for t in &self.topics {
            *tracks.entry(t.track.clone()).or_insert(0) += 1;
        }
        Stats {
            topics: self.topics.len(),
            cards: self.topics.iter().map(|t| t.cards.len()).sum(),
            questions: self.topics.iter().map(|t| t.questions.len()).sum(),
            examples: self.topics.iter().flat_map(|t| &t.examples).filter(|e| e.check != Check::NoRun).count(),
            exercises: EXERCISES.dirs().count(),
            tracks,
            lesson_words: self.topics.iter().map(Topic::lesson_words).sum(),
        }
    }

    /// Every structural problem, as `path: message` lines; empty when the
    /// curriculum is sound. Running the examples is [`crate::verify`].
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids: HashMap<&str, &str> = HashMap::new();
        for t in &self.topics {
            if let Some(first) = ids.insert(&t.id, &t.path) {
                problems.push(format!("{}: id `{}` is already used by {first}", t.path, t.id));
            }
        }
        let mut names: HashMap<String, &str> = HashMap::new();
        for t in &self.topics {
            complete(t, &mut problems);
            for p in &t.prerequisites {
                if !ids.contains_key(p.as_str()) {
                    problems.push(format!("{}: unknown prerequisite `{p}`", t.path));
                }
            }
            for name in std::iter::once(&t.title).chain(&t.aliases) {
                let key = name.trim().to_lowercase();
                match names.get(&key) {
                    Some(other) if *other != t.id => {
                        problems.push(format!("{}: alias or title `{name}` also names `{other}`", t.path));
                    }
                    _ => {
                        names.insert(key, &t.id);
                    }
                }
            }
        }
        if let Err(cycle) = self.prerequisite_order() {
            problems.push(format!("prerequisites form a cycle: {}", cycle.join(" -> ")));
        }
        problems
    }

    /// Topic ids in an order where every prerequisite comes first, or the
    /// ids of one cycle.
    pub fn prerequisite_order(&self) -> Result<Vec<&str>, Vec<String>> {
        let index: HashMap<&str, usize> = self.topics.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        // 0 = unvisited, 1 = on the stack, 2 = done.
        let mut state = vec![0u8; self.topics.len()];
        let mut order = Vec::new();
        for start in 0..self.topics.len() {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let prereqs = &self.topics[node].prerequisites;
                if let Some(p) = prereqs.get(*next) {
                    *next += 1;
                    let Some(&child) = index.get(p.as_str()) else {
                        continue;
                    };
                    match state[child] {
                        0 => {
                            state[child] = 1;
                            stack.push((child, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|(n, _)| *n == child).unwrap_or(0);
                            let mut cycle: Vec<String> =
                                stack[from..].iter().map(|(n, _)| self.topics[*n].id.clone()).collect();
                            cycle.push(self.topics[child].id.clone());
                            return Err(cycle);
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    order.push(self.topics[node].id.as_str());
                    stack.pop();
                }
            }
        }
        Ok(order)
    }
}

/// A topic is complete when a learner can study and review it.
fn complete(t: &Topic, problems: &mut Vec<String>) {
    let mut need = |ok: bool, what: &str| {
        if !ok {
            problems.push(format!("{}: {what}", t.path));
        }
    };
    need(
        !t.id.is_empty() && t.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "id must be lowercase letters, digits and dashes",
    );
    need(TRACKS.contains(&t.track.as_str()), "unknown track");
    need(t.path.starts_with(&format!("{}/", t.track)), "file is not in its track's folder");
    need(!t.title.trim().is_empty(), "no title");
    need(t.summary.split_whitespace().count() >= 12, "summary shorter than a couple of sentences");
    need(t.estimate_hours > 0.0 && t.estimate_hours <= 80.0, "estimate_hours must be in (0, 80]");
    need(t.cards.len() >= 3, "fewer than 3 review cards");
    need(t.cards.iter().all(|c| !c.q.trim().is_empty() && !c.a.trim().is_empty()), "a card has an empty side");
    need(t.lesson_words() >= 150, "lesson shorter than 150 words");
    need(t.examples.iter().any(|e| e.check != Check::NoRun), "no runnable example");
    need(!t.docs.is_empty(), "no documentation link");
    need(!t.subtopics.is_empty(), "no subtopics");
    need(!t.prerequisites.contains(&t.id), "lists itself as a prerequisite");
    if matches!(t.track.as_str(), "fundamentals" | "intermediate") {
        need(!t.questions.is_empty(), "fundamentals and intermediate topics need a predict-the-output question");
    }
    for q in &t.questions {
        need(!q.code.trim().is_empty() && !q.explain.trim().is_empty(), "a question lacks code or explanation");
    }
}

fn collect_embedded(dir: &Dir<'_>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if path.ends_with(".md") {
            out.push((path, String::from_utf8_lossy(file.contents()).into_owned()));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

fn collect_dir(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<(), ContentError> {
    let io = |e: std::io::Error| ContentError::Io(format!("{}: {e}", dir.display()));
    let mut entries: Vec<_> = std::fs::read_dir(dir).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
    entries.sort_by_key(std::fs::DirEntry::path);
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_dir(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| ContentError::Io(format!("{}: {e}", path.display())))?;
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            out.push((rel, text));
        }
    }
    Ok(())
}
