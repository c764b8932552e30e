//! SIGKILL durability: the CLI is killed at random points while it writes
//! (`mark`, `log`), hundreds of times. Every write it reported as done must
//! be in the database afterwards, and the file must pass
//! `PRAGMA integrity_check`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use pyroad_store::{LearnerId, Status, Store};
use pyroad_store_sqlite::SqliteStore;

use crate::progress::Home;

const KILLS: usize = 240;
const TOPICS: usize = KILLS;

/// xorshift64*: enough randomness for kill times, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

fn write_args(i: usize) -> Vec<String> {
    if i % 2 == 0 {
        vec!["mark".into(), format!("topic-{i}"), "done".into()]
    } else {
        vec!["log".into(), "1m".into(), "--note".into(), format!("kill-{i}")]
    }
}

#[test]
fn sigkill_at_random_points_loses_no_acknowledged_write() {
    let home = Home::new();
    let mut md = String::from("# Kill test\n\n");
    for i in 0..TOPICS {
        md.push_str(&format!("- [ ] Topic {i}\n"));
    }
    let file = home.write("kill.md", &md);
    home.ok(&["roadmap", "add", file.to_str().expect("UTF-8 path"), "--name", "k"]);

    // How long one write takes here, to spread kills over its whole life.
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            home.ok(&["log", "1m", "--note", "warm-up"]);
            t.elapsed()
        })
        .collect();
    times.sort();
    // Twice the slowest warm-up: on a busy machine a write can take much
    // longer than its median, and the test needs both outcomes.
    let span_us = u64::try_from(times[4].as_micros() * 2).unwrap_or(u64::MAX);

    let seed = SystemTime::now().duration_since(UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1;
    eprintln!("sigkill test: seed {seed}, kill window {span_us} us");
    let mut rng = Rng(seed);
    let binary = assert_cmd::cargo::cargo_bin("pyroad");
    let mut acked = Vec::new();
    let mut killed_before_ack = 0;
    for i in 0..KILLS {
        let mut child = Command::new(&binary)
            .args(write_args(i))
            .env_remove("DATABASE_URL")
            .env("PYROAD_DATA_DIR", home.data())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn pyroad");
        std::thread::sleep(Duration::from_micros(rng.below(span_us)));
        let _ = child.kill(); // SIGKILL on Unix; fails only if it already exited
        let out = child.wait_with_output().expect("reap pyroad");
        let stdout = String::from_utf8_lossy(&out.stdout);
        if stdout.starts_with("marked") || stdout.starts_with("logged") {
            acked.push(i);
        } else {
            killed_before_ack += 1;
            let stderr = String::from_utf8_lossy(&out.stderr);
            // A run that finished without being killed must not have failed.
            assert!(out.status.code().is_none() || out.status.success(), "run {i} failed: {stderr}");
        }
    }
    eprintln!("sigkill test: {} acknowledged, {killed_before_ack} killed before acknowledging", acked.len());
    assert!(killed_before_ack >= KILLS / 20, "kills must land mid-write, not only after: {killed_before_ack}");
    assert!(acked.len() >= KILLS / 20, "some writes must complete: {}", acked.len());

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let store = SqliteStore::open(&home.data().join("pyroad.db")).await.expect("reopen after kills");
        assert_eq!(store.integrity_check().await.expect("integrity_check"), "ok");
        let roadmap = store.roadmap(LearnerId::LOCAL, "k").await.expect("roadmap survives");
        let progress = store.progress(LearnerId::LOCAL, roadmap.id).await.expect("progress");
        let log = store.log_entries(LearnerId::LOCAL, None).await.expect("log");
        for &i in &acked {
            if i % 2 == 0 {
                let id = format!("topic-{i}");
                assert!(
                    progress.iter().any(|p| p.topic == id && p.status == Status::Done),
                    "acknowledged mark {id} lost"
                );
            } else {
                let note = format!("kill-{i}");
                assert!(log.iter().any(|e| e.note.as_deref() == Some(note.as_str())), "acknowledged log {note} lost");
            }
        }
        store.close().await;
    });
}
