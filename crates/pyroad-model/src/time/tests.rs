#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

use super::*;
use TimeUnit::{Days, Hours, Weeks};

/// One expected length: raw, min, max, unit.
type L<'a> = (&'a str, f64, f64, TimeUnit);

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Asserts everything `scan` returns for `text` (unreadable must be empty).
#[track_caller]
fn check(text: &str, rest: &str, lengths: &[L<'_>], weekly: Option<(f64, f64)>, statement: bool) {
    let f = scan(text);
    assert_eq!(f.rest, rest, "rest of {text:?}");
    assert_eq!(f.lengths.len(), lengths.len(), "lengths of {text:?}: {:?}", f.lengths);
    for (got, &(raw, min, max, unit)) in f.lengths.iter().zip(lengths) {
        assert_eq!(got.raw, raw, "raw in {text:?}");
        assert!(close(got.min, min) && close(got.max, max), "{text:?}: {got:?}, want {min}-{max}");
        assert_eq!(got.unit, unit, "unit in {text:?}");
    }
    match (f.weekly_hours, weekly) {
        (Some((a, b)), Some((c, d))) => assert!(close(a, c) && close(b, d), "weekly of {text:?}: {a}-{b}"),
        (got, want) => assert_eq!(got, want, "weekly of {text:?}"),
    }
    assert_eq!(f.is_statement, statement, "is_statement of {text:?}");
    assert!(f.unreadable.is_empty(), "unreadable of {text:?}: {:?}", f.unreadable);
}

/// Asserts that nothing is read and `rest` is the exact input.
#[track_caller]
fn untouched(text: &str) {
    let f = scan(text);
    assert_eq!(f, TimeFacts { rest: text.to_owned(), ..TimeFacts::default() }, "{text:?}");
}

#[test]
fn parenthesised_groups() {
    check(
        "Phase 1: Python Fundamentals (4-6 weeks)",
        "Phase 1: Python Fundamentals",
        &[("4-6 weeks", 4.0, 6.0, Weeks)],
        None,
        false,
    );
    check("Closures (2h)", "Closures", &[("2h", 2.0, 2.0, Hours)], None, false);
    check("(30min)", "", &[("30min", 0.5, 0.5, Hours)], None, true);
    check("(~3 weeks)", "", &[("~3 weeks", 3.0, 3.0, Weeks)], None, true);
    check("Recursion (about 3 days)", "Recursion", &[("3 days", 3.0, 3.0, Days)], None, false);
    check("(4-6 weeks, 10 h/week)", "", &[("4-6 weeks", 4.0, 6.0, Weeks)], Some((10.0, 10.0)), true);
    check(
        "Path 1: Accelerated (4-5 months)",
        "Path 1: Accelerated",
        &[("4-5 months", 208.0 / 12.0, 260.0 / 12.0, Weeks)],
        None,
        false,
    );
    check(
        "For Complete Beginners (3-6 months):",
        "For Complete Beginners:",
        &[("3-6 months", 13.0, 26.0, Weeks)],
        None,
        false,
    );
    check("Phase 2 (3 weeks): Web", "Phase 2: Web", &[("3 weeks", 3.0, 3.0, Weeks)], None, false);
    check("Decorators ( 1.5 hrs ) and more", "Decorators and more", &[("1.5 hrs", 1.5, 1.5, Hours)], None, false);
    check("Duration: (6 weeks)", "Duration", &[("6 weeks", 6.0, 6.0, Weeks)], None, true);
    check("Top 10 tips (2 hours)", "Top 10 tips", &[("2 hours", 2.0, 2.0, Hours)], None, false);
    check("Use type hints (Python 3.5+) (1h)", "Use type hints (Python 3.5+)", &[("1h", 1.0, 1.0, Hours)], None, false);
    check("Outer (note (2h))", "Outer (note)", &[("2h", 2.0, 2.0, Hours)], None, false);
    check("(2h) - Closures", "Closures", &[("2h", 2.0, 2.0, Hours)], None, false);
    check("Basics (1 week) (10 hours/week)", "Basics", &[("1 week", 1.0, 1.0, Weeks)], Some((10.0, 10.0)), false);
}

#[test]
fn trailing_fragments() {
    check("Fundamentals — 2–3 weeks", "Fundamentals", &[("2–3 weeks", 2.0, 3.0, Weeks)], None, false);
    check("Fundamentals - 2 to 3 weeks", "Fundamentals", &[("2 to 3 weeks", 2.0, 3.0, Weeks)], None, false);
    check("Fundamentals – two weeks", "Fundamentals", &[("two weeks", 2.0, 2.0, Weeks)], None, false);
    check("Recursion ~3 days", "Recursion", &[("~3 days", 3.0, 3.0, Days)], None, false);
    check("Closures 2h", "Closures", &[("2h", 2.0, 2.0, Hours)], None, false);
    check("Testing: 1 week", "Testing", &[("1 week", 1.0, 1.0, Weeks)], None, false);
    check("Testing, 3d", "Testing", &[("3d", 3.0, 3.0, Days)], None, false);
    check("Generators | 45 mins", "Generators", &[("45 mins", 0.75, 0.75, Hours)], None, false);
    check("Week 1-2: 10 hours", "Week 1-2", &[("10 hours", 10.0, 10.0, Hours)], None, false);
    check("Phase 1 - 2 weeks", "Phase 1", &[("2 weeks", 2.0, 2.0, Weeks)], None, false);
    check("Web apps — 2-3 wks, 8-10 hrs/wk", "Web apps", &[("2-3 wks", 2.0, 3.0, Weeks)], Some((8.0, 10.0)), false);
    check("Python 3.10+ — 1 week.", "Python 3.10+", &[("1 week", 1.0, 1.0, Weeks)], None, false);
    check(
        "Fundamentals — 2 weeks (10h)",
        "Fundamentals",
        &[("2 weeks", 2.0, 2.0, Weeks), ("10h", 10.0, 10.0, Hours)],
        None,
        false,
    );
    check("Django (the framework): 3 weeks", "Django (the framework)", &[("3 weeks", 3.0, 3.0, Weeks)], None, false);
    check("Asyncio 1h 30min", "Asyncio", &[("1h 30min", 1.5, 1.5, Hours)], None, false);
}

#[test]
fn whole_statements() {
    check("15-20 hours/week", "", &[], Some((15.0, 20.0)), true);
    check("4-6 weeks", "", &[("4-6 weeks", 4.0, 6.0, Weeks)], None, true);
    check("15-20 hours", "", &[("15-20 hours", 15.0, 20.0, Hours)], None, true);
    check(
        "Suggested time: 2-3 weeks, about 5 hours per week.",
        "Suggested time",
        &[("2-3 weeks", 2.0, 3.0, Weeks)],
        Some((5.0, 5.0)),
        true,
    );
    check("Duration: 6 weeks", "Duration", &[("6 weeks", 6.0, 6.0, Weeks)], None, true);
    check(
        "22-32 weeks (6-8 months)",
        "",
        &[("22-32 weeks", 22.0, 32.0, Weeks), ("6-8 months", 26.0, 416.0 / 12.0, Weeks)],
        None,
        true,
    );
    check("Time commitment: 10 hours a week", "Time commitment", &[], Some((10.0, 10.0)), true);
    check(
        "Estimated time to complete — 3 months",
        "Estimated time to complete",
        &[("3 months", 13.0, 13.0, Weeks)],
        None,
        true,
    );
    check("Approximately 6 weeks.", "", &[("6 weeks", 6.0, 6.0, Weeks)], None, true);
    check("approx. 2 weeks", "", &[("2 weeks", 2.0, 2.0, Weeks)], None, true);
    check("≈3 weeks", "", &[("≈3 weeks", 3.0, 3.0, Weeks)], None, true);
    check("10+ hours", "", &[("10+ hours", 10.0, 10.0, Hours)], None, true);
    check("an hour", "", &[("an hour", 1.0, 1.0, Hours)], None, true);
    check("A week", "", &[("A week", 1.0, 1.0, Weeks)], None, true);
    check("Two to three weeks", "", &[("Two to three weeks", 2.0, 3.0, Weeks)], None, true);
    check("2 - 3 weeks", "", &[("2 - 3 weeks", 2.0, 3.0, Weeks)], None, true);
    check("1 week and 2 days", "", &[("1 week", 1.0, 1.0, Weeks), ("2 days", 2.0, 2.0, Days)], None, true);
    check("1-2 years", "", &[("1-2 years", 52.0, 104.0, Weeks)], None, true);
    check("Pace: 6 h/w", "Pace", &[], Some((6.0, 6.0)), true);
    check("5 hrs weekly", "", &[], Some((5.0, 5.0)), true);
    check("90 min/week", "", &[], Some((1.5, 1.5)), true);
    check("  4 WEEKS  ", "", &[("4 WEEKS", 4.0, 4.0, Weeks)], None, true);
}

#[test]
fn numbers_that_are_not_estimates() {
    for text in [
        "Code for at least 30-60 minutes every day",
        "Use LeetCode (5-10 problems/week)",
        "Use Pomodoro technique (25 min focus, 5 min break)",
        "chapters 1–6",
        "Week 1-2: Learn a framework",
        "Month 3-4: Backend",
        "Python 3.10+",
        "Top 10 tips",
        "Python 2 vs Python 3",
        "Built at least 2-3 beginner projects",
        "Build at least 2-3 projects per phase",
        "Use type hints (Python 3.5+)",
        "Learn Python in 30 days",
        "30 Days of Python",
        "Spend 2-3 weeks",
        "Take a week off",
        "Take a week",
        "Python in a week",
        "Practice for 2 hours a day",
        "Meet at 10:30 min",
        "Weeks 1-4",
        "Day 1",
        "2 weeks ago",
        "Learn  a   framework ",
        "Python 3 (the language)",
        "Notes (a few hours)",
        "Use at least 2 - 3 hours",
        "Read (2h",
        "Read 2h)",
        "",
        "   ",
    ] {
        untouched(text);
    }
}

#[test]
fn unreadable_fragments_are_reported_and_left_alone() {
    for (text, bad) in [
        ("Basics (4-x weeks)", "(4-x weeks)"),
        ("Basics (6-4 weeks)", "(6-4 weeks)"),
        ("Basics (2-3-4 weeks)", "(2-3-4 weeks)"),
        ("Basics (30m)", "(30m)"),
        ("Basics — 6-4 weeks", "6-4 weeks"),
        ("Practice: 1 hour a day", "1 hour a day"),
        ("Habit, 2 days a week", "2 days a week"),
        ("6 - 4 weeks", "6 - 4 weeks"),
    ] {
        let f = scan(text);
        assert_eq!(f.unreadable, [bad], "{text:?}");
        assert_eq!(f.rest, text);
        assert!(f.lengths.is_empty() && f.weekly_hours.is_none() && !f.is_statement, "{text:?}");
    }
    // Parenthesised plain text is not reported.
    for text in ["Use LeetCode (5-10 problems/week)", "Use Pomodoro technique (25 min focus, 5 min break)", "Weeks 1-4"]
    {
        assert!(scan(text).unreadable.is_empty(), "{text:?}");
    }
}

#[test]
fn units_and_conversions() {
    for (text, min, max, unit) in [
        ("2h", 2.0, 2.0, Hours),
        ("2 h", 2.0, 2.0, Hours),
        ("2hrs", 2.0, 2.0, Hours),
        ("2 Hr", 2.0, 2.0, Hours),
        ("1 hour", 1.0, 1.0, Hours),
        ("30 minutes", 0.5, 0.5, Hours),
        ("1 minute", 1.0 / 60.0, 1.0 / 60.0, Hours),
        ("90mins", 1.5, 1.5, Hours),
        ("1h30m", 1.5, 1.5, Hours),
        ("1 hour 15 minutes", 1.25, 1.25, Hours),
        ("3d", 3.0, 3.0, Days),
        ("1 day", 1.0, 1.0, Days),
        ("2w", 2.0, 2.0, Weeks),
        ("2 wk", 2.0, 2.0, Weeks),
        ("3wks", 3.0, 3.0, Weeks),
        ("5 mo", 260.0 / 12.0, 260.0 / 12.0, Weeks),
        ("1 month", 52.0 / 12.0, 52.0 / 12.0, Weeks),
        ("1.5 weeks", 1.5, 1.5, Weeks),
        ("twelve weeks", 12.0, 12.0, Weeks),
        ("2 or 3 days", 2.0, 3.0, Days),
        ("2—3 weeks", 2.0, 3.0, Weeks),
    ] {
        let f = scan(text);
        assert_eq!(f.lengths.len(), 1, "{text:?}: {f:?}");
        let e = &f.lengths[0];
        assert!(close(e.min, min) && close(e.max, max) && e.unit == unit, "{text:?}: {e:?}");
        assert_eq!(e.raw, text);
        assert!(f.is_statement && f.rest.is_empty(), "{text:?}");
    }
    // No bare "m" in scan; no single-letter units after number words.
    for text in ["30m", "two h", "a d", "2hx", "2 hoursx", "1.", ".5h", "2 weeks and"] {
        assert!(scan(text).lengths.is_empty(), "{text:?}");
    }
}

#[test]
fn parse_length_reads_cli_arguments() {
    for (text, min, max, unit) in [
        ("45m", 0.75, 0.75, Hours),
        ("3h", 3.0, 3.0, Hours),
        ("1.5h", 1.5, 1.5, Hours),
        ("2 days", 2.0, 2.0, Days),
        ("90min", 1.5, 1.5, Hours),
        (" 1h30m ", 1.5, 1.5, Hours),
        ("2-3 weeks", 2.0, 3.0, Weeks),
        ("~2h", 2.0, 2.0, Hours),
        ("4 months", 208.0 / 12.0, 208.0 / 12.0, Weeks),
    ] {
        let e = parse_length(text).unwrap();
        assert!(close(e.min, min) && close(e.max, max) && e.unit == unit, "{text:?}: {e:?}");
        assert_eq!(e.raw, text.trim());
    }
    for text in ["", "3", "h", "abc", "2 weeks, 3 days", "10 h/week", "3h extra", "6-4 weeks", "(2h)"] {
        assert_eq!(parse_length(text), None, "{text:?}");
    }
}

#[test]
fn rendering_is_canonical() {
    assert_eq!(render_weeks(4.0, 6.0), "4-6 weeks");
    assert_eq!(render_weeks(3.0, 3.0), "3 weeks");
    assert_eq!(render_weeks(1.0, 1.0), "1 week");
    assert_eq!(render_weeks(2.5, 2.50), "2.5 weeks");
    assert_eq!(render_weeks(208.0 / 12.0, 260.0 / 12.0), "17.33-21.67 weeks");
    assert_eq!(render_weeks(-0.0, 0.0), "0 weeks");
    assert_eq!(render_hours_per_week(15.0, 20.0), "15-20 hours/week");
    assert_eq!(render_hours_per_week(1.0, 1.0), "1 hour/week");
}

#[test]
fn the_fast_path_skips_text_without_numbers() {
    assert!(!may_hold_time("Learn a framework, then build an API"));
    assert!(may_hold_time("Python 3"));
    assert!(may_hold_time("two WEEKS"));
}

#[test]
fn scanning_is_fast() {
    let lines = [
        "Phase 1: Python Fundamentals (4-6 weeks)",
        "Code for at least 30-60 minutes every day",
        "Use Pomodoro technique (25 min focus, 5 min break)",
        "Suggested time: 2-3 weeks, about 5 hours per week.",
        "Variables, data types and operators",
        "Build a CLI todo app with argparse and JSON storage",
    ];
    let text: Vec<&str> = lines.iter().copied().cycle().take(2000).collect(); // ~90 KB
    let start = std::time::Instant::now();
    let found: usize = text.iter().map(|t| scan(t).lengths.len()).sum();
    let took = start.elapsed();
    assert_eq!(found, 2000 / 6 * 2 + 1);
    // Generous: unoptimised test builds on a busy CI machine.
    assert!(took.as_millis() < 500, "{took:?}");
}

/// Text built from pieces that exercise every branch, with odd UTF-8 mixed in.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "(",
        ")",
        "2",
        "10",
        "3.5",
        "-",
        "–",
        "—",
        " ",
        " to ",
        "~",
        "≈",
        "+",
        ":",
        ",",
        ".",
        "weeks",
        "h",
        "min",
        "m",
        "months",
        "hours/week",
        " per week",
        " a ",
        "an",
        "two",
        "about ",
        "é",
        "😀",
        "Phase",
        "and",
        "/",
        "w",
        "1h30",
        "\u{301}",
        "\n",
    ]);
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics_and_rest_is_kept_when_nothing_is_read(text in prop_oneof![any::<String>(), pieces()]) {
        let f = scan(&text);
        if f.lengths.is_empty() && f.weekly_hours.is_none() {
            prop_assert_eq!(&f.rest, &text);
            prop_assert!(!f.is_statement);
        }
        for e in &f.lengths {
            prop_assert!(e.min <= e.max && e.min >= 0.0);
        }
        let _ = parse_length(&text);
    }

    #[test]
    fn rendered_weeks_read_back(a in 0u32..100_000, b in 0u32..100_000) {
        let (lo, hi) = (f64::from(a.min(b)) / 100.0, f64::from(a.max(b)) / 100.0);
        let f = scan(&render_weeks(lo, hi));
        prop_assert_eq!(f.lengths.len(), 1);
        prop_assert_eq!((f.lengths[0].min, f.lengths[0].max, f.lengths[0].unit), (lo, hi, Weeks));
        prop_assert!(f.is_statement && f.rest.is_empty() && f.weekly_hours.is_none());
    }

    #[test]
    fn rendered_rates_read_back(a in 0u32..100_000, b in 0u32..100_000) {
        let (lo, hi) = (f64::from(a.min(b)) / 100.0, f64::from(a.max(b)) / 100.0);
        let f = scan(&render_hours_per_week(lo, hi));
        prop_assert_eq!(f.weekly_hours, Some((lo, hi)));
        prop_assert!(f.lengths.is_empty() && f.is_statement && f.rest.is_empty());
    }

    #[test]
    fn any_rendered_value_reads_back_rounded(lo in 0.0f64..1e6, d in 0.0f64..1e3) {
        let f = scan(&render_weeks(lo, lo + d));
        let e = &f.lengths[0];
        prop_assert!((e.min - lo).abs() <= 0.005 + 1e-9 && (e.max - (lo + d)).abs() <= 0.005 + 1e-9);
    }
}
