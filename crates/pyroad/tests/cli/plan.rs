//! `pyroad plan` on seed 001, through the real binary.

use crate::progress::Home;
use crate::{pyroad, seed};

#[test]
fn plan_json_by_stated_durations_lands_in_22_to_32_weeks() {
    let out = pyroad()
        .args(["plan", "--start", "2026-11-30", "--json", "--roadmap"])
        .arg(seed("001"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(plan["mode"], "stated");
    let weeks = plan["weeks"].as_array().expect("weeks").len();
    assert!((22..=32).contains(&weeks), "{weeks} ISO weeks");
}

#[test]
fn plan_path_markdown_and_ics_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ics = dir.path().join("plan.ics");
    let out = pyroad()
        .args(["plan", "--start", "2026-11-30", "--path", "accelerated", "--days-off", "sun"])
        .args(["--vacation", "2026-12-24..2027-01-02", "--markdown", "--ics"])
        .arg(&ics)
        .arg("--roadmap")
        .arg(seed("001"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.contains("Planned by the Accelerated path: 30-40 hours per week"), "{md}");
    assert!(md.contains("stated 4-5 months"), "{md}");
    let cal = std::fs::read_to_string(&ics).expect("calendar written");
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n") && cal.ends_with("END:VCALENDAR\r\n"));
    assert!(!cal.contains("DTSTART:20261225"), "no study on a vacation day");
    assert!(cal.contains("DTSTART:20261130T180000"));
}

#[test]
fn bad_flags_are_clear_errors() {
    let cases: [(&[&str], &str); 4] = [
        (&["--hours-per-week", "0"], "0 hours a week leave"),
        (&["--hours-per-week=-3"], "must be a positive number"),
        (&["--days-off", "mon,tue,wed,thu,fri,sat,sun"], "every day of the week is a day off"),
        (&["--path", "leisurely"], "offers: Accelerated, Standard, Thorough"),
    ];
    for (flags, message) in cases {
        let out = pyroad().arg("plan").args(flags).arg("--roadmap").arg(seed("001")).output().expect("runs");
        assert!(!out.status.success(), "{flags:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{flags:?}: {err}");
    }
}

/// A small roadmap in our own words: 12 hours of stated estimates.
const TINY: &str = "# Tiny course

## Basics
- [ ] Names (2h)
- [ ] Numbers (2h)
- [ ] Text (2h)

## Functions
- [ ] Defining functions (4h)
- [ ] Scope (2h)
";

/// A data directory with the tiny roadmap stored, and the clock fixed.
struct Learner {
    home: Home,
}

impl Learner {
    fn new() -> Learner {
        let home = Home::new();
        let file = home.write("tiny.md", TINY);
        let l = Learner { home };
        l.ok("2026-11-02", &["roadmap", "add", file.to_str().expect("UTF-8 path"), "--name", "tiny"]);
        l
    }

    fn run(&self, today: &str, args: &[&str]) -> std::process::Output {
        let mut cmd = self.home.cmd();
        cmd.env("PYROAD_NOW", format!("{today}T09:00:00Z"));
        cmd.args(args).output().expect("runs")
    }

    fn ok(&self, today: &str, args: &[&str]) -> String {
        let out = self.run(today, args);
        assert!(out.status.success(), "pyroad {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    fn fails(&self, today: &str, args: &[&str]) -> String {
        let out = self.run(today, args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "pyroad {args:?} should fail");
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    fn json(&self, today: &str, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(today, args)).expect("JSON output")
    }
}

#[test]
fn saved_settings_plan_the_active_roadmap_and_say_where_they_came_from() {
    let l = Learner::new();
    let saved = l.ok("2026-11-02", &["plan", "set", "--hours-per-week", "7", "--start", "2026-11-02"]);
    assert!(saved.contains("hours/week  7") && saved.contains("start       2026-11-02"), "{saved}");
    // 7 hours a week over 7 days is an hour a day: 12 hours end on the 12th day.
    let out = l.ok("2026-11-02", &["plan"]);
    assert!(
        out.starts_with("settings: hours/week 7 (saved) · start 2026-11-02 (saved) · days off none (default)"),
        "{out}"
    );
    assert!(out.contains("Tiny course: 2 weeks, 12 hours, finish 2026-11-13"), "{out}");
    // A flag wins over the saved value, and says so.
    let out = l.ok("2026-11-02", &["plan", "--hours-per-week", "14"]);
    assert!(out.contains("hours/week 14 (flag)") && out.contains("finish 2026-11-07"), "{out}");
    // Days off saved later keep the saved hours.
    l.ok("2026-11-02", &["plan", "set", "--days-off", "sat,sun"]);
    let plan = l.json("2026-11-02", &["plan", "--json"]);
    assert_eq!(plan["hours_per_week"], 7.0);
    let days: Vec<&str> =
        plan["days"].as_array().expect("days").iter().map(|d| d["date"].as_str().expect("date")).collect();
    assert!(!days.contains(&"2026-11-07") && !days.contains(&"2026-11-08"), "{days:?}");
    let settings = plan["settings"].as_array().expect("settings");
    assert_eq!(settings[2]["name"], "days off");
    assert_eq!(settings[2]["value"], "sat,sun");
    assert_eq!(settings[2]["from"], "saved");
}

#[test]
fn done_topics_are_finished_and_the_rest_is_planned_from_today() {
    let l = Learner::new();
    l.ok("2026-11-02", &["plan", "set", "--hours-per-week", "7", "--start", "2026-11-02"]);
    l.ok("2026-11-09", &["mark", "names", "done"]);
    l.ok("2026-11-09", &["mark", "numbers", "skipped"]);
    let plan = l.json("2026-11-09", &["plan", "--json"]);
    assert_eq!(plan["start"], "2026-11-09", "remaining work starts today, not at the saved start");
    assert_eq!(plan["remaining_hours"], 8.0);
    assert_eq!(plan["finish"], "2026-11-16");
    let scheduled: Vec<&str> = plan["days"]
        .as_array()
        .expect("days")
        .iter()
        .flat_map(|d| d["slots"].as_array().expect("slots"))
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    assert!(!scheduled.contains(&"names") && !scheduled.contains(&"numbers"), "{scheduled:?}");
    let text = l.ok("2026-11-09", &["plan"]);
    assert!(text.contains("plan started 2026-11-02; remaining work planned from today, 2026-11-09"), "{text}");
}

#[test]
fn your_estimate_changes_the_plan_and_shows_as_yours() {
    let l = Learner::new();
    l.ok("2026-11-02", &["plan", "set", "--hours-per-week", "7", "--start", "2026-11-02"]);
    let said = l.ok("2026-11-02", &["plan", "set-estimate", "scope", "5h"]);
    assert!(said.contains("estimate for scope (Scope): 5 h, yours (was 2 h, stated \"2h\")"), "{said}");
    let out = l.ok("2026-11-02", &["plan", "--estimates"]);
    assert!(out.contains("finish 2026-11-16"), "three more hours, three more days: {out}");
    assert!(out.contains("     5 h  yours  scope (Scope)"), "{out}");
    assert!(out.contains("     4 h  stated \"4h\"  defining-functions (Defining functions)"), "{out}");
    let plan = l.json("2026-11-02", &["plan", "--json"]);
    let scope = plan["estimates"].as_array().expect("estimates").iter().find(|e| e["id"] == "scope").expect("scope");
    assert_eq!(scope["source"], "override");
    assert_eq!(scope["hours"]["min"], 5.0);
    // Forgetting it puts the stated estimate back.
    l.ok("2026-11-02", &["plan", "set-estimate", "scope", "--clear"]);
    assert!(l.ok("2026-11-02", &["plan"]).contains("finish 2026-11-13"));
    // Minutes work; bad durations and non-topics are clear errors.
    assert!(l.ok("2026-11-02", &["plan", "set-estimate", "text", "90m"]).contains("1.5 h, yours"));
    assert!(l.fails("2026-11-02", &["plan", "set-estimate", "scope", "soon"]).contains("is not an estimate"));
    let err = l.fails("2026-11-02", &["plan", "set-estimate", "basics", "3h"]);
    assert!(err.contains("is not a topic the plan schedules"), "{err}");
    assert!(l.fails("2026-11-02", &["plan", "set-estimate", "rust", "3h"]).contains("no topic matches"));
}

#[test]
fn replan_and_status_measure_pace_behind_and_ahead() {
    let l = Learner::new();
    // Without a saved plan, status has nothing to compare with.
    assert!(!l.ok("2026-11-02", &["status"]).contains("plan:"));
    assert!(l.json("2026-11-02", &["status", "--json"])["plan"].is_null());
    l.ok("2026-11-02", &["plan", "set", "--hours-per-week", "7", "--start", "2026-11-02"]);
    l.ok("2026-11-03", &["log", "2h", "names", "--date", "2026-11-02"]);
    l.ok("2026-11-05", &["log", "2h", "numbers", "--date", "2026-11-04"]);
    l.ok("2026-11-05", &["mark", "names", "done"]);
    l.ok("2026-11-05", &["mark", "numbers", "done"]);

    // On the 9th the plan had reached 4 hours on the 5th: yesterday (the
    // 8th) is 3 days later. 4 hours in 8 days is 3.5 hours a week, and the
    // 8 hours left take 16 half-hour days from the 9th.
    let out = l.ok("2026-11-09", &["plan", "--replan"]);
    assert!(out.contains("pace: 4 hours logged in 8 days: 3.5 h/week (planned 7)"), "{out}");
    assert!(out.contains("finished topics took 4 h against 4 h estimated (accuracy 1.00)"), "{out}");
    assert!(out.contains("status: 3 days behind, projected finish 2026-11-24 (the plan finished 2026-11-13)"), "{out}");
    let replan = l.json("2026-11-09", &["plan", "--replan", "--json"]);
    assert_eq!(replan["pace"]["hours_per_week"], 3.5);
    assert_eq!(replan["standing"]["status"], "behind");
    assert_eq!(replan["finish"], "2026-11-24");

    let status = l.ok("2026-11-09", &["status"]);
    assert!(status.contains("plan: 3 days behind, projected finish 2026-11-24"), "{status}");
    let json = l.json("2026-11-09", &["status", "--json"]);
    assert_eq!(json["plan"]["status"], "behind");
    assert_eq!(json["plan"]["days"], 3);
    assert_eq!(json["plan"]["finish"], "2026-11-24");
    assert_eq!(json["plan"]["planned_finish"], "2026-11-13");

    // Two days in, with 4 hours done the plan expected on the 5th: ahead.
    let status = l.ok("2026-11-03", &["status"]);
    assert!(status.contains("plan: 3 days ahead"), "{status}");

    // Forgetting the plan leaves nothing to compare with.
    assert!(l.ok("2026-11-09", &["plan", "set", "--clear"]).contains("forgot the saved plan settings"));
    assert!(l.json("2026-11-09", &["status", "--json"])["plan"].is_null());
}

#[test]
fn bad_settings_are_clear_errors() {
    let l = Learner::new();
    let cases: [(&[&str], &str); 6] = [
        (&["plan", "set", "--hours-per-week", "0"], "hours per week must be a positive number"),
        (&["plan", "set", "--hours-per-week=-2"], "hours per week must be a positive number"),
        (&["plan", "set", "--days-off", "mon,tue,wed,thu,fri,sat,sun"], "every day of the week is a day off"),
        (&["plan", "set", "--start", "soon"], "cannot read `soon` as a date"),
        (&["plan", "set", "--vacation", "2027-01-02..2026-12-24"], "ends before it starts"),
        (&["plan", "set", "--path", "leisurely"], "unknown learning path `leisurely`"),
    ];
    for (args, message) in cases {
        let err = l.fails("2026-11-02", args);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // Nothing bad was saved: status still has no plan.
    assert!(l.json("2026-11-02", &["status", "--json"])["plan"].is_null());
    // A start in the past is allowed, with a warning.
    let out = l.run("2026-11-09", &["plan", "--hours-per-week", "7", "--start", "2026-11-02"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the start date 2026-11-02 is before today (2026-11-09)"));
    // No stored roadmap at all.
    let empty = Home::new();
    let out = empty.cmd().args(["plan"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no roadmap yet"));
}

#[test]
fn stored_seed_001_plans_by_its_stated_durations_and_says_so() {
    let l = Learner::new();
    l.ok("2026-11-30", &["roadmap", "add", seed("001").to_str().expect("UTF-8 path"), "--name", "s1"]);
    let out = l.run("2026-11-30", &["plan", "--name", "s1", "--json"]);
    assert!(out.status.success());
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(plan["mode"], "stated");
    let weeks = plan["weeks"].as_array().expect("weeks").len();
    assert!((22..=32).contains(&weeks), "{weeks}");
    let text = l.run("2026-11-30", &["plan", "--name", "s1"]);
    let err = String::from_utf8_lossy(&text.stderr);
    assert!(err.contains("planned by the roadmap's own stated durations and weekly hours"), "{err}");
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains(
            "paths offered (--path NAME): Accelerated 30-40 h/week (stated 4-5 months), \
             Standard 20-25 h/week (stated 6-8 months), Thorough 15-20 h/week (stated 10-12 months)"
        ),
        "{stdout}"
    );
    let out = l.ok("2026-11-30", &["plan", "--name", "s1", "--path", "standard"]);
    assert!(out.contains("path Standard: stated 6-8 months"), "{out}");
}

/// Seed 001's three paths state months that their weekly hours do not give
/// for the roadmap's 400-800 hours: lint names each with its line.
#[test]
fn lint_reports_seed_001_path_lengths_with_lines() {
    let file = seed("001");
    let text = std::fs::read_to_string(&file).expect("seed 001 readable");
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1).expect("line in seed");
    let out = pyroad().args(["roadmap", "lint"]).arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "findings exit 1");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for (needle, months, computed) in [
        ("Path 1: Accelerated", "4-5 months at 30-40 h/week", "2.3-6.2 months"),
        ("Path 2: Standard", "6-8 months at 20-25 h/week", "3.7-9.2 months"),
        ("Path 3: Thorough", "10-12 months at 15-20 h/week", "4.6-12.3 months"),
    ] {
        let line =
            format!(":{}: {needle} states {months}, but the roadmap's 400-800 hours take {computed}", line_of(needle));
        assert!(stdout.lines().any(|l| l.contains(&line) && l.ends_with("[path-length]")), "{line}\n{stdout}");
    }
    let json = pyroad().args(["roadmap", "lint", "--json"]).arg(&file).output().expect("runs");
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let paths: Vec<&serde_json::Value> =
        findings.as_array().expect("list").iter().filter(|f| f["rule"] == "path-length").collect();
    assert_eq!(paths.len(), 3);
    assert_eq!(paths[0]["line"], line_of("Path 1: Accelerated"));
}

/// Seed 004's paths state only months: planned by name with weekly hours
/// derived from the content, and said to be derived.
#[test]
fn seed_004_paths_plan_by_name_with_derived_hours() {
    let out = pyroad()
        .args(["plan", "--start", "2026-12-07", "--path", "beginners", "--roadmap"])
        .arg(seed("004"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("path For Complete Beginners: stated 3-6 months, no weekly hours: derived ")
                && l.contains(" h/week from the content")),
        "{text}"
    );
    let out = pyroad().args(["plan", "--start", "2026-12-07", "--roadmap"]).arg(seed("004")).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let offer = text.lines().find(|l| l.starts_with("paths offered (--path NAME): ")).expect("paths offered");
    assert!(
        offer.contains("For Complete Beginners ") && offer.contains(" h/week derived (stated 3-6 months)"),
        "{offer}"
    );
    let out = pyroad().args(["plan", "--path", "expert", "--roadmap"]).arg(seed("004")).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("states neither hours per week nor a length"));
}

/// The same settings, estimates and standing through PostgreSQL. Needs
/// DATABASE_URL; without it this test fails, it never skips.
#[test]
fn plan_settings_estimates_and_standing_on_postgres() {
    let admin_url = std::env::var("DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| panic!("DATABASE_URL is not set: this test needs a PostgreSQL server; it never skips"));
    let name = format!("pyroad_plan_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let url =
        runtime.block_on(pyroad_store_postgres::admin::create_database(&admin_url, &name)).expect("fresh database");
    let home = Home::new();
    let file = home.write("tiny.md", TINY);
    let run = |today: &str, args: &[&str]| {
        let out = home
            .cmd()
            .env("PYROAD_NOW", format!("{today}T09:00:00Z"))
            .args(["--database-url", &url])
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    run("2026-11-02", &["roadmap", "add", file.to_str().expect("UTF-8 path"), "--name", "tiny"]);
    run("2026-11-02", &["plan", "set", "--hours-per-week", "7", "--start", "2026-11-02"]);
    run("2026-11-02", &["plan", "set-estimate", "scope", "5h"]);
    run("2026-11-04", &["mark", "names", "done"]);
    // The plan had done "names" (2 hours) by the 3rd; yesterday is the 8th.
    // Nothing logged: the 13 hours left go on at the planned hour a day.
    let status: serde_json::Value = serde_json::from_str(&run("2026-11-09", &["status", "--json"])).expect("JSON");
    assert_eq!(status["plan"]["status"], "behind", "{status}");
    assert_eq!(status["plan"]["days"], 5);
    assert_eq!(status["plan"]["finish"], "2026-11-21");
    assert_eq!(status["plan"]["planned_finish"], "2026-11-16");
    runtime.block_on(pyroad_store_postgres::admin::drop_database(&admin_url, &name)).expect("drop database");
}

/// What a learner reads after a week and a bit: the settings header, the
/// pace figures, the re-planned weeks and every estimate with its source.
#[test]
fn replan_text_snapshot() {
    let l = Learner::new();
    l.ok("2026-11-02", &["plan", "set", "--hours-per-week", "7", "--start", "2026-11-02", "--days-off", "sun"]);
    l.ok("2026-11-02", &["plan", "set-estimate", "defining functions", "6h"]);
    l.ok("2026-11-03", &["log", "3h", "names", "--date", "2026-11-02"]);
    l.ok("2026-11-05", &["log", "1h30m", "numbers", "--date", "2026-11-04"]);
    l.ok("2026-11-05", &["mark", "names", "done"]);
    l.ok("2026-11-05", &["mark", "numbers", "done"]);
    insta::assert_snapshot!(l.ok("2026-11-10", &["plan", "--replan", "--estimates"]));
}
