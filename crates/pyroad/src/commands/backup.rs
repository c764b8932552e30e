//! `pyroad export`: progress as markdown (the roadmap with `[x]`/`[ ]` and
//! notes, which re-imports as a roadmap) or as a JSON backup of everything
//! in the store for this learner.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use pyroad_model::{Node, Roadmap};
use pyroad_store::{Status, Store};
use serde_json::json;

use super::store::{ME, pick};
use super::topics::{Tracker, trackable};
use crate::cli::ProgressFormat;
use crate::output::print;

/// The version of the JSON backup layout.
pub const BACKUP_VERSION: u32 = 1;

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
            let mut roadmaps = Vec::new();
            let list = store.list_roadmaps(ME).await?;
            for info in &list {
                if roadmap.is_some_and(|r| r != info.name) {
                    continue;
                }
                let stored = store.roadmap(ME, &info.name).await?;
                roadmaps.push(json!({
                    "name": stored.name,
                    "added_at": stored.added_at,
                    "roadmap": stored.roadmap,
                    "progress": store.progress(ME, stored.id).await?,
                    "notes": store.notes(ME, stored.id, None).await?,
                    "archived": store.archived(ME, stored.id).await?,
                }));
            }
            let active = store.active_roadmap(ME).await?.map(|r| r.name);
            let value = json!({
                "pyroad_backup": BACKUP_VERSION,
                "active": active,
                "roadmaps": roadmaps,
                "log": store.log_entries(ME, None).await?,
            });
            serde_json::to_string_pretty(&value).context("cannot encode the backup")? + "\n"
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
