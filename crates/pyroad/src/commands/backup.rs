//! `pyroad export`: progress as markdown (the roadmap with `[x]`/`[ ]` and
//! notes, which re-imports as a roadmap) or as a JSON backup of everything
//! in the store for this learner; `pyroad import-progress`: that backup
//! restored into an empty store, in one transaction (either backend).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use pyroad_model::{Node, Roadmap};
use pyroad_store::{Backup, Status, Store};

use super::store::{ME, pick};
use super::topics::{Tracker, trackable};
use crate::cli::ProgressFormat;
use crate::output::print;

/// A backup file larger than this is refused before it is read.
const MAX_BACKUP_BYTES: u64 = 256 * 1024 * 1024;

pub async fn export<S: Store>(
    store: &S,
    format: ProgressFormat,
    roadmap: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let text = match format {
        ProgressFormat::Markdown => {
            let stored = pick(store, roadmap).await?;
            let progress = store.progress(ME, stored.id).await?;
            let notes = store.notes(ME, stored.id, None).await?;
            let tracker = Tracker::new(&stored.roadmap, &progress);
            let mut marked: Roadmap = stored.roadmap.clone();
            for top in &mut marked.children {
                apply(top, &tracker, &notes);
            }
            pyroad_import::export::to_markdown(&marked)
        }
        ProgressFormat::Json => {
            let mut backup = pyroad_store::backup::collect(store, ME).await?;
            if let Some(name) = roadmap {
                // One roadmap's backup: its rows and the log entries on it.
                if !backup.roadmaps.iter().any(|r| r.name == name) {
                    return Err(pyroad_store::StoreError::not_found("roadmap", name).into());
                }
                backup.roadmaps.retain(|r| r.name == name);
                backup.log.retain(|e| e.roadmap.as_deref() == Some(name));
                backup.active = backup.active.filter(|a| a == name);
            }
            serde_json::to_string_pretty(&backup).context("cannot encode the backup")? + "\n"
        }
    };
    match output {
        Some(path) => {
            let tmp = path.with_extension("pyroad-tmp");
            std::fs::write(&tmp, &text)
                .and_then(|()| std::fs::rename(&tmp, path))
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => print(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `pyroad import-progress FILE`: refuses a store that already holds data
/// (no merging: restoring is for moving or recovering a whole store).
pub async fn import<S: Store>(store: &S, file: &Path) -> Result<ExitCode> {
    let what = || format!("cannot import {}", file.display());
    let meta = std::fs::metadata(file).with_context(what)?;
    if meta.is_dir() {
        anyhow::bail!("{}: it is a directory", what());
    }
    if meta.len() > MAX_BACKUP_BYTES {
        anyhow::bail!("{}: {} MB is larger than a backup may be", what(), meta.len() / 1_000_000);
    }
    let bytes = std::fs::read(file).with_context(what)?;
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", what()))?;
    let backup = Backup::from_json(&text).with_context(what)?;
    let report = store.restore_backup(ME, &backup).await.with_context(what)?;
    print(&format!(
        "restored {} roadmaps ({} progress rows, {} notes, {} archived), {} log entries and {} settings from {}\n",
        report.roadmaps,
        report.progress,
        report.notes,
        report.archived,
        report.log,
        report.settings,
        file.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Puts the learner's status into the checkboxes and notes into the text.
fn apply(node: &mut Node, tracker: &Tracker<'_>, notes: &[pyroad_store::Note]) {
    if trackable(node) {
        node.checked = Some(tracker.status(&node.id) == Status::Done);
    }
    let mine: Vec<&str> = notes.iter().filter(|n| n.topic == node.id).map(|n| n.body.as_str()).collect();
    if !mine.is_empty() {
        let text = mine.iter().map(|b| format!("Note: {b}")).collect::<Vec<_>>().join("\n");
        node.description = Some(match node.description.take() {
            Some(d) => format!("{d}\n{text}"),
            None => text,
        });
    }
    for c in &mut node.children {
        apply(c, tracker, notes);
    }
}
