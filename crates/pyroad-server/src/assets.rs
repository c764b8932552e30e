//! The one CSS file and the one small script, embedded in the binary and
//! served under fingerprinted names (`app.<hash>.css`) that never change
//! content, so browsers may cache them for a year.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pyroad_store::Store;
use sha2::{Digest, Sha256};

use crate::error::PageError;
use crate::state::AppState;

const CSS: &str = include_str!("../static/app.css");
const JS: &str = include_str!("../static/app.js");

pub struct Assets {
    pub css: String,
    pub js: String,
}

fn fingerprint(stem: &str, ext: &str, body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    format!("{stem}.{}.{ext}", &hex::encode(digest)[..12])
}

impl Assets {
    pub fn new() -> Self {
        Assets { css: fingerprint("app", "css", CSS), js: fingerprint("app", "js", JS) }
    }
}

pub async fn serve<S: Store + 'static>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let a = &state.assets;
    // Fingerprinted names are immutable; the plain names (used by the error
    // page, which has no state) are revalidated after five minutes.
    let (body, mime, cache) = match file.as_str() {
        f if f == a.css => (CSS, "text/css; charset=utf-8", "public, max-age=31536000, immutable"),
        f if f == a.js => (JS, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
        "app.css" => (CSS, "text/css; charset=utf-8", "public, max-age=300"),
        "app.js" => (JS, "text/javascript; charset=utf-8", "public, max-age=300"),
        _ => return Err(crate::error::ApiError::NotFound(format!("no asset named {file:?}")).into()),
    };
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response())
}
