//! Calendar export, validated by parsing it back.

use std::collections::BTreeSet;

use icalendar::parser::{read_calendar, unfold};
use jiff::civil::time;
use pyroad_plan::{IcsOptions, plan, to_ics};

use crate::common::*;

fn opts(stamp_secs: i64) -> IcsOptions {
    IcsOptions { start_time: time(18, 30, 0, 0), stamp: jiff::Timestamp::from_second(stamp_secs).expect("valid stamp") }
}

fn uids(ics: &str) -> Vec<String> {
    let unfolded = unfold(ics);
    let cal = read_calendar(&unfolded).expect("parses back");
    cal.components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| c.find_prop("UID").expect("every event has a UID").val.as_str().to_owned())
        .collect()
}

#[test]
fn export_parses_back_with_one_event_per_study_day_and_milestone() {
    let p = plan(&fixture(), &input(Some(5.0), monday())).expect("plan");
    let ics = to_ics(&p, &opts(1_800_000_000));
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).expect("RFC 5545 text");
    let version = cal.properties.iter().find(|p| p.name.as_str() == "VERSION").map(|p| p.val.as_str().to_owned());
    assert_eq!(version.as_deref(), Some("2.0"));
    let events: Vec<_> = cal.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect();
    assert_eq!(events.len(), p.days.len() + p.milestones.len());
    for e in &events {
        for prop in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
            assert!(e.find_prop(prop).is_some(), "{prop} missing");
        }
    }
    let first = events[0];
    assert_eq!(first.find_prop("DTSTART").map(|p| p.val.as_str().to_owned()).as_deref(), Some("20261130T183000"));
    let desc = first.find_prop("DESCRIPTION").expect("description").val.as_str().to_owned();
    assert!(desc.contains("Setting up an editor"), "{desc}");
    // Physical lines: CRLF, at most 75 octets.
    assert!(ics.ends_with("\r\n") && !ics.replace("\r\n", "").contains('\n'));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn uids_are_unique_and_stable_across_re_exports() {
    let r = fixture();
    let p = plan(&r, &input(Some(5.0), monday())).expect("plan");
    let a = uids(&to_ics(&p, &opts(1_800_000_000)));
    let b = uids(&to_ics(&p, &opts(1_900_000_000)));
    assert_eq!(a, b, "a later export updates the same events");
    assert_eq!(a.iter().collect::<BTreeSet<_>>().len(), a.len(), "no duplicates");
    // Re-planned with more hours, the days that remain keep their UIDs.
    let q = plan(&r, &input(Some(10.0), monday())).expect("plan");
    let c = uids(&to_ics(&q, &opts(1_800_000_000)));
    assert!(c.iter().filter(|u| !u.starts_with("milestone-")).all(|u| a.contains(u)));
    // Another roadmap never collides.
    let mut other = r;
    other.title = "Another roadmap".into();
    let d = uids(&to_ics(&plan(&other, &input(Some(5.0), monday())).expect("plan"), &opts(1_800_000_000)));
    assert!(d.iter().all(|u| !a.contains(u)));
}
