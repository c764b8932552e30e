//! Export to markdown, import again: the same tree (titles, kinds, states,
//! estimates, durations, structure). Line numbers differ by nature.

use proptest::prelude::*;
use pyroad_import::{Options, export, import};
use pyroad_model::{Duration, Node, NodeKind, Roadmap, time};

use crate::common::{SEEDS, seed};
use crate::fixtures::{fixture_paths, load};

fn without_lines(mut r: Roadmap) -> Roadmap {
    fn strip(nodes: &mut [Node]) {
        for n in nodes {
            n.line = 0;
            strip(&mut n.children);
        }
    }
    strip(&mut r.children);
    r
}

fn reimport(r: &Roadmap) -> (String, Roadmap) {
    let text = export::to_markdown(r);
    let again = import(text.as_bytes(), &Options::default()).roadmap;
    (text, again)
}

fn assert_same(original: &Roadmap, name: &str) {
    let (text, again) = reimport(original);
    let (a, b) = (without_lines(original.clone()), without_lines(again));
    if a != b {
        let first = a.walk().zip(b.walk()).find(|(x, y)| {
            let (mut x, mut y) = ((*x).clone(), (*y).clone());
            x.children.clear();
            y.children.clear();
            x != y
        });
        panic!(
            "{name}: export does not re-import to the same tree\nfirst difference: {first:#?}\n--- exported ---\n{}",
            text.lines().take(80).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn seeds_round_trip() {
    for prefix in SEEDS {
        assert_same(&seed(prefix).roadmap, prefix);
    }
}

#[test]
fn fixtures_round_trip() {
    for path in fixture_paths() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_same(&load(&name).roadmap, &name);
    }
}

#[test]
fn json_round_trips_through_serde() {
    let r = seed("001").roadmap;
    let json = export::to_json(&r);
    let back: Roadmap = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &value["children"][0];
    for field in [
        "id",
        "kind",
        "title",
        "checked",
        "estimate",
        "duration",
        "weeks",
        "hours",
        "url",
        "description",
        "code",
        "line",
        "children",
    ] {
        assert!(first.get(field).is_some(), "node field {field} missing from the JSON contract");
    }
}

// Generated trees: every shape the markdown form can express.

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,10}",
        Just("C#".to_string()),
        Just("a*b".to_string()),
        Just("snake_case".to_string()),
        Just("[x]".to_string()),
        Just("<T>".to_string()),
        Just("R&D".to_string()),
        Just("Über".to_string()),
        Just("日本語".to_string()),
        Just("`code`".to_string()),
        Just("100%".to_string()),
    ]
}

fn title() -> impl Strategy<Value = String> {
    (("[A-Z][a-z]{1,8}"), prop::collection::vec(word(), 0..4))
        .prop_map(|(first, rest)| {
            let mut t = first;
            for w in rest {
                t.push(' ');
                t.push_str(&w);
            }
            t
        })
        // A heading named "Tips" or "Resources" *is* a special block by the
        // import rules; plain titles are those the importer reads as sections.
        .prop_filter("title names a special block", |t| {
            let doc = format!("# R\n\n## {}\n", export::escape(t));
            import(doc.as_bytes(), &Options::default())
                .roadmap
                .children
                .first()
                .is_some_and(|n| n.kind == NodeKind::Section)
        })
}

fn estimate() -> impl Strategy<Value = Option<pyroad_model::Estimate>> {
    prop_oneof![
        2 => Just(None),
        1 => (1u32..40, 0u32..5, prop::sample::select(vec!["h", " hours", " days", " weeks", "min"])).prop_map(|(a, span, unit)| {
            let raw = if span == 0 { format!("{a}{unit}") } else { format!("{a}-{}{unit}", a + span) };
            time::parse_length(&raw)
        }),
    ]
}

fn duration() -> impl Strategy<Value = Option<Duration>> {
    prop_oneof![
        1 => Just(None),
        1 => (1u32..20, 0u32..6, prop::option::of((5u32..30, 0u32..10))).prop_map(|(w, span, hours)| Some(Duration {
            min_weeks: f64::from(w),
            max_weeks: f64::from(w + span),
            hours_per_week_min: hours.map(|(h, _)| f64::from(h)),
            hours_per_week_max: hours.map(|(h, s)| f64::from(h + s)),
        })),
    ]
}

fn topic(kind: NodeKind) -> impl Strategy<Value = Node> {
    let leaf = (
        title(),
        prop::option::of(any::<bool>()),
        estimate(),
        prop::option::of("[a-z]{1,8}"),
        prop::option::of(title()),
    )
        .prop_map(move |(t, checked, estimate, url, description)| {
            let mut n = Node::new(kind, t, 0);
            n.checked = checked;
            n.estimate = estimate;
            n.url = url.map(|u| format!("https://example.org/{u}"));
            n.description = description;
            n
        });
    leaf.prop_recursive(3, 24, 4, move |inner| {
        (inner.clone(), prop::collection::vec(inner, 1..4)).prop_map(|(mut parent, children)| {
            parent.children = children;
            parent
        })
    })
}

fn section() -> impl Strategy<Value = Node> {
    let plain =
        (title(), duration(), prop::collection::vec(topic(NodeKind::Topic), 0..5)).prop_map(|(t, d, children)| {
            let mut n = Node::new(NodeKind::Section, t, 0);
            n.duration = d;
            n.children = children;
            n
        });
    let special = prop::sample::select(vec![
        ("Project Ideas", NodeKind::Project),
        ("Resources", NodeKind::Resource),
        ("Milestones", NodeKind::Milestone),
        ("Tips", NodeKind::Tip),
        ("Learning Paths", NodeKind::Path),
    ])
    .prop_flat_map(|(t, kind)| {
        prop::collection::vec(topic(kind), 0..4).prop_map(move |children| {
            let mut n = Node::new(kind, t, 0);
            n.children = children;
            n
        })
    });
    let block = prop_oneof![3 => plain, 1 => special];
    block.prop_recursive(2, 12, 3, |inner| {
        (title(), prop::collection::vec(topic(NodeKind::Topic), 0..3), prop::collection::vec(inner, 1..3)).prop_map(
            |(t, topics, sections)| {
                let mut n = Node::new(NodeKind::Section, t, 0);
                n.children = topics;
                // A special block nested under a section keeps its own kind.
                n.children.extend(sections);
                n
            },
        )
    })
}

fn roadmap() -> impl Strategy<Value = Roadmap> {
    (
        title(),
        prop::option::of(title()),
        prop::collection::vec(topic(NodeKind::Topic), 0..3),
        prop::collection::vec(section(), 0..5),
    )
        .prop_map(|(t, description, topics, sections)| {
            let mut r = Roadmap::new(t);
            r.description = description;
            r.children = topics;
            r.children.extend(sections);
            pyroad_model::ids::assign(&mut r);
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn generated_trees_round_trip(r in roadmap()) {
        let (text, again) = reimport(&r);
        prop_assert_eq!(without_lines(again), without_lines(r), "exported:\n{}", text);
    }
}
