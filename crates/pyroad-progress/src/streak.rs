//! Learning streaks and weeks.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::ToSpan;
use jiff::civil::Date;
use pyroad_store::{LogEntry, Progress, Status};
use serde::Serialize;

/// Days in a row with time logged or a topic finished.
#[derive(Debug, Default, Clone, Copy, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Streak {
    /// Days in a row up to today (or up to yesterday, if today has nothing yet).
    pub current: u32,
    pub longest: u32,
    pub active_days: usize,
}

/// The streak of the days with time logged or a topic finished; `day_of`
/// maps a stored moment to the learner's local day (the caller knows the
/// time zone).
pub fn streak_of(log: &[LogEntry], progress: &[Progress], today: Date, day_of: impl Fn(Timestamp) -> Date) -> Streak {
    let mut days: BTreeSet<Date> = log.iter().map(|e| e.date).collect();
    days.extend(progress.iter().filter(|p| p.status == Status::Done).filter_map(|p| p.done_at).map(day_of));
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

/// The Monday starting `day`'s week.
pub fn week_start(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(back.days()).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use jiff::civil::{Weekday, date};
    use pyroad_store::RoadmapId;

    use super::*;

    fn entry(d: Date) -> LogEntry {
        LogEntry {
            id: 0,
            roadmap: None,
            topic: None,
            minutes: 5,
            note: None,
            date: d,
            created_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn streak_counts_days_in_a_row() {
        let log: Vec<LogEntry> =
            [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3), date(2026, 1, 5), date(2026, 1, 6)]
                .into_iter()
                .map(entry)
                .collect();
        let utc = |t: Timestamp| t.to_zoned(jiff::tz::TimeZone::UTC).date();
        let s = streak_of(&log, &[], date(2026, 1, 7), utc);
        assert_eq!((s.current, s.longest, s.active_days), (2, 3, 5));
        assert_eq!(streak_of(&log, &[], date(2026, 1, 8), utc).current, 0);
    }

    #[test]
    fn a_finished_topic_counts_on_its_local_day() -> Result<(), jiff::Error> {
        let done = Progress {
            roadmap: RoadmapId(1),
            topic: "loops".into(),
            status: Status::Done,
            started_at: None,
            done_at: Some("2026-01-06T23:30:00Z".parse()?),
            updated_at: Timestamp::UNIX_EPOCH,
        };
        let log = [entry(date(2026, 1, 7))];
        // Half past midnight on the 7th at UTC+1: one active day, not two.
        let paris = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        let s = streak_of(&log, std::slice::from_ref(&done), date(2026, 1, 7), |t| t.to_zoned(paris.clone()).date());
        assert_eq!((s.current, s.active_days), (1, 1));
        let s = streak_of(&log, &[done], date(2026, 1, 7), |t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
        assert_eq!((s.current, s.active_days), (2, 2));
        Ok(())
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(date(2026, 11, 25)), date(2026, 11, 23));
        assert_eq!(week_start(date(2026, 11, 23)).weekday(), Weekday::Monday);
    }
}
