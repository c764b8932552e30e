//! One small document per importer rule, snapshotted whole so a reviewer
//! reads the tree, plus the assertions that matter most.

use pyroad_import::{Format, Options, import};
use pyroad_model::NodeKind;

use crate::common::{assert_clean_titles, lost_words, md, render};

/// (name, document): every rule of ARCHITECTURE.md "Import rules".
const CASES: &[(&str, &str)] = &[
    (
        "atx_headings",
        "# Title\n\n## 1. First ##\n\n#### Skipped to four\n\n- a\n\n## Phase 2: Second\n\n### 🚀 Deploy\n\n- b\n",
    ),
    ("setext_headings", "Title\n=====\n\nPart one\n--------\n\n- a\n- b\n\nPart two\n--------\n"),
    (
        "nested_lists",
        "# T\n\n- one\n  - two\n    - three\n* star\n+ plus\n\n1. first\n2) other\n\n- tab\n\t- child\n- three spaces\n   - child\n",
    ),
    ("lazy_continuation", "# T\n\n- a long item that\nwraps without indentation\n- next\n"),
    ("numbered_outline", "# T\n\n1. Intro\n1.1 Basics\n1.1.1 Detail\n1.2 More\n2. Second\n2.1 Sub\n"),
    ("outline_paragraph", "# T\n\n## Plan\n\n1.1 Setup\n1.2 Tools\n1.2.1 Editor\n2.1 Deploy\n"),
    (
        "task_lists",
        "# T\n\n- [ ] todo\n- [x] done\n- [X] also done\n- plain\n- [x] parent\n  - [ ] child\n  - child without box\n",
    ),
    (
        "bold_and_links",
        "# T\n\n**Networking basics**\n- TCP\n- UDP\n\n- **Pandas** - data frames\n- **NumPy**: arrays\n- **Goal:** learn\n- [Book](https://example.org/b) - a good one\n- [Site](https://example.org/s)\n- \\_\\_escaped\\_\\_ and `code` &amp; &lt;T&gt;\n- __init__ method\n",
    ),
    (
        "durations",
        "# T\n\n## Phase 1: Basics (4-6 weeks)\n\nSuggested time: 2-3 weeks, about 5 hours per week.\n\n- Closures (2h)\n- Setup (30min)\n- Practice ~3 days\n- Project (1 week)\n- Read chapters 1–6\n- Study at least 30-60 minutes every day\n\n## Phase 2 — 2–3 weeks\n\n- x\n\n## Phase 3 (~3 weeks)\n\n- 15-20 hours/week\n- y\n",
    ),
    (
        "tables",
        "# T\n\n## Phase 1: Basics\n\n- a\n\n## Timeline\n\n| Phase | Duration | Weekly Hours |\n|:------|:--------:|-------------:|\n| Phase 1 | 4-6 weeks | 15-20 hours |\n\n## Schedule\n\n| Week | Topic | Hours |\n|---|---|---|\n| 1 | Syntax | 6 |\n| 2-3 | Functions | 8 |\n\n| Tool | Use |\n|---|---|\n| git | history |\n",
    ),
    (
        "special_blocks",
        "# T\n\n## Project Ideas\n\n- Todo app\n\n## Resources\n\n### Books\n\n- A book\n\n## Milestones\n\n- [ ] Can do X\n\n## Tips\n\n- Practise daily\n\n## Learning Paths\n\n**Path 1: Fast (2-3 months)**\n- 30 hours/week\n- Skim\n",
    ),
    (
        "never_topics",
        "[![build](https://img.shields.io/x.svg)](https://ci)\n\n# T\n\n- [One](#one)\n- [Two](#two)\n\n<!--\n- not a topic\n-->\n\n## One\n\n- real\n  ```python\n  print(1)\n  ```\n\n---\n\n* * *\n\n```\ntop-level code\n```\n\n## Two\n\n<details><summary>More</summary>\n\n- hidden but real\n\n</details>\n",
    ),
    (
        "structure_edges",
        "- before any heading\n\n# T\n\n## Empty\n\n## Dup\n\n- same\n- same\n\n## Dup\n\n- same\n\nSome prose that\nwraps over lines.\n",
    ),
    ("symbol_bullets", "# T\n\n## Checklist\n\n✅ Can deploy\n✅ Can test\n"),
];

#[test]
fn every_rule_snapshot() {
    for (name, doc) in CASES {
        let imported = import(doc.as_bytes(), &Options::default());
        insta::assert_snapshot!(format!("rule_{name}"), render(&imported.roadmap, true));
        assert_clean_titles(&imported.roadmap, name);
        let lost = lost_words(&imported);
        assert!(lost.is_empty(), "{name}: lost {lost:?}");
    }
}

#[test]
fn checkbox_state_is_exactly_as_written() {
    let r = md(CASES[6].1);
    let states: Vec<(String, Option<bool>)> = r.walk().map(|n| (n.title.clone(), n.checked)).collect();
    assert_eq!(
        states,
        [
            ("todo".into(), Some(false)),
            ("done".into(), Some(true)),
            ("also done".into(), Some(true)),
            ("plain".into(), None),
            ("parent".into(), Some(true)),
            ("child".into(), Some(false)),
            ("child without box".into(), None),
        ]
    );
}

#[test]
fn bullet_change_makes_siblings_not_sections() {
    let r = md(CASES[2].1);
    let titles: Vec<&str> = r.children.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["one", "star", "plus", "first", "other", "tab", "three spaces"]);
    assert!(r.children.iter().all(|n| n.kind == NodeKind::Topic));
    assert_eq!(r.children[0].children[0].children[0].title, "three");
}

#[test]
fn lazy_lines_join_into_one_item() {
    let r = md(CASES[3].1);
    assert_eq!(r.children[0].title, "a long item that wraps without indentation");
    assert_eq!(r.children.len(), 2);
}

#[test]
fn outlines_nest_by_number_of_components() {
    let r = md(CASES[4].1);
    let intro = &r.children[0];
    assert_eq!(intro.title, "Intro");
    assert_eq!(intro.children[0].title, "1.1 Basics");
    assert_eq!(intro.children[0].children[0].title, "1.1.1 Detail");
    assert_eq!(intro.children[1].title, "1.2 More");
}

#[test]
fn estimates_leave_titles_and_non_estimates_stay() {
    let r = md(CASES[8].1);
    let phase1 = &r.children[0];
    assert_eq!(phase1.title, "Phase 1: Basics");
    let d = phase1.duration.clone().unwrap();
    assert_eq!((d.min_weeks, d.max_weeks), (4.0, 6.0));
    // The "Suggested time" statement adds the weekly hours to the section.
    assert_eq!((d.hours_per_week_min, d.hours_per_week_max), (Some(5.0), Some(5.0)));
    let items: Vec<(&str, Option<f64>)> = phase1
        .children
        .iter()
        .filter(|n| n.kind == NodeKind::Topic)
        .map(|n| (n.title.as_str(), n.estimate.as_ref().map(|e| e.max)))
        .collect();
    assert_eq!(
        items,
        [
            ("Closures", Some(2.0)),
            ("Setup", Some(0.5)),
            ("Practice", Some(3.0)),
            ("Project", Some(1.0)),
            ("Read chapters 1–6", None),
            ("Study at least 30-60 minutes every day", None),
        ]
    );
    assert_eq!(r.children[1].title, "Phase 2");
    assert_eq!(r.children[2].duration.clone().unwrap().hours_per_week_max, Some(20.0));
}

#[test]
fn tables_give_phases_durations_and_week_rows() {
    let r = md(CASES[9].1);
    let phase = &r.children[0];
    let d = phase.duration.clone().unwrap();
    assert_eq!((d.min_weeks, d.max_weeks, d.hours_per_week_max), (4.0, 6.0, Some(20.0)));
    let schedule = &r.children[2];
    assert_eq!(schedule.children[1].weeks, Some([2, 3]));
    assert_eq!(schedule.children[1].hours, Some(8.0));
    assert_eq!(schedule.children[2].title, "git");
    assert_eq!(schedule.children[2].description.as_deref(), Some("history"));
}

#[test]
fn never_topics_are_dropped_but_code_is_kept() {
    let r = md(CASES[11].1);
    let titles: Vec<&str> = r.walk().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["One", "real", "Two", "hidden but real"]);
    let real = &r.children[0].children[0];
    assert_eq!(real.code.as_deref(), Some("print(1)\n\ntop-level code"));
}

#[test]
fn format_comes_from_content() {
    let plain = "My plan\n\nBASICS\n\nSetup:\nInstall things\nRun things\n";
    let imported = import(plain.as_bytes(), &Options::default());
    assert_eq!(imported.format, Format::Plain);
    assert_eq!(imported.roadmap.title, "My plan");
    let part = &imported.roadmap.children[0];
    assert_eq!((part.title.as_str(), part.children[0].title.as_str()), ("BASICS", "Setup"));
    assert_eq!(part.children[0].children.len(), 2);
    let crlf = plain.replace('\n', "\r\n");
    assert_eq!(import(crlf.as_bytes(), &Options::default()).roadmap, imported.roadmap);
}

#[test]
fn invalid_utf8_is_a_warning_not_a_panic() {
    let imported = import(b"# Caf\xe9\n\n- \xff item\n", &Options::default());
    assert!(imported.roadmap.title.starts_with("Caf"));
    assert!(!imported.warnings.is_empty());
}
