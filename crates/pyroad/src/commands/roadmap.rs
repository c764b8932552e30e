//! `pyroad roadmap ...`: parse, lint, export.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use pyroad_import::{Format, Imported, Options, export, lint};
use pyroad_model::{Node, NodeKind, Roadmap, TimeUnit};

use crate::cli::{ExportFormat, Input, InputFormat, RoadmapCommand};
use crate::output::print;

/// Larger inputs are not roadmaps; refuse before reading them whole.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(cmd: RoadmapCommand) -> Result<ExitCode> {
    match cmd {
        // Stored roadmaps need the store: `commands::run` sends them to `store`.
        RoadmapCommand::Stored(_) => anyhow::bail!("internal error: stored-roadmap command reached the file commands"),
        RoadmapCommand::Parse { input, json, explain } => {
            let imported = read(&input)?;
            for w in &imported.warnings {
                eprintln!("warning: {}{}", where_(&input.path, w.line), w.message);
            }
            if json {
                print(&(export::to_json(&imported.roadmap) + "\n"))?;
            } else {
                let mut text = tree_view(&imported);
                if explain {
                    text.push_str(&explain_dropped(&imported));
                }
                print(&text)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        RoadmapCommand::Lint { input, json } => {
            let imported = read(&input)?;
            let findings = lint_all(&imported);
            if json {
                let value = serde_json::to_string_pretty(&findings).context("cannot encode findings")?;
                print(&(value + "\n"))?;
            } else {
                let mut text = String::new();
                for f in &findings {
                    let _ = writeln!(text, "{}{} [{}]", where_(&input.path, f.line), f.message, f.rule);
                }
                let _ = writeln!(
                    text,
                    "{}: {} finding{}",
                    input.path.display(),
                    findings.len(),
                    if findings.len() == 1 { "" } else { "s" }
                );
                print(&text)?;
            }
            Ok(if findings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        RoadmapCommand::Coverage { input, json } => super::content::coverage(&read(&input)?, json),
        RoadmapCommand::Export { input, format, output } => {
            let imported = read(&input)?;
            let text = match format {
                ExportFormat::Markdown => export::to_markdown(&imported.roadmap),
                ExportFormat::Json => export::to_json(&imported.roadmap) + "\n",
            };
            match output {
                Some(path) => write_file(&path, &text)?,
                None => print(&text)?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn where_(path: &Path, line: Option<u32>) -> String {
    match line {
        Some(l) => format!("{}:{l}: ", path.display()),
        None => format!("{}: ", path.display()),
    }
}

/// One lint finding, from the importer's rules or the planner's.
#[derive(serde::Serialize)]
struct LintFinding {
    line: Option<u32>,
    rule: &'static str,
    message: String,
}

/// The importer's findings plus the planner's `path-length` ones (learning
/// paths whose stated months disagree with their hours); pyroad-import
/// does not know the planner, so the binary puts them together.
fn lint_all(imported: &Imported) -> Vec<LintFinding> {
    let mut all: Vec<LintFinding> = lint::lint(imported)
        .into_iter()
        .map(|f| LintFinding { line: f.line, rule: f.rule.as_str(), message: f.message })
        .collect();
    all.extend(pyroad_plan::path_disagreements(&imported.roadmap).into_iter().map(|f| LintFinding {
        line: Some(f.line),
        rule: "path-length",
        message: f.message,
    }));
    // Stable: findings without a line stay first, the rest in line order.
    all.sort_by_key(|f| f.line);
    all
}

/// Reads and imports a roadmap file.
pub fn read(input: &Input) -> Result<Imported> {
    let path = &input.path;
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_dir() {
        anyhow::bail!("cannot read {}: it is a directory", path.display());
    }
    if meta.len() > MAX_INPUT_BYTES {
        anyhow::bail!(
            "cannot read {}: {} MB is larger than the {} MB a roadmap may be",
            path.display(),
            meta.len() / 1_000_000,
            MAX_INPUT_BYTES / 1_000_000
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let options = Options {
        format: input.input_format.map(|f| match f {
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Plain => Format::Plain,
        }),
        raw_encoding: input.raw_encoding,
        fallback_title: path.file_stem().map(|s| s.to_string_lossy().into_owned()),
    };
    Ok(pyroad_import::import(&bytes, &options))
}

/// Writes a file whole or not at all (temporary file, then rename).
fn write_file(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.pyroad-tmp"));
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .with_context(|| format!("cannot write {}", path.display()))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

fn tree_view(imported: &Imported) -> String {
    let roadmap: &Roadmap = &imported.roadmap;
    let mut out = String::new();
    let format = match imported.format {
        Format::Markdown => "markdown",
        Format::Plain => "plain text",
    };
    let _ = writeln!(out, "{}", roadmap.title);
    let mut facts = vec![format!("{format}"), format!("{} nodes", roadmap.len())];
    if let Some(from) = imported.repaired_from {
        facts.push(format!("repaired from {from}"));
    }
    let _ = writeln!(out, "({})", facts.join(", "));
    if let Some(d) = &roadmap.description {
        for line in d.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    for (i, node) in roadmap.children.iter().enumerate() {
        node_view(&mut out, node, "", i + 1 == roadmap.children.len());
    }
    out
}

fn number(n: f64) -> String {
    let s = format!("{n:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn node_view(out: &mut String, node: &Node, prefix: &str, last: bool) {
    let branch = if last { "└─ " } else { "├─ " };
    let check = match node.checked {
        Some(true) => "[x] ",
        Some(false) => "[ ] ",
        None => "",
    };
    let mut tags: Vec<String> = Vec::new();
    if !matches!(node.kind, NodeKind::Topic) {
        tags.push(node.kind.to_string());
    }
    if let Some([a, b]) = node.weeks {
        tags.push(if a == b { format!("week {a}") } else { format!("weeks {a}-{b}") });
    }
    if let Some(d) = &node.duration {
        let mut t = format!("{}-{} weeks", number(d.min_weeks), number(d.max_weeks));
        if let (Some(a), Some(b)) = (d.hours_per_week_min, d.hours_per_week_max) {
            let _ = write!(t, ", {}-{} h/week", number(a), number(b));
        }
        tags.push(t);
    }
    if let Some(e) = &node.estimate {
        let unit = match e.unit {
            TimeUnit::Hours => "h",
            TimeUnit::Days => "d",
            TimeUnit::Weeks => "w",
        };
        tags.push(format!("~{}-{}{unit}", number(e.min), number(e.max)));
    }
    if let Some(h) = node.hours {
        tags.push(format!("{}h", number(h)));
    }
    if node.code.is_some() {
        tags.push("code".into());
    }
    let tags = if tags.is_empty() { String::new() } else { format!("  [{}]", tags.join(" · ")) };
    let _ = writeln!(out, "{prefix}{branch}{check}{}{tags}  :{}", node.title, node.line);
    let child_prefix = format!("{prefix}{}", if last { "   " } else { "│  " });
    if let Some(d) = &node.description {
        for line in d.lines() {
            let _ = writeln!(out, "{child_prefix}  » {line}");
        }
    }
    if let Some(url) = &node.url {
        let _ = writeln!(out, "{child_prefix}  ↗ {url}");
    }
    for (i, child) in node.children.iter().enumerate() {
        node_view(out, child, &child_prefix, i + 1 == node.children.len());
    }
}

fn explain_dropped(imported: &Imported) -> String {
    let mut out = String::from("\nLines that made no node:\n");
    for d in &imported.dropped {
        let range = if d.end_line > d.line { format!("{}-{}", d.line, d.end_line) } else { d.line.to_string() };
        let reason = serde_json::to_value(d.reason).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let _ = writeln!(out, "  {range}: {reason}");
    }
    out
}
