//! The Log page's other charts, drawn on the server as SVG like
//! [`crate::svg::hours_per_week`]: topics done over time, a burn-down of the
//! remaining estimated hours against the plan, and a calendar heat map of
//! study days. Pure functions of plain numbers, so their output is
//! snapshot-tested; colours come from the stylesheet (classes only).

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// The plot area every line chart shares.
const LEFT: f64 = 34.0;
const TOP: f64 = 12.0;
const HEIGHT: f64 = 120.0;
const BOTTOM: f64 = 22.0;
const STEP: f64 = 36.0;

fn open(svg: &mut String, label: &str, width: f64, height: f64) {
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-label="{label}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">"#
    );
}

/// A y-axis with 0 and `max` labelled.
fn axis(svg: &mut String, max: f64, width: f64, unit: &str) {
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{width}" y2="{bottom}"/><text class="label" x="{lx}" y="{top}" text-anchor="end">{max:.0}{unit}</text><text class="label" x="{lx}" y="{bottom}" text-anchor="end">0</text>"#,
        bottom = TOP + HEIGHT,
        top = TOP + 4.0,
        lx = LEFT - 4.0,
    );
}

fn x_of(i: usize) -> f64 {
    LEFT + STEP / 2.0 + i as f64 * STEP
}

fn y_of(value: f64, max: f64) -> f64 {
    let y = TOP + HEIGHT - value.max(0.0) / max * HEIGHT;
    (y * 10.0).round() / 10.0
}

fn week_label(svg: &mut String, i: usize, monday: Date) {
    let _ = write!(
        svg,
        r#"<text class="label" x="{x}" y="{y}" text-anchor="middle">{m:02}-{d:02}</text>"#,
        x = x_of(i),
        y = TOP + HEIGHT + 15.0,
        m = monday.month(),
        d = monday.day()
    );
}

fn polyline(svg: &mut String, class: &str, points: &[(usize, f64)], max: f64) {
    if points.is_empty() {
        return;
    }
    let coords: Vec<String> = points.iter().map(|(i, v)| format!("{},{}", x_of(*i), y_of(*v, max))).collect();
    let _ = write!(svg, r#"<polyline class="{class}" points="{}"/>"#, coords.join(" "));
}

/// Topics finished by the end of each week (cumulative), oldest left.
pub fn topics_done(weeks: &[(Date, usize)]) -> String {
    let width = LEFT + weeks.len() as f64 * STEP + 8.0;
    let max = weeks.iter().map(|w| w.1).max().unwrap_or(0).max(4) as f64;
    let mut svg = String::new();
    open(&mut svg, "Topics done over time", width, TOP + HEIGHT + BOTTOM);
    axis(&mut svg, max, width, "");
    let points: Vec<(usize, f64)> = weeks.iter().enumerate().map(|(i, w)| (i, w.1 as f64)).collect();
    polyline(&mut svg, "done", &points, max);
    for (i, (monday, done)) in weeks.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<g><title>by the end of the week of {monday}: {done} done</title><circle class="done" cx="{x}" cy="{y}" r="3"/></g>"#,
            x = x_of(i),
            y = y_of(*done as f64, max)
        );
        week_label(&mut svg, i, *monday);
    }
    svg.push_str("</svg>");
    svg
}

/// One week of the burn-down: estimated hours left at its end by the plan,
/// and by what was really finished (`None` for weeks still to come).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BurnWeek {
    pub monday: Date,
    pub planned: f64,
    pub actual: Option<f64>,
}

/// Remaining estimated hours, week by week: the plan's line (dashed) and
/// the learner's (solid, up to this week), from `total` down to zero.
pub fn burn_down(total: f64, weeks: &[BurnWeek]) -> String {
    let width = LEFT + weeks.len() as f64 * STEP + 8.0;
    let max = total.max(1.0);
    let mut svg = String::new();
    open(&mut svg, "Burn-down of remaining estimated hours", width, TOP + HEIGHT + BOTTOM);
    axis(&mut svg, max, width, " h");
    let planned: Vec<(usize, f64)> = weeks.iter().enumerate().map(|(i, w)| (i, w.planned)).collect();
    polyline(&mut svg, "planned", &planned, max);
    let actual: Vec<(usize, f64)> = weeks.iter().enumerate().filter_map(|(i, w)| Some((i, w.actual?))).collect();
    polyline(&mut svg, "actual", &actual, max);
    // Labels every few weeks so long plans stay readable.
    let every = weeks.len().div_ceil(12).max(1);
    for (i, w) in weeks.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<g><title>week of {}: plan {:.1} h left{}</title><rect class="hit" x="{}" y="{TOP}" width="{STEP}" height="{HEIGHT}"/></g>"#,
            w.monday,
            w.planned,
            w.actual.map(|a| format!(", really {a:.1} h left")).unwrap_or_default(),
            x_of(i) - STEP / 2.0,
        );
        if i % every == 0 {
            week_label(&mut svg, i, w.monday);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// How busy a study day was: 0 (nothing logged) to 4 (two hours or more).
pub fn level(minutes: u32) -> u8 {
    match minutes {
        0 => 0,
        1..30 => 1,
        30..60 => 2,
        60..120 => 3,
        _ => 4,
    }
}

/// A contribution calendar: one column per week (Monday on top), one square
/// per day shaded by the minutes logged, the `weeks` weeks up to `today`'s.
/// `minutes_on` gives a day's logged minutes.
pub fn study_days(today: Date, weeks: u32, minutes_on: impl Fn(Date) -> u32) -> String {
    let (cell, gap, left, top) = (12.0, 3.0, 28.0, 16.0);
    let this_monday = crate::views::week_start(today);
    let first = this_monday.checked_sub((i64::from(weeks.saturating_sub(1)) * 7).days()).unwrap_or(this_monday);
    let width = left + f64::from(weeks) * (cell + gap) + gap;
    let height = top + 7.0 * (cell + gap) + gap;
    let mut svg = String::new();
    open(&mut svg, "Study days", width, height);
    for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
        let _ = write!(
            svg,
            r#"<text class="label" x="{x}" y="{y}" text-anchor="end">{name}</text>"#,
            x = left - 4.0,
            y = top + f64::from(row) * (cell + gap) + cell - 2.0
        );
    }
    let mut day = first;
    let mut last_month = 0;
    for col in 0..weeks {
        let x = left + f64::from(col) * (cell + gap);
        if day.month() != last_month {
            last_month = day.month();
            let _ = write!(svg, r#"<text class="label" x="{x}" y="{y}">{m}</text>"#, y = top - 5.0, m = month(day));
        }
        for row in 0..7 {
            if day > today {
                break;
            }
            let minutes = minutes_on(day);
            let _ = write!(
                svg,
                r#"<rect class="day l{l}" x="{x}" y="{y}" width="{cell}" height="{cell}"><title>{day}: {text}</title></rect>"#,
                l = level(minutes),
                y = top + f64::from(row) * (cell + gap),
                text = if minutes == 0 { "no study".to_owned() } else { crate::views::minutes_text(minutes) }
            );
            day = day.tomorrow().unwrap_or(day);
        }
        // Keep columns aligned on Mondays even if a row broke off.
        while day.weekday() != Weekday::Monday && day <= today {
            day = day.tomorrow().unwrap_or(day);
        }
    }
    svg.push_str("</svg>");
    svg
}

fn month(day: Date) -> &'static str {
    const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    NAMES[usize::from(day.month().unsigned_abs()).saturating_sub(1) % 12]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: i8, day: i8) -> Date {
        Date::new(2026, m, day).expect("a valid date")
    }

    #[test]
    fn topics_done_climbs_week_by_week() {
        let svg = topics_done(&[(d(11, 2), 0), (d(11, 9), 2), (d(11, 16), 5), (d(11, 23), 5)]);
        assert_eq!(svg.matches("<circle").count(), 4);
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn burn_down_draws_the_plan_and_the_real_line() {
        let weeks = [
            BurnWeek { monday: d(11, 9), planned: 30.0, actual: Some(36.0) },
            BurnWeek { monday: d(11, 16), planned: 20.0, actual: Some(24.0) },
            BurnWeek { monday: d(11, 23), planned: 10.0, actual: Some(20.0) },
            BurnWeek { monday: d(11, 30), planned: 0.0, actual: None },
        ];
        let svg = burn_down(40.0, &weeks);
        assert!(svg.contains(r#"<polyline class="planned""#) && svg.contains(r#"<polyline class="actual""#));
        // The real line stops at this week: three points.
        let actual = svg.split(r#"class="actual" points=""#).nth(1).and_then(|s| s.split('"').next()).unwrap_or("");
        assert_eq!(actual.split(' ').count(), 3, "{svg}");
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn study_days_shade_by_minutes_and_stop_at_today() {
        let today = d(11, 25); // a Wednesday
        let svg = study_days(today, 3, |day| match day.day() {
            10 => 20,
            17 => 45,
            18 => 90,
            24 => 150,
            _ => 0,
        });
        // Two full weeks and Monday-Wednesday of this one.
        assert_eq!(svg.matches("<rect class=\"day").count(), 17);
        assert_eq!(svg.matches("l4\"").count(), 1);
        assert!(svg.contains("2026-11-24: 2h 30m"), "{svg}");
        assert!(!svg.contains("2026-11-26"), "no days after today");
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn levels_follow_the_minutes() {
        assert_eq!([0, 1, 29, 30, 59, 60, 119, 120, 600].map(level), [0, 1, 1, 2, 2, 3, 3, 4, 4]);
    }
}
