//! The practice benchmark, in one process: a warm verdict (5 small tests)
//! against `python3 -I -S -c pass` and against pytest on the same tests, and
//! verdicts per second with concurrent checks. Prints the ratios.
//!
//! `scripts/bench-practice.sh` installs pytest into a throwaway venv and sets
//! `PYROAD_BENCH_PYTEST` to its python; without it the pytest line is skipped.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use pyroad_check::{Checker, Limits, Status, exercise, python};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time_command(program: &Path, args: &[&str], dir: Option<&Path>, runs: usize) -> f64 {
    let mut samples = Vec::new();
    for _ in 0..runs {
        let mut cmd = Command::new(program);
        cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(d) = dir {
            cmd.current_dir(d);
        }
        let t = Instant::now();
        let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(ok, "{} {:?} failed", program.display(), args);
    }
    median(samples)
}

fn main() {
    let py = python::find(None, None).unwrap_or_else(|e| panic!("{e}"));
    let mut ex = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    ex.cases.clear(); // exactly the 5 test functions
    let solution = ex.solution.clone().unwrap_or_default();
    let checker = Checker::new(py.clone(), Limits::default());
    checker.warm_up().unwrap_or_else(|e| panic!("{e}"));

    let bare = time_command(&py.executable, &["-I", "-S", "-c", "pass"], None, 40);

    let mut warm = Vec::new();
    for i in 0..300 {
        let t = Instant::now();
        let report = checker.check(&ex, &solution, "leap.py").unwrap_or_else(|e| panic!("{e}"));
        if i >= 20 {
            warm.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        assert_eq!(report.status, Status::Pass);
        assert_eq!(report.tests.len(), 5);
    }
    let warm = median(warm);

    let done = AtomicU64::new(0);
    let window = Duration::from_secs(3);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                while start.elapsed() < window {
                    let r = checker.check(&ex, &solution, "leap.py").unwrap_or_else(|e| panic!("{e}"));
                    assert_eq!(r.status, Status::Pass);
                    done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let per_sec = done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64();

    println!("python: {} {:?}", py.executable.display(), py.version);
    println!("python3 -I -S -c pass         {bare:8.2} ms");
    println!("warm verdict, 5 tests         {warm:8.2} ms   ratio {:.2} of bare start (target < 0.33)", warm / bare);
    println!("verdicts per second, 4 thr    {per_sec:8.0}      (target >= 200)");

    if let Some(pytest_py) = std::env::var_os("PYROAD_BENCH_PYTEST") {
        let dir = tempfile_dir();
        for t in &ex.tests {
            std::fs::write(dir.join(&t.name), &t.source).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(dir.join(ex.learner_file()), &solution).unwrap_or_else(|e| panic!("{e}"));
        let args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_leap.py"];
        let pytest = time_command(Path::new(&pytest_py), &args, Some(&dir), 10);
        let _ = std::fs::remove_dir_all(&dir);
        println!(
            "pytest -q, same 5 tests       {pytest:8.2} ms   pytest / warm verdict = {:.0}x (target >= 40x)",
            pytest / warm
        );
    } else {
        println!("pytest: skipped (run scripts/bench-practice.sh to include it)");
    }
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pyroad-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}
