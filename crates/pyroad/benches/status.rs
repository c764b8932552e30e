//! `pyroad status` on a 1,000-topic roadmap, start to exit, against
//! `pyroad --version` (process start with no store) in the same run.
//!
//! `cargo bench -p pyroad --bench status` (release-like `bench` profile).
//! Prints median, p90 and min per command; the target is a status under
//! 20 ms. Also times `pyroad mark` (one write transaction, fsync included)
//! and `pyroad status` with a saved plan (it re-plans to say behind/ahead).

use std::time::{Duration, Instant};

mod support;

const RUNS: usize = 60;
const TOPICS: usize = 1_000;

fn main() {
    let mut md = String::from("# Bench roadmap\n\n");
    for s in 0..20 {
        md.push_str(&format!("## Section {s} (2-3 weeks, 10 hours/week)\n\n"));
        for t in 0..TOPICS / 20 {
            let checked = if (s * 50 + t) % 7 == 0 { "x" } else { " " };
            md.push_str(&format!("- [{checked}] Topic {s}.{t} (2h)\n"));
        }
        md.push('\n');
    }
    let cli = support::Cli::with_roadmap("bench", &md);
    let run = |args: &[&str]| cli.run(args);
    for i in 0..30 {
        run(&["log", "30m", &format!("topic-{}.{}", i / 50, i % 50), "--date", "yesterday"]);
    }

    let mut results = Vec::new();
    for (label, args) in [
        ("pyroad --version (baseline)", vec!["--version"]),
        ("pyroad status (1,000 topics)", vec!["status"]),
        ("pyroad status --json", vec!["status", "--json"]),
        ("pyroad next", vec!["next"]),
    ] {
        run(&args); // warm the page cache
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                run(&args);
                t.elapsed()
            })
            .collect();
        times.sort();
        results.push((label, times));
    }
    let mut i = 0;
    let mut marks: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let topic = format!("topic-{}.{}", 2 + i / 50, i % 50);
            i += 1;
            let t = Instant::now();
            run(&["mark", &topic, "done"]);
            t.elapsed()
        })
        .collect();
    marks.sort();
    results.push(("pyroad mark TOPIC done", marks));

    // With a saved plan, status also re-plans to say behind/ahead (issue 5).
    let start = jiff::Zoned::now().date().checked_sub(jiff::Span::new().days(28)).expect("a date 4 weeks ago");
    run(&["plan", "set", "--hours-per-week", "10", "--start", &start.to_string()]);
    run(&["status"]);
    let mut planned: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            run(&["status"]);
            t.elapsed()
        })
        .collect();
    planned.sort();
    results.push(("pyroad status (saved plan)", planned));

    println!("{:<32} {:>9} {:>9} {:>9}   ({RUNS} runs each)", "command", "median", "p90", "min");
    for (label, t) in &results {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!("{label:<32} {:>7.2}ms {:>7.2}ms {:>7.2}ms", ms(t[t.len() / 2]), ms(t[t.len() * 9 / 10]), ms(t[0]));
    }
    let status = results[1].1[RUNS / 2];
    let planned = results[results.len() - 1].1[RUNS / 2];
    let verdict = if status.max(planned) < Duration::from_millis(20) { "PASS" } else { "FAIL" };
    println!("target: status median under 20 ms: {verdict}");
}
