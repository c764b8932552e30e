//! What only the SQLite backend has: the schema-version guard, clear errors
//! for files that are not pyroad databases, WAL mode.

use pyroad_store::{LearnerId, Store, StoreError};
use pyroad_store_sqlite::{SqliteStore, known_version};

#[tokio::test]
async fn a_database_from_a_newer_pyroad_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pyroad.db");
    let store = SqliteStore::open(&path).await.expect("fresh store opens");
    assert_eq!(store.schema_version().await.expect("version"), known_version());
    store.close().await;
    // What a newer binary would have left behind: one more applied migration.
    let newer = known_version() + 1;
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let pool = sqlx::SqlitePool::connect_with(options).await.expect("raw connection");
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (?, 'from the future', TRUE, x'00', 0)",
    )
    .bind(newer)
    .execute(&pool)
    .await
    .expect("insert future migration");
    pool.close().await;
    match SqliteStore::open(&path).await {
        Err(e @ StoreError::SchemaTooNew { .. }) => {
            let message = e.to_string();
            assert!(message.contains(&newer.to_string()) && message.contains("newer"), "{message}");
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[tokio::test]
async fn a_file_that_is_not_a_database_gives_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pyroad.db");
    std::fs::write(&path, "this is a text file, not SQLite\n".repeat(200)).expect("write junk");
    match SqliteStore::open(&path).await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains("not a database"), "{m}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[tokio::test]
async fn a_missing_directory_gives_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no/such/dir/pyroad.db");
    let err = SqliteStore::open(&path).await.expect_err("cannot open");
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains("no/such/dir"), "{err}");
}

#[tokio::test]
async fn the_file_is_in_wal_mode_and_migrations_run_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pyroad.db");
    let store = SqliteStore::open(&path).await.expect("opens");
    store.set_setting(LearnerId::LOCAL, "k", Some("v")).await.expect("write");
    store.close().await;
    let again = SqliteStore::open(&path).await.expect("opens again");
    assert_eq!(again.setting(LearnerId::LOCAL, "k").await.expect("read").as_deref(), Some("v"));
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let pool = sqlx::SqlitePool::connect_with(options).await.expect("raw connection");
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode").fetch_one(&pool).await.expect("pragma");
    assert_eq!(mode, "wal");
}

/// The files in `dir`, sorted.
fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the data directory")
        .map(|e| e.expect("directory entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A command's worth of reads and writes, as the CLI does them, then
/// `close`: SQLite deletes `-wal` and `-shm` when its last connection
/// closes, so a clean exit leaves only the database file. Repeated because
/// the leftovers came from a race (a connection still being handed back to
/// the pool when it closed).
#[tokio::test]
async fn closing_leaves_only_the_database_file() {
    for round in 0..25 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pyroad.db");
        let store = SqliteStore::open(&path).await.expect("opens");
        store.set_setting(LearnerId::LOCAL, "k", Some("v")).await.expect("write");
        assert!(store.active_roadmap(LearnerId::LOCAL).await.expect("read").is_none());
        assert_eq!(store.setting(LearnerId::LOCAL, "k").await.expect("read").as_deref(), Some("v"));
        store.close().await;
        assert_eq!(files_in(dir.path()), ["pyroad.db"], "round {round}");
        let again = SqliteStore::open(&path).await.expect("opens again");
        assert_eq!(again.setting(LearnerId::LOCAL, "k").await.expect("read").as_deref(), Some("v"), "round {round}");
        again.close().await;
        assert_eq!(files_in(dir.path()), ["pyroad.db"], "round {round}, a read-only run");
    }
}
