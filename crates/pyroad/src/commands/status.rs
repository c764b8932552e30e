//! `pyroad status` (the default command): the active roadmap as a compact
//! tree of sections with progress bars, the current topic, streak and time
//! logged this week.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result};
use pyroad_model::{Node, NodeKind};
use pyroad_store::Store;

use super::habits::{minutes_text, today, week_start};
use super::store::{ME, pick};
use super::topics::{Tally, Tracker};
use super::track::local_day;
use super::track::{colour_enabled, trim};
use crate::cli::StatusArgs;
use crate::output::print;
use pyroad_progress::{Streak, streak_of};

/// Section levels shown (0 = the roadmap's own sections).
const DEPTH: usize = 2;
const BAR: usize = 20;

struct Row<'a> {
    depth: usize,
    node: &'a Node,
    tally: Tally,
}

pub async fn run<S: Store>(store: &S, args: &StatusArgs) -> Result<ExitCode> {
    let stored = pick(store, args.roadmap.as_deref()).await?;
    let progress = store.progress(ME, stored.id).await?;
    let today = today()?;
    let log = store.log_entries(ME, None).await?;
    let tracker = Tracker::new(&stored.roadmap, &progress);
    let total = tracker.tally_all();
    let streak = streak_of(&log, &progress, today, local_day);
    let since = week_start(today);
    let week_minutes: u32 = log.iter().filter(|e| e.date >= since).map(|e| e.minutes).sum();
    let mut rows = Vec::new();
    collect(&tracker, &stored.roadmap.children, 0, &mut rows);
    let current = tracker.current();
    // The same rule as `pyroad next`: a topic waits for its prerequisites.
    let next = tracker.next_ready(1, &super::prereq::of(&stored.roadmap));
    let reviews = super::review_summary::of_roadmap(store, &stored, &progress).await?;
    let verified = super::verified::load(store, &stored).await?;
    let verified_nodes: Vec<&Node> = stored.roadmap.walk().filter(|n| verified.contains(&n.id)).collect();
    let standing = super::plan::standing(store, &stored, &progress, &log, today).await?;

    if args.json {
        let value = serde_json::json!({
            "roadmap": { "name": stored.name, "title": stored.roadmap.title },
            "total": total,
            "sections": rows.iter().map(|r| serde_json::json!({
                "id": r.node.id, "title": r.node.title, "depth": r.depth, "progress": r.tally,
            })).collect::<Vec<_>>(),
            "current": current.map(|n| serde_json::json!({ "id": n.id, "title": n.title })),
            "next": next.first().map(|n| serde_json::json!({ "id": n.id, "title": n.title })),
            "streak": streak,
            "week_minutes": week_minutes,
            "reviews": { "due": reviews.due.len(), "retention": reviews.retention(), "topics": reviews.topics },
            "verified": verified_nodes.iter().map(|n| serde_json::json!({ "id": n.id, "title": n.title })).collect::<Vec<_>>(),
            "plan": standing_json(standing.as_ref()),
        });
        print(&(serde_json::to_string_pretty(&value).context("cannot encode the status")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }

    let paint = Paint(colour_enabled());
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", paint.bold(&stored.roadmap.title), paint.dim(&format!("[{}]", stored.name)));
    let _ = writeln!(out, "{}  {}", bar(&paint, total.fraction(), BAR), summary(&total));
    let mut facts = Vec::new();
    match (current, next.first()) {
        (Some(c), _) => facts.push(format!("now: {} ({})", c.title, c.id)),
        (None, Some(n)) => facts.push(format!("next: {} ({})", n.title, n.id)),
        (None, None) => facts.push("all done".into()),
    }
    facts.push(streak_text(&streak));
    facts.push(format!("this week {}", minutes_text(week_minutes)));
    if !reviews.topics.is_empty() {
        facts.push(review_text(&reviews));
    }
    if !verified_nodes.is_empty() {
        facts.push(format!("✓ {} verified by exercises", verified_nodes.len()));
    }
    let _ = writeln!(out, "{}", facts.join(" · "));
    match &standing {
        Some(Ok(r)) => {
            let _ = writeln!(out, "plan: {}", r.status);
        }
        Some(Err(e)) => {
            let _ = writeln!(out, "plan: cannot compare with your plan: {e}");
        }
        None => {}
    }
    if !rows.is_empty() {
        out.push('\n');
    }
    let width = rows.iter().map(|r| r.depth * 2 + r.node.title.chars().count()).max().unwrap_or(0).min(44);
    for r in &rows {
        let mut title: String = format!("{}{}", "  ".repeat(r.depth), r.node.title);
        if title.chars().count() > width {
            title = title.chars().take(width.saturating_sub(1)).collect::<String>() + "…";
        }
        let pad = width - title.chars().count();
        let _ =
            writeln!(out, "{title}{}  {}  {}", " ".repeat(pad), bar(&paint, r.tally.fraction(), 10), summary(&r.tally));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `{"status": "behind", "days": 3, "finish": ..., "planned_finish": ...}`,
/// `{"error": ...}`, or null without a saved plan.
fn standing_json(standing: Option<&Result<pyroad_plan::Standing, String>>) -> serde_json::Value {
    match standing {
        None => serde_json::Value::Null,
        Some(Err(e)) => serde_json::json!({ "error": e }),
        Some(Ok(r)) => {
            let mut v = serde_json::to_value(&r.status).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("planned_finish".into(), serde_json::to_value(r.baseline_finish).unwrap_or_default());
                o.insert("hours_per_week".into(), serde_json::to_value(r.hours_per_week).unwrap_or_default());
            }
            v
        }
    }
}

/// Sections down to [`DEPTH`], with what they hold; top-level topics are
/// counted in the total only.
fn collect<'a>(tracker: &Tracker<'a>, nodes: &'a [Node], depth: usize, rows: &mut Vec<Row<'a>>) {
    for node in nodes.iter().filter(|n| n.kind == NodeKind::Section) {
        let tally = tracker.tally(node);
        if tally.total == 0 && tally.hours_total == 0.0 {
            continue;
        }
        rows.push(Row { depth, node, tally });
        if depth + 1 < DEPTH {
            collect(tracker, &node.children, depth + 1, rows);
        }
    }
}

fn summary(t: &Tally) -> String {
    let mut s = format!("{:>3}/{:<3} {:>3.0}%", t.done, t.counted(), t.fraction() * 100.0);
    if t.hours_total > 0.0 {
        let _ = write!(s, "  {}/{}h", trim(t.hours_done), trim(t.hours_total));
    }
    if t.learning > 0 {
        let _ = write!(s, "  {} learning", t.learning);
    }
    s
}

fn streak_text(s: &Streak) -> String {
    match s.current {
        0 => "no streak".into(),
        1 => "streak 1 day".into(),
        n => format!("streak {n} days"),
    }
}

fn bar(paint: &Paint, fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let done = "█".repeat(filled);
    let left = "░".repeat(width - filled);
    format!("{}{}", paint.green(&done), paint.dim(&left))
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 && !s.is_empty() { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
}

/// "3 reviews due · recall 91%, lowest dicts 72%".
fn review_text(r: &super::review_summary::Summary) -> String {
    let mut s = format!("{} reviews due", r.due.len());
    if let Some(all) = r.retention() {
        let _ = write!(s, " · recall {}", super::review_summary::percent(Some(all)));
        let lowest = r.topics.iter().filter_map(|t| t.retention.map(|x| (x, t))).min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((x, t)) = lowest.filter(|_| r.topics.iter().filter(|t| t.retention.is_some()).count() > 1) {
            let _ = write!(s, ", lowest {} {}", t.id, super::review_summary::percent(Some(x)));
        }
    }
    s
}
