//! Estimate resolution and its sources.

use pyroad_plan::{EstimateSource, plan};

use crate::common::*;

fn source_of<'a>(p: &'a pyroad_plan::Plan, id: &str) -> (&'a EstimateSource, f64) {
    let e = p.estimates.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("unit {id}"));
    (&e.source, e.hours.mid())
}

#[test]
fn each_source_in_order() {
    let p = plan(&fixture(), &input(Some(5.0), monday())).expect("plan");
    let ids: Vec<_> = p.estimates.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "setting-up-an-editor",
            "names-and-values",
            "branching",
            "reading-files",
            "a-small-command-line-tool",
            "testing-it"
        ]
    );
    assert!(matches!(source_of(&p, "setting-up-an-editor"), (EstimateSource::Own { raw }, 1.0) if raw == "1h"));
    // Phase 1 states 2 weeks at 5 h/week: 10 hours, 1 taken by the editor
    // topic, 9 spread by weight (a topic 2, plus 0.5 per subtopic).
    let (src, names) = source_of(&p, "names-and-values");
    assert!(matches!(src, EstimateSource::Section { section_id, .. } if section_id == "phase-1-basics"), "{src:?}");
    let (_, branching) = source_of(&p, "branching");
    assert!(
        (names - 9.0 * 2.0 / 5.0).abs() < 1e-9 && (branching - 9.0 * 3.0 / 5.0).abs() < 1e-9,
        "{names} {branching}"
    );
    assert!(matches!(source_of(&p, "testing-it"), (EstimateSource::Default { .. }, 2.0)));
}

#[test]
fn an_override_wins_and_the_section_spreads_what_is_left() {
    let mut i = input(Some(5.0), monday());
    i.overrides.insert("names-and-values".into(), 7.0);
    let p = plan(&fixture(), &i).expect("plan");
    assert!(matches!(source_of(&p, "names-and-values"), (EstimateSource::Override, 7.0)));
    let (src, branching) = source_of(&p, "branching");
    assert!(matches!(src, EstimateSource::Section { .. }));
    assert!((branching - 2.0).abs() < 1e-9, "10 - 1 - 7 = {branching}");
}

#[test]
fn done_topics_and_done_sections_are_not_scheduled() {
    let r = fixture();
    let mut i = input(Some(5.0), monday());
    i.done.insert("setting-up-an-editor".into());
    i.done.insert(r.children[1].id.clone()); // all of phase 2
    let p = plan(&r, &i).expect("plan");
    let scheduled: std::collections::BTreeSet<_> =
        p.days.iter().flat_map(|d| &d.slots).map(|s| s.id.as_str()).collect();
    assert_eq!(scheduled.into_iter().collect::<Vec<_>>(), ["branching", "names-and-values"]);
    assert!((p.remaining_hours - 9.0).abs() < 1e-9);
}
