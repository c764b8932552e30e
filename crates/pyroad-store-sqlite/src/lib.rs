//! pyroad's progress store on an embedded SQLite file: the default backend.
//!
//! ```no_run
//! # async fn demo() -> Result<(), pyroad_store::StoreError> {
//! use pyroad_store::{LearnerId, Store};
//! let store = pyroad_store_sqlite::SqliteStore::open("/tmp/pyroad.db".as_ref()).await?;
//! let roadmaps = store.list_roadmaps(LearnerId::LOCAL).await?;
//! # Ok(()) }
//! ```
//!
//! Opening runs the migrations in `migrations/` (and refuses a database a
//! newer pyroad wrote). The file is in WAL mode with `synchronous = FULL`:
//! a write that returned is on disk, whatever happens to the process next.
//! Every method is one transaction; writers take the write lock up front
//! (`BEGIN IMMEDIATE`) and wait up to five seconds for another writer.
//! Timestamps are stored as Unix milliseconds, days as `YYYY-MM-DD`.

mod bulk;
mod exercises;
mod restore;
mod store;
// Spaced repetition (issue 7).
mod review;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use jiff::Timestamp;
use pyroad_store::{Result, StoreError};
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// A SQLite progress store. Cloning shares the connection pool.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and brings its
    /// schema up to date, with up to four connections (for a server).
    pub async fn open(path: &Path) -> Result<Self> {
        SqliteStore::open_with(path, 4).await
    }

    /// [`SqliteStore::open`] with at most `connections` connections. A
    /// command that runs its queries one after another wants 1: the pool
    /// hands a connection back in a spawned task, so with more allowed the
    /// next query often opens another one (a thread, the file, the schema).
    pub async fn open_with(path: &Path, connections: u32) -> Result<Self> {
        let open_err = |message: String| StoreError::Open { location: path.display().to_string(), message };
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // A local file needs no liveness ping before each query (sqlx's
        // default): that is a round trip to the connection's thread per query.
        let pool = SqlitePoolOptions::new()
            .max_connections(connections.max(1))
            .min_connections(0)
            .test_before_acquire(false)
            .connect_with(options)
            .await
            .map_err(|e| match db_error(e) {
                StoreError::Database(inner) => open_err(inner.to_string()),
                StoreError::Open { message, .. } => open_err(message),
                other => other,
            })?;
        let store = SqliteStore { pool, path: path.to_path_buf() };
        let migrated = match store.up_to_date().await {
            Ok(true) => Ok(()),
            Ok(false) | Err(_) => match store.check_version().await {
                Ok(()) => MIGRATOR.run(&store.pool).await.map_err(|e| match e {
                    sqlx::migrate::MigrateError::Execute(e) => db_error(e),
                    other => open_err(other.to_string()),
                }),
                Err(e) => Err(e),
            },
        };
        match migrated {
            Ok(()) => Ok(store),
            Err(e) => {
                store.close().await;
                Err(e)
            }
        }
    }

    /// Opens a second, independent pool on the same file (as another
    /// process would).
    pub async fn reopen(&self) -> Result<Self> {
        SqliteStore::open(&self.path).await
    }

    /// The connection pool, for tests and tools that need raw SQL.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `PRAGMA integrity_check`: `"ok"` for a sound file.
    pub async fn integrity_check(&self) -> Result<String> {
        let rows: Vec<(String,)> =
            sqlx::query_as("PRAGMA integrity_check").fetch_all(&self.pool).await.map_err(db_error)?;
        Ok(rows.into_iter().map(|(r,)| r).collect::<Vec<_>>().join("; "))
    }

    /// Closes the pool, waiting for connections to finish. The last
    /// connection to close checkpoints the WAL and deletes `-wal` and `-shm`,
    /// so a clean exit leaves only the database file.
    pub async fn close(self) {
        settle(&self.pool).await;
        self.pool.close().await;
    }

    /// Whether every migration this binary carries, and no other, has been
    /// applied successfully: one read, so the common start skips the
    /// migrator's table check and listing. Any error (a fresh file has no
    /// `_sqlx_migrations` yet) sends the caller down the full path, which
    /// reports real problems. A newer schema is refused here too.
    async fn up_to_date(&self) -> Result<bool> {
        let (newest, applied, succeeded): (Option<i64>, i64, Option<i64>) =
            sqlx::query_as("SELECT MAX(version), COUNT(*), SUM(success) FROM _sqlx_migrations")
                .fetch_one(&self.pool)
                .await
                .map_err(db_error)?;
        pyroad_store::check_schema_version(newest, known_version())?;
        let carried = i64::try_from(MIGRATOR.iter().count()).unwrap_or(i64::MAX);
        Ok(newest == Some(known_version()) && applied == carried && succeeded == Some(carried))
    }

    /// Refuses a database whose newest applied migration this binary lacks.
    async fn check_version(&self) -> Result<()> {
        let has_table: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
                .fetch_optional(&self.pool)
                .await
                .map_err(db_error)?;
        if has_table.is_none() {
            return Ok(());
        }
        let (found,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&self.pool)
            .await
            .map_err(db_error)?;
        pyroad_store::check_schema_version(found, known_version())
    }
}

/// Waits (up to two seconds) until every connection is back in the pool.
///
/// A dropped connection is handed back by a spawned task that pings it
/// first. sqlx 0.8's `Pool::close` can return while such a task is in
/// flight, and the connection then lands in the closed pool's idle queue,
/// where nothing closes it before the process exits: SQLite never sees its
/// last close and leaves `-wal`/`-shm` behind (launchbadge/sqlx#3217).
/// With every connection idle, `close` closes them one by one, and the
/// last one checkpoints and removes the files.
async fn settle(pool: &SqlitePool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    while pool.size() as usize > pool.num_idle() && std::time::Instant::now() < deadline {
        tokio::task::yield_now().await;
    }
}

/// The newest schema version this binary carries.
pub fn known_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Turns a driver error into the store's error.
pub(crate) fn db_error(e: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(d) = &e {
        let code = d.code().and_then(|c| i64::from_str(&c).ok()).unwrap_or(0) & 0xff;
        match code {
            // SQLITE_BUSY, SQLITE_LOCKED
            5 | 6 => return StoreError::Busy,
            // SQLITE_CORRUPT, SQLITE_NOTADB
            11 | 26 => return StoreError::Corrupt(d.message().to_string()),
            // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_FULL
            8 | 14 | 10 | 13 => {
                return StoreError::Open { location: "file".into(), message: d.message().to_string() };
            }
            _ => {}
        }
    }
    StoreError::Database(Box::new(e))
}

pub(crate) fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

pub(crate) fn ts(ms: i64) -> Result<Timestamp> {
    Timestamp::from_millisecond(ms).map_err(|e| StoreError::Corrupt(format!("timestamp {ms}: {e}")))
}

pub(crate) fn opt_ts(ms: Option<i64>) -> Result<Option<Timestamp>> {
    ms.map(ts).transpose()
}
