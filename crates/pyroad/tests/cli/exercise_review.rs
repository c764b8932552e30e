//! Exercise checks feed the review memory model (issue 7): every `check`
//! (and each re-check of `watch`) of a built-in exercise is a review of its
//! item `<home topic>#x-<exercise>`, rated first-try pass = good, pass after
//! hints = hard, fail (or pass after revealing the solution) = again. On a
//! fixed clock, with `python3` from PATH, on SQLite and PostgreSQL.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::progress::Home;

const NOW: &str = "2026-12-01T09:00:00Z";
/// `NOW` in Unix seconds.
const NOW_SECS: i64 = 1_796_115_600;
/// Three and a half days after `NOW`.
const LATER: &str = "2026-12-04T21:00:00Z";
const LATER_SECS: i64 = NOW_SECS + 84 * 3600;

/// fsrs 6.6.2's own intervals for a new card, in days.
const AGAIN_DAYS: f64 = 0.212;
const HARD_DAYS: f64 = 1.2931;
const GOOD_DAYS: f64 = 2.3065;

const MAIN_GUARD: &str = include_str!("../../../../content/exercises/module-main-guard/solution.py");
const LEAP: &str = include_str!("../../../../content/exercises/leap-year/solution.py");
const INITIALS: &str = include_str!("../../../../content/exercises/initials/solution.py");

/// The binary with the fixed clock, the SQLite store of `home` (or the
/// PostgreSQL database `url`) and `python3` from PATH.
fn cmd(home: &Home, now: &str, url: Option<&str>) -> Command {
    let mut c = home.cmd();
    c.env("PYROAD_NOW", now).env_remove("PYROAD_PYTHON").env_remove("VIRTUAL_ENV");
    if let Some(url) = url {
        c.arg("--database-url").arg(url);
    }
    c
}

fn run(home: &Home, now: &str, url: Option<&str>, args: &[&str]) -> std::process::Output {
    cmd(home, now, url).args(args).output().expect("pyroad runs")
}

fn ok(home: &Home, now: &str, url: Option<&str>, args: &[&str]) -> String {
    let out = run(home, now, url, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(home: &Home, now: &str, url: Option<&str>, args: &[&str]) -> Value {
    let text = ok(home, now, url, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {text}"))
}

fn secs(v: &Value) -> i64 {
    let text = v.as_str().unwrap_or_else(|| panic!("a timestamp: {v}"));
    text.parse::<jiff::Timestamp>().unwrap_or_else(|e| panic!("{text}: {e}")).as_second()
}

fn solve(home: &Home, exercise: &str, file: &str, source: &str) {
    let path = home.data().join("exercises").join(exercise).join(file);
    std::fs::write(&path, source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The stored memory state of `item`, from the backup.
fn card(home: &Home, url: Option<&str>, item: &str) -> Value {
    let backup = json(home, NOW, url, &["export", "--format", "json"]);
    let cards = backup["review_cards"].as_array().cloned().unwrap_or_default();
    cards.into_iter().find(|c| c["card"] == item).unwrap_or_else(|| panic!("no review state for {item}: {backup}"))
}

/// Days from `reviewed` (Unix seconds) to the item's due date.
fn interval(home: &Home, url: Option<&str>, item: &str, reviewed: i64) -> f64 {
    (secs(&card(home, url, item)["due"]) - reviewed) as f64 / 86_400.0
}

/// (item, rating, source) of every logged review, oldest first.
fn log(home: &Home, url: Option<&str>) -> Vec<(String, String, String)> {
    let backup = json(home, NOW, url, &["export", "--format", "json"]);
    let field = |e: &Value, k: &str| e[k].as_str().unwrap_or_default().to_string();
    let entries = backup["review_log"].as_array().cloned().unwrap_or_default();
    entries.iter().map(|e| (field(e, "card"), field(e, "rating"), field(e, "source"))).collect()
}

fn entry(item: &str, rating: &str) -> (String, String, String) {
    (item.to_string(), rating.to_string(), "exercise".to_string())
}

fn assert_days(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() < 0.001, "{what}: due after {got} days, fsrs says {want}");
}

#[test]
fn a_first_try_pass_is_good_and_comes_back_as_an_exercise_to_solve_again() {
    let home = Home::new();
    let plan = home.write("plan.md", "# Mine\n\n## Basics\n\n- Modules and imports\n- Quantum gardening\n");
    ok(&home, NOW, None, &["roadmap", "add", plan.to_str().expect("utf-8 path"), "--name", "mine"]);
    ok(&home, NOW, None, &["practice", "module-main-guard"]);
    solve(&home, "module-main-guard", "wordstats.py", MAIN_GUARD);
    let text = ok(&home, NOW, None, &["check"]);
    assert!(text.contains("Review: solve module-main-guard again in 2.3 days"), "{text}");

    let item = "modules#x-module-main-guard";
    assert_eq!(log(&home, None), [entry(item, "good")]);
    assert_days(interval(&home, None, item, NOW_SECS), GOOD_DAYS, "first-try pass");

    // Passing an exercise puts its home topic's cards in the queue; the
    // exercise itself is not due yet.
    let queue = json(&home, NOW, None, &["review", "--json"]);
    let ids: Vec<&str> = queue["cards"].as_array().expect("cards").iter().filter_map(|c| c["id"].as_str()).collect();
    assert!(ids.contains(&"modules#1") && !ids.contains(&item), "{ids:?}");
    let status = json(&home, NOW, None, &["status", "--json"]);
    let modules = status["reviews"]["topics"].as_array().expect("topics").iter().find(|t| t["id"] == "modules");
    let modules = modules.unwrap_or_else(|| panic!("modules has reviews: {status}"));
    assert_eq!(modules["reviewed"], 1);
    assert!(modules["retention"].as_f64().is_some_and(|r| r > 0.99), "{modules}");

    // Three and a half days later it is due, first, as an exercise to solve
    // again; it cannot be rated by hand.
    let later = json(&home, LATER, None, &["review", "--json"]);
    let first = &later["cards"][0];
    assert_eq!((first["id"].as_str(), first["kind"].as_str()), (Some(item), Some("exercise")), "{later}");
    assert!(first["front"].as_str().is_some_and(|f| f.contains("module-main-guard")), "{first}");
    assert!(first["back"].as_str().is_some_and(|b| b.contains("pyroad practice module-main-guard")), "{first}");
    let session = cmd(&home, LATER, None).args(["review", "--limit", "1"]).write_stdin("").output().expect("runs");
    let session = String::from_utf8_lossy(&session.stdout);
    assert!(session.contains("Solve the exercise") && session.contains("0 reviewed"), "{session}");
    let out = run(&home, LATER, None, &["review", "rate", item, "good"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("is an exercise") && err.lines().count() == 1, "{err}");

    // Solving it again starts from the starter, with no hints shown; the
    // starter fails (again), a pass after a hint is hard.
    let again = ok(&home, LATER, None, &["practice", "module-main-guard"]);
    assert!(again.contains("again, from its starter"), "{again}");
    let dir = home.data().join("exercises/module-main-guard");
    assert!(dir.join("wordstats.py.bak").is_file(), "the learner's version is kept");
    let out = run(&home, LATER, None, &["check"]);
    assert_eq!(out.status.code(), Some(1), "the starter fails");
    // Asking again mid-way keeps the work in progress (and the `.bak`).
    std::fs::write(dir.join("wordstats.py"), "# work in progress\n").expect("write");
    ok(&home, LATER, None, &["practice", "module-main-guard"]);
    assert_eq!(std::fs::read_to_string(dir.join("wordstats.py")).expect("read"), "# work in progress\n");
    assert_eq!(std::fs::read_to_string(dir.join("wordstats.py.bak")).expect("read"), MAIN_GUARD);
    ok(&home, LATER, None, &["hint"]);
    // The reference solution counts as unsolved while solving it again.
    assert!(!run(&home, LATER, None, &["solution"]).status.success());
    solve(&home, "module-main-guard", "wordstats.py", MAIN_GUARD);
    ok(&home, LATER, None, &["check"]);
    assert_eq!(log(&home, None), [entry(item, "good"), entry(item, "again"), entry(item, "hard")]);
    let state = card(&home, None, item);
    assert_eq!((state["reps"].as_u64(), state["lapses"].as_u64()), (Some(3), Some(1)));
    assert!(secs(&state["due"]) > LATER_SECS, "scheduled ahead again");
    assert!(run(&home, LATER, None, &["solution"]).status.success(), "passed again: the solution is open");
}

#[test]
fn hints_give_hard_a_fail_again_and_a_revealed_solution_again() {
    let home = Home::new();
    // Hints, then a pass: hard, a shorter interval than good.
    ok(&home, NOW, None, &["practice", "leap-year"]);
    ok(&home, NOW, None, &["hint"]);
    solve(&home, "leap-year", "leap.py", LEAP);
    ok(&home, NOW, None, &["check"]);
    let leap = "booleans-and-conditions#x-leap-year";
    assert_days(interval(&home, None, leap, NOW_SECS), HARD_DAYS, "pass after a hint");

    // A failing check (`watch` checks too): again.
    ok(&home, NOW, None, &["practice", "hello-greeting"]);
    let out = run(&home, NOW, None, &["watch", "--max-checks", "1"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Review: solve hello-greeting again in"), "{out:?}");
    let hello = "syntax#x-hello-greeting";
    assert_days(interval(&home, None, hello, NOW_SECS), AGAIN_DAYS, "fail");

    // A pass after revealing the reference solution: again.
    ok(&home, NOW, None, &["practice", "initials"]);
    ok(&home, NOW, None, &["solution", "--reveal"]);
    solve(&home, "initials", "name_initials.py", INITIALS);
    ok(&home, NOW, None, &["check"]);
    let initials = "strings#x-initials";
    assert_days(interval(&home, None, initials, NOW_SECS), AGAIN_DAYS, "pass after the solution");

    assert_eq!(
        log(&home, None),
        [entry(leap, "hard"), entry(hello, "again"), entry(initials, "again")],
        "one review per check, source exercise"
    );
    // `check --json` stays Exercism's results.json, and still records.
    let out = run(&home, NOW, None, &["check", "initials", "--json"]);
    let results: Value = serde_json::from_slice(&out.stdout).expect("results.json alone on stdout");
    assert_eq!(results["status"], "pass");
    assert_eq!(log(&home, None).len(), 4);
}

#[test]
fn no_exercise_id_is_also_a_practice_topic() {
    // `pyroad practice NAME` takes an exercise id before a topic id.
    let exercises = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/exercises"));
    let mut ids = Vec::new();
    let mut topics = Vec::new();
    for entry in std::fs::read_dir(exercises).expect("the exercises folder") {
        let dir = entry.expect("an entry").path();
        let Ok(toml) = std::fs::read_to_string(dir.join("exercise.toml")) else { continue };
        ids.push(dir.file_name().expect("a name").to_string_lossy().into_owned());
        let line = toml.lines().find(|l| l.starts_with("topics")).expect("topics line");
        topics.extend(line.split('"').skip(1).step_by(2).map(str::to_string));
    }
    assert!(ids.len() >= 50, "{ids:?}");
    let clash: Vec<&String> = ids.iter().filter(|id| topics.contains(id)).collect();
    assert!(clash.is_empty(), "{clash:?}");
}

#[test]
fn exercise_reviews_are_stored_on_postgres_too() {
    let admin_url = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!("DATABASE_URL is not set: this PostgreSQL CLI test needs a server; it never skips"),
    };
    let name = format!("pyroad_cli_exercise_review_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let url = runtime.block_on(pyroad_store_postgres::admin::create_database(&admin_url, &name)).expect("database");
    let home = Home::new();
    let pg = Some(url.as_str());
    ok(&home, NOW, pg, &["practice", "module-main-guard"]);
    assert_eq!(run(&home, NOW, pg, &["check"]).status.code(), Some(1));
    solve(&home, "module-main-guard", "wordstats.py", MAIN_GUARD);
    ok(&home, NOW, pg, &["check"]);
    let item = "modules#x-module-main-guard";
    assert_eq!(log(&home, pg), [entry(item, "again"), entry(item, "good")]);
    let state = card(&home, pg, item);
    assert_eq!((state["reps"].as_u64(), state["lapses"].as_u64()), (Some(2), Some(0)));
    assert!(secs(&state["due"]) > NOW_SECS);
    runtime.block_on(pyroad_store_postgres::admin::drop_database(&admin_url, &name)).expect("drop database");
}
