//! The five real roadmaps: snapshots of their shape and the facts they state.

use pyroad_import::Format;
use pyroad_model::{NodeKind, Roadmap};

use crate::common::{SEEDS, assert_clean_titles, lost_words, render, seed};

#[test]
fn seed_trees() {
    for prefix in SEEDS {
        let imported = seed(prefix);
        // Titles abbreviated with a hash: the repository never holds the seeds' text.
        insta::assert_snapshot!(format!("seed_{prefix}"), render(&imported.roadmap, false));
    }
}

#[test]
fn nothing_visible_is_lost() {
    for prefix in SEEDS {
        let imported = seed(prefix);
        let lost = lost_words(&imported);
        assert!(lost.is_empty(), "seed {prefix}: words of the source missing from the tree: {lost:?}");
    }
}

#[test]
fn titles_are_clean() {
    for prefix in SEEDS {
        assert_clean_titles(&seed(prefix).roadmap, prefix);
    }
}

fn top<'a>(r: &'a Roadmap, starts_with: &str) -> Vec<&'a pyroad_model::Node> {
    r.children.iter().filter(|n| n.title.starts_with(starts_with)).collect()
}

#[test]
fn seed_001_phases_tasks_and_blocks() {
    let imported = seed("001");
    let r = &imported.roadmap;
    assert_eq!(imported.format, Format::Markdown);
    assert_eq!(imported.repaired_from, Some("Mac OS Roman"));

    let phases = top(r, "Phase ");
    let facts: Vec<(f64, f64, Option<f64>, Option<f64>)> = phases
        .iter()
        .map(|p| {
            let d = p.duration.clone().unwrap();
            (d.min_weeks, d.max_weeks, d.hours_per_week_min, d.hours_per_week_max)
        })
        .collect();
    assert_eq!(
        facts,
        [
            (4.0, 6.0, Some(15.0), Some(20.0)),
            (4.0, 6.0, Some(15.0), Some(20.0)),
            (6.0, 8.0, Some(20.0), Some(25.0)),
            (8.0, 12.0, Some(20.0), Some(30.0)),
        ]
    );
    assert!(phases.iter().all(|p| p.kind == NodeKind::Section && !p.title.contains("weeks")));

    let checked: Vec<Option<bool>> = r.walk().filter_map(|n| n.checked.map(Some)).collect();
    assert_eq!(checked.len(), 385);
    assert!(checked.iter().all(|c| *c == Some(false)));

    let timeline = top(r, "Timeline Summary")[0];
    assert_eq!(timeline.kind, NodeKind::Timeline);
    let rows: Vec<&str> =
        timeline.children.iter().filter(|n| n.kind == NodeKind::Timeline).map(|n| n.title.as_str()).collect();
    assert_eq!(rows, ["Phase 1", "Phase 2", "Phase 3", "Phase 4", "Total"]);
    let total = &timeline.children[4].duration.clone().unwrap();
    assert_eq!((total.min_weeks, total.max_weeks), (22.0, 32.0));

    let paths: Vec<_> = r.walk().filter(|n| n.kind == NodeKind::Path && n.title.starts_with("Path ")).collect();
    let hours: Vec<(Option<f64>, Option<f64>)> = paths
        .iter()
        .map(|p| p.duration.as_ref().map_or((None, None), |d| (d.hours_per_week_min, d.hours_per_week_max)))
        .collect();
    assert_eq!(hours, [(Some(30.0), Some(40.0)), (Some(20.0), Some(25.0)), (Some(15.0), Some(20.0))]);
    // "(4-5 months)": months kept as weeks.
    let accelerated = paths[0].duration.clone().unwrap();
    assert!((accelerated.min_weeks - 4.0 * 52.0 / 12.0).abs() < 1e-9);

    let milestones = top(r, "Milestone Checklist")[0];
    assert_eq!(milestones.kind, NodeKind::Milestone);
    assert_eq!(milestones.children.len(), 4);
    assert!(milestones.walk().all(|n| n.kind == NodeKind::Milestone));

    let resources = top(r, "Learning Resources")[0];
    assert_eq!(resources.kind, NodeKind::Resource);
    assert!(resources.walk().all(|n| n.kind == NodeKind::Resource));
    assert!(r.walk().any(|n| n.title.contains("Aurélien Géron")));

    // Project ideas in each phase (under its last numbered heading, where
    // the seed writes them), as project blocks.
    for phase in &phases {
        let ideas =
            phase.walk().find(|n| n.title == "Project Ideas").unwrap_or_else(|| panic!("no ideas in {}", phase.title));
        assert_eq!(ideas.kind, NodeKind::Project);
        assert!(ideas.children.len() >= 5 && ideas.children.iter().all(|n| n.kind == NodeKind::Project));
    }
    // The table of contents is gone, with its heading.
    assert!(top(r, "Table of Contents").is_empty());
}

#[test]
fn seed_004_levels_and_numbered_sections() {
    let r = seed("004").roadmap;
    let levels: Vec<&str> =
        r.children.iter().filter(|n| n.title.ends_with("LEVEL")).map(|n| n.title.as_str()).collect();
    assert_eq!(levels.len(), 4, "{levels:?}");
    let mut numbers = Vec::new();
    for level in r.children.iter().filter(|n| n.title.ends_with("LEVEL")) {
        for section in &level.children {
            assert_eq!(section.kind, NodeKind::Section);
            let n: u32 = section.title.split('.').next().unwrap().parse().unwrap();
            numbers.push(n);
            assert!(!section.children.is_empty(), "section {} is empty", section.title);
        }
    }
    assert_eq!(numbers, (1..=52).collect::<Vec<_>>());
    let paths = top(&r, "Learning Path")[0];
    assert_eq!(paths.kind, NodeKind::Path);
    assert_eq!(paths.children.len(), 4);
}

#[test]
fn seed_003_sixteen_areas() {
    let r = seed("003").roadmap;
    // A section titled "Table of Contents" that holds real content is content.
    let toc = top(&r, "Table of Contents")[0];
    assert_eq!(toc.children.len(), 16);
    assert!(toc.children.iter().all(|a| a.kind == NodeKind::Topic && !a.children.is_empty()));
    assert_eq!(toc.children[15].title, "Interview Preparation");
    assert!(r.description.is_some());
}

#[test]
fn seed_002_phases_and_repaired_emoji() {
    let imported = seed("002");
    assert_eq!(imported.repaired_from, Some("Mac OS Roman"));
    let r = &imported.roadmap;
    assert!(r.title.starts_with('🐍'), "{}", r.title);
    assert!(r.title.contains('→'));
    let phases: Vec<_> = r.children.iter().filter(|n| n.title.contains("PHASE")).collect();
    assert_eq!(phases.len(), 6);
    assert!(phases[0].title.starts_with('🟢'));
    assert!(phases[0].children[0].title.starts_with("1\u{fe0f}\u{20e3}"));
    for n in r.walk() {
        assert!(!n.title.contains("üê") && !n.title.contains("‚Ä"), "mojibake left: {}", n.title);
    }
    // Emoji-bulleted check lines are separate milestones.
    let checklist = r.children.iter().find(|n| n.title.contains("Checklist")).unwrap();
    assert_eq!(checklist.kind, NodeKind::Milestone);
    assert_eq!(checklist.children.len(), 6);
    // "1. Fundamentals (4–6 weeks)": en dash, estimate out of the title.
    let order = r.children.iter().find(|n| n.title.contains("Learning Order")).unwrap();
    let e = order.children[0].estimate.clone().unwrap();
    assert_eq!((order.children[0].title.as_str(), e.min, e.max), ("Fundamentals", 4.0, 6.0));
}

#[test]
fn seed_000_plain_text_parts_and_groups() {
    let imported = seed("000");
    assert_eq!(imported.format, Format::Plain);
    let r = &imported.roadmap;
    let parts: Vec<&str> =
        r.children.iter().filter(|n| n.title.chars().all(|c| !c.is_lowercase())).map(|n| n.title.as_str()).collect();
    assert_eq!(parts, ["BACKEND DEVELOPMENT", "MACHINE LEARNING/AI"]);
    let group = |parent: &[pyroad_model::Node], title: &str| -> Vec<String> {
        let g = parent.iter().find(|n| n.title == title).unwrap_or_else(|| panic!("no group {title}"));
        assert_eq!(g.kind, NodeKind::Section);
        g.children.iter().map(|c| c.title.clone()).collect()
    };
    assert_eq!(group(&r.children, "Basic Syntax").len(), 3);
    assert_eq!(group(&r.children, "Control Flow").len(), 3);
    let backend = &r.children.iter().find(|n| n.title == "BACKEND DEVELOPMENT").unwrap().children;
    assert_eq!(group(backend, "Flask or Django").len(), 3);
    let ml = &r.children.iter().find(|n| n.title == "MACHINE LEARNING/AI").unwrap().children;
    assert_eq!(group(ml, "Model Selection and Evaluation").len(), 3);
    // Prose stays whole: six paragraphs, each one note.
    let notes: Vec<_> = r.walk().filter(|n| n.kind == NodeKind::Note).collect();
    assert_eq!(notes.len(), 6, "{:?}", notes.iter().map(|n| n.line).collect::<Vec<_>>());
}
