//! The plan as markdown: what `pyroad plan --markdown` prints and what a
//! learner pastes into notes. Roadmap text is inserted as written; the
//! renderer only escapes the table separator in table cells.

use std::fmt::Write as _;

use crate::estimate::{EstimateSource, Range};
use crate::paths::{HoursFrom, fmt_range};
use crate::schedule::{Mode, Plan};

/// Hours for display: one decimal, no trailing ".0".
pub fn hours(h: f64) -> String {
    let s = format!("{:.1}", h + 0.0); // + 0.0 turns -0.0 into 0.0
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn weeks(w: f64) -> String {
    format!("{w:.1}")
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn render(plan: &Plan) -> String {
    let mut o = String::new();
    // `write!` into a String cannot fail; results are ignored on purpose.
    let _ = writeln!(o, "# Plan: {}\n", plan.roadmap);
    match &plan.mode {
        Mode::HoursPerWeek { hours_per_week } => {
            let _ = writeln!(o, "Planned at {} hours per week.", hours(*hours_per_week));
        }
        Mode::Path { name, hours_per_week, planned_at, hours_from: HoursFrom::Stated } => {
            let _ = writeln!(
                o,
                "Planned by the {name} path: {} hours per week (planned at {}).",
                fmt_range(*hours_per_week, 0),
                hours(*planned_at)
            );
        }
        Mode::Path { name, hours_per_week, planned_at, hours_from: HoursFrom::DerivedFromLength } => {
            let _ = writeln!(
                o,
                "Planned by the {name} path, which states a length but no weekly hours: the whole \
                 content in that length needs {} hours per week (derived; planned at {}).",
                fmt_range(*hours_per_week, 1),
                hours(*planned_at)
            );
        }
        Mode::Stated => {
            let _ = writeln!(o, "Planned by the roadmap's own stated durations and weekly hours.");
        }
    }
    let _ = writeln!(o, "\n- Start: {}", plan.start);
    match plan.finish {
        Some(f) => {
            let _ = writeln!(o, "- Projected finish: {f}");
        }
        None => {
            let _ = writeln!(o, "- Projected finish: nothing left to plan");
        }
    }
    let _ = writeln!(
        o,
        "- Remaining: {} hours of {} in {} weeks",
        hours(plan.remaining_hours),
        hours(plan.total_hours),
        plan.weeks.len()
    );
    let _ = writeln!(o, "- Estimates: {}", source_summary(plan));

    if let Some(p) = &plan.path {
        let stated = p.stated_months.map_or("not stated".to_owned(), |m| format!("{} months", fmt_range(m, 0)));
        let _ = writeln!(
            o,
            "- Path {}: stated {stated}; the content takes {} months at {} h/week; this plan takes {:.1} months",
            p.name,
            fmt_range(p.computed_months, 1),
            fmt_range(p.hours_per_week, 0),
            p.planned_months
        );
    }

    if !plan.sections.is_empty() {
        let _ = writeln!(o, "\n## Sections\n");
        let _ = writeln!(o, "| Section | Start | End | Hours | Weeks | Stated |");
        let _ = writeln!(o, "|---|---|---|---|---|---|");
        for s in &plan.sections {
            let stated = match (s.stated_weeks, s.stated_hours_per_week) {
                (Some(w), Some(h)) => {
                    format!("{} weeks at {} h/week", fmt_range(w, 0), fmt_range(h, 0))
                }
                (Some(w), None) => format!("{} weeks", fmt_range(w, 0)),
                _ => String::new(),
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&s.title),
                s.start,
                s.end,
                hours(s.hours),
                weeks(s.planned_weeks),
                stated
            );
        }
    }

    if !plan.milestones.is_empty() {
        let _ = writeln!(o, "\n## Milestones\n");
        for m in &plan.milestones {
            let _ = writeln!(o, "- {}: {}", m.date, m.title);
        }
    }

    if !plan.weeks.is_empty() {
        let _ = writeln!(o, "\n## Weeks");
        for w in &plan.weeks {
            let _ = writeln!(o, "\n### {} ({} to {}): {} h\n", w.label, w.monday, w.sunday, hours(w.hours));
            if w.topics.is_empty() {
                let _ = writeln!(o, "- no study");
            }
            for t in &w.topics {
                let _ = writeln!(o, "- {} ({} h)", t.title, hours(t.hours));
            }
        }
    }

    if !plan.warnings.is_empty() {
        let _ = writeln!(o, "\n## Warnings\n");
        for w in &plan.warnings {
            let _ = writeln!(o, "- {w}");
        }
    }
    o
}

/// "12 from sections, 3 stated, 1 yours, 4 defaults".
fn source_summary(plan: &Plan) -> String {
    let mut counts = [0usize; 4];
    let mut total = Range::point(0.0);
    for e in &plan.estimates {
        let i = match e.source {
            EstimateSource::Section { .. } => 0,
            EstimateSource::Own { .. } => 1,
            EstimateSource::Override => 2,
            EstimateSource::Default { .. } => 3,
        };
        counts[i] += 1;
        total = Range::new(total.min + e.hours.min, total.max + e.hours.max);
    }
    let names = ["from section durations", "stated on the topic", "yours", "by default"];
    let parts: Vec<String> =
        counts.iter().zip(names).filter(|(c, _)| **c > 0).map(|(c, n)| format!("{c} {n}")).collect();
    let list = if parts.is_empty() { "none".to_owned() } else { parts.join(", ") };
    format!("{list} ({} hours in all)", fmt_range(total, 0))
}
