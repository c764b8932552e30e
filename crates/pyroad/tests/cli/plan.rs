//! `pyroad plan` on seed 001, through the real binary.

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
