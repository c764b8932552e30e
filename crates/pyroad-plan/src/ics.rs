//! RFC 5545 calendar export: one event per study day, one all-day event
//! per milestone.
//!
//! Times are *floating* local times (no `Z`, no `TZID`): a block at 18:00
//! stays at 18:00 on the learner's wall clock across daylight-saving
//! changes, and no `VTIMEZONE` has to be shipped. UIDs are derived from
//! the roadmap title and the day (or milestone id), never random, so a
//! re-export updates the events a calendar already has.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::civil::Time;

use crate::schedule::Plan;

#[derive(Debug, Clone, PartialEq)]
pub struct IcsOptions {
    /// When each day's study block starts, local wall-clock time.
    pub start_time: Time,
    /// DTSTAMP of every event: passed in, so output is deterministic.
    pub stamp: Timestamp,
}

/// The plan as an iCalendar document (CRLF line ends, folded at 75 octets).
pub fn to_ics(plan: &Plan, opts: &IcsOptions) -> String {
    let key = format!("{:016x}", fnv1a(plan.roadmap.as_bytes()));
    let stamp = opts.stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    let mut line = |s: &str| fold(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//pyroad//plan//EN");
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", escape(&format!("pyroad: {}", plan.roadmap))));
    for day in &plan.days {
        let minutes = (day.hours * 60.0).round() as i64;
        if minutes <= 0 {
            continue;
        }
        let titles: Vec<&str> = day.slots.iter().filter(|s| s.hours > 0.0).map(|s| s.title.as_str()).collect();
        let Some(first) = titles.first() else {
            continue;
        };
        let summary = match titles.len() {
            1 => format!("Study: {first}"),
            n => format!("Study: {first} (+{} more)", n - 1),
        };
        let mut desc = String::new();
        for s in day.slots.iter().filter(|s| s.hours > 0.0) {
            let _ = writeln!(desc, "{} ({} h)", s.title, crate::markdown::hours(s.hours));
        }
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-{key}@pyroad", day.date.strftime("%Y%m%d")));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART:{}", day.date.to_datetime(opts.start_time).strftime("%Y%m%dT%H%M%S")));
        line(&format!("DURATION:PT{}H{}M", minutes / 60, minutes % 60));
        line(&format!("SUMMARY:{}", escape(&summary)));
        line(&format!("DESCRIPTION:{}", escape(desc.trim_end())));
        line("END:VEVENT");
    }
    for m in &plan.milestones {
        line("BEGIN:VEVENT");
        line(&format!("UID:milestone-{}-{key}@pyroad", m.id.replace(['/', ' '], "-")));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", m.date.strftime("%Y%m%d")));
        line(&format!("SUMMARY:{}", escape(&format!("Milestone: {}", m.title))));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// FNV-1a: a stable hash (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// TEXT value escaping (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded so no physical line exceeds 75 octets,
/// never splitting a UTF-8 character (RFC 5545 3.1).
fn fold(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74; // the leading space counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        fold(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn text_escaping() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
