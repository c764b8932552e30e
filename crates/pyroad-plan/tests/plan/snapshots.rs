//! The markdown a reviewer reads, as snapshots.

use pyroad_plan::input::{parse_vacation, parse_weekdays};
use pyroad_plan::{markdown, plan};

use crate::common::*;

#[test]
fn fixture_plan_with_days_off_and_a_vacation() {
    let mut i = input(Some(4.0), monday());
    i.days_off = parse_weekdays("sat,sun").expect("weekdays");
    i.vacations = vec![parse_vacation("2026-12-24..2027-01-01").expect("range")];
    i.overrides.insert("testing-it".into(), 3.0);
    insta::assert_snapshot!(markdown::render(&plan(&fixture(), &i).expect("plan")));
}

#[test]
fn seed_001_by_its_stated_durations() {
    insta::assert_snapshot!(markdown::render(&plan(&seed("001_"), &input(None, monday())).expect("plan")));
}

#[test]
fn fixture_plan_as_json() {
    let p = plan(&fixture(), &input(Some(7.0), monday())).expect("plan");
    let json = serde_json::to_value(&p).expect("serializes");
    // Spot the contract fields rather than snapshot every estimate.
    assert_eq!(json["mode"], "hours_per_week");
    assert_eq!(json["hours_per_week"], 7.0);
    assert_eq!(json["finish"], "2026-12-16");
    assert_eq!(json["weeks"][0]["label"], "2026-W49");
    assert_eq!(json["estimates"][0]["source"], "own");
    assert_eq!(json["estimates"][1]["source"], "section");
    insta::assert_json_snapshot!(json["sections"]);
}
