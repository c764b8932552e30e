//! `pyroad log`, `streak`, `stats`: the learning log and what it shows.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::ToSpan;
use jiff::civil::Date;
pub use pyroad_progress::{minutes_text, week_start};
use pyroad_progress::{parse_date, parse_minutes, streak_of};
use pyroad_store::{NewLogEntry, Status, Store};
use serde::Serialize;

use super::store::{ME, pick};
use super::topics::{Tracker, resolve};
use super::track::local_day;
use crate::output::print;

/// Today in the learner's time zone (`PYROAD_NOW` fixes it for tests).
pub fn today() -> Result<Date> {
    crate::clock::today()
}

pub async fn log<S: Store>(
    store: &S,
    duration: &str,
    topic: Option<&str>,
    note: Option<String>,
    date: Option<&str>,
    roadmap: Option<&str>,
) -> Result<ExitCode> {
    let minutes = parse_minutes(duration)?;
    let date = parse_date(date, today()?)?;
    let (roadmap_id, topic_id) = match topic {
        Some(t) => {
            let stored = pick(store, roadmap).await?;
            let node = resolve(&stored.roadmap, t)?;
            (Some(stored.id), Some(node.id.clone()))
        }
        None => (None, None),
    };
    let entry = NewLogEntry { roadmap: roadmap_id, topic: topic_id, minutes, note, date };
    let saved = store.add_log(ME, &entry).await?;
    let on = saved.topic.as_deref().map(|t| format!(" on {t}")).unwrap_or_default();
    print(&format!("logged {}{on} for {} (entry {})\n", minutes_text(minutes), saved.date, saved.id))?;
    Ok(ExitCode::SUCCESS)
}

pub async fn streak<S: Store>(store: &S, json: bool) -> Result<ExitCode> {
    let log = store.log_entries(ME, None).await?;
    let progress = match store.active_roadmap(ME).await? {
        Some(r) => store.progress(ME, r.id).await?,
        None => Vec::new(),
    };
    let s = streak_of(&log, &progress, today()?, local_day);
    if json {
        print(&(serde_json::to_string_pretty(&s).context("cannot encode")? + "\n"))?;
    } else {
        print(&format!(
            "{} day{} in a row (longest {}, {} active days)\n",
            s.current,
            if s.current == 1 { "" } else { "s" },
            s.longest,
            s.active_days
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize)]
struct Week {
    start: Date,
    minutes: u32,
    topics_done: usize,
}

pub async fn stats<S: Store>(store: &S, weeks: u32, roadmap: Option<&str>, json: bool) -> Result<ExitCode> {
    let weeks = weeks.clamp(1, 104);
    let stored = pick(store, roadmap).await?;
    let progress = store.progress(ME, stored.id).await?;
    let log = store.log_entries(ME, None).await?;
    let this_week = week_start(today()?);
    let first = this_week.checked_sub((i64::from(weeks - 1) * 7).days()).context("date out of range")?;
    let mut table: Vec<Week> = Vec::new();
    let mut start = first;
    while start <= this_week {
        let end = start.checked_add(7.days()).context("date out of range")?;
        let in_week = |d: Date| d >= start && d < end;
        table.push(Week {
            start,
            minutes: log.iter().filter(|e| in_week(e.date)).map(|e| e.minutes).sum(),
            topics_done: progress
                .iter()
                .filter(|p| p.status == Status::Done && p.done_at.map(local_day).is_some_and(in_week))
                .count(),
        });
        start = end;
    }
    let tally = Tracker::new(&stored.roadmap, &progress).tally_all();
    let left = tally.counted() - tally.done;
    // Pace from the last four weeks with any finished topic.
    let recent: Vec<&Week> = table.iter().rev().take(4).collect();
    let pace = recent.iter().map(|w| w.topics_done).sum::<usize>() as f64 / recent.len().max(1) as f64;
    let today = today()?;
    let finish = if left == 0 {
        Some(today)
    } else if pace > 0.0 {
        let days = (left as f64 / pace * 7.0).ceil() as i64;
        today.checked_add(days.days()).ok()
    } else {
        None
    };
    if json {
        let value = serde_json::json!({
            "weeks": table, "topics_left": left, "topics_per_week": pace, "projected_finish": finish,
        });
        print(&(serde_json::to_string_pretty(&value).context("cannot encode")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let max = table.iter().map(|w| w.minutes).max().unwrap_or(0).max(1);
    let mut out = String::from("week of      time     topics\n");
    for w in &table {
        let len = (f64::from(w.minutes) / f64::from(max) * 24.0).round() as usize;
        let _ = writeln!(out, "{}  {:>7}  {:>3}  {}", w.start, minutes_text(w.minutes), w.topics_done, "▇".repeat(len));
    }
    let _ = writeln!(out, "\n{left} topics left, {pace:.1} a week lately");
    match finish {
        Some(d) if left == 0 => {
            let _ = writeln!(out, "finished ({d})");
        }
        Some(d) => {
            let _ = writeln!(out, "projected finish: {d}");
        }
        None => {
            let _ = writeln!(out, "projected finish: finish a topic to set a pace");
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
