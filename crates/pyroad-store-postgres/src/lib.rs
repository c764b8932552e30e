//! pyroad's progress store on PostgreSQL: for a group server with several
//! app instances.
//!
//! ```no_run
//! # async fn demo() -> Result<(), pyroad_store::StoreError> {
//! use pyroad_store::{LearnerId, Store};
//! let store = pyroad_store_postgres::PgStore::open("postgres://localhost/pyroad").await?;
//! let roadmaps = store.list_roadmaps(LearnerId::LOCAL).await?;
//! # Ok(()) }
//! ```
//!
//! Opening runs the migrations in `migrations/` (its own SQL, not shared
//! with SQLite) and refuses a database a newer pyroad wrote. Every method is
//! one transaction; writes are single-statement upserts or run under row
//! locks, so concurrent writers from several processes lose nothing.

/// Reads a timestamptz column as Unix milliseconds.
macro_rules! ms {
    ($col:literal) => {
        concat!("(extract(epoch FROM ", $col, ") * 1000)::int8")
    };
}

mod exercises;
mod queries;
mod restore;
mod store;
// Spaced repetition (issue 7).
mod review;

use std::str::FromStr;
use std::time::Duration;

use pyroad_store::{Result, StoreError};
use sqlx::Connection;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// A PostgreSQL progress store. Cloning shares the connection pool.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    url: String,
}

impl PgStore {
    /// Connects to `url` and brings the schema up to date.
    pub async fn open(url: &str) -> Result<Self> {
        let open_err = |message: String| StoreError::Open { location: redact(url), message };
        let options = PgConnectOptions::from_str(url).map_err(|e| open_err(e.to_string()))?;
        // One plain connection first: it fails at once when the server is
        // down (a pool would retry until its timeout), and it runs the
        // version check and the migrations.
        let mut conn = PgConnection::connect_with(&options).await.map_err(|e| open_err(e.to_string()))?;
        check_version(&mut conn).await?;
        MIGRATOR.run(&mut conn).await.map_err(|e| match e {
            sqlx::migrate::MigrateError::Execute(e) => db_error(e),
            other => open_err(other.to_string()),
        })?;
        let _ = conn.close().await;
        let pool =
            PgPoolOptions::new().max_connections(8).acquire_timeout(Duration::from_secs(10)).connect_lazy_with(options);
        Ok(PgStore { pool, url: url.to_string() })
    }

    /// Opens a second, independent pool on the same database (as another
    /// process would).
    pub async fn reopen(&self) -> Result<Self> {
        PgStore::open(&self.url).await
    }

    /// The connection pool, for tests and tools that need raw SQL.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}

/// Refuses a database whose newest applied migration this binary lacks.
async fn check_version(conn: &mut PgConnection) -> Result<()> {
    let (has_table,): (bool,) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations')",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(db_error)?;
    if !has_table {
        return Ok(());
    }
    let (found,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(&mut *conn).await.map_err(db_error)?;
    pyroad_store::check_schema_version(found, known_version())
}

/// The newest schema version this binary carries.
pub fn known_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!("{}{}:***{}", &url[..scheme + 3], &userinfo[..colon], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

pub(crate) fn db_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) => match d.code().as_deref() {
            Some("23505") => StoreError::AlreadyExists { what: "row", key: d.message().to_string() },
            Some("55P03") => StoreError::Busy,
            _ => StoreError::Database(Box::new(e)),
        },
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_) => {
            StoreError::Open { location: "PostgreSQL".into(), message: e.to_string() }
        }
        _ => StoreError::Database(Box::new(e)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redact_hides_only_the_password() {
        assert_eq!(super::redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}

/// Creating and dropping whole databases: for test runs that each need a
/// fresh one, and for setup scripts.
pub mod admin {
    use pyroad_store::{Result, StoreError};
    use sqlx::Connection;

    use crate::{db_error, redact};

    /// `url` with its database name replaced by `db`.
    pub fn with_database(url: &str, db: &str) -> String {
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, format!("?{q}")),
            None => (url, String::new()),
        };
        let host_start = base.find("://").map_or(0, |s| s + 3);
        let cut = base.rfind('/').filter(|&i| i >= host_start).unwrap_or(base.len());
        format!("{}/{db}{query}", &base[..cut])
    }

    /// Creates database `name` on the server of `admin_url`; returns its URL.
    pub async fn create_database(admin_url: &str, name: &str) -> Result<String> {
        check(name)?;
        let mut conn = sqlx::PgConnection::connect(admin_url)
            .await
            .map_err(|e| StoreError::Open { location: redact(admin_url), message: e.to_string() })?;
        sqlx::query(&format!("CREATE DATABASE \"{name}\"")).execute(&mut conn).await.map_err(db_error)?;
        Ok(with_database(admin_url, name))
    }

    /// Drops database `name` (closing its connections).
    pub async fn drop_database(admin_url: &str, name: &str) -> Result<()> {
        check(name)?;
        let mut conn = sqlx::PgConnection::connect(admin_url)
            .await
            .map_err(|e| StoreError::Open { location: redact(admin_url), message: e.to_string() })?;
        sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .map_err(db_error)?;
        Ok(())
    }

    fn check(name: &str) -> Result<()> {
        if !name.is_empty() && name.len() <= 63 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            Ok(())
        } else {
            Err(StoreError::Invalid(format!("{name:?} is not a database name pyroad creates")))
        }
    }
}
