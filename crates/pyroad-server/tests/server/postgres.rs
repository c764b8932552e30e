//! The cases on PostgreSQL, one fresh database per case. `DATABASE_URL`
//! must point at a server where the user may create databases; without it
//! these tests fail (a skipped backend proves nothing).

use std::sync::atomic::{AtomicU32, Ordering};

use pyroad_store_postgres::{PgStore, admin};

fn admin_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "DATABASE_URL is not set: the server's PostgreSQL handler tests need a server \
             (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test); they never skip"
        ),
    }
}

static SEQ: AtomicU32 = AtomicU32::new(0);

async fn open(case: &'static str) -> PgStore {
    let n = SEQ.fetch_add(1, Ordering::Relaxed);
    let mut name = format!("pyroad_srv{}_{n}_{case}", std::process::id());
    name.truncate(63);
    let url = admin::create_database(&admin_url(), &name).await.expect("CREATE DATABASE on DATABASE_URL's server");
    PgStore::open(&url).await.expect("a fresh PostgreSQL store opens")
}

async fn close(store: PgStore) {
    let (name,): (String,) =
        sqlx::query_as("SELECT current_database()").fetch_one(store.pool()).await.expect("current_database");
    store.close().await;
    admin::drop_database(&admin_url(), &name).await.expect("DROP DATABASE");
}

crate::all_cases!(open, close);
