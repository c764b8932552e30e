//! Marking 10,000 topics, against a bare SQLite upsert of 10,000 rows in one
//! transaction (same file settings: WAL, `synchronous = FULL`) in the same run.
//!
//! `cargo bench -p pyroad --bench mark`. Three ways, each RUNS times, every
//! run flipping all rows between done and todo so each one really writes:
//! - `pyroad mark part-0 .. part-19 done --all`: the real command, process
//!   start to exit (read the roadmap, resolve names, one transaction);
//! - `Store::set_statuses` with the 10,000 ids in this process (the store's
//!   share of that);
//! - the baseline: one `INSERT .. ON CONFLICT DO UPDATE` per row in one
//!   transaction on a bare table, no foreign keys, no checks.

use std::time::{Duration, Instant};

use pyroad_store::{LearnerId, Status, Store};
use pyroad_store_sqlite::SqliteStore;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

mod support;

const RUNS: usize = 7;
const PARTS: usize = 20;
const PER_PART: usize = 500;

fn main() {
    let mut md = String::from("# Ten thousand topics\n\n");
    for p in 0..PARTS {
        md.push_str(&format!("## Part {p}\n\n"));
        for t in 0..PER_PART {
            md.push_str(&format!("- [ ] Topic {p}.{t}\n"));
        }
        md.push('\n');
    }
    let bench = support::Cli::with_roadmap("big", &md);
    let run = |args: &[&str]| bench.run(args);
    let data = &bench.data;
    let parts: Vec<String> = (0..PARTS).map(|p| format!("part-{p}")).collect();
    let statuses = ["done", "todo"];

    let cli: Vec<Duration> = (0..RUNS)
        .map(|i| {
            let mut args: Vec<&str> = vec!["mark"];
            args.extend(parts.iter().map(String::as_str));
            args.extend([statuses[i % 2], "--all"]);
            let t = Instant::now();
            let out = run(&args);
            let took = t.elapsed();
            assert_eq!(out, format!("marked {} topics {}\n", PARTS * (PER_PART + 1), statuses[i % 2]));
            took
        })
        .collect();

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let (store_api, baseline) = runtime.block_on(async {
        let store = SqliteStore::open(&data.join("pyroad.db")).await.expect("open");
        let me = LearnerId::LOCAL;
        let stored = store.roadmap(me, "big").await.expect("roadmap");
        let ids: Vec<String> = stored.roadmap.walk().filter(|n| n.id.starts_with("topic-")).map(|n| n.id.clone()).collect();
        assert_eq!(ids.len(), PARTS * PER_PART);
        let mut store_api = Vec::new();
        for i in 0..RUNS {
            let status = if i % 2 == 0 { Status::Done } else { Status::Todo };
            let t = Instant::now();
            store.set_statuses(me, stored.id, &ids, status).await.expect("set_statuses");
            store_api.push(t.elapsed());
        }
        store.close().await;

        let options = SqliteConnectOptions::new()
            .filename(bench.scratch().join("bare.db"))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full);
        let mut conn = options.connect().await.expect("bare database");
        sqlx::query("CREATE TABLE progress (node_id TEXT PRIMARY KEY, status TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID")
            .execute(&mut conn)
            .await
            .expect("create table");
        let mut baseline = Vec::new();
        for i in 0..RUNS {
            let t = Instant::now();
            let mut tx = conn.begin().await.expect("begin");
            for id in &ids {
                sqlx::query(
                    "INSERT INTO progress (node_id, status, updated_at) VALUES (?, ?, ?)
                     ON CONFLICT (node_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                )
                .bind(id)
                .bind(statuses[i % 2])
                .bind(i64::try_from(i).unwrap_or(0))
                .execute(&mut *tx)
                .await
                .expect("upsert");
            }
            tx.commit().await.expect("commit");
            baseline.push(t.elapsed());
        }
        (store_api, baseline)
    });

    let median = |mut t: Vec<Duration>| {
        t.sort();
        (t[t.len() / 2], t[0])
    };
    let rows = [
        ("bare SQLite upsert, 10,000 rows (baseline)", median(baseline)),
        ("Store::set_statuses, 10,000 ids", median(store_api)),
        ("pyroad mark part-0..part-19 done --all", median(cli)),
    ];
    let base = rows[0].1.0.as_secs_f64();
    println!("{:<44} {:>10} {:>10} {:>7}   ({RUNS} runs each)", "what", "median", "min", "ratio");
    for (label, (med, min)) in rows {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!("{label:<44} {:>8.1}ms {:>8.1}ms {:>6.2}x", ms(med), ms(min), med.as_secs_f64() / base);
    }
}
