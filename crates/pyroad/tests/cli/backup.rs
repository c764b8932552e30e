//! `pyroad export --format json` and `pyroad import-progress`: a backup
//! taken from SQLite restores into PostgreSQL (and back into SQLite) and
//! exports again byte for byte; bad backup files give one line and write
//! nothing. Needs DATABASE_URL (it fails, never skips, without it).

use std::path::Path;

use pyroad_store::{LearnerId, Store};
use pyroad_store_postgres::admin;
use pyroad_store_sqlite::SqliteStore;

use crate::progress::Home;

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

fn admin_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "DATABASE_URL is not set: the backup round trip needs a PostgreSQL server \
             (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test); it never skips"
        ),
    }
}

/// A store with two roadmaps, every status, notes, an archived topic, log
/// entries (one of a removed roadmap) and a setting.
fn fill(home: &Home) {
    let seed = crate::seed("001");
    home.ok(&["roadmap", "add", s(&seed), "--name", "python"]);
    let other = home.write("other.md", "# Other\n\n- [x] Alpha\n- [ ] Beta\n");
    home.ok(&["roadmap", "add", s(&other), "--name", "other"]);
    let gone = home.write("gone.md", "# Gone\n\n- [ ] Gamma\n");
    home.ok(&["roadmap", "add", s(&gone), "--name", "gone"]);
    home.ok(&["mark", "Variables and data", "done"]);
    home.ok(&["mark", "ternary", "learning"]);
    home.ok(&["mark", "Operator precedence", "skipped"]);
    home.ok(&["note", "ternary", "x if cond else y"]);
    home.ok(&["note", "ternary", "reads left to right"]);
    home.ok(&["log", "45m", "ternary", "--note", "practice", "--date", "yesterday"]);
    home.ok(&["log", "1h", "--roadmap", "gone", "gamma"]);
    home.ok(&["log", "20m"]);
    home.ok(&["mark", "beta", "learning", "--roadmap", "other"]);
    let text = std::fs::read_to_string(&seed).expect("read seed");
    let edited = text.replace("- [ ] Ternary operators\n", "");
    assert_ne!(edited, text, "the seed still lists ternary operators");
    home.ok(&["roadmap", "update", "python", s(&home.write("edited.md", &edited))]);
    home.ok(&["roadmap", "remove", "gone"]);
    home.ok(&["roadmap", "use", "other"]);
    // Settings have no command of their own yet: set one through the store.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let store = SqliteStore::open(&home.data().join("pyroad.db")).await.expect("open the CLI's database");
        store.set_setting(LearnerId::LOCAL, "daily_goal", Some("30")).await.expect("setting");
        store.close().await;
    });
}

#[test]
fn a_backup_round_trips_sqlite_to_postgres_and_back_identically() {
    let admin_url = admin_url();
    let name = format!("pyroad_backup_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let url = runtime.block_on(admin::create_database(&admin_url, &name)).expect("fresh database");

    let sqlite = Home::new();
    fill(&sqlite);
    let first = sqlite.dir.path().join("first.json");
    sqlite.ok(&["export", "--format", "json", "-o", s(&first)]);
    let first_text = std::fs::read_to_string(&first).expect("backup written");
    let backup: serde_json::Value = serde_json::from_str(&first_text).expect("backup JSON");
    assert_eq!(backup["pyroad_backup"], 2);
    assert_eq!(backup["active"], "other");
    assert_eq!(backup["settings"]["daily_goal"], "30");
    assert_eq!(backup["roadmaps"].as_array().map(Vec::len), Some(2));
    let python = &backup["roadmaps"][1];
    assert_eq!(python["name"], "python");
    assert_eq!(python["archived"][0]["topic"], "ternary-operators");
    assert_eq!(python["notes"].as_array().map(Vec::len), Some(2));
    assert_eq!(backup["log"].as_array().map(Vec::len), Some(3));
    assert!(backup["log"].as_array().is_some_and(|l| l.iter().any(|e| e["minutes"] == 60 && e["roadmap"].is_null())));

    // SQLite -> JSON -> PostgreSQL -> JSON.
    let pg = |args: &[&str]| {
        let out = sqlite.cmd().arg("--database-url").arg(&url).args(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let restored = pg(&["import-progress", s(&first)]);
    assert!(restored.starts_with("restored 2 roadmaps ("), "{restored}");
    assert!(restored.contains("3 log entries and 2 settings"), "{restored}");
    let second_text = pg(&["export", "--format", "json"]);
    assert_eq!(second_text, first_text, "PostgreSQL exports the SQLite backup byte for byte");

    // PostgreSQL -> JSON -> a new SQLite store -> JSON.
    let second = sqlite.write("second.json", &second_text);
    let again = Home::new();
    again.ok(&["import-progress", s(&second)]);
    assert_eq!(again.ok(&["export", "--format", "json"]), first_text);

    // The restored stores answer the daily commands the same way.
    for args in [
        &["status", "--json"][..],
        &["next", "-n", "4"],
        &["show", "alpha"],
        &["show", "variables", "-r", "python"],
        &["streak"],
    ] {
        let want = sqlite.ok(args);
        assert_eq!(pg(args), want, "{args:?} on PostgreSQL");
        assert_eq!(again.ok(args), want, "{args:?} on the second SQLite store");
    }
    assert!(again.ok(&["roadmap", "archived", "python"]).contains("ternary-operators"));

    runtime.block_on(admin::drop_database(&admin_url, &name)).expect("drop database");
}

#[test]
fn bad_backup_files_give_one_line_and_write_nothing() {
    let home = Home::new();
    home.ok(&["roadmap", "list"]);
    let empty = home.ok(&["export", "--format", "json"]);
    let cases = [
        ("missing.json", None, "No such file"),
        ("junk.json", Some("{ not json"), "not valid JSON"),
        ("roadmap.json", Some(r#"{"title": "A roadmap", "description": null, "children": []}"#), "not a pyroad backup"),
        ("newer.json", Some(r#"{"pyroad_backup": 99, "roadmaps": []}"#), "written by a newer pyroad"),
        ("old.json", Some(r#"{"pyroad_backup": 1, "active": null, "roadmaps": [], "log": []}"#), "export it again"),
        ("word.json", Some(r#"{"pyroad_backup": "two"}"#), "must be a version number"),
        ("fields.json", Some(r#"{"pyroad_backup": 2, "roadmaps": []}"#), "missing field"),
    ];
    for (file, text, want) in cases {
        let path = match text {
            Some(t) => home.write(file, t),
            None => home.dir.path().join(file),
        };
        let err = home.fails(&["import-progress", s(&path)]);
        assert!(err.contains(&format!("cannot import {}", path.display())) && err.contains(want), "{file}: {err}");
    }

    // A backup whose last roadmap names a topic it lacks: refused whole.
    let source = Home::new();
    fill(&source);
    let mut backup: serde_json::Value =
        serde_json::from_str(&source.ok(&["export", "--format", "json"])).expect("backup JSON");
    let good = source.write("good.json", &backup.to_string());
    backup["roadmaps"][1]["progress"][0]["topic"] = "no-such-topic".into();
    let bad = source.write("bad.json", &backup.to_string());
    let err = home.fails(&["import-progress", s(&bad)]);
    assert!(err.contains("progress on unknown topic \"no-such-topic\""), "{err}");
    assert_eq!(home.ok(&["export", "--format", "json"]), empty, "nothing written");

    // A good one restores; a second import into the now full store is refused.
    home.ok(&["import-progress", s(&good)]);
    let full = home.ok(&["export", "--format", "json"]);
    let err = home.fails(&["import-progress", s(&good)]);
    assert!(
        err.contains("the store is not empty (2 roadmaps, 3 log entries, 2 settings, 0 reviews and checks)"),
        "{err}"
    );
    assert_eq!(home.ok(&["export", "--format", "json"]), full, "a refused import changes nothing");
}
