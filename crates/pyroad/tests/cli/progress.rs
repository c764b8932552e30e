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
    assert_eq!(next.lines().count(), 3);
    assert!(next.lines().next().is_some_and(|l| l.contains("ternary-operators")), "learning first: {next}");

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
