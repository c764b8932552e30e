//! Built-in material on an imported roadmap (issue 7): after `roadmap add`
//! of seed 001, its items get the curriculum's lessons (`learn ITEM`),
//! exercises (`practice ITEM`) and review cards (`show ITEM`), through the
//! coverage matcher. Node ids are read from the seed at run time.

use serde_json::Value;

use crate::progress::Home;
use crate::seed;

fn json(home: &Home, args: &[&str]) -> Value {
    let text = home.ok(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {text}"))
}

/// Ids of the seed's topic nodes, in document order.
fn topic_ids(node: &Value, out: &mut Vec<String>) {
    for child in node["children"].as_array().into_iter().flatten() {
        if child["kind"] == "topic"
            && let Some(id) = child["id"].as_str()
        {
            out.push(id.to_string());
        }
        topic_ids(child, out);
    }
}

/// "… for 1029 of 1063 items, exercises for 108 …" -> (1029, 1063, 108).
fn counts(line: &str) -> (usize, usize, usize) {
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().unwrap_or_else(|e| panic!("{w}: {e}")))
        .collect();
    assert_eq!(numbers.len(), 3, "{line}");
    (numbers[0], numbers[1], numbers[2])
}

#[test]
fn an_imported_seed_gets_lessons_exercises_and_cards_on_its_items() {
    let home = Home::new();
    let seed = seed("001");
    let path = seed.to_str().expect("utf-8 path");
    let added = home.ok(&["roadmap", "add", path, "--name", "s1"]);
    let line = added.lines().find(|l| l.starts_with("built-in lessons and review cards for")).unwrap_or_else(|| {
        panic!("roadmap add says what it attached: {added}");
    });
    let (taught, items, practised) = counts(line);
    // The coverage report's own total, and the share it matches.
    let coverage = json(&home, &["roadmap", "coverage", path, "--json"]);
    let total = coverage["total"].as_u64().expect("total") as usize;
    assert!(items.abs_diff(total) <= 2, "{items} items, coverage counts {total}");
    assert!(taught * 100 >= items * 95, "{taught} of {items} items taught");
    assert!(practised > 0 && practised < taught, "{practised} practised of {taught}");

    // The first topic of the seed that is not itself a curriculum topic and
    // has built-in exercises: `show`, `learn` and `practice` all work on it.
    let mut ids = Vec::new();
    topic_ids(&json(&home, &["roadmap", "parse", "--json", path]), &mut ids);
    let found = ids.iter().take(60).find_map(|id| {
        let show = json(&home, &["show", id, "--json"]);
        let builtin = show["builtin"].as_array().cloned().unwrap_or_default();
        let practised = builtin.iter().any(|m| m["exercises"].as_array().is_some_and(|e| !e.is_empty()));
        let direct = builtin.iter().any(|m| m["id"] == id.as_str());
        (practised && !direct).then(|| (id.clone(), builtin))
    });
    let (id, builtin) = found.unwrap_or_else(|| panic!("no practised topic among the first 60 of {}", ids.len()));
    let topics: Vec<&str> = builtin.iter().filter_map(|m| m["id"].as_str()).collect();
    assert!(builtin.iter().all(|m| m["cards"].as_u64().is_some_and(|c| c >= 3)), "{builtin:?}");

    let text = home.ok(&["show", &id]);
    assert!(text.contains("built-in: ") && text.contains(&format!("`pyroad practice {id}`")), "{text}");

    let lesson = home.ok(&["learn", &id, "--no-pager"]);
    assert!(lesson.lines().next().is_some_and(|l| l.contains("is taught by:")), "{lesson}");
    for topic in &topics {
        assert!(lesson.contains(&format!("({topic})")), "{topic} in {lesson}");
    }

    let started = home.ok(&["practice", &id]);
    let exercise = started
        .strip_prefix("Exercise ")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("practice starts an exercise: {started}"));
    let offered: Vec<&str> = builtin
        .iter()
        .flat_map(|m| m["exercises"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    assert!(offered.contains(&exercise), "{exercise} is one of {offered:?}");
    assert!(home.data().join("exercises").join(exercise).is_dir());

    // Marked done, its topics' cards enter the review queue.
    home.ok(&["mark", &id, "done"]);
    let queue = json(&home, &["review", "--json", "--limit", "100"]);
    let due: Vec<&str> = queue["cards"].as_array().expect("cards").iter().filter_map(|c| c["topic"].as_str()).collect();
    assert!(topics.iter().all(|t| due.contains(t)), "{topics:?} in {due:?}");
}

#[test]
fn items_the_curriculum_does_not_teach_say_so_in_one_line() {
    let home = Home::new();
    let plan = home.write("plan.md", "# Mine\n\n## Garden\n\n- Quantum gardening\n- Lists\n");
    home.ok(&["roadmap", "add", plan.to_str().expect("utf-8 path"), "--name", "mine"]);
    let err = home.fails(&["learn", "quantum-gardening"]);
    assert!(err.contains("no lesson for \"Quantum gardening\""), "{err}");
    let err = home.fails(&["practice", "quantum-gardening"]);
    assert!(err.contains("no exercises for \"Quantum gardening\""), "{err}");
    let show = json(&home, &["show", "quantum-gardening", "--json"]);
    assert_eq!(show["builtin"], serde_json::json!([]));
    // `roadmap update` says it too, for the new version.
    let edited = home.write("plan2.md", "# Mine\n\n## Garden\n\n- Quantum gardening\n- Lists\n- Dictionaries\n");
    let updated = home.ok(&["roadmap", "update", "mine", edited.to_str().expect("utf-8 path")]);
    let line = updated.lines().find(|l| l.starts_with("built-in lessons")).unwrap_or_else(|| panic!("{updated}"));
    let (taught, items, practised) = counts(line);
    assert_eq!(items, 4, "the section and three items: {line}");
    assert!((2..=3).contains(&taught) && practised == 2, "lists and dicts have exercises: {line}");
    // Without a store, an unknown topic is refused without creating one.
    let bare = Home::new();
    let err = bare.fails(&["learn", "quantum-gardening"]);
    assert!(err.contains("no topic `quantum-gardening`"), "{err}");
    assert!(!bare.data().join("pyroad.db").exists(), "learn created a store");
}
