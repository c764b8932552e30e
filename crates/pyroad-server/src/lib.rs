//! pyroad's web app and JSON API: an axum [`Router`](axum::Router) over any
//! progress [`Store`], so the same handlers run on SQLite and PostgreSQL
//! (generic, never `dyn`; atuin's server does the same).
//!
//! ```no_run
//! # async fn demo(store: pyroad_store_sqlite::SqliteStore) -> anyhow::Result<()> {
//! let state = pyroad_server::AppState::new(store, pyroad_server::Clock::System)?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:7878").await?;
//! pyroad_server::serve(listener, pyroad_server::router(state), pyroad_server::shutdown_signal()).await?;
//! # Ok(()) }
//! ```
//!
//! A tour of the modules:
//! - [`state`]: what every handler shares (the store, templates, the CSRF
//!   key, the clock, the curriculum);
//! - `learner`: the extractor that says whose data a request touches;
//! - `csrf`: tokens in every form, checked on every form POST;
//! - `error`: the one error enum, as JSON for the API and HTML for pages;
//! - `layers`: request ids, tracing, compression, security headers;
//! - `assets`: the embedded, fingerprinted CSS and JS;
//! - [`view_cache`]: the dashboard and map kept per learner until a write;
//! - `views`: progress arithmetic the pages and the API show;
//! - `practice`: checking exercises with `pyroad-check` (the CLI's practice
//!   folder and records); `reviews`: the FSRS review queue and ratings;
//! - `pages`: the HTML pages; `api`: `/api/v1` and its OpenAPI document.
//!
//! This crate never depends on the `pyroad` binary crate nor on a database
//! driver: the binary picks the backend and hands a store in.

pub mod api;
mod assets;
mod charts;
mod csrf;
mod error;
mod layers;
mod learner;
mod markdown;
mod marks;
mod memo;
mod pages;
mod practice;
mod reviews;
pub mod state;
mod svg;
mod templates;
pub mod view_cache;
mod views;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use pyroad_store::Store;

pub use error::ApiError;
pub use state::{AppState, Clock};

/// The largest request body accepted (JSON or form), 2 MiB. Real roadmaps
/// are tens of kilobytes; a bigger body (a 5 MB upload) gets a clear 413.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The whole app: pages, `/api/v1`, `/static`, `/healthz`, with every layer.
pub fn router<S: Store + 'static>(state: AppState<S>) -> Router {
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/static/{file}", get(assets::serve))
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        .fallback(error::not_found_page)
        // Inside the learner layer (added by `layers::apply`), so it knows
        // whose pages a write makes stale.
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&state.views), view_cache::invalidate_after_writes))
        .with_state(state);
    layers::apply(app)
}

async fn healthz() -> &'static str {
    "ok"
}

/// Serves `app` on `listener` until `shutdown` resolves; requests in flight
/// when it does are finished before this returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on the first SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Structured logs on stderr; `RUST_LOG` filters them (default `info`).
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    // A second call (tests) keeps the first subscriber.
    use std::io::IsTerminal;
    let ansi = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).try_init();
}

/// Whether `addr` may be served without accounts: loopback only.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// The runtime `pyroad serve` runs on: multi-threaded, so slow requests
/// never hold up others.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build()
}

/// A listening socket for [`serve`].
pub async fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr).await
}
