//! The daily loop through the real binary, over a temporary data directory:
//! add, mark, note, log, status, next, show, export, update; and every kind
//! of bad input giving one clear line and a non-zero exit.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary data directory and a command builder that uses it (and never
/// a DATABASE_URL from the environment).
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("pyroad").expect("binary built");
        c.env_remove("DATABASE_URL").env("PYROAD_DATA_DIR", self.data()).env("NO_COLOR", "1");
        c
    }

    /// Runs and returns stdout; panics with stderr on failure.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "pyroad {args:?} failed: {stderr}");
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// Runs, expects failure, returns the one-line error.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "pyroad {args:?} should fail");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("warning:")).collect();
        assert_eq!(lines.len(), 1, "one error line for {args:?}: {stderr}");
        assert!(lines[0].starts_with("error: "), "{stderr}");
        lines[0].to_string()
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).expect("write file");
        p
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn daily_loop_on_seed_001() {
    let home = Home::new();
    let seed = crate::seed("001");
    let added = home.ok(&["roadmap", "add", s(&seed), "--name", "python"]);
    assert!(added.contains("added python") && added.contains("active"), "{added}");
    assert!(home.ok(&["roadmap", "list"]).starts_with("* python"));

    let marked = home.ok(&["mark", "Variables and data", "done"]);
    assert!(marked.contains("done: Variables and data types"), "{marked}");
    let learning = home.ok(&["mark", "ternary", "learning"]);
    assert!(learning.contains("learning: Ternary operators"), "{learning}");
    home.ok(&["note", "ternary", "x if cond else y"]);
    let logged = home.ok(&["log", "45m", "ternary", "--note", "practice"]);
    assert!(logged.starts_with("logged 45m on ternary-operators"), "{logged}");

    let status = home.ok(&[]);
    assert!(status.contains("Phase 1: Python Fundamentals"), "{status}");
    assert!(status.contains("now: Ternary operators"), "{status}");
    assert!(status.contains("this week 45m") && status.contains("streak 1 day"), "{status}");
    assert!(!status.contains('\x1b'), "no colours when stdout is not a terminal");
    assert_eq!(status, home.ok(&["status"]), "no command means status");

    let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("status JSON");
    assert_eq!(json["total"]["done"], 1);
    assert_eq!(json["total"]["learning"], 1);
    assert_eq!(json["week_minutes"], 45);

    let next = home.ok(&["next", "-n", "3"]);
    // A done topic's cards are due for review (issue 7): that line comes first.
    assert!(next.starts_with("review: "), "due reviews first: {next}");
    let topics: Vec<&str> = next.lines().skip(1).collect();
    assert_eq!(topics.len(), 3);
    assert!(topics[0].contains("ternary-operators"), "learning first: {next}");

    let show = home.ok(&["show", "ternary-operators"]);
    assert!(show.contains("status:   learning") && show.contains("x if cond else y"), "{show}");

    let md = home.ok(&["export", "--format", "markdown"]);
    assert!(md.contains("[x] Variables and data types"), "{md}");
    let ternary = md.lines().find(|l| l.contains("Ternary operators")).expect("ternary line");
    assert!(ternary.starts_with("- [ ]") && ternary.contains("Note: x if cond else y"), "{ternary}");
    let backup: serde_json::Value =
        serde_json::from_str(&home.ok(&["export", "--format", "json"])).expect("backup JSON");
    assert_eq!(backup["roadmaps"][0]["name"], "python");
    assert_eq!(backup["log"][0]["minutes"], 45);

    // An edited copy: one topic gone, one new. Progress stays by id.
    let text = std::fs::read_to_string(&seed).expect("read seed");
    let edited = text
        .replace("- [ ] Ternary operators\n", "")
        .replace("- [ ] Operator precedence\n", "- [ ] Operator precedence\n- [ ] Walrus operator\n");
    let copy = home.write("edited.md", &edited);
    let update = home.ok(&["roadmap", "update", "python", s(&copy)]);
    assert!(update.contains("1 new, 1 gone"), "{update}");
    assert!(update.contains("gone: Ternary operators (ternary-operators), progress 'learning' archived"), "{update}");
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("status JSON");
    assert_eq!(json["total"]["done"], 1, "variables stays done");
    assert!(home.ok(&["roadmap", "archived"]).contains("ternary-operators"));
    let restored = home.ok(&["roadmap", "restore", "ternary-operators", "--into", "walrus"]);
    assert!(restored.contains("onto walrus-operator: learning"), "{restored}");
    assert!(home.ok(&["show", "walrus"]).contains("status:   learning"));

    assert!(home.ok(&["streak"]).starts_with("1 day in a row"));
    assert!(home.ok(&["stats"]).contains("projected finish"));
}

#[test]
fn checked_items_start_done_and_roadmaps_switch() {
    let home = Home::new();
    let a = home.write("a.md", "# A\n\n## S\n\n- [x] One\n- [ ] Two\n");
    let b = home.write("b.md", "# B\n\n- [ ] Three\n");
    assert!(home.ok(&["roadmap", "add", s(&a)]).contains("1 already done"));
    home.ok(&["roadmap", "add", s(&b)]);
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("JSON");
    assert_eq!((json["roadmap"]["name"].as_str(), json["total"]["done"].as_u64()), (Some("a"), Some(1)));
    home.ok(&["roadmap", "use", "b"]);
    assert!(home.ok(&["next"]).contains("three"));
    home.ok(&["roadmap", "remove", "b"]);
    let err = home.fails(&["status"]);
    assert!(err.contains("no roadmap yet"), "{err}");
}

#[test]
fn bad_input_gives_one_clear_line() {
    let home = Home::new();
    let err = home.fails(&["status"]);
    assert!(err.contains("pyroad roadmap add"), "{err}");
    let file = home.write("r.md", "# R\n\n- [ ] Flask basics\n- [ ] Flask templates\n- [ ] Django\n");
    home.ok(&["roadmap", "add", s(&file), "--name", "r"]);
    assert!(home.fails(&["roadmap", "add", s(&file), "--name", "r"]).contains("already exists"));
    assert!(home.fails(&["mark", "rust", "done"]).contains("no topic matches"));
    let ambiguous = home.fails(&["mark", "flask", "done"]);
    assert!(ambiguous.contains("flask-basics") && ambiguous.contains("flask-templates"), "{ambiguous}");
    assert!(home.fails(&["log", "45x"]).contains("not a duration"));
    assert!(home.fails(&["log", "45m", "--date", "2999-01-01"]).contains("in the future"));
    assert!(home.fails(&["note", "django", "   "]).contains("empty"));
    assert!(home.fails(&["roadmap", "use", "nope"]).contains("no roadmap named \"nope\""));
    assert!(home.fails(&["roadmap", "restore", "django"]).contains("no archived topic"));
    let missing = home.fails(&["roadmap", "add", "/no/such/file.md"]);
    assert!(missing.contains("cannot read /no/such/file.md"), "{missing}");
    // Nothing half-written: the failed commands left the store as it was.
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("JSON");
    assert_eq!(json["total"]["done"], 0);
    assert_eq!(json["week_minutes"], 0);
}

#[test]
fn a_corrupt_database_or_a_down_server_is_one_line() {
    let home = Home::new();
    std::fs::create_dir_all(home.data()).expect("mkdir");
    std::fs::write(home.data().join("pyroad.db"), "not sqlite at all\n".repeat(300)).expect("junk");
    let err = home.fails(&["status"]);
    assert!(err.contains("cannot read") && err.contains("not a database"), "{err}");
    let err = home.fails(&["--database-url", "postgres://u:secret@127.0.0.1:1/db", "status"]);
    assert!(err.contains("cannot open the database postgres://u:***@127.0.0.1:1/db"), "{err}");
    assert!(!err.contains("secret"));
    let err = home.fails(&["--database-url", "mysql://x", "status"]);
    assert!(err.contains("postgres://"), "{err}");
}

#[test]
fn note_edit_uses_the_editor_and_ignores_comment_lines() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let file = home.write("r.md", "# R\n\n- [ ] Generators\n");
    home.ok(&["roadmap", "add", s(&file)]);
    let editor = home.write("editor.sh", "#!/bin/sh\necho 'yield pauses the function' >> \"$1\"\n");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = home.cmd().args(["note", "gen", "--edit"]).env("EDITOR", &editor).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let show = home.ok(&["show", "generators"]);
    assert!(show.contains("yield pauses the function") && !show.contains("# Note on"), "{show}");
    let failing = home.write("fail.sh", "#!/bin/sh\nexit 3\n");
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = home.cmd().args(["note", "gen", "--edit"]).env("EDITOR", &failing).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no note added"));
}

#[test]
fn a_locked_database_is_one_line_and_changes_nothing() {
    let home = Home::new();
    let file = home.write("r.md", "# R\n\n- [ ] Alpha\n- [ ] Beta\n");
    home.ok(&["roadmap", "add", s(&file)]);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let other = runtime
        .block_on(pyroad_store_sqlite::SqliteStore::open(&home.data().join("pyroad.db")))
        .expect("a second program opens the database");
    // Another program holds the write lock for the whole time.
    let lock = runtime.block_on(other.pool().begin_with("BEGIN EXCLUSIVE")).expect("take the write lock");
    for args in [&["mark", "alpha", "done"][..], &["log", "30m", "alpha"], &["note", "beta", "later"]] {
        let err = home.fails(args);
        assert!(err.contains("the database is locked by another program"), "{args:?}: {err}");
    }
    runtime.block_on(async {
        lock.rollback().await.expect("release the lock");
        other.close().await;
    });
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("JSON");
    assert_eq!((json["total"]["done"].as_u64(), json["week_minutes"].as_u64()), (Some(0), Some(0)));
    assert!(!home.ok(&["show", "beta"]).contains("later"));
    home.ok(&["mark", "alpha", "done"]);
}

/// Makes a directory and the files in it read-only while alive (a
/// read-only mount, say: SQLite may keep its `-wal` and `-shm` files, which
/// a read-only directory alone would leave writable). As root, permission
/// bits do not stop writes, so it sets the immutable attribute instead;
/// either way it checks that creating a file really fails.
struct ReadOnly {
    paths: Vec<PathBuf>,
    immutable: bool,
}

impl ReadOnly {
    fn new(dir: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("list").map(|e| e.expect("entry").path()).collect();
        paths.push(dir.to_path_buf());
        let chmod = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
        for p in &paths {
            chmod(p, if p.is_dir() { 0o555 } else { 0o444 });
        }
        if tempfile::tempfile_in(dir).is_err() {
            return ReadOnly { paths, immutable: false };
        }
        for p in &paths {
            chmod(p, if p.is_dir() { 0o755 } else { 0o644 });
        }
        let out = std::process::Command::new("chattr").arg("+i").args(&paths).output();
        let guard = ReadOnly { paths, immutable: true };
        assert!(
            out.as_ref().is_ok_and(|o| o.status.success()) && tempfile::tempfile_in(dir).is_err(),
            "cannot make {} read-only: running as root, and `chattr +i` failed ({out:?}); \
             run the tests as a normal user or with CAP_LINUX_IMMUTABLE",
            dir.display()
        );
        guard
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr").arg("-i").args(&self.paths).status();
        } else {
            for p in &self.paths {
                let mode = if p.is_dir() { 0o755 } else { 0o644 };
                let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
            }
        }
    }
}

#[test]
fn a_read_only_data_directory_is_one_line_and_changes_nothing() {
    let home = Home::new();
    let file = home.write("r.md", "# R\n\n- [ ] Alpha\n- [ ] Beta\n");
    home.ok(&["roadmap", "add", s(&file)]);
    let want = format!("the data directory {} is read-only", home.data().display());
    {
        let _read_only = ReadOnly::new(&home.data());
        for args in [&["mark", "alpha", "done"][..], &["log", "30m"], &["note", "beta", "later"]] {
            let err = home.fails(args);
            assert!(err.contains(&want), "{args:?}: {err}");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("JSON");
    assert_eq!((json["total"]["done"].as_u64(), json["week_minutes"].as_u64()), (Some(0), Some(0)));

    // A new, empty data directory that is read-only: nothing is created.
    let empty = home.dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let _read_only = ReadOnly::new(&empty);
    let out = home.cmd().env("PYROAD_DATA_DIR", &empty).args(["roadmap", "add", s(&file)]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.lines().count() == 1, "{stderr}");
    assert!(stderr.contains(&format!("the data directory {} is read-only", empty.display())), "{stderr}");
    assert_eq!(std::fs::read_dir(&empty).expect("list").count(), 0, "nothing written");
}

#[test]
fn mark_takes_several_topics_or_a_whole_section_in_one_go() {
    let home = Home::new();
    let file =
        home.write("r.md", "# R\n\n## Basics\n\n- [ ] Alpha\n- [ ] Beta\n\n## Web\n\n- [ ] Gamma\n- [ ] Delta\n");
    home.ok(&["roadmap", "add", s(&file)]);
    assert_eq!(home.ok(&["mark", "alpha", "gamma", "done"]), "marked 2 topics done\n");
    assert_eq!(home.ok(&["mark", "web", "skipped", "--all"]), "marked 3 topics skipped\n");
    let done = |home: &Home| {
        let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("JSON");
        (json["total"]["done"].as_u64(), json["total"]["skipped"].as_u64())
    };
    assert_eq!(done(&home), (Some(1), Some(2)), "alpha done; gamma and delta skipped");
    // One unknown name: nothing is marked.
    let err = home.fails(&["mark", "beta", "nope", "done"]);
    assert!(err.contains("no topic matches \"nope\""), "{err}");
    assert_eq!(done(&home), (Some(1), Some(2)));
    assert!(home.ok(&["next"]).contains("beta"));
}

#[test]
fn next_waits_for_prerequisites_the_curriculum_knows() {
    let home = Home::new();
    // The built-in curriculum: comments and variables both need basic syntax.
    let file = home
        .write("r.md", "# R\n\n- [ ] Comments\n- [ ] Variables and data types\n- [ ] Basic syntax\n- [ ] Knitting\n");
    home.ok(&["roadmap", "add", s(&file)]);
    let ids = |home: &Home| -> Vec<String> {
        let out = home.ok(&["next", "--json"]);
        let items: Vec<serde_json::Value> = serde_json::from_str(&out).expect("next JSON");
        // Due reviews of done topics come first; these are the topics.
        items.iter().filter(|i| i["kind"] == "topic").map(|i| i["id"].as_str().expect("id").to_string()).collect()
    };
    assert_eq!(ids(&home), ["basic-syntax", "knitting"]);
    // A topic already being learned stays in the list.
    home.ok(&["mark", "comments", "learning"]);
    assert_eq!(ids(&home), ["comments", "basic-syntax", "knitting"]);
    home.ok(&["mark", "basic syntax", "done"]);
    assert_eq!(ids(&home), ["comments", "variables-and-data-types", "knitting"]);
}

#[test]
fn status_offers_the_same_next_topic_as_next() {
    let home = Home::new();
    // Comments comes first but needs Basic syntax (built-in curriculum);
    // everything under a skipped section is never offered.
    let file = home.write(
        "r.md",
        "# R\n\n## Later\n\n- [ ] Knitting\n\n## Start\n\n- [ ] Comments\n- [ ] Basic syntax\n- [ ] Variables and data types\n",
    );
    home.ok(&["roadmap", "add", s(&file)]);
    home.ok(&["mark", "later", "skipped"]);
    let next_of_status = |home: &Home| {
        let json: serde_json::Value = serde_json::from_str(&home.ok(&["status", "--json"])).expect("status JSON");
        json["next"]["id"].as_str().map(str::to_string)
    };
    assert_eq!(next_of_status(&home).as_deref(), Some("basic-syntax"), "comments waits for basic syntax");
    assert!(home.ok(&["status"]).contains("next: Basic syntax (basic-syntax)"));
    let next = home.ok(&["next"]);
    assert!(next.lines().next().is_some_and(|l| l.contains("basic-syntax")), "{next}");
    assert!(!next.contains("comments") && !next.contains("knitting"), "{next}");

    home.ok(&["mark", "basic-syntax", "done"]);
    assert_eq!(next_of_status(&home).as_deref(), Some("comments"));
    // A clean exit leaves the database file alone, no -wal or -shm.
    let mut files: Vec<String> = std::fs::read_dir(home.data())
        .expect("data directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["pyroad.db"]);
}
