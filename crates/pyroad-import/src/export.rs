//! Writing a tree back out: markdown that re-imports to the same tree, and
//! the JSON contract.
//!
//! The tree does not remember whether a node was a heading, a bold label, a
//! list item or a table row, so the markdown writer picks, per node, a form
//! that the importer reads back to the same fields: sections become
//! headings (or bold labels when plain items must follow them at the same
//! level), topics become list items with `[x]`/`[ ]` as stored, notes become
//! paragraphs, timeline rows with weeks or durations become tables.

use std::fmt::Write as _;

use pyroad_model::time::{render_hours_per_week, render_weeks};
use pyroad_model::{Duration, Estimate, Node, NodeKind, Roadmap, TimeUnit};

/// The roadmap as pretty JSON (the contract in ARCHITECTURE.md).
pub fn to_json(roadmap: &Roadmap) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(roadmap).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The roadmap as markdown.
pub fn to_markdown(roadmap: &Roadmap) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&roadmap.title));
    if let Some(description) = &roadmap.description {
        for paragraph in description.split("\n\n") {
            for line in paragraph.lines() {
                let _ = writeln!(out, "{}", escape(line));
            }
            out.push('\n');
        }
    }
    // Prose right under the title would be read back as the description.
    if roadmap.children.first().is_some_and(|n| natural_form(n, None) == Form::Paragraph) {
        out.push_str("<!-- -->\n\n");
    }
    container(&mut out, &roadmap.children, 1, None);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// How a node is written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    Heading,
    Label,
    Item,
    Paragraph,
    WeekRow,
    PhaseRow,
}

fn is_special(kind: NodeKind) -> bool {
    !kind.is_learnable() && kind != NodeKind::Note
}

/// The form a node must take in a container whose own kind is `parent`.
fn natural_form(node: &Node, parent: Option<NodeKind>) -> Form {
    let item_only = node.checked.is_some()
        || node.url.is_some()
        || node.description.is_some()
        || node.weeks.is_some()
        || node.estimate.as_ref().is_some_and(|e| e.unit != TimeUnit::Hours);
    let in_special = parent.is_some_and(is_special);
    match node.kind {
        NodeKind::Section => Form::Heading,
        NodeKind::Topic => Form::Item,
        NodeKind::Note => {
            if node.children.is_empty() && node.checked.is_none() && node.url.is_none() {
                Form::Paragraph
            } else {
                Form::Item
            }
        }
        NodeKind::Timeline
            if node.children.is_empty() && node.checked.is_none() && node.url.is_none() && node.code.is_none() =>
        {
            let hour_range = node.estimate.as_ref().is_none_or(|e| e.unit == TimeUnit::Hours && node.hours.is_some());
            if node.weeks.is_some() && hour_range && node.duration.is_none() {
                Form::WeekRow
            } else if node.duration.is_some() && node.weeks.is_none() && node.estimate.is_none() && node.hours.is_none()
            {
                Form::PhaseRow
            } else if in_special {
                Form::Item
            } else {
                Form::Heading
            }
        }
        _ if !in_special => Form::Heading,
        _ if item_only || (node.children.is_empty() && node.duration.is_none()) => Form::Item,
        _ => Form::Heading,
    }
}

fn container(out: &mut String, nodes: &[Node], level: usize, parent: Option<NodeKind>) {
    let forms: Vec<Form> = nodes.iter().map(|n| natural_form(n, parent)).collect();
    // Headings swallow whatever follows them: a heading with non-block
    // siblings after it is written as a bold label instead.
    let last_plain = forms.iter().rposition(|f| !matches!(f, Form::Heading));
    let mut i = 0;
    while i < nodes.len() {
        let form = match forms[i] {
            Form::Heading if last_plain.is_some_and(|p| p > i) || level >= 6 => Form::Label,
            f => f,
        };
        match form {
            Form::Heading => {
                let node = &nodes[i];
                let _ = writeln!(out, "{} {}\n", "#".repeat(level + 1), block_title(node));
                if let Some(code) = &node.code {
                    fence(out, code, "");
                    out.push('\n');
                }
                container(out, &node.children, level + 1, Some(node.kind));
            }
            Form::Label => {
                let node = &nodes[i];
                let _ = writeln!(out, "**{}**\n", block_title(node));
                if !node.children.is_empty() {
                    for child in &node.children {
                        item(out, child, 0);
                    }
                    out.push('\n');
                    // A list right after would continue the label's list;
                    // an empty comment ends it (and renders as nothing).
                    if forms.get(i + 1) == Some(&Form::Item) {
                        out.push_str("<!-- -->\n\n");
                    }
                }
            }
            Form::Item => {
                // Consecutive items form one list.
                while i < nodes.len() && forms[i] == Form::Item {
                    item(out, &nodes[i], 0);
                    i += 1;
                }
                out.push('\n');
                continue;
            }
            Form::Paragraph => {
                let node = &nodes[i];
                match &node.description {
                    Some(d) => {
                        let _ = writeln!(out, "**{}** - {}\n", escape(&node.title), escape(d));
                    }
                    None => {
                        let _ = writeln!(out, "{}\n", escape(&node.title));
                    }
                }
                if let Some(code) = &node.code {
                    fence(out, code, "");
                    out.push('\n');
                }
            }
            Form::WeekRow | Form::PhaseRow => {
                let start = i;
                while i < nodes.len() && forms[i] == form {
                    i += 1;
                }
                table(out, &nodes[start..i], form);
                continue;
            }
        }
        i += 1;
    }
}

fn block_title(node: &Node) -> String {
    let mut title = escape(&node.title);
    let mut facts = Vec::new();
    if let Some(d) = &node.duration {
        facts.push(duration_text(d));
    }
    if let Some(e) = &node.estimate {
        facts.push(e.raw.clone());
    }
    if !facts.is_empty() {
        let _ = write!(title, " ({})", escape(&facts.join(", ")));
    }
    title
}

fn weeks_text(min: f64, max: f64) -> String {
    let months = |w: f64| w * 12.0 / 52.0;
    let whole = |m: f64| m >= 1.0 && (m - m.round()).abs() < 1e-9;
    if whole(months(min)) && whole(months(max)) && min > 0.0 {
        let (a, b) = (months(min).round(), months(max).round());
        if a == b { format!("{a} months") } else { format!("{a}-{b} months") }
    } else {
        render_weeks(min, max)
    }
}

/// A duration as the exporter writes it: "4-6 weeks, 15-20 hours/week", "4-5 months".
pub fn duration_text(d: &Duration) -> String {
    let mut text = weeks_text(d.min_weeks, d.max_weeks);
    if let (Some(min), Some(max)) = (d.hours_per_week_min, d.hours_per_week_max) {
        let _ = write!(text, ", {}", render_hours_per_week(min, max));
    }
    text
}

fn estimate_text(e: &Estimate, d: Option<&Duration>) -> String {
    let mut text = e.raw.clone();
    if let Some(d) = d
        && let (Some(min), Some(max)) = (d.hours_per_week_min, d.hours_per_week_max)
    {
        let _ = write!(text, ", {}", render_hours_per_week(min, max));
    }
    text
}

fn item(out: &mut String, node: &Node, indent: usize) {
    let pad = " ".repeat(indent);
    let check = match node.checked {
        Some(true) => "[x] ",
        Some(false) => "[ ] ",
        None => "",
    };
    let mut title = escape(&node.title);
    if let Some(e) = &node.estimate {
        let _ = write!(title, " ({})", escape(&estimate_text(e, node.duration.as_ref())));
    }
    let head = if let Some([first, last]) = node.weeks {
        let label = if first == last { format!("Week {first}") } else { format!("Weeks {first}-{last}") };
        format!("**{label}:** {title}")
    } else if let Some(url) = &node.url {
        format!("[{title}](<{}>)", url.replace('>', "%3E"))
    } else if node.description.is_some() {
        format!("**{title}**")
    } else {
        title
    };
    let _ = write!(out, "{pad}- {check}{head}");
    let mut paragraphs = node.description.as_deref().map(|d| d.split("\n\n")).into_iter().flatten();
    if let Some(first) = paragraphs.next() {
        let _ = write!(out, " - {}", escape(first));
    }
    out.push('\n');
    let inner = indent + 2;
    for more in paragraphs {
        let _ = writeln!(out, "\n{}{}", " ".repeat(inner), escape(more));
    }
    if let Some(code) = &node.code {
        out.push('\n');
        fence(out, code, &" ".repeat(inner));
    }
    for child in &node.children {
        item(out, child, inner);
    }
}

fn fence(out: &mut String, code: &str, pad: &str) {
    // A fence longer than any backtick run inside the code.
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let marks = "`".repeat(longest.max(2) + 1);
    let _ = writeln!(out, "{pad}{marks}");
    for line in code.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{pad}{line}");
        }
    }
    let _ = writeln!(out, "{pad}{marks}");
}

fn table(out: &mut String, rows: &[Node], form: Form) {
    let cell = |s: &str| escape(s).replace('\n', " ");
    if form == Form::WeekRow {
        out.push_str("| Week | Topic | Hours | Notes |\n|---|---|---|---|\n");
        for r in rows {
            let [a, b] = r.weeks.unwrap_or([1, 1]);
            let weeks = if a == b { a.to_string() } else { format!("{a}-{b}") };
            let hours = match (&r.estimate, r.hours) {
                (Some(range), _) => range.raw.clone(),
                (None, h) => h.map(|h| h.to_string()).unwrap_or_default(),
            };
            let notes = r.description.as_deref().map(cell).unwrap_or_default();
            let _ = writeln!(out, "| {weeks} | {} | {hours} | {notes} |", cell(&r.title));
        }
    } else {
        out.push_str("| Phase | Duration | Weekly hours | Notes |\n|---|---|---|---|\n");
        for r in rows {
            let (weeks, hours) = match &r.duration {
                Some(d) => (
                    weeks_text(d.min_weeks, d.max_weeks),
                    match (d.hours_per_week_min, d.hours_per_week_max) {
                        (Some(a), Some(b)) => render_hours_per_week(a, b),
                        _ => String::new(),
                    },
                ),
                None => (String::new(), String::new()),
            };
            let notes = r.description.as_deref().map(cell).unwrap_or_default();
            let _ = writeln!(out, "| {} | {weeks} | {hours} | {notes} |", cell(&r.title));
        }
    }
    out.push('\n');
}

/// Backslash-escapes what markdown would read as markup, so the importer
/// reads back exactly `text`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    // "1. Foo" / "1) Foo" at the start would open an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape("1. Intro"), "1\\. Intro");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("C# & <T>"), "C\\# \\& \\<T\\>");
        assert_eq!(escape("Phase 1: Basics"), "Phase 1: Basics");
    }
}
