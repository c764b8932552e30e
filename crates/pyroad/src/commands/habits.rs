//! `pyroad log`, `streak`, `stats`: the learning log and what it shows.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use jiff::ToSpan;
use jiff::civil::Date;
use pyroad_store::{LogEntry, NewLogEntry, Progress, Status, Store};
use serde::Serialize;

use super::store::{ME, pick};
use super::topics::{Tracker, resolve};
use super::track::local_day;
use crate::output::print;

pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// The Monday starting `day`'s week.
pub fn week_start(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(back.days()).unwrap_or(day)
}

/// "45m", "1h", "1h30m", "1.5h", "90" (minutes) -> minutes.
pub fn parse_minutes(text: &str) -> Result<u32> {
    let bad = || anyhow::anyhow!("{text:?} is not a duration: write 45m, 1h, 1h30m, 1.5h or plain minutes");
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err(bad());
    }
    let mut total = 0.0f64;
    let mut number = String::new();
    let mut saw_unit = false;
    for c in t.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
        } else if c == 'h' || c == 'm' {
            let n: f64 = number.parse().map_err(|_| bad())?;
            total += if c == 'h' { n * 60.0 } else { n };
            number.clear();
            saw_unit = true;
        } else {
            return Err(bad());
        }
    }
    if !number.is_empty() {
        if saw_unit {
            return Err(bad());
        }
        total += number.parse::<f64>().map_err(|_| bad())?;
    }
    let minutes = total.round();
    if !(1.0..=1440.0).contains(&minutes) {
        bail!("{text:?} is not a day's learning: give 1 minute to 24 hours");
    }
    Ok(minutes as u32)
}

/// "YYYY-MM-DD", "today" or "yesterday"; never in the future.
pub fn parse_date(text: Option<&str>, today: Date) -> Result<Date> {
    let day = match text.map(str::trim) {
        None | Some("today") => today,
        Some("yesterday") => today.yesterday().context("no day before today")?,
        Some(t) => t.parse::<Date>().map_err(|_| anyhow::anyhow!("{t:?} is not a date: write YYYY-MM-DD"))?,
    };
    if day > today {
        bail!("{day} is in the future: log time you have spent");
    }
    Ok(day)
}

pub fn minutes_text(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
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
    let date = parse_date(date, today())?;
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

#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Streak {
    /// Days in a row up to today (or up to yesterday, if today has nothing yet).
    pub current: u32,
    pub longest: u32,
    pub active_days: usize,
}

/// Days with time logged or a topic finished.
pub fn streak_of(log: &[LogEntry], progress: &[Progress], today: Date) -> Streak {
    let mut days: BTreeSet<Date> = log.iter().map(|e| e.date).collect();
    days.extend(progress.iter().filter(|p| p.status == Status::Done).filter_map(|p| p.done_at).map(local_day));
    let mut longest = 0;
    let mut run = 0;
    let mut prev: Option<Date> = None;
    for &d in &days {
        run = if prev.and_then(|p| p.tomorrow().ok()) == Some(d) { run + 1 } else { 1 };
        longest = longest.max(run);
        prev = Some(d);
    }
    let mut current = 0;
    let mut day = if days.contains(&today) { Some(today) } else { today.yesterday().ok() };
    while let Some(d) = day.filter(|d| days.contains(d)) {
        current += 1;
        day = d.yesterday().ok();
    }
    Streak { current, longest, active_days: days.len() }
}

pub async fn streak<S: Store>(store: &S, json: bool) -> Result<ExitCode> {
    let log = store.log_entries(ME, None).await?;
    let progress = match store.active_roadmap(ME).await? {
        Some(r) => store.progress(ME, r.id).await?,
        None => Vec::new(),
    };
    let s = streak_of(&log, &progress, today());
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
    let this_week = week_start(today());
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
    let finish = if left == 0 {
        Some(today())
    } else if pace > 0.0 {
        let days = (left as f64 / pace * 7.0).ceil() as i64;
        today().checked_add(days.days()).ok()
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

#[cfg(test)]
mod tests {
    use jiff::civil::{Weekday, date};

    use super::*;

    #[test]
    fn durations() -> Result<()> {
        assert_eq!(parse_minutes("45m")?, 45);
        assert_eq!(parse_minutes("1h30m")?, 90);
        assert_eq!(parse_minutes("1.5h")?, 90);
        assert_eq!(parse_minutes("20")?, 20);
        for bad in ["45x", "", "h", "0m", "25h", "1h30"] {
            assert!(parse_minutes(bad).is_err(), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn dates_and_weeks() -> Result<()> {
        let today = date(2026, 11, 25); // a Wednesday
        assert_eq!(week_start(today), date(2026, 11, 23));
        assert_eq!(week_start(date(2026, 11, 23)).weekday(), Weekday::Monday);
        assert_eq!(parse_date(Some("yesterday"), today)?, date(2026, 11, 24));
        assert!(parse_date(Some("2026-11-26"), today).is_err());
        assert!(parse_date(Some("11/20/2026"), today).is_err());
        Ok(())
    }

    #[test]
    fn streak_counts_days_in_a_row() {
        let entry = |d: Date| LogEntry {
            id: 0,
            roadmap: None,
            topic: None,
            minutes: 5,
            note: None,
            date: d,
            created_at: jiff::Timestamp::UNIX_EPOCH,
        };
        let log: Vec<LogEntry> =
            [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3), date(2026, 1, 5), date(2026, 1, 6)]
                .into_iter()
                .map(entry)
                .collect();
        let s = streak_of(&log, &[], date(2026, 1, 7));
        assert_eq!((s.current, s.longest, s.active_days), (2, 3, 5));
        assert_eq!(streak_of(&log, &[], date(2026, 1, 8)).current, 0);
    }
}
