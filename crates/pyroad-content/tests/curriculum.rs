//! The embedded curriculum is sound: it parses, every topic is complete,
//! ids are unique, prerequisites form a DAG, and the totals reach the
//! product's targets.

use pyroad_content::{Curriculum, TRACKS};

fn builtin() -> Curriculum {
    match Curriculum::builtin() {
        Ok(c) => c,
        Err(e) => panic!("the embedded curriculum does not parse: {e}"),
    }
}

#[test]
fn every_topic_is_complete_and_ids_are_unique() {
    let problems = builtin().validate();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn prerequisites_form_a_dag_in_teaching_order() {
    let c = builtin();
    let order = match c.prerequisite_order() {
        Ok(order) => order,
        Err(cycle) => panic!("prerequisite cycle: {}", cycle.join(" -> ")),
    };
    assert_eq!(order.len(), c.topics.len());
    let position = |id: &str| order.iter().position(|x| *x == id);
    for t in &c.topics {
        for p in &t.prerequisites {
            assert!(position(p) < position(&t.id), "{} is ordered before its prerequisite {p}", t.id);
        }
    }
}

#[test]
fn a_cycle_is_reported_with_its_path() {
    let topic = |id: &str, pre: &str| {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"{id}\"\ntrack = \"fundamentals\"\norder = 1\nsummary = \"s\"\nestimate_hours = 1\nprerequisites = [\"{pre}\"]\n+++\n"
        )
    };
    let c = Curriculum::from_files(vec![
        ("fundamentals/a.md".into(), topic("a", "b")),
        ("fundamentals/b.md".into(), topic("b", "c")),
        ("fundamentals/c.md".into(), topic("c", "a")),
    ])
    .expect("the files parse");
    let cycle = c.prerequisite_order().expect_err("a -> b -> c -> a is a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
    assert!(c.validate().iter().any(|p| p.contains("cycle")));
}

/// Issue 7 asks for at least 150 topics, 450 cards and 100 questions.
const TOPICS_LANDED: usize = 150;

#[test]
fn totals_reach_the_targets() {
    let stats = builtin().stats();
    assert!(stats.topics >= TOPICS_LANDED, "{} topics (target 150)", stats.topics);
    assert!(stats.cards >= 450, "{} cards", stats.cards);
    assert!(stats.questions >= 100, "{} questions", stats.questions);
    for track in TRACKS {
        assert!(stats.tracks.get(track).copied().unwrap_or(0) > 0, "track {track} is empty");
    }
}

#[test]
fn lookup_by_id_title_and_alias() {
    let c = builtin();
    assert_eq!(c.find("lists").map(|t| t.id.as_str()), Some("lists"));
    assert_eq!(c.find("Python Lists").map(|t| t.id.as_str()), Some("lists"));
    assert!(c.find("no such topic at all").is_none());
}
