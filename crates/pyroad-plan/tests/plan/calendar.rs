//! Dates: days off, vacations, ISO weeks, leap days, daylight saving.

use jiff::civil::{Weekday, date, time};
use jiff::tz::TimeZone;
use pyroad_plan::input::{parse_vacation, parse_weekdays};
use pyroad_plan::{IcsOptions, plan, to_ics};

use crate::common::*;

#[test]
fn one_hour_a_day_fills_consecutive_days() {
    // 17 hours at 7 h/week, no days off: 17 days from the start.
    let p = plan(&fixture(), &input(Some(7.0), monday())).expect("plan");
    assert_eq!(p.days.len(), 17);
    assert!(p.days.windows(2).all(|w| w[0].date.tomorrow().ok() == Some(w[1].date)));
    assert!(p.days.iter().all(|d| (d.hours - 1.0).abs() < 1e-9));
    assert_eq!(p.finish, Some(date(2026, 12, 16)));
}

#[test]
fn days_off_and_vacations_hold_no_study() {
    let mut i = input(Some(5.0), monday());
    i.days_off = parse_weekdays("sat,sun").expect("weekdays");
    i.vacations = vec![parse_vacation("2026-12-09..2026-12-15").expect("range")];
    let p = plan(&fixture(), &i).expect("plan");
    for d in &p.days {
        assert!(!matches!(d.date.weekday(), Weekday::Saturday | Weekday::Sunday), "{}", d.date);
        assert!(!(date(2026, 12, 9)..=date(2026, 12, 15)).contains(&d.date), "{}", d.date);
        assert!((d.hours - 1.0).abs() < 1e-9 || d.date == p.finish.expect("finish"), "5 h over 5 days");
    }
    // The vacation moves the finish by its five weekdays: 17 weekdays from the start, plus 5.
    assert_eq!(p.finish, Some(date(2026, 12, 29)));
}

#[test]
fn weeks_follow_iso_weeks_across_the_year_end() {
    // 2026-12-31 is a Thursday in ISO week 2026-W53; 2027-01-04 starts 2027-W01.
    let p = plan(&fixture(), &input(Some(7.0), date(2026, 12, 31))).expect("plan");
    let labels: Vec<_> = p.weeks.iter().map(|w| w.label.as_str()).collect();
    assert_eq!(labels[..3], ["2026-W53", "2027-W01", "2027-W02"]);
    assert_eq!((p.weeks[0].monday, p.weeks[0].sunday), (date(2026, 12, 28), date(2027, 1, 3)));
    assert!(p.weeks.iter().all(|w| w.monday.weekday() == Weekday::Monday && (w.sunday - w.monday).get_days() == 6));
}

#[test]
fn vacation_weeks_are_listed_empty() {
    let mut i = input(Some(7.0), monday());
    i.vacations = vec![parse_vacation("2026-12-07..2026-12-20").expect("range")];
    let p = plan(&fixture(), &i).expect("plan");
    let empty: Vec<_> = p.weeks.iter().filter(|w| w.hours == 0.0).map(|w| w.label.as_str()).collect();
    assert_eq!(empty, ["2026-W50", "2026-W51"]);
}

#[test]
fn a_leap_day_is_an_ordinary_study_day() {
    // 2028-02-29 is a Tuesday; the week around it has seven study days of one hour.
    let p = plan(&fixture(), &input(Some(7.0), date(2028, 2, 21))).expect("plan");
    let leap = p.days.iter().find(|d| d.date == date(2028, 2, 29)).expect("leap day planned");
    assert!((leap.hours - 1.0).abs() < 1e-9);
    let week = p.weeks.iter().find(|w| w.monday == date(2028, 2, 28)).expect("week of the leap day");
    assert!((week.hours - 7.0).abs() < 1e-9, "{}", week.hours);
    assert_eq!(p.days.iter().filter(|d| (date(2028, 2, 28)..=date(2028, 3, 5)).contains(&d.date)).count(), 7);
}

#[test]
fn daylight_saving_changes_do_not_move_study_blocks() {
    // Europe switches to summer time on 2026-03-29: a study block at 18:00
    // stays at 18:00 on the wall clock, and every day keeps its hours.
    let berlin = TimeZone::get("Europe/Berlin").expect("bundled tz database");
    let p = plan(&fixture(), &input(Some(7.0), date(2026, 3, 23))).expect("plan");
    let around: Vec<_> = p.days.iter().filter(|d| (date(2026, 3, 27)..=date(2026, 3, 31)).contains(&d.date)).collect();
    assert_eq!(around.len(), 5);
    let starts: Vec<_> = around
        .iter()
        .map(|d| d.date.to_datetime(time(18, 0, 0, 0)).to_zoned(berlin.clone()).expect("18:00 exists every day"))
        .collect();
    assert!(starts.iter().all(|z| z.hour() == 18));
    // The instants are 23 hours apart across the change: stepping by 24
    // hours would have moved the block to 19:00.
    let gap = starts[2].timestamp().duration_since(starts[1].timestamp());
    assert_eq!(gap.as_secs(), 23 * 3600);
    assert!(around.iter().all(|d| (d.hours - 1.0).abs() < 1e-9));
    // The calendar export writes floating local times: 18:00 on both sides.
    let opts = IcsOptions { start_time: time(18, 0, 0, 0), stamp: jiff::Timestamp::UNIX_EPOCH };
    let ics = to_ics(&p, &opts);
    for day in ["20260328", "20260329", "20260330"] {
        assert!(ics.contains(&format!("DTSTART:{day}T180000\r\nDURATION:PT1H0M")), "{day}");
    }
}
