//! The CLI on PostgreSQL (`--database-url`): two processes writing to one
//! database at once lose nothing. Needs DATABASE_URL (a server where the
//! user may create databases); without it this test fails, it never skips.

use std::process::Command;

use pyroad_store::{LearnerId, Status, Store};
use pyroad_store_postgres::{PgStore, admin};

use crate::progress::Home;

const WRITES: usize = 15;

fn admin_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "DATABASE_URL is not set: the PostgreSQL CLI test needs a server \
             (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test); it never skips"
        ),
    }
}

#[test]
fn two_processes_writing_to_one_postgres_lose_nothing() {
    let admin_url = admin_url();
    let name = format!("pyroad_cli_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let url = runtime.block_on(admin::create_database(&admin_url, &name)).expect("fresh database");

    let home = Home::new();
    let mut md = String::from("# Shared\n\n");
    for i in 0..2 * WRITES {
        md.push_str(&format!("- [ ] Topic {i}\n"));
    }
    let file = home.write("shared.md", &md);
    let out = home
        .cmd()
        .args(["--database-url", &url, "roadmap", "add", file.to_str().expect("UTF-8"), "--name", "shared"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let binary = assert_cmd::cargo::cargo_bin("pyroad");
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (binary, url) = (binary.clone(), url.clone());
            std::thread::spawn(move || {
                for i in 0..WRITES {
                    let topic = format!("topic-{}", w * WRITES + i);
                    for args in [
                        vec!["mark".to_string(), topic.clone(), "done".into()],
                        vec!["log".into(), "1m".into(), topic, "--note".into(), format!("w{w}-{i}")],
                    ] {
                        let out =
                            Command::new(&binary).arg("--database-url").arg(&url).args(&args).output().expect("runs");
                        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
                    }
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }

    runtime.block_on(async {
        let store = PgStore::open(&url).await.expect("open");
        let roadmap = store.roadmap(LearnerId::LOCAL, "shared").await.expect("roadmap");
        let progress = store.progress(LearnerId::LOCAL, roadmap.id).await.expect("progress");
        assert_eq!(progress.iter().filter(|p| p.status == Status::Done).count(), 2 * WRITES);
        let log = store.log_entries(LearnerId::LOCAL, None).await.expect("log");
        assert_eq!(log.len(), 2 * WRITES);
        store.close().await;
        admin::drop_database(&admin_url, &name).await.expect("drop database");
    });
}
