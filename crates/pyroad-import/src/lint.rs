//! What a roadmap author should fix, with line numbers.

use std::collections::HashMap;

use pyroad_model::{Node, NodeKind};
use serde::Serialize;

use crate::Imported;
use crate::text::key;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    EmptySection,
    DuplicateTitle,
    MissingEstimate,
    UnreadableDuration,
    Encoding,
}

impl Rule {
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::EmptySection => "empty-section",
            Rule::DuplicateTitle => "duplicate-title",
            Rule::MissingEstimate => "missing-estimate",
            Rule::UnreadableDuration => "unreadable-duration",
            Rule::Encoding => "encoding",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub line: Option<u32>,
    pub rule: Rule,
    pub message: String,
}

/// Everything worth fixing in an imported roadmap, in line order.
pub fn lint(imported: &Imported) -> Vec<Finding> {
    let mut findings = Vec::new();
    for w in &imported.warnings {
        let rule = if w.message.starts_with("unreadable duration") { Rule::UnreadableDuration } else { Rule::Encoding };
        findings.push(Finding { line: w.line, rule, message: w.message.clone() });
    }
    if let Some(from) = imported.repaired_from {
        findings.push(Finding {
            line: None,
            rule: Rule::Encoding,
            message: format!(
                "text was UTF-8 read as {from} and saved again; repaired on import (re-save the file as UTF-8)"
            ),
        });
    }
    siblings(&imported.roadmap.children, "the roadmap", &mut findings);
    findings.sort_by_key(|f| (f.line.unwrap_or(0), f.rule.as_str()));
    findings
}

fn siblings(nodes: &[Node], parent: &str, out: &mut Vec<Finding>) {
    // Duplicate titles under one parent.
    let mut by_key: HashMap<String, Vec<&Node>> = HashMap::new();
    for n in nodes.iter().filter(|n| n.kind != NodeKind::Note) {
        by_key.entry(key(&n.title)).or_default().push(n);
    }
    let mut dups: Vec<&Vec<&Node>> = by_key.values().filter(|v| v.len() > 1).collect();
    dups.sort_by_key(|v| v[0].line);
    for group in dups {
        let lines: Vec<String> = group.iter().map(|n| n.line.to_string()).collect();
        for n in &group[1..] {
            out.push(Finding {
                line: Some(n.line),
                rule: Rule::DuplicateTitle,
                message: format!(
                    "\"{}\" appears {} times under {parent} (lines {})",
                    n.title,
                    group.len(),
                    lines.join(", ")
                ),
            });
        }
    }
    // Items with no estimate where siblings have one.
    let topics: Vec<&Node> = nodes.iter().filter(|n| n.kind == NodeKind::Topic).collect();
    let estimated = topics.iter().filter(|n| n.estimate.is_some()).count();
    if estimated > 0 && estimated < topics.len() {
        for n in topics.iter().filter(|n| n.estimate.is_none()) {
            out.push(Finding {
                line: Some(n.line),
                rule: Rule::MissingEstimate,
                message: format!(
                    "\"{}\" has no estimate, though {estimated} of its {} siblings have one",
                    n.title,
                    topics.len() - 1
                ),
            });
        }
    }
    for n in nodes {
        let is_block = n.kind == NodeKind::Section || (!n.kind.is_learnable() && n.kind != NodeKind::Note);
        if is_block && n.children.is_empty() && n.kind == NodeKind::Section {
            out.push(Finding {
                line: Some(n.line),
                rule: Rule::EmptySection,
                message: format!("section \"{}\" is empty", n.title),
            });
        }
        let name = format!("\"{}\"", n.title);
        siblings(&n.children, &name, out);
    }
}
