//! The seeds' own facts (PRODUCT.md, "Plan"; issue 5).

use pyroad_plan::{Mode, path_disagreements, plan, schedule::Plan};

use crate::common::*;

fn seed_text(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");
    let path = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .expect("seed present");
    String::from_utf8_lossy(&std::fs::read(path).expect("seed readable")).into_owned()
}

/// 1-based line of the first line of the seed containing `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    let i = text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("`{needle}` in seed"));
    u32::try_from(i + 1).expect("seed has fewer than 4 billion lines")
}

fn stated_plan() -> Plan {
    plan(&seed("001_"), &input(None, monday())).expect("seed 001 plans by its stated durations")
}

#[test]
fn seed_001_stated_durations_total_22_to_32_weeks() {
    let p = stated_plan();
    assert_eq!(p.mode, Mode::Stated);
    let finish = p.finish.expect("work to plan");
    let weeks = ((finish - p.start).get_days() + 1) as f64 / 7.0;
    assert!((22.0..=32.0).contains(&weeks), "planned {weeks:.2} weeks");
}

#[test]
fn seed_001_each_phase_lands_within_its_stated_range() {
    let p = stated_plan();
    let phases: Vec<_> = p.sections.iter().filter(|s| s.stated_weeks.is_some()).collect();
    assert_eq!(phases.len(), 4, "{:?}", p.sections.iter().map(|s| &s.title).collect::<Vec<_>>());
    for s in phases {
        let stated = s.stated_weeks.expect("filtered on it");
        assert!(
            stated.min <= s.planned_weeks && s.planned_weeks <= stated.max,
            "{} planned {:.2} weeks, stated {}-{}",
            s.title,
            s.planned_weeks,
            stated.min,
            stated.max
        );
    }
}

#[test]
fn seed_001_content_is_400_to_800_hours_from_phase_durations() {
    let p = stated_plan();
    let (lo, hi) = p.estimates.iter().fold((0.0, 0.0), |(a, b), e| (a + e.hours.min, b + e.hours.max));
    assert!((lo - 400.0_f64).abs() < 1e-6 && (hi - 800.0_f64).abs() < 1e-6, "{lo}-{hi}");
    assert!(p.estimates.iter().all(|e| matches!(e.source, pyroad_plan::EstimateSource::Section { .. })));
}

#[test]
fn seed_001_offers_its_three_paths_with_hours_and_months() {
    let paths = pyroad_plan::learning_paths(&seed("001_"));
    let got: Vec<(String, f64, f64, f64, f64)> = paths
        .iter()
        .map(|p| {
            let m = p.stated_months().expect("months stated");
            (p.name.clone(), p.hours_per_week.min, p.hours_per_week.max, m.min.round(), m.max.round())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Accelerated".into(), 30.0, 40.0, 4.0, 5.0),
            ("Standard".into(), 20.0, 25.0, 6.0, 8.0),
            ("Thorough".into(), 15.0, 20.0, 10.0, 12.0),
        ]
    );
}

#[test]
fn seed_001_path_lengths_disagree_with_content_and_are_reported_with_lines() {
    let text = seed_text("001_");
    let findings = path_disagreements(&seed("001_"));
    let accelerated = findings.iter().find(|f| f.node_id.contains("accelerated")).expect("accelerated reported");
    assert_eq!(accelerated.line, line_of(&text, "Path 1: Accelerated"));
    let round1 = |x: f64| (x * 10.0).round() / 10.0;
    assert_eq!((round1(accelerated.computed_months.min), round1(accelerated.computed_months.max)), (2.3, 6.2));
    assert_eq!((accelerated.stated_months.min.round(), accelerated.stated_months.max.round()), (4.0, 5.0));
    assert!(accelerated.message.contains("2.3-6.2 months"), "{}", accelerated.message);
    // Every finding points at a path heading of the seed.
    for f in &findings {
        assert!(text.lines().nth(f.line as usize - 1).is_some_and(|l| l.contains("Path")), "line {}", f.line);
    }
}

#[test]
fn seed_001_accelerated_path_plans_by_hours_and_shows_stated_beside_computed() {
    let mut i = input(None, monday());
    i.path = Some("accelerated".into());
    let p = plan(&seed("001_"), &i).expect("path plan");
    let Mode::Path { planned_at, .. } = p.mode else { panic!("mode {:?}", p.mode) };
    assert_eq!(planned_at, 35.0);
    // 600 content hours at 35 h/week, seven study days: 17.1 weeks.
    let weeks = ((p.finish.expect("work") - p.start).get_days() + 1) as f64 / 7.0;
    assert!((weeks - 600.0 / 35.0).abs() < 1.0 / 7.0 + 1e-9, "{weeks}");
    let report = p.path.as_ref().expect("path report");
    assert_eq!(report.stated_months.map(|m| (m.min.round(), m.max.round())), Some((4.0, 5.0)));
    assert!(report.planned_months < 4.0, "the hours give {:.2} months, not the stated 4-5", report.planned_months);
    assert!(pyroad_plan::markdown::render(&p).contains("stated 4-5 months; the content takes 2.3-6.2 months"));
}

#[test]
fn seed_001_milestones_fall_on_their_phase_end_dates() {
    let p = stated_plan();
    assert_eq!(p.milestones.len(), 4);
    for (m, s) in p.milestones.iter().zip(p.sections.iter().filter(|s| s.stated_weeks.is_some())) {
        assert_eq!((m.date, &m.section_id), (s.end, &s.id), "{}", m.title);
    }
}

#[test]
fn every_seed_plans_at_ten_hours_and_by_stated_hours() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let r = seed(prefix);
        for hours in [Some(10.0), None] {
            let p = plan(&r, &input(hours, monday())).unwrap_or_else(|e| panic!("{prefix} {hours:?}: {e}"));
            assert!(p.finish.is_some(), "{prefix}: nothing planned");
            let scheduled: f64 = p.days.iter().map(|d| d.hours).sum();
            assert!((scheduled - p.remaining_hours).abs() < 1e-6, "{prefix}: {scheduled} vs {}", p.remaining_hours);
        }
    }
}

/// Seed 004's paths state months but no weekly hours: the hours come from
/// the whole content over that length, marked derived; the "Ongoing" one
/// states neither and cannot be planned by.
#[test]
fn seed_004_paths_plan_by_hours_derived_from_their_months() {
    let roadmap = seed("004_");
    let text = seed_text("004_");
    let paths = pyroad_plan::learning_paths(&roadmap);
    let names: Vec<&str> = paths.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["For Complete Beginners", "For Intermediate Developers", "For Advanced Developers"]);
    assert!(paths.iter().all(|p| p.hours_from == pyroad_plan::HoursFrom::DerivedFromLength));
    assert_eq!(paths[0].line, line_of(&text, "For Complete Beginners"));
    // No derived path is reported as disagreeing with itself.
    assert!(path_disagreements(&roadmap).is_empty());

    let content = plan(&roadmap, &input(Some(10.0), monday())).expect("plans").total_hours;
    let beginners = &paths[0];
    let months = beginners.stated_months().expect("3-6 months stated");
    assert_eq!((months.min.round(), months.max.round()), (3.0, 6.0));
    let weeks = beginners.stated_weeks.expect("weeks");
    // All default estimates: the content is a point, so min and max hours
    // per week are the content over the longest and the shortest length.
    assert!((beginners.hours_per_week.min - content / weeks.max).abs() < 1e-6);
    assert!((beginners.hours_per_week.max - content / weeks.min).abs() < 1e-6);

    let mut i = input(None, monday());
    i.path = Some("beginners".into());
    let p = plan(&roadmap, &i).expect("a derived path plans");
    let Mode::Path { planned_at, hours_from, .. } = &p.mode else { panic!("mode {:?}", p.mode) };
    assert_eq!(*hours_from, pyroad_plan::HoursFrom::DerivedFromLength);
    assert!((planned_at - beginners.hours_per_week.mid()).abs() < 1e-9);
    // Planned at the middle rate, the plan lands inside the stated 3-6 months.
    let planned = p.path.as_ref().expect("report").planned_months;
    assert!((3.0..=6.0).contains(&planned), "{planned}");
    assert!(pyroad_plan::markdown::render(&p).contains("states a length but no weekly hours"));

    i.path = Some("expert".into());
    let err = plan(&roadmap, &i).expect_err("an ongoing path has no length").to_string();
    assert!(err.contains("states neither hours per week nor a length"), "{err}");
}
