//! The cases on a fresh SQLite file each.

use pyroad_store_sqlite::SqliteStore;

async fn open(_case: &'static str) -> SqliteStore {
    let dir = tempfile::tempdir().expect("a temporary directory can be made").keep();
    SqliteStore::open(&dir.join("pyroad.db")).await.expect("a fresh SQLite store opens")
}

async fn close(store: SqliteStore) {
    let dir = store.path().parent().map(std::path::Path::to_path_buf);
    store.close().await;
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

crate::all_cases!(open, close);
