//! Practice: `practice`, `check`, `watch`, `hint`, `solution`, `reset` and
//! `exercises verify`. The checking itself is `pyroad-check`; this is glue.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use pyroad_check::exercise::{self, Exercise};
use pyroad_check::workspace::{ExerciseState, ProgressStore, Workspace, now_secs};
use pyroad_check::{Checker, Limits, Report, Status, python, verify};
use pyroad_content::deck;
use pyroad_store::{CardState, NewExerciseResult};

use crate::cli::StoreArgs;
use crate::output::print;

#[derive(Debug, Args)]
pub struct PythonArgs {
    /// The Python to check with (default: PYROAD_PYTHON, the active venv, python3).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Wall-clock limit for one check, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct WorkspaceArgs {
    /// The practice folder (default: `exercises` in pyroad's data directory).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// Only exercises of this topic (e.g. `loops`, or an item of the active
    /// roadmap), or this one exercise (e.g. `leap-year`; a passed one starts
    /// over, to be solved again).
    pub topic: Option<String>,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The exercise (default: the current one, or the folder you are in).
    pub exercise: Option<String>,
    /// Check an exercise folder instead (ours, or Exercism's format).
    #[arg(long, value_name = "DIR", conflicts_with = "exercise")]
    pub path: Option<PathBuf>,
    /// Print Exercism's results.json (version 3) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub python: PythonArgs,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    pub exercise: Option<String>,
    #[command(flatten)]
    pub python: PythonArgs,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Stop after this many checks (for scripts and tests).
    #[arg(long, hide = true)]
    pub max_checks: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ExerciseArgs {
    pub exercise: Option<String>,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

#[derive(Debug, Args)]
pub struct SolutionArgs {
    pub exercise: Option<String>,
    /// Show it before passing; this is recorded.
    #[arg(long)]
    pub reveal: bool,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    pub exercise: String,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

#[derive(Debug, Subcommand)]
pub enum ExercisesCommand {
    /// For every exercise: the solution passes, the starter fails, statement, hints and topics exist.
    Verify {
        /// An exercise folder, or a folder of them (default: the built-in exercises).
        path: Option<PathBuf>,
        /// Also require every topic id to be defined in this curriculum folder.
        #[arg(long, value_name = "DIR")]
        curriculum: Option<PathBuf>,
        #[command(flatten)]
        python: PythonArgs,
    },
}

/// The global `--data-dir` / `PYROAD_DATA_DIR`, else the platform's data directory.
pub fn data_dir(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(d) = given.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(d.to_path_buf());
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d).join("pyroad"));
    }
    match std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/pyroad")),
        None => bail!("no data directory: set PYROAD_DATA_DIR or HOME"),
    }
}

fn workspace(args: &WorkspaceArgs, data: Option<&Path>) -> Result<Workspace> {
    Ok(Workspace::new(match &args.dir {
        Some(d) => d.clone(),
        None => data_dir(data)?.join("exercises"),
    }))
}

fn checker(args: &PythonArgs, data: Option<&Path>) -> Result<Checker> {
    let cache = data_dir(data).ok().map(|d| d.join("python-cache.json"));
    let py = python::find(args.python.as_deref(), cache.as_deref())?;
    let limits = Limits { wall_ms: args.timeout.max(1) * 1000, cpu_s: args.timeout.max(1), ..Limits::default() };
    Ok(Checker::new(py, limits))
}

/// The exercise named, else the one whose folder we are in, else the current one.
fn pick(ws: &Workspace, name: Option<&str>) -> Result<Exercise> {
    if let Some(n) = name {
        return Ok(exercise::embedded(n)?);
    }
    let here = std::env::current_dir().ok().and_then(|d| ws.exercise_at(&d));
    let id = match here.or(ws.state()?.current()) {
        Some(id) => id,
        None => bail!("no current exercise: start one with `pyroad practice`, or name it"),
    };
    Ok(exercise::embedded(&id)?)
}

pub fn practice(args: &PracticeArgs, store: &StoreArgs) -> Result<ExitCode> {
    let ws = workspace(&args.workspace, store.data_dir.as_deref())?;
    let mut state = ws.state()?;
    if let Some(id) = args.topic.as_deref().filter(|id| exercise::embedded_ids().iter().any(|e| e == id)) {
        return practice_one(&ws, &mut state, &exercise::embedded(id)?);
    }
    let all = exercise::all_embedded()?;
    let topics = match &args.topic {
        Some(key) => Some(practice_topics(&all, key, store)?),
        None => None,
    };
    let of_topic: Vec<&Exercise> =
        all.iter().filter(|e| topics.as_ref().is_none_or(|t| e.topics.iter().any(|x| t.contains(x)))).collect();
    let Some(next) = of_topic.iter().find(|e| !state.get(&e.id).passed) else {
        print(&format!("All {} exercises here are done. Well done!\n", of_topic.len()))?;
        return Ok(ExitCode::SUCCESS);
    };
    let file = ws.start(next)?;
    state.set_current(&next.id)?;
    let done = of_topic.iter().filter(|e| state.get(&e.id).passed).count();
    print(&format!(
        "Exercise {} ({}/{} done): {}\n  statement: {}\n  edit:      {}\nThen run `pyroad check` (or `pyroad watch` to re-check on every save).\n",
        next.id,
        done,
        of_topic.len(),
        next.title,
        ws.exercise_dir(&next.id).join("README.md").display(),
        file.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The curriculum topic ids `key` means, for `practice KEY`: a topic id
/// exercises name, else a curriculum topic's id, title or alias, else an
/// item of the active roadmap (the topics it stands for). An error, with
/// the topics that have exercises, when none of them has any.
fn practice_topics(all: &[Exercise], key: &str, store: &StoreArgs) -> Result<BTreeSet<String>> {
    let practised: BTreeSet<&str> = all.iter().flat_map(|e| e.topics.iter().map(String::as_str)).collect();
    if practised.contains(key) {
        return Ok(BTreeSet::from([key.to_string()]));
    }
    let curriculum = super::content::curriculum()?;
    let (what, topics): (String, Vec<String>) = match curriculum.find(key) {
        Some(t) => (format!("topic {}", t.id), vec![t.id.clone()]),
        None => match super::attached::node_topics(store, &curriculum, key)? {
            Some((title, topics)) => (format!("\"{title}\""), topics.iter().map(|t| t.id.clone()).collect()),
            None => (format!("topic {key:?}"), Vec::new()),
        },
    };
    if topics.iter().any(|t| practised.contains(t.as_str())) {
        return Ok(topics.into_iter().collect());
    }
    let taught = if topics.is_empty() { String::new() } else { format!(" (taught by {})", topics.join(", ")) };
    bail!(
        "no exercises for {what}{taught}; topics with exercises: {}",
        practised.into_iter().collect::<Vec<_>>().join(", ")
    )
}

/// `pyroad practice EXERCISE`: starts that exercise. A passed one starts
/// over from its starter (the learner's version kept as `.bak`) with no
/// hints shown: solving it again is how a due exercise is reviewed. Until
/// it passes again, asking again keeps the work in progress.
fn practice_one(ws: &Workspace, state: &mut dyn ProgressStore, ex: &Exercise) -> Result<ExitCode> {
    let mut s = state.get(&ex.id);
    // Already being solved again: keep the learner's work in progress.
    let file = if s.passed && !s.again {
        s.again = true;
        s.hints_shown = 0;
        s.solution_revealed = false;
        state.put(&ex.id, s)?;
        ws.reset(ex)?
    } else {
        ws.start(ex)?
    };
    state.set_current(&ex.id)?;
    let again = if state.get(&ex.id).again { " (again, from its starter)" } else { "" };
    print(&format!(
        "Exercise {}{again}: {}\n  statement: {}\n  edit:      {}\nThen run `pyroad check` (or `pyroad watch` to re-check on every save).\n",
        ex.id,
        ex.title,
        ws.exercise_dir(&ex.id).join("README.md").display(),
        file.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn record_pass(state: &mut dyn ProgressStore, id: &str, report: &Report) -> Result<()> {
    if report.status == Status::Pass {
        let mut s = state.get(id);
        if !s.passed || s.again {
            s.passed = true;
            s.passed_at = s.passed_at.or(Some(now_secs()));
            s.again = false;
            state.put(id, s)?;
        }
    }
    Ok(())
}

fn exit_for(report: &Report) -> ExitCode {
    if report.status == Status::Pass { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn emit(report: &Report, name: &str, json: bool) -> Result<()> {
    if json {
        print(&format!("{}\n", serde_json::to_string_pretty(&report.to_results_json())?))
    } else {
        print(&report.render_text(name))
    }
}

pub fn check(args: &CheckArgs, store: &StoreArgs) -> Result<ExitCode> {
    let data = store.data_dir.as_deref();
    let checker = checker(&args.python, data)?;
    if let Some(dir) = &args.path {
        let ex = exercise::from_dir(dir)?;
        let file = dir.join(ex.learner_file());
        let source = std::fs::read_to_string(&file)
            .with_context(|| format!("cannot read your solution {} (the file the tests import)", file.display()))?;
        let report = checker.check(&ex, &source, &file.display().to_string())?;
        emit(&report, &ex.id, args.json)?;
        return Ok(exit_for(&report));
    }
    let ws = workspace(&args.workspace, data)?;
    let ex = pick(&ws, args.exercise.as_deref())?;
    let (report, review) = check_in_workspace(&checker, &ws, &ex, store)?;
    emit(&report, &ex.id, args.json)?;
    // The JSON is Exercism's results.json: nothing may follow it.
    if !args.json {
        print(&review_line(review.as_ref())?)?;
    }
    Ok(exit_for(&report))
}

/// "Review: solve leap-year again in 2.3 days (...)", after a check.
fn review_line(review: Option<&CardState>) -> Result<String> {
    let Some(state) = review else { return Ok(String::new()) };
    let exercise = deck::exercise_of(&state.card).unwrap_or(&state.card);
    let now = crate::clock::now()?.timestamp();
    Ok(format!("Review: solve {exercise} again {}\n", super::review::when(state.due, now)))
}

/// Checks the learner's file and records the result: in the progress store
/// (with the hints used and whether the solution was shown before this
/// check, and as a review of the exercise's item, filed under its first
/// topic) and in the practice folder's state. Returns the report and the
/// item's new memory state.
fn check_in_workspace(
    checker: &Checker,
    ws: &Workspace,
    ex: &Exercise,
    store: &StoreArgs,
) -> Result<(Report, Option<CardState>)> {
    let file = ws.learner_path(ex);
    let source = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}: start the exercise with `pyroad practice`", file.display()))?;
    let report = checker.check(ex, &source, &file.display().to_string())?;
    let mut state = ws.state()?;
    let before = state.get(&ex.id);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let result = NewExerciseResult {
        exercise: ex.id.clone(),
        passed: report.status == Status::Pass,
        tests_passed: count(report.passed()),
        tests_total: count(report.tests.len()),
        hints_used: count(before.hints_shown),
        revealed: before.solution_revealed,
    };
    let item = ex.topics.first().map(|topic| deck::exercise_id(topic, &ex.id));
    let review = super::exercise_results::record(store, &result, item.as_deref())?;
    record_pass(&mut state, &ex.id, &report)?;
    Ok((report, review))
}

pub fn watch(args: &WatchArgs, store: &StoreArgs) -> Result<ExitCode> {
    use notify::{RecursiveMode, Watcher};
    let data = store.data_dir.as_deref();
    let ws = workspace(&args.workspace, data)?;
    let ex = pick(&ws, args.exercise.as_deref())?;
    let checker = checker(&args.python, data)?;
    // Many checks follow: keep a fork server (a one-off `check` runs cold).
    checker.warm_up()?;
    let total = exercise::embedded_ids().len();
    let dir = ws.exercise_dir(&ex.id);
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event
            && e.paths.iter().any(|p| p.extension().is_some_and(|x| x == "py"))
        {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    let mut checks = 0;
    loop {
        let (report, review) = check_in_workspace(&checker, &ws, &ex, store)?;
        checks += 1;
        let done = ws.state()?.passed_count();
        let next = if report.status == Status::Pass {
            "Passed! `pyroad practice` starts the next exercise."
        } else {
            "Save the file to check again; Ctrl-C to stop."
        };
        let review = review_line(review.as_ref())?;
        print(&format!("\n{}{review}\n{done}/{total} done. {next}\n", report.render_text(&ex.id)))?;
        if args.max_checks.is_some_and(|m| checks >= m) {
            return Ok(exit_for(&report));
        }
        // Wait for a save, then let a burst of events (editors write twice) settle.
        if rx.recv().is_err() {
            return Ok(exit_for(&report));
        }
        while rx.recv_timeout(Duration::from_millis(80)).is_ok() {}
    }
}

pub fn hint(args: &ExerciseArgs, data: Option<&Path>) -> Result<ExitCode> {
    let ws = workspace(&args.workspace, data)?;
    let ex = pick(&ws, args.exercise.as_deref())?;
    let mut state = ws.state()?;
    let mut s: ExerciseState = state.get(&ex.id);
    if ex.hints.is_empty() {
        bail!("{} has no hints", ex.id);
    }
    let shown = (s.hints_shown + 1).min(ex.hints.len());
    let mut out = String::new();
    for (i, h) in ex.hints.iter().take(shown).enumerate() {
        out.push_str(&format!("Hint {} of {}: {h}\n", i + 1, ex.hints.len()));
    }
    if shown == ex.hints.len() && s.hints_shown >= shown {
        out.push_str("That was the last hint.\n");
    }
    s.hints_shown = shown;
    state.put(&ex.id, s)?;
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn solution(args: &SolutionArgs, data: Option<&Path>) -> Result<ExitCode> {
    let ws = workspace(&args.workspace, data)?;
    let ex = pick(&ws, args.exercise.as_deref())?;
    let mut state = ws.state()?;
    let mut s = state.get(&ex.id);
    // While a passed exercise is being solved again, it counts as unsolved.
    let solved = s.passed && !s.again;
    if !solved && !args.reveal {
        bail!("pass {} first to compare with the reference solution, or use `--reveal` (recorded)", ex.id);
    }
    if !solved {
        s.solution_revealed = true;
        state.put(&ex.id, s)?;
    }
    print(ex.solution.as_deref().unwrap_or("(no reference solution)\n"))?;
    Ok(ExitCode::SUCCESS)
}

pub fn reset(args: &ResetArgs, data: Option<&Path>) -> Result<ExitCode> {
    let ws = workspace(&args.workspace, data)?;
    let ex = exercise::embedded(&args.exercise)?;
    let file = ws.reset(&ex)?;
    print(&format!("{} is the starter again (your version is in {}.bak)\n", file.display(), file.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn curriculum_topics(dir: &Path) -> Result<BTreeSet<String>> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path)?;
                let id =
                    text.lines().find_map(|l| l.strip_prefix("id = ").map(|v| v.trim().trim_matches('"').to_owned()));
                ids.extend(id);
            }
        }
    }
    Ok(ids)
}

pub fn exercises(cmd: ExercisesCommand, data: Option<&Path>) -> Result<ExitCode> {
    let ExercisesCommand::Verify { path, curriculum, python } = cmd;
    let all = match &path {
        Some(p) => exercise::all_in_dir(p)?,
        None => exercise::all_embedded()?,
    };
    let known = curriculum.as_deref().map(curriculum_topics).transpose()?;
    let checker = checker(&python, data)?;
    checker.warm_up()?;
    let mut bad = 0;
    let mut out = String::new();
    for ex in &all {
        let problems = verify::verify(&checker, ex, known.as_ref())?;
        if problems.is_empty() {
            out.push_str(&format!("ok    {}\n", ex.id));
        } else {
            bad += 1;
            out.push_str(&format!("FAIL  {}\n", ex.id));
            for p in problems {
                out.push_str(&format!("        - {p}\n"));
            }
        }
    }
    out.push_str(&format!("{} exercises, {} with problems\n", all.len(), bad));
    print(&out)?;
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
