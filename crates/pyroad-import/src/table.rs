//! Tables: timeline rows, never header rows.
//!
//! Two shapes carry plan facts. A *phases* table (a name column and a
//! duration and/or weekly-hours column) gives each row a duration, and the
//! section of the same name gets it too. A *week-by-week* table (a week
//! column of numbers or ranges) gives rows a week range, a topic and hours.
//! Any other table keeps each row as a node: first cell the title, the rest
//! its description.

use pyroad_model::time;
use pyroad_model::{Duration, Estimate, Node, NodeKind, TimeUnit};

use crate::DropReason;
use crate::classify::week_range;
use crate::inline::Inline;
use crate::nodes::{self, Ctx};
use crate::text::key;

#[derive(Default)]
struct Columns {
    name: Option<usize>,
    duration: Option<usize>,
    hours: Option<usize>,
    week: Option<usize>,
    topic: Option<usize>,
}

fn columns(head: &[String]) -> Columns {
    let mut c = Columns::default();
    for (i, h) in head.iter().enumerate() {
        let h = key(h);
        let has = |w: &str| h.contains(w);
        if c.week.is_none() && matches!(h.as_str(), "week" | "weeks" | "wk" | "week #" | "week no") {
            c.week = Some(i);
        } else if c.hours.is_none() && (has("hour") || has("hrs") || h == "h/week") {
            c.hours = Some(i);
        } else if c.duration.is_none() && (has("duration") || has("length") || h == "time" || has("weeks")) {
            c.duration = Some(i);
        } else if c.name.is_none()
            && ["phase", "stage", "level", "section", "module", "part", "step", "period", "month", "milestone"]
                .iter()
                .any(|w| has(w))
        {
            c.name = Some(i);
        } else if c.topic.is_none()
            && ["topic", "focus", "area", "content", "subject", "description", "goal", "what", "notes"]
                .iter()
                .any(|w| has(w))
        {
            c.topic = Some(i);
        }
    }
    c
}

/// A table's rows as nodes. Header and delimiter rows never become nodes.
pub(crate) fn rows(
    head: &[Inline],
    rows: Vec<(u32, Vec<Inline>)>,
    line: u32,
    end_line: u32,
    inherited: Option<NodeKind>,
    ctx: &mut Ctx,
) -> Vec<Node> {
    let _ = end_line;
    ctx.drop_lines(line, line, DropReason::TableHeader);
    let head: Vec<String> = head.iter().map(Inline::plain).collect();
    let cols = columns(&head);
    let rows: Vec<(u32, Vec<String>)> =
        rows.into_iter().map(|(l, cells)| (l, cells.iter().map(Inline::plain).collect())).collect();
    let cell = |cells: &[String], i: Option<usize>| i.and_then(|i| cells.get(i)).cloned().unwrap_or_default();

    let weekly = cols.week.is_some_and(|w| {
        let parsed = rows.iter().filter(|(_, c)| week_range(&cell(c, Some(w))).is_some()).count();
        parsed * 2 >= rows.len().max(1)
    });
    let phased = !weekly && (cols.duration.is_some() || cols.hours.is_some());

    let mut out = Vec::with_capacity(rows.len());
    for (row_line, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let node = if weekly {
            week_row(&cells, &cols, row_line)
        } else if phased {
            phase_row(&cells, &cols, row_line, ctx)
        } else {
            plain_row(&cells, row_line, inherited)
        };
        out.push(node);
    }
    out
}

/// The cells not used for a field, joined: the row's description.
fn rest_of(cells: &[String], used: &[Option<usize>]) -> Option<String> {
    let rest: Vec<&str> = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !used.contains(&Some(*i)) && !c.trim().is_empty())
        .map(|(_, c)| c.as_str())
        .collect();
    (!rest.is_empty()).then(|| rest.join("; "))
}

fn week_row(cells: &[String], cols: &Columns, line: u32) -> Node {
    let weeks = cols.week.and_then(|w| week_range(cells.get(w)?));
    let title_col = cols.topic.or_else(|| (0..cells.len()).find(|i| Some(*i) != cols.week && Some(*i) != cols.hours));
    let title = title_col.and_then(|i| cells.get(i)).cloned().unwrap_or_default();
    let mut node = Node::new(NodeKind::Timeline, title, line);
    node.weeks = weeks;
    let mut used = vec![cols.week, title_col];
    if let Some(h) = cols.hours
        && let Some(cell) = cells.get(h)
        && let Some((min, max)) = number_or_range(cell)
    {
        node.hours = Some((min + max) / 2.0);
        // "6-8" hours: the row's hours are the mean, the range stays as stated.
        if min < max {
            node.estimate = Some(Estimate { raw: cell.trim().to_owned(), min, max, unit: TimeUnit::Hours });
        }
        used.push(Some(h));
    }
    node.description = rest_of(cells, &used);
    node
}

fn phase_row(cells: &[String], cols: &Columns, line: u32, ctx: &mut Ctx) -> Node {
    let name_col = cols.name.unwrap_or(0);
    let title = cells.get(name_col).cloned().unwrap_or_default();
    let mut node = Node::new(NodeKind::Timeline, title, line);
    let mut used = vec![Some(name_col)];
    let mut duration: Option<Duration> = None;
    if let Some(d) = cols.duration
        && let Some(text) = cells.get(d)
    {
        let facts = time::scan(text);
        duration = nodes::duration_of(&facts);
        // A cell says more than one length ("22-32 weeks (6-8 months)"): keep its text.
        if duration.is_some() && facts.is_statement && facts.lengths.len() == 1 {
            used.push(Some(d));
        }
    }
    if let Some(h) = cols.hours
        && let Some(text) = cells.get(h)
    {
        let facts = time::scan(text);
        let weekly = facts
            .weekly_hours
            .or_else(|| facts.lengths.first().filter(|e| e.unit == TimeUnit::Hours).map(|e| (e.min, e.max)));
        if let Some((min, max)) = weekly
            && let Some(d) = duration.as_mut()
        {
            d.hours_per_week_min = Some(min);
            d.hours_per_week_max = Some(max);
            used.push(Some(h));
        }
    }
    if let Some(d) = &duration {
        ctx.phase_rows.push((node.title.clone(), d.clone()));
    }
    node.duration = duration;
    node.description = rest_of(cells, &used);
    node
}

fn plain_row(cells: &[String], line: u32, inherited: Option<NodeKind>) -> Node {
    let first = cells.iter().position(|c| !c.trim().is_empty()).unwrap_or(0);
    let title = cells.get(first).cloned().unwrap_or_default();
    let mut node = Node::new(inherited.unwrap_or(NodeKind::Note), title, line);
    node.description = rest_of(cells, &[Some(first)]);
    node
}

/// "6" → 6, "3-4" → 3.5, "2.5 h" → 2.5.
/// "6", "6-8", "6–8 hours": the bounds.
fn number_or_range(text: &str) -> Option<(f64, f64)> {
    let cleaned: String =
        text.trim().trim_end_matches(|c: char| c.is_alphabetic() || c == '/' || c.is_whitespace()).to_string();
    let mut parts = cleaned.split(['-', '–', '—']).map(str::trim);
    let a: f64 = parts.next()?.parse().ok()?;
    let b: f64 = match parts.next() {
        Some(p) => p.parse().ok()?,
        None => a,
    };
    (a.is_finite() && b.is_finite() && a >= 0.0 && b >= a).then_some((a, b))
}

/// Gives sections the durations of the phases-table rows that name them:
/// row "Phase 1" fits section "Phase 1: Python Fundamentals". A section
/// keeps what its own heading said and only gains what it lacked.
pub(crate) fn apply_phase_rows(nodes: &mut [Node], rows: &[(String, Duration)]) {
    if rows.is_empty() {
        return;
    }
    let keys: Vec<(String, &Duration)> = rows.iter().map(|(n, d)| (key(n), d)).collect();
    apply_keyed_rows(nodes, &keys);
}

fn apply_keyed_rows(nodes: &mut [Node], keys: &[(String, &Duration)]) {
    for node in nodes {
        if node.kind == NodeKind::Section {
            let k = key(&node.title);
            let fits = keys.iter().find(|(name, _)| {
                !name.is_empty()
                    && k.starts_with(name.as_str())
                    && k[name.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
            });
            if let Some((_, d)) = fits {
                match &mut node.duration {
                    Some(existing) => existing.fill_from(d),
                    None => node.duration = Some((*d).clone()),
                }
            }
        }
        apply_keyed_rows(&mut node.children, keys);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_cells() {
        assert_eq!(number_or_range("6"), Some((6.0, 6.0)));
        assert_eq!(number_or_range("3-4"), Some((3.0, 4.0)));
        assert_eq!(number_or_range("2.5 h"), Some((2.5, 2.5)));
        assert_eq!(number_or_range("lots"), None);
        assert_eq!(number_or_range("4-2"), None);
    }
}
