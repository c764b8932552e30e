//! Pace, re-planning and status.

use jiff::civil::date;
use pyroad_plan::{LogEntry, Status, pace, replan};

use crate::common::*;

fn log(d: jiff::civil::Date, hours: f64, topic: Option<&str>) -> LogEntry {
    LogEntry { date: d, hours, topic: topic.map(str::to_owned) }
}

#[test]
fn pace_measures_hours_per_week_and_accuracy() {
    let mut i = input(Some(7.0), monday());
    i.done.insert("setting-up-an-editor".into()); // estimated 1 h
    i.log = vec![
        log(monday(), 2.0, Some("setting-up-an-editor")),
        log(date(2026, 12, 3), 4.0, None),
        log(date(2026, 12, 10), 8.0, None),
    ];
    let p = pace(&fixture(), &i, date(2026, 12, 13)).expect("pace");
    assert_eq!(p.days_elapsed, 14);
    assert_eq!(p.hours_per_week, Some(7.0)); // 14 hours in two weeks
    assert_eq!(p.accuracy, Some(0.5)); // 1 h estimated, 2 h taken
}

#[test]
fn less_than_a_week_of_history_measures_no_weekly_pace() {
    let mut i = input(Some(7.0), monday());
    i.log = vec![log(monday(), 3.0, None)];
    assert_eq!(pace(&fixture(), &i, date(2026, 12, 2)).expect("pace").hours_per_week, None);
}

#[test]
fn replan_moves_remaining_work_from_today_at_the_measured_pace() {
    let mut i = input(Some(7.0), monday());
    i.done.insert("setting-up-an-editor".into());
    i.log = vec![log(monday(), 2.0, Some("setting-up-an-editor")), log(date(2026, 12, 8), 5.0, None)];
    let today = date(2026, 12, 13); // 14 days of history, today included
    let r = replan(&fixture(), &i, today).expect("replan");
    assert_eq!(r.plan.start, today);
    assert!(r.plan.days.iter().all(|d| d.date >= today));
    assert!(r.plan.days.iter().flat_map(|d| &d.slots).all(|s| s.id != "setting-up-an-editor"));
    // Twice as slow as estimated: the remaining 16 hours become 32, at 3.5 h/week.
    assert_eq!(r.factor, 2.0);
    assert!((r.plan.remaining_hours - 32.0).abs() < 1e-9, "{}", r.plan.remaining_hours);
    assert!(
        matches!(r.plan.mode, pyroad_plan::Mode::HoursPerWeek { hours_per_week } if (hours_per_week - 3.5).abs() < 1e-9)
    );
}

#[test]
fn status_counts_days_behind_and_ahead_of_the_original_plan() {
    let r = fixture();
    // At 7 h/week the original plan does one hour a day: the editor topic
    // (1 h) is reached on day one, names-and-values (3.6 h more) on day
    // five, 2026-12-04, when 5 of the 4.6 hours are done.
    let mut i = input(Some(7.0), monday());
    i.done.insert("setting-up-an-editor".into());
    i.log = vec![log(monday(), 1.0, Some("setting-up-an-editor"))];
    let behind = replan(&r, &i, date(2026, 12, 11)).expect("replan").status;
    assert!(matches!(behind, Status::Behind { days: 10, .. }), "{behind:?}"); // planned by 11-30, yesterday was 12-10
    let on_track = replan(&r, &i, date(2026, 12, 1)).expect("replan").status;
    assert!(matches!(on_track, Status::OnTrack { .. }), "{on_track:?}");
    i.done.insert("names-and-values".into());
    let ahead = replan(&r, &i, date(2026, 12, 1)).expect("replan").status;
    assert!(matches!(ahead, Status::Ahead { days: 4, .. }), "{ahead:?}"); // planned by 12-04, yesterday 11-30
    assert!(ahead.to_string().starts_with("4 days ahead, projected finish 2026-12-"), "{ahead}");
}

#[test]
fn standing_says_what_replan_says() {
    let r = fixture();
    let mut i = input(Some(7.0), monday());
    let check = |i: &pyroad_plan::PlanInput, today| {
        let full = replan(&r, i, today).expect("replan");
        let short = pyroad_plan::standing(&r, i, today).expect("standing");
        assert_eq!(short.status, full.status, "{today}");
        assert_eq!(short.baseline_finish, full.baseline_finish, "{today}");
        assert_eq!(short.hours_per_week, full.pace.hours_per_week, "{today}");
    };
    check(&i, date(2026, 12, 1));
    i.done.insert("setting-up-an-editor".into());
    i.log = vec![log(monday(), 1.0, Some("setting-up-an-editor")), log(date(2026, 12, 8), 5.0, None)];
    for today in [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 11), date(2027, 2, 1)] {
        check(&i, today);
    }
    i.done.insert("names-and-values".into());
    check(&i, date(2026, 12, 1));
}
