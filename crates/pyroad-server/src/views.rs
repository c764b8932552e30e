//! What the pages and the API show of progress. The rules themselves
//! (tracker, tallies, streaks, durations) are `pyroad-progress`'s, shared
//! with the CLI; this adds the web's views of them.

use jiff::ToSpan;
use jiff::civil::Date;
use pyroad_model::Node;
pub use pyroad_progress::{Streak, Tally, Tracker, minutes_text, parse_minutes, trackable, week_start};
use pyroad_store::LogEntry;
use serde::Serialize;

use crate::state::Clock;

/// The streak up to the clock's today, finished topics counted on the
/// learner's local day.
pub fn streak_of(log: &[LogEntry], progress: &[pyroad_store::Progress], clock: &Clock) -> Streak {
    pyroad_progress::streak_of(log, progress, clock.today(), |t| clock.day_of(t))
}

/// Minutes logged per week, for the `weeks` weeks ending with today's.
pub fn minutes_per_week(log: &[LogEntry], today: Date, weeks: u32) -> Vec<(Date, u32)> {
    let this_week = week_start(today);
    let mut out = Vec::new();
    for back in (0..weeks).rev() {
        let Ok(start) = this_week.checked_sub((i64::from(back) * 7).days()) else { continue };
        let Ok(end) = start.checked_add(7.days()) else { continue };
        let minutes = log.iter().filter(|e| e.date >= start && e.date < end).map(|e| e.minutes).sum();
        out.push((start, minutes));
    }
    out
}

/// Only web links become `href`s: imported `javascript:`, `data:` or other
/// schemes stay plain text.
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.to_owned())
}

/// One node of the roadmap map.
#[derive(Debug, Serialize)]
pub struct TreeNode {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub trackable: bool,
    pub url: Option<String>,
    pub estimate: Option<String>,
    /// For nodes with trackable descendants: done / counted.
    pub done: usize,
    pub counted: usize,
    pub percent: u32,
    pub children: Vec<TreeNode>,
}

pub fn tree(tracker: &Tracker<'_>, nodes: &[Node]) -> Vec<TreeNode> {
    nodes
        .iter()
        .map(|n| {
            let tally = tracker.tally(n);
            TreeNode {
                id: n.id.clone(),
                title: n.title.clone(),
                kind: n.kind.as_str(),
                status: tracker.status(&n.id).as_str(),
                trackable: trackable(n),
                url: safe_url(n.url.as_deref()),
                estimate: n.estimate.as_ref().map(|e| e.raw.clone()),
                done: tally.done,
                counted: tally.counted(),
                percent: tally.percent(),
                children: tree(tracker, &n.children),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_kept() {
        assert_eq!(safe_url(Some("https://docs.python.org")), Some("https://docs.python.org".into()));
        assert_eq!(safe_url(Some(" JavaScript:alert(1)")), None);
        assert_eq!(safe_url(Some("data:text/html,x")), None);
        assert_eq!(safe_url(None), None);
    }
}
