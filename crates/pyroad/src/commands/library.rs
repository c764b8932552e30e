//! `pyroad roadmap add|list|remove|use|update|archived|restore`: roadmaps
//! in the store.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result};
use pyroad_store::Store;

use super::roadmap::read;
use super::store::{ME, pick};
use super::topics::resolve;
use crate::cli::{Input, StoredRoadmapCommand};
use crate::output::print;

pub async fn run<S: Store>(store: &S, cmd: StoredRoadmapCommand) -> Result<ExitCode> {
    match cmd {
        StoredRoadmapCommand::Add { input, name } => {
            let name = match name {
                Some(n) => n,
                None => default_name(&input)?,
            };
            let imported = read(&input)?;
            for w in &imported.warnings {
                eprintln!("warning: {}", w.message);
            }
            let stored = store.add_roadmap(ME, &name, &imported.roadmap).await?;
            let active = store.active_roadmap(ME).await?.is_some_and(|a| a.id == stored.id);
            let done = store.progress(ME, stored.id).await?.len();
            let curriculum = super::content::curriculum()?;
            let attached = super::attached::attachment(&curriculum, &stored.roadmap)?;
            print(&format!(
                "added {name}: {} ({} nodes, {done} already done){}\n{}\n",
                stored.roadmap.title,
                stored.roadmap.len(),
                if active { ", now the active roadmap" } else { "" },
                super::attached::attachment_text(attached),
            ))?;
        }
        StoredRoadmapCommand::List { json } => {
            let list = store.list_roadmaps(ME).await?;
            let active = store.active_roadmap(ME).await?.map(|r| r.name);
            if json {
                let value = serde_json::json!({ "active": active, "roadmaps": list });
                print(&(serde_json::to_string_pretty(&value).context("cannot encode the list")? + "\n"))?;
            } else if list.is_empty() {
                print("no roadmaps yet: add one with `pyroad roadmap add FILE`\n")?;
            } else {
                let mut out = String::new();
                for r in &list {
                    let star = if active.as_deref() == Some(r.name.as_str()) { "*" } else { " " };
                    let _ = writeln!(out, "{star} {:<16} {}  ({}/{} done)", r.name, r.title, r.done, r.nodes);
                }
                print(&out)?;
            }
        }
        StoredRoadmapCommand::Remove { name } => {
            store.remove_roadmap(ME, &name).await?;
            print(&format!("removed {name}\n"))?;
        }
        StoredRoadmapCommand::Use { name } => {
            store.set_active(ME, &name).await?;
            print(&format!("{name} is now the active roadmap\n"))?;
        }
        StoredRoadmapCommand::Update { name, input } => {
            let imported = read(&input)?;
            let report = store.update_roadmap(ME, &name, &imported.roadmap).await?;
            let mut out = format!(
                "updated {name}: {} kept, {} new, {} gone, {} restored\n",
                report.kept,
                report.added.len(),
                report.removed.len(),
                report.restored.len()
            );
            for r in &report.removed {
                match r.archived {
                    Some(status) => {
                        let _ = writeln!(
                            out,
                            "  gone: {} ({}), progress '{status}' archived; \
                             `pyroad roadmap restore {} --into NEW-ID` puts it back",
                            r.title, r.id, r.id
                        );
                    }
                    None => {
                        let _ = writeln!(out, "  gone: {} ({})", r.title, r.id);
                    }
                }
            }
            for id in &report.restored {
                let _ = writeln!(out, "  back: {id}, its archived progress restored");
            }
            let curriculum = super::content::curriculum()?;
            let attached = super::attached::attachment(&curriculum, &imported.roadmap)?;
            let _ = writeln!(out, "{}", super::attached::attachment_text(attached));
            print(&out)?;
        }
        StoredRoadmapCommand::Archived { name } => {
            let roadmap = pick(store, name.as_deref()).await?;
            let archived = store.archived(ME, roadmap.id).await?;
            let mut out = String::new();
            if archived.is_empty() {
                let _ = writeln!(out, "nothing archived in {}", roadmap.name);
            }
            for a in &archived {
                let _ = writeln!(out, "{:<32} {:<9} {}", a.topic, a.status.as_str(), a.title);
            }
            print(&out)?;
        }
        StoredRoadmapCommand::Restore { topic, into, roadmap } => {
            let stored = pick(store, roadmap.as_deref()).await?;
            let into = match into {
                Some(t) => resolve(&stored.roadmap, &t)?.id.clone(),
                None => topic.clone(),
            };
            let p = store.restore(ME, stored.id, &topic, &into).await?;
            print(&format!("restored {topic} onto {into}: {}\n", p.status))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The file stem, lower case, spaces as dashes.
fn default_name(input: &Input) -> Result<String> {
    let stem = input
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_lowercase().replace(char::is_whitespace, "-"))
        .filter(|s| !s.is_empty())
        .with_context(|| format!("cannot name a roadmap after {}; give --name", input.path.display()))?;
    Ok(stem.chars().take(64).collect())
}
