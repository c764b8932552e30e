//! The backend-independent store suite on PostgreSQL, one fresh database
//! per case (named after the run and the case, so runs never collide).
//!
//! `DATABASE_URL` must point at a server where the user may create
//! databases (`.ci/run` sets it). Without it these tests fail: a skipped
//! backend would be a green light that proves nothing.

use std::sync::atomic::{AtomicU32, Ordering};

use pyroad_store::{Store, StoreError};
use pyroad_store_postgres::{PgStore, admin, known_version};

fn admin_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "DATABASE_URL is not set: the PostgreSQL store tests need a server \
             (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test); they never skip"
        ),
    }
}

static SEQ: AtomicU32 = AtomicU32::new(0);

fn db_name(case: &str) -> String {
    let n = SEQ.fetch_add(1, Ordering::Relaxed);
    let mut name = format!("pyroad_t{}_{n}_{case}", std::process::id());
    name.truncate(63);
    name
}

async fn create(case: &str) -> (String, String) {
    let name = db_name(case);
    let url = admin::create_database(&admin_url(), &name).await.expect("CREATE DATABASE on DATABASE_URL's server");
    (name, url)
}

async fn drop_db(name: &str) {
    admin::drop_database(&admin_url(), name).await.expect("DROP DATABASE");
}

async fn open(case: &'static str) -> PgStore {
    let (_, url) = create(case).await;
    PgStore::open(&url).await.expect("a fresh PostgreSQL store opens")
}

async fn reopen(store: &PgStore) -> PgStore {
    store.reopen().await.expect("a second pool opens on the same database")
}

async fn close(store: PgStore) {
    let (name,): (String,) =
        sqlx::query_as("SELECT current_database()").fetch_one(store.pool()).await.expect("current_database");
    store.close().await;
    drop_db(&name).await;
}

pyroad_store::store_tests!(open, reopen, close);

#[tokio::test]
async fn a_database_from_a_newer_pyroad_is_refused() {
    let (name, url) = create("newer").await;
    let store = PgStore::open(&url).await.expect("opens");
    assert_eq!(store.schema_version().await.expect("version"), known_version());
    let newer = known_version() + 1;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES ($1, 'from the future', TRUE, '\\x00', 0)",
    )
    .bind(newer)
    .execute(store.pool())
    .await
    .expect("insert future migration");
    store.close().await;
    match PgStore::open(&url).await {
        Err(e @ StoreError::SchemaTooNew { .. }) => assert!(e.to_string().contains("newer"), "{e}"),
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    drop_db(&name).await;
}

#[tokio::test]
async fn a_server_that_is_down_gives_a_clear_error() {
    // Port 1 on loopback: nothing listens there.
    let err = PgStore::open("postgres://nobody:secret@127.0.0.1:1/none").await.expect_err("cannot connect");
    let message = err.to_string();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(message.contains("127.0.0.1:1") && !message.contains("secret"), "{message}");
}

#[test]
fn database_names_replace_only_the_path() {
    use admin::with_database;
    assert_eq!(with_database("postgres://u@h:5432/test", "x"), "postgres://u@h:5432/x");
    assert_eq!(with_database("postgres://u@h/test?sslmode=disable", "x"), "postgres://u@h/x?sslmode=disable");
    assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
}
