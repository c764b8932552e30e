//! `pyroad serve`: the web app and JSON API (`pyroad-server`) on the same
//! store the other commands use.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;

use super::store::{Opened, open};
use crate::cli::StoreArgs;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Without accounts (a later release) only
    /// loopback addresses are allowed.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: SocketAddr,
}

pub fn run(store: &StoreArgs, args: &ServeArgs) -> Result<ExitCode> {
    if !pyroad_server::is_loopback(&args.bind) {
        bail!(
            "refusing to serve on {}: without accounts the web app has no login, so it only listens on \
             loopback (127.0.0.1 or ::1); use --bind 127.0.0.1:PORT",
            args.bind
        );
    }
    pyroad_server::init_tracing();
    let runtime = pyroad_server::runtime().context("cannot start the async runtime")?;
    // The CLI's practice folder: code started with `pyroad practice` shows
    // up in the browser and the other way round.
    let practice = super::practice::data_dir(store.data_dir.as_deref())?.join("exercises");
    runtime.block_on(async {
        match open(store).await? {
            Opened::Sqlite(s) => {
                let result = serve(s.clone(), args.bind, practice).await;
                // Closing checkpoints the WAL.
                s.close().await;
                result
            }
            Opened::Postgres(s) => {
                let result = serve(s.clone(), args.bind, practice).await;
                s.close().await;
                result
            }
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn serve<S: pyroad_store::Store + 'static>(store: S, bind: SocketAddr, practice: PathBuf) -> Result<()> {
    let state = pyroad_server::AppState::new(store, pyroad_server::Clock::System)?.with_practice(practice, None);
    let listener = pyroad_server::bind(bind).await.with_context(|| format!("cannot listen on {bind}"))?;
    let local = listener.local_addr().context("the listening socket has no address")?;
    crate::output::print(&format!("pyroad is serving on http://{local}/ (Ctrl-C stops it)\n"))?;
    pyroad_server::serve(listener, pyroad_server::router(state), pyroad_server::shutdown_signal())
        .await
        .with_context(|| format!("the server on {local} failed"))
}
