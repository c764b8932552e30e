//! Recording practice checks in the progress store (`pyroad check` and
//! `pyroad watch`), so passed exercises can mark topics verified.

use anyhow::{Context, Result};
use pyroad_store::{NewExerciseResult, Store};

use super::store::{ME, Opened, open_with};
use crate::cli::StoreArgs;

/// Stores one check; returns after the commit.
pub fn record(args: &StoreArgs, result: &NewExerciseResult) -> Result<()> {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().context("cannot start the async runtime")?;
    runtime.block_on(async {
        match open_with(args, 1).await? {
            Opened::Sqlite(store) => {
                let done = store.record_exercise(ME, result).await;
                store.close().await;
                done?;
            }
            Opened::Postgres(store) => {
                let done = store.record_exercise(ME, result).await;
                store.close().await;
                done?;
            }
        }
        Ok(())
    })
}
