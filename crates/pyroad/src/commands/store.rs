//! Choosing and opening the progress store, and running a command on it.
//!
//! `--database-url` / `DATABASE_URL` (a `postgres://` URL) selects
//! PostgreSQL; otherwise the SQLite file `pyroad.db` in `--data-dir` /
//! `PYROAD_DATA_DIR` or the platform data directory. Commands are generic
//! over the store (`S: Store`): the backend is picked once, here, and each
//! command runs on a current-thread tokio runtime.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use pyroad_store::{LearnerId, Store, StoreError, StoredRoadmap};
use pyroad_store_postgres::PgStore;
use pyroad_store_sqlite::SqliteStore;

use crate::cli::{StoreArgs, StoredRoadmapCommand, TrackCommand};

/// Everything that needs the store.
pub enum Action {
    Roadmap(StoredRoadmapCommand),
    Track(TrackCommand),
    // Spaced repetition (issue 7); quiz answers are reviews too.
    Review(super::review::ReviewArgs),
    Quiz(crate::cli::QuizArgs),
    Plan(Box<crate::cli::PlanArgs>),
}

/// The learner every CLI command acts for.
pub const ME: LearnerId = LearnerId::LOCAL;

pub fn run(args: &StoreArgs, action: Action) -> Result<ExitCode> {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().context("cannot start the async runtime")?;
    runtime.block_on(async {
        match open_with(args, 1).await? {
            Opened::Sqlite(store) => {
                let dir = store.path().parent().map(std::path::Path::to_path_buf).unwrap_or_default();
                let result = dispatch(&store, action).await.map_err(|e| read_only_hint(e, &dir));
                // Closing checkpoints the WAL; a failed close loses nothing.
                store.close().await;
                result
            }
            Opened::Postgres(store) => {
                let result = dispatch(&store, action).await;
                store.close().await;
                result
            }
        }
    })
}

async fn dispatch<S: Store>(store: &S, action: Action) -> Result<ExitCode> {
    match action {
        Action::Roadmap(cmd) => super::library::run(store, cmd).await,
        Action::Track(cmd) => super::track::run(store, cmd).await,
        Action::Review(args) => super::review::run(store, args).await,
        Action::Quiz(args) => super::review::quiz(store, &args).await,
        Action::Plan(args) => super::plan::run_stored(store, args).await,
    }
}

pub(super) enum Opened {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

/// Opens the store for a server: several SQLite connections.
pub(super) async fn open(args: &StoreArgs) -> Result<Opened> {
    open_with(args, 4).await
}

/// Opens the store with at most `connections` SQLite connections (a command
/// runs its queries one after another: 1 saves opening more).
pub(super) async fn open_with(args: &StoreArgs, connections: u32) -> Result<Opened> {
    if let Some(url) = args.database_url.as_deref().filter(|u| !u.is_empty()) {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            bail!(
                "--database-url must be a postgres:// URL (got {}); for SQLite use --data-dir",
                pyroad_store_postgres::redact(url)
            );
        }
        return Ok(Opened::Postgres(PgStore::open(url).await?));
    }
    let dir = data_dir(args)?;
    if !dir.exists() {
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    }
    match SqliteStore::open_with(&dir.join("pyroad.db"), connections).await {
        Ok(store) => Ok(Opened::Sqlite(store)),
        Err(err) => Err(read_only_hint(err.into(), &dir)),
    }
}

/// Whether a store may hold anything yet: a PostgreSQL URL is given, or
/// the SQLite file exists. Lets read-only lookups skip creating one.
pub(super) fn may_exist(args: &StoreArgs) -> Result<bool> {
    if args.database_url.as_deref().is_some_and(|u| !u.is_empty()) {
        return Ok(true);
    }
    Ok(data_dir(args)?.join("pyroad.db").exists())
}

/// SQLite's "unable to open" and "attempt to write a readonly database" do
/// not say that the data directory is the reason: say it when it is.
fn read_only_hint(err: anyhow::Error, dir: &std::path::Path) -> anyhow::Error {
    if matches!(err.downcast_ref::<StoreError>(), Some(StoreError::Open { .. })) && !writable(dir) {
        err.context(format!(
            "the data directory {} is read-only (pyroad keeps its database there; give another --data-dir)",
            dir.display()
        ))
    } else {
        err
    }
}

/// Whether a file can be created in `dir`.
fn writable(dir: &std::path::Path) -> bool {
    tempfile::tempfile_in(dir).is_ok()
}

fn data_dir(args: &StoreArgs) -> Result<PathBuf> {
    if let Some(dir) = args.data_dir.as_ref().filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir.clone());
    }
    directories::ProjectDirs::from("", "", "pyroad")
        .map(|p| p.data_dir().to_path_buf())
        .context("cannot find a home directory for the data; give --data-dir or PYROAD_DATA_DIR")
}

/// The roadmap a command works on: the named one, or the active one.
pub async fn pick<S: Store>(store: &S, name: Option<&str>) -> Result<StoredRoadmap> {
    match name {
        Some(name) => Ok(store.roadmap(ME, name).await?),
        None => match store.active_roadmap(ME).await? {
            Some(r) => Ok(r),
            None => Err(StoreError::Invalid(
                "no roadmap yet: add one with `pyroad roadmap add FILE` (or pick one with `pyroad roadmap use NAME`)"
                    .into(),
            )
            .into()),
        },
    }
}
