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
