//! The practice benchmark, in one process: a warm verdict (5 small tests)
//! against `python3 -I -S -c pass` and against pytest on the same tests,
//! measured in interleaved rounds so all three see the same machine load,
//! and verdicts per second with concurrent checks. Prints the ratios.
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

fn time_command(program: &Path, args: &[&str], dir: Option<&Path>) -> f64 {
    let mut cmd = Command::new(program);
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let t = Instant::now();
    let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    assert!(ok, "{} {:?} failed", program.display(), args);
    ms
}

const ROUNDS: usize = 40;
const WARM_PER_ROUND: usize = 6;
const PYTEST_EVERY: usize = 4;

fn main() {
    let py = python::find(None, None).unwrap_or_else(|e| panic!("{e}"));
    let mut ex = exercise::embedded("leap-year").unwrap_or_else(|e| panic!("{e}"));
    ex.cases.clear(); // exactly the 5 test functions
    let solution = ex.solution.clone().unwrap_or_default();
    let checker = Checker::new(py.clone(), Limits::default());
    checker.warm_up().unwrap_or_else(|e| panic!("{e}"));
    let verdict = || {
        let t = Instant::now();
        let report = checker.check(&ex, &solution, "leap.py").unwrap_or_else(|e| panic!("{e}"));
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(report.status, Status::Pass);
        assert_eq!(report.tests.len(), 5);
        ms
    };
    for _ in 0..20 {
        verdict();
    }

    // pytest on the same files, in a throwaway venv (see the script).
    let pytest_py = std::env::var_os("PYROAD_BENCH_PYTEST");
    let pytest_dir = pytest_py.as_ref().map(|_| {
        let dir = tempfile_dir();
        for t in &ex.tests {
            std::fs::write(dir.join(&t.name), &t.source).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(dir.join(ex.learner_file()), &solution).unwrap_or_else(|e| panic!("{e}"));
        dir
    });
    let pytest_args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_leap.py"];

    // Interleaved rounds, so the baseline and the verdicts see the same load
    // (the machine is shared): a bare interpreter start, verdicts back to
    // back, one verdict after a pause (the spares idle and ready, as when a
    // learner saves a file), and every few rounds a pytest run.
    let (mut bare, mut warm, mut paused, mut pytest) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        bare.push(time_command(&py.executable, &["-I", "-S", "-c", "pass"], None));
        for _ in 0..WARM_PER_ROUND {
            warm.push(verdict());
        }
        std::thread::sleep(Duration::from_millis(20));
        paused.push(verdict());
        if let (Some(program), Some(dir)) = (&pytest_py, &pytest_dir)
            && round % PYTEST_EVERY == 0
        {
            pytest.push(time_command(Path::new(program), &pytest_args, Some(dir)));
        }
    }
    let (bare, warm, paused) = (median(bare), median(warm), median(paused));

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
    println!("  the same after a 20 ms pause {paused:7.2} ms   ratio {:.2}", paused / bare);
    println!("verdicts per second, 4 thr    {per_sec:8.0}      (target >= 200)");
    if let Some(dir) = pytest_dir {
        let _ = std::fs::remove_dir_all(&dir);
        let pytest = median(pytest);
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
