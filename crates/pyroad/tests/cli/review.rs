//! `pyroad review`, quiz answers as reviews, and reviews in `next`,
//! `status`, `show` and the backup (issue 7), on a fixed clock.

use serde_json::Value;

use crate::progress::Home;

const NOW: &str = "2026-12-01T09:00:00Z";
/// `NOW` in Unix seconds.
const NOW_SECS: i64 = 1_796_115_600;

fn at(home: &Home, now: &str, args: &[&str]) -> std::process::Output {
    home.cmd().env("PYROAD_NOW", now).args(args).output().expect("pyroad runs")
}

fn ok(home: &Home, now: &str, args: &[&str]) -> String {
    let out = at(home, now, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(home: &Home, now: &str, args: &[&str]) -> Value {
    let text = ok(home, now, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {text}"))
}

fn secs(v: &Value) -> i64 {
    let text = v.as_str().unwrap_or_else(|| panic!("a timestamp: {v}"));
    text.parse::<jiff::Timestamp>().unwrap_or_else(|e| panic!("{text}: {e}")).as_second()
}

/// A roadmap with one item the coverage matcher maps to the `lists` topic.
fn home_with_roadmap() -> Home {
    let home = Home::new();
    let file = home.write("r.md", "# Mine\n\n## Basics\n\n- [ ] Lists\n- [ ] Quantum gardening\n");
    ok(&home, NOW, &["roadmap", "add", file.to_str().expect("utf-8 path"), "--name", "r"]);
    home
}

fn due_ids(queue: &Value) -> Vec<String> {
    queue["cards"].as_array().expect("cards").iter().map(|c| c["id"].as_str().expect("id").to_string()).collect()
}

#[test]
fn done_topics_fill_the_queue_and_good_schedules_about_2_3_days_out() {
    let home = home_with_roadmap();
    let empty = json(&home, NOW, &["review", "--json"]);
    assert_eq!(empty["due"], 0, "nothing done, nothing due: {empty}");

    ok(&home, NOW, &["mark", "lists", "done"]);
    let queue = json(&home, NOW, &["review", "--json"]);
    let ids = due_ids(&queue);
    assert!(ids.len() >= 3 && ids.iter().all(|id| id.starts_with("lists#")), "{ids:?}");
    assert_eq!(ids[0], "lists#1");
    assert!(queue["cards"][0]["new"].as_bool().expect("new flag"));
    assert!(!queue["cards"][0]["front"].as_str().expect("front").is_empty());
    assert_eq!(json(&home, NOW, &["review", "--json", "--limit", "2"])["cards"].as_array().map(Vec::len), Some(2));

    let rated = json(&home, NOW, &["review", "rate", "lists#1", "good", "--json"]);
    // fsrs 6.6.2's own figure for a new card rated Good: 2.3065 days.
    let days = (secs(&rated["due"]) - NOW_SECS) as f64 / 86_400.0;
    assert!((days - 2.3065).abs() < 0.001, "{days} days");
    assert_eq!(secs(&rated["last_review"]), NOW_SECS);
    assert_eq!(rated["reps"], 1);

    let after = due_ids(&json(&home, NOW, &["review", "--json"]));
    assert!(!after.contains(&"lists#1".to_string()), "rated card left the queue: {after:?}");
    assert_eq!(after.len(), ids.len() - 1);
    // Two days later it is not due yet; three days later it is, and first.
    assert!(!due_ids(&json(&home, "2026-12-03T09:00:00Z", &["review", "--json"])).contains(&"lists#1".into()));
    assert_eq!(due_ids(&json(&home, "2026-12-04T09:00:00Z", &["review", "--json"]))[0], "lists#1");

    // The review log is stored (and in the backup).
    let backup = json(&home, NOW, &["export", "--format", "json"]);
    let log = backup["review_log"].as_array().expect("review log in the backup");
    assert_eq!(log.len(), 1);
    assert_eq!((log[0]["card"].as_str(), log[0]["rating"].as_str()), (Some("lists#1"), Some("good")));
    assert_eq!(log[0]["source"], "review");
    assert_eq!(backup["review_cards"][0]["card"], "lists#1");
}

#[test]
fn the_interactive_session_asks_shows_and_stores_ratings() {
    let home = home_with_roadmap();
    ok(&home, NOW, &["mark", "lists", "done"]);
    // Card 1: Enter, then "again"; card 2: Enter, a typo, then 4; then stop.
    let out = home
        .cmd()
        .env("PYROAD_NOW", NOW)
        .args(["review", "--topic", "lists"])
        .write_stdin("\nagain\n\nmaybe\n4\n\nq\n")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("\"maybe\" is not a rating"), "{stdout}");
    assert!(stdout.contains("again: next in") && stdout.contains("easy: next in"), "{stdout}");
    assert!(stdout.trim_end().ends_with("2 reviewed"), "{stdout}");
    let backup = json(&home, NOW, &["export", "--format", "json"]);
    let ratings: Vec<&str> =
        backup["review_log"].as_array().expect("log").iter().filter_map(|e| e["rating"].as_str()).collect();
    assert_eq!(ratings, ["again", "easy"]);
}

#[test]
fn quiz_answers_are_logged_as_reviews() {
    let home = Home::new();
    let right = "[20, 30] [10, 30, 50] [40, 50]\n[10, 99, 40, 50]\n\n";
    let out = home
        .cmd()
        .env("PYROAD_NOW", NOW)
        .args(["quiz", "lists", "--count", "1"])
        .write_stdin(right)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Right."));
    home.cmd().env("PYROAD_NOW", NOW).args(["quiz", "lists", "--count", "1"]).write_stdin("no\n\n").assert().success();
    let backup = json(&home, NOW, &["export", "--format", "json"]);
    let log = backup["review_log"].as_array().expect("log");
    let seen: Vec<(&str, &str, &str)> = log
        .iter()
        .map(|e| {
            (e["card"].as_str().unwrap_or(""), e["rating"].as_str().unwrap_or(""), e["source"].as_str().unwrap_or(""))
        })
        .collect();
    assert_eq!(seen, [("lists#q1", "good", "quiz"), ("lists#q1", "again", "quiz")]);
    let card = &backup["review_cards"][0];
    assert_eq!((card["reps"].as_u64(), card["lapses"].as_u64()), (Some(2), Some(1)));
}

#[test]
fn next_status_and_show_put_reviews_first_and_show_recall() {
    let home = home_with_roadmap();
    ok(&home, NOW, &["mark", "lists", "done"]);
    let next = ok(&home, NOW, &["next"]);
    let first = next.lines().next().unwrap_or_default();
    assert!(first.starts_with("review: ") && first.contains("lists#1"), "{next}");
    assert!(next.contains("quantum-gardening"), "{next}");
    let items = json(&home, NOW, &["next", "--json"]);
    assert_eq!(items[0]["kind"], "review");
    assert_eq!(items[0]["id"], "lists#1");

    ok(&home, NOW, &["review", "rate", "lists#1", "good"]);
    let status = json(&home, NOW, &["status", "--json"]);
    let topic = &status["reviews"]["topics"][0];
    assert_eq!((topic["id"].as_str(), topic["reviewed"].as_u64()), (Some("lists"), Some(1)));
    // Just reviewed: recall is near certain.
    assert!(topic["retention"].as_f64().is_some_and(|r| r > 0.99), "{topic}");
    // A month later it has faded.
    let later = json(&home, "2027-01-01T09:00:00Z", &["status", "--json"]);
    let faded = later["reviews"]["topics"][0]["retention"].as_f64().expect("retention");
    assert!(faded < 0.8, "{faded}");
    let text = ok(&home, NOW, &["status"]);
    assert!(text.contains("reviews due · recall 100%"), "{text}");

    let show = ok(&home, NOW, &["show", "lists"]);
    assert!(show.contains("recall:   lists 100%"), "{show}");
    let show = json(&home, NOW, &["show", "lists", "--json"]);
    assert_eq!(show["review"][0]["id"], "lists");
}

#[test]
fn bad_review_input_gives_one_clear_line() {
    let home = home_with_roadmap();
    for (args, says) in [
        (vec!["review", "rate", "lists#99", "good"], "no review card \"lists#99\""),
        (vec!["review", "rate", "lists#1", "great"], "\"great\" is not a rating"),
        (vec!["review", "--topic", "no-such-topic"], "no curriculum topic `no-such-topic`"),
    ] {
        let out = at(&home, NOW, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr.contains(says) && stderr.lines().count() == 1, "{args:?}: {stderr}");
    }
    let out = at(&home, "tomorrow", &["review"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("PYROAD_NOW"));
}

#[test]
fn reviews_are_stored_on_postgres_too() {
    let admin_url = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!("DATABASE_URL is not set: this PostgreSQL CLI test needs a server; it never skips"),
    };
    let name = format!("pyroad_cli_review_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let url = runtime.block_on(pyroad_store_postgres::admin::create_database(&admin_url, &name)).expect("database");
    let home = Home::new();
    let file = home.write("r.md", "# Mine\n\n- [x] Lists\n");
    let pg = |now: &str, args: &[&str]| {
        let out = home.cmd().env("PYROAD_NOW", now).arg("--database-url").arg(&url).args(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    pg(NOW, &["roadmap", "add", file.to_str().expect("utf-8 path"), "--name", "r"]);
    let queue: Value = serde_json::from_str(&pg(NOW, &["review", "--json"])).expect("JSON");
    assert_eq!(queue["cards"][0]["id"], "lists#1", "a checked item is done, so its cards are due");
    let rated: Value = serde_json::from_str(&pg(NOW, &["review", "rate", "lists#1", "3", "--json"])).expect("JSON");
    let days = (secs(&rated["due"]) - NOW_SECS) as f64 / 86_400.0;
    assert!((days - 2.3065).abs() < 0.001, "{days} days");
    let backup: Value = serde_json::from_str(&pg(NOW, &["export", "--format", "json"])).expect("JSON");
    assert_eq!(backup["review_log"][0]["rating"], "good");
    runtime.block_on(pyroad_store_postgres::admin::drop_database(&admin_url, &name)).expect("drop database");
}

#[test]
fn studied_topics_follow_progress_changes() {
    let home = Home::new();
    let file = home.write("r.md", "# Mine\n\n- [ ] Lists\n- [ ] Sets\n");
    ok(&home, NOW, &["roadmap", "add", file.to_str().expect("utf-8 path"), "--name", "r"]);
    let topics = |home: &Home| -> Vec<String> {
        let status = json(home, NOW, &["status", "--json"]);
        let list = status["reviews"]["topics"].as_array().cloned().unwrap_or_default();
        list.iter().filter_map(|t| t["id"].as_str().map(str::to_string)).collect()
    };
    ok(&home, NOW, &["mark", "lists", "done"]);
    assert_eq!(topics(&home), ["lists"]);
    // The studied topics are cached between commands; a change must show.
    ok(&home, NOW, &["mark", "sets", "done"]);
    let both = topics(&home);
    assert!(both.contains(&"lists".to_string()) && both.contains(&"sets".to_string()), "{both:?}");
    ok(&home, NOW, &["mark", "lists", "todo"]);
    assert_eq!(topics(&home), ["sets"]);
    assert_eq!(topics(&home), ["sets"], "the cached answer is the same");
}
