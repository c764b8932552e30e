//! The backend-independent store suite, on a fresh SQLite file per case.

use pyroad_store_sqlite::SqliteStore;

async fn open(_case: &'static str) -> SqliteStore {
    let dir = tempfile::tempdir().expect("a temporary directory can be made").keep();
    SqliteStore::open(&dir.join("pyroad.db")).await.expect("a fresh SQLite store opens")
}

async fn reopen(store: &SqliteStore) -> SqliteStore {
    store.reopen().await.expect("a second pool opens on the same file")
}

/// After a passing case: the file is sound, then it is deleted.
async fn close(store: SqliteStore) {
    assert_eq!(store.integrity_check().await.expect("integrity_check runs"), "ok");
    let dir = store.path().parent().map(std::path::Path::to_path_buf);
    store.close().await;
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

pyroad_store::store_tests!(open, reopen, close);
