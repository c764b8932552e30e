//! `pyroad mark TOPIC... STATUS [--all]`: one or many topics in
//! one transaction; every name is resolved before anything is written.

use std::collections::HashSet;
use std::process::ExitCode;

use anyhow::Result;
use pyroad_store::{Status, Store};

use super::store::{ME, pick};
use super::topics::{resolve, trackable};
use crate::cli::MarkStatus;
use crate::output::print;

pub async fn run<S: Store>(
    store: &S,
    queries: &[String],
    status: MarkStatus,
    all: bool,
    roadmap: Option<&str>,
) -> Result<ExitCode> {
    let stored = pick(store, roadmap).await?;
    let status = match status {
        MarkStatus::Todo => Status::Todo,
        MarkStatus::Learning => Status::Learning,
        MarkStatus::Done => Status::Done,
        MarkStatus::Skipped => Status::Skipped,
    };
    let mut nodes = Vec::new();
    for q in queries {
        let node = resolve(&stored.roadmap, q)?;
        nodes.push(node);
        if all {
            nodes.extend(node.walk().skip(1).filter(|n| trackable(n)));
        }
    }
    let mut seen = HashSet::new();
    nodes.retain(|n| seen.insert(n.id.as_str()));
    let ids: Vec<String> = nodes.iter().map(|n| n.id.clone()).collect();
    let written = store.set_statuses(ME, stored.id, &ids, status).await?;
    let out = match nodes.as_slice() {
        [one] => format!("marked {} {status}: {}\n", one.id, one.title),
        _ => format!("marked {written} topics {status}\n"),
    };
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
