//! Bad input: clear errors and warnings, never a panic.

use jiff::civil::{Weekday, date};
use pyroad_plan::input::{parse_vacation, parse_weekdays};
use pyroad_plan::{PlanError, Warning, plan};

use crate::common::*;

#[test]
fn zero_negative_and_non_finite_hours_are_rejected() {
    for h in [-1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(plan(&fixture(), &input(Some(h), monday())), Err(PlanError::InvalidHours(_))), "{h}");
    }
    let err = plan(&fixture(), &input(Some(0.0), monday())).expect_err("0 h with work");
    assert!(matches!(err, PlanError::ZeroHoursWithWork { remaining } if remaining > 0.0), "{err:?}");
}

#[test]
fn zero_hours_with_everything_done_is_an_empty_plan() {
    let r = fixture();
    let mut i = input(Some(0.0), monday());
    i.done = r.children.iter().map(|n| n.id.clone()).collect();
    let p = plan(&r, &i).expect("nothing to do");
    assert_eq!((p.finish, p.weeks.len()), (None, 0));
    assert!(p.warnings.contains(&Warning::NothingToPlan));
}

#[test]
fn more_hours_than_the_study_days_hold_is_an_error() {
    let mut i = input(Some(60.0), monday());
    i.days_off = parse_weekdays("mon,tue,wed,thu,fri").expect("weekdays");
    let err = plan(&fixture(), &i).expect_err("30 h a day");
    assert_eq!(err, PlanError::HoursExceedWeek { hours: 60.0, study_days: 2 });
}

#[test]
fn days_off_covering_the_whole_week_is_an_error() {
    let mut i = input(Some(5.0), monday());
    i.days_off = parse_weekdays("mon,tue,wed,thu,fri,sat,sunday").expect("weekdays");
    assert_eq!(plan(&fixture(), &i), Err(PlanError::NoStudyDays));
}

#[test]
fn unknown_path_lists_the_offered_ones() {
    let mut i = input(None, monday());
    i.path = Some("leisurely".into());
    match plan(&seed("001_"), &i) {
        Err(PlanError::UnknownPath { available, .. }) => {
            assert_eq!(available, ["Accelerated", "Standard", "Thorough"]);
        }
        other => panic!("{other:?}"),
    }
    i.path = Some("Backend Developer Path".into());
    assert!(matches!(plan(&seed("001_"), &i), Err(PlanError::PathWithoutHours(_))));
}

#[test]
fn start_in_the_past_plans_with_a_warning() {
    let mut i = input(Some(5.0), monday());
    i.today = Some(date(2027, 1, 1));
    let p = plan(&fixture(), &i).expect("allowed");
    assert!(p.warnings.contains(&Warning::StartInPast { start: monday(), today: date(2027, 1, 1) }));
}

#[test]
fn tiny_weekly_hours_stop_at_the_length_limit_instead_of_looping() {
    let err = plan(&fixture(), &input(Some(0.001), monday())).expect_err("17 hours at 0.001 h/week");
    assert!(matches!(err, PlanError::TooLong { limit_years: 50, .. }), "{err:?}");
}

#[test]
fn a_plan_near_the_end_of_the_calendar_errors_instead_of_overflowing() {
    let err = plan(&fixture(), &input(Some(1.0), date(9999, 12, 1))).expect_err("past year 9999");
    assert!(matches!(err, PlanError::TooLong { .. }), "{err:?}");
}

#[test]
fn bad_overrides_and_command_line_forms_are_errors() {
    let mut i = input(Some(5.0), monday());
    i.overrides.insert("names-and-values".into(), -2.0);
    assert!(matches!(plan(&fixture(), &i), Err(PlanError::InvalidOverride { .. })));
    assert!(matches!(parse_vacation("2027-01-02..2026-12-24"), Err(PlanError::InvalidVacation { .. })));
    assert!(matches!(parse_vacation("soon..later"), Err(PlanError::Parse { .. })));
    assert!(matches!(parse_weekdays("sa"), Err(PlanError::Parse { .. })), "two letters are ambiguous enough to refuse");
    assert_eq!(parse_weekdays("Sat, sun,sat").expect("weekdays"), [Weekday::Saturday, Weekday::Sunday]);
    let v = parse_vacation("2026-12-24..2027-01-02").expect("range");
    assert_eq!((v.start, v.end), (date(2026, 12, 24), date(2027, 1, 2)));
}

#[test]
fn an_override_for_no_topic_is_a_warning() {
    let mut i = input(Some(5.0), monday());
    i.overrides.insert("no-such-topic".into(), 2.0);
    let p = plan(&fixture(), &i).expect("plans");
    assert!(p.warnings.contains(&Warning::UnknownOverride { id: "no-such-topic".into() }));
}
