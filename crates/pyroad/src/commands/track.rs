//! The daily commands: `next`, `mark`, `note`, `show`, `export` here;
//! `status` in `status`, `log`/`streak`/`stats` in `habits`.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use jiff::Timestamp;
use pyroad_model::Node;
use pyroad_store::{Status, Store};

use super::store::{ME, pick};
use super::topics::{Tracker, hours, resolve, trackable};
use crate::cli::TrackCommand;
use crate::output::print;

pub async fn run<S: Store>(store: &S, cmd: TrackCommand) -> Result<ExitCode> {
    match cmd {
        TrackCommand::Status(args) => super::status::run(store, &args).await,
        TrackCommand::Next { n, roadmap, json } => next(store, n, roadmap.as_deref(), json).await,
        TrackCommand::Mark { topics, status, all, roadmap } => {
            super::mark::run(store, &topics, status, all, roadmap.as_deref()).await
        }
        TrackCommand::Note { topic, text, edit, roadmap } => {
            let stored = pick(store, roadmap.as_deref()).await?;
            let node = resolve(&stored.roadmap, &topic)?;
            let body = match (text, edit) {
                (Some(t), _) => t,
                (None, true) => edit_note(&node.title)?,
                (None, false) => bail!("give the note text, or --edit to write it in $EDITOR"),
            };
            let note = store.add_note(ME, stored.id, &node.id, &body).await?;
            print(&format!("noted on {} (note {})\n", node.id, note.id))?;
            Ok(ExitCode::SUCCESS)
        }
        TrackCommand::Show { topic, roadmap, json } => show(store, &topic, roadmap.as_deref(), json).await,
        TrackCommand::Log { duration, topic, note, date, roadmap } => {
            super::habits::log(store, &duration, topic.as_deref(), note, date.as_deref(), roadmap.as_deref()).await
        }
        TrackCommand::Streak { json } => super::habits::streak(store, json).await,
        TrackCommand::Stats { weeks, roadmap, json } => {
            super::habits::stats(store, weeks, roadmap.as_deref(), json).await
        }
        TrackCommand::Export { format, roadmap, output } => {
            super::backup::export(store, format, roadmap.as_deref(), output.as_deref()).await
        }
        TrackCommand::ImportProgress { file } => super::backup::import(store, &file).await,
    }
}

async fn next<S: Store>(store: &S, n: usize, roadmap: Option<&str>, json: bool) -> Result<ExitCode> {
    let stored = pick(store, roadmap).await?;
    let progress = store.progress(ME, stored.id).await?;
    let tracker = Tracker::new(&stored.roadmap, &progress);
    let next = tracker.next_ready(n, &super::prereq::of(&stored.roadmap));
    // Due reviews come first (issue 7).
    let reviews = super::review_summary::of_roadmap(store, &stored, &progress).await?;
    let verified = super::verified::load(store, &stored).await?;
    if json {
        let due =
            reviews.due.iter().take(n).map(
                |d| serde_json::json!({ "kind": "review", "id": d.id, "topic": d.topic, "new": d.new, "due": d.due }),
            );
        let items: Vec<_> = due
            .chain(next.iter().map(|n| {
                serde_json::json!({
                    "kind": "topic", "id": n.id, "title": n.title, "status": tracker.status(&n.id), "hours": hours(n),
                    "verified": verified.contains(&n.id),
                })
            }))
            .collect();
        print(&(serde_json::to_string_pretty(&items).context("cannot encode")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    if !reviews.due.is_empty() {
        let first: Vec<&str> = reviews.due.iter().take(3).map(|d| d.id.as_str()).collect();
        let more = if reviews.due.len() > 3 { ", …" } else { "" };
        let _ = writeln!(out, "review: {} cards due ({}{more}): `pyroad review`", reviews.due.len(), first.join(", "));
    }
    if next.is_empty() {
        let _ = writeln!(out, "nothing left to learn in {}: well done", stored.name);
    }
    for node in next {
        let mark = if verified.contains(&node.id) {
            "✓"
        } else if tracker.status(&node.id) == Status::Learning {
            "~"
        } else {
            " "
        };
        let est = hours(node).map(|h| format!("  ~{}h", trim(h))).unwrap_or_default();
        let _ = writeln!(out, "{mark} {:<40} {}{est}", node.id, node.title);
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

async fn show<S: Store>(store: &S, topic: &str, roadmap: Option<&str>, json: bool) -> Result<ExitCode> {
    let stored = pick(store, roadmap).await?;
    let node = resolve(&stored.roadmap, topic)?;
    let progress = store.progress(ME, stored.id).await?;
    let tracker = Tracker::new(&stored.roadmap, &progress);
    let notes = store.notes(ME, stored.id, Some(&node.id)).await?;
    let row = tracker.row(&node.id);
    let curriculum = super::content::curriculum()?;
    let topics = pyroad_content::deck::topics_of_node(&curriculum, &stored.roadmap, &node.id);
    let retention = super::review_summary::node_retention(store, &stored, &node.id, &topics).await?;
    // The built-in lessons, exercises and cards this node gets (issue 7).
    let builtin = super::attached::material(&topics)?;
    if json {
        let value = serde_json::json!({
            "review": retention,
            "builtin": builtin,
            "id": node.id, "title": node.title, "kind": node.kind, "status": tracker.status(&node.id),
            "progress": row, "notes": notes, "estimate": node.estimate, "url": node.url,
            "description": node.description,
            "children": node.children.iter().map(|c| serde_json::json!({
                "id": c.id, "title": c.title, "status": tracker.status(&c.id)
            })).collect::<Vec<_>>(),
        });
        print(&(serde_json::to_string_pretty(&value).context("cannot encode")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({}, {})", node.title, node.id, node.kind);
    let _ = writeln!(out, "status:   {}", tracker.status(&node.id));
    if let Some(p) = row {
        if let Some(t) = p.started_at {
            let _ = writeln!(out, "started:  {}", local_day(t));
        }
        if let Some(t) = p.done_at {
            let _ = writeln!(out, "done:     {}", local_day(t));
        }
    }
    for t in &retention {
        let _ = writeln!(
            out,
            "recall:   {} {} ({} cards, {} due)",
            t.id,
            super::review_summary::percent(t.retention),
            t.cards,
            t.due
        );
    }
    if !builtin.is_empty() {
        let names: Vec<String> = builtin.iter().map(|m| format!("{} ({})", m.title, m.id)).collect();
        let exercises = builtin.iter().flat_map(|m| &m.exercises).collect::<std::collections::BTreeSet<_>>().len();
        let cards: usize = builtin.iter().map(|m| m.cards).sum();
        let _ = writeln!(out, "built-in: {}", names.join(", "));
        let _ = writeln!(out, "          lesson: `pyroad learn {}`; {cards} review cards", node.id);
        if exercises > 0 {
            let _ = writeln!(out, "          {exercises} exercises: `pyroad practice {}`", node.id);
        }
    }
    if let Some(e) = &node.estimate {
        let _ = writeln!(out, "estimate: {}", e.raw);
    }
    if let Some(url) = &node.url {
        let _ = writeln!(out, "link:     {url}");
    }
    if let Some(d) = &node.description {
        let _ = writeln!(out, "\n{d}");
    }
    let resources: Vec<&Node> = node.children.iter().filter(|c| !trackable(c) && c.url.is_some()).collect();
    if !resources.is_empty() {
        let _ = writeln!(out, "\nresources:");
        for r in resources {
            let _ = writeln!(out, "  {} {}", r.title, r.url.as_deref().unwrap_or_default());
        }
    }
    let children: Vec<&Node> = node.children.iter().filter(|c| trackable(c)).collect();
    if !children.is_empty() {
        let _ = writeln!(out, "\nchildren:");
        for c in children {
            let _ = writeln!(out, "  [{}] {}  ({})", box_of(tracker.status(&c.id)), c.title, c.id);
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\nnotes:");
        for n in &notes {
            let _ = writeln!(out, "  {}  {}", local_day(n.created_at), n.body.replace('\n', "\n    "));
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn box_of(status: Status) -> char {
    match status {
        Status::Done => 'x',
        Status::Learning => '~',
        Status::Skipped => '-',
        Status::Todo => ' ',
    }
}

pub fn local_day(t: Timestamp) -> jiff::civil::Date {
    t.to_zoned(crate::clock::local_zone()).date()
}

pub fn trim(h: f64) -> String {
    let s = format!("{h:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Colours only on a terminal, and never with NO_COLOR set (non-empty).
pub fn colour_enabled() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Opens $EDITOR (then $VISUAL, then vi) on a temporary file and returns
/// what was written, without the comment lines.
fn edit_note(title: &str) -> Result<String> {
    let editor = std::env::var("EDITOR")
        .or_else(|_| std::env::var("VISUAL"))
        .ok()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    let dir = std::env::temp_dir();
    let path = dir.join(format!("pyroad-note-{}.md", std::process::id()));
    std::fs::write(&path, format!("\n# Note on: {title}\n# Lines starting with # are ignored.\n"))
        .with_context(|| format!("cannot write {}", path.display()))?;
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(&path)
        .status()
        .with_context(|| format!("cannot run the editor {editor:?}"));
    let text = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    let status = status?;
    if !status.success() {
        bail!("the editor {editor:?} failed ({status}); no note added");
    }
    let text = text.context("cannot read the note back")?;
    let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    Ok(body.join("\n").trim().to_string())
}
