//! A router under test and small helpers to send requests to it.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use pyroad_server::{AppState, Clock};
use pyroad_store::Store;
use tower::ServiceExt;

pub struct App<S> {
    pub router: Router,
    pub state: AppState<S>,
    /// The practice folder of [`App::practising`], removed on drop.
    pub practice: Option<tempfile::TempDir>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The `{"error": {"code", "message"}}` code of an API error.
    pub fn error_code(&self) -> String {
        let v = self.json();
        assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "no message: {}", self.body);
        v["error"]["code"].as_str().unwrap_or_else(|| panic!("no error code: {}", self.body)).to_owned()
    }
}

/// Monday 2026-11-23, 10:00 UTC: fixed so dates in pages are known.
pub fn clock() -> Clock {
    let at: jiff::Timestamp = "2026-11-23T10:00:00Z".parse().expect("a valid timestamp");
    Clock::Fixed(at.to_zoned(jiff::tz::TimeZone::UTC))
}

impl<S: Store + 'static> App<S> {
    pub fn new(store: S) -> Self {
        let state = AppState::new(store, clock()).expect("the app state builds");
        App { router: pyroad_server::router(state.clone()), state, practice: None }
    }

    /// An app that checks exercises in a fresh practice folder with the
    /// machine's Python (as `pyroad serve` does with the CLI's folder).
    pub fn practising(store: S) -> Self {
        let dir = tempfile::tempdir().expect("a temporary practice folder");
        let state = AppState::new(store, clock()).expect("the app state builds").with_practice(dir.path().into(), None);
        App { router: pyroad_server::router(state.clone()), state, practice: Some(dir) }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response: Response<Body> = self.router.clone().oneshot(request).await.expect("the router never errors");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("the body reads");
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).expect("a valid request")).await
    }

    pub async fn post_json(&self, uri: &str, json: &serde_json::Value) -> Reply {
        self.post_raw(uri, "application/json", json.to_string()).await
    }

    pub async fn post_raw(&self, uri: &str, content_type: &str, body: impl Into<Body>) -> Reply {
        let request =
            Request::post(uri).header(header::CONTENT_TYPE, content_type).body(body.into()).expect("a valid request");
        self.send(request).await
    }

    /// Posts a form with the given fields (the caller adds `csrf` or not).
    pub async fn post_form(&self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let body = serde_urlencoded::to_string(fields).expect("fields encode");
        self.post_raw(uri, "application/x-www-form-urlencoded", body).await
    }

    /// The CSRF token a page puts in its forms.
    pub async fn csrf(&self) -> String {
        let page = self.get("/roadmaps").await;
        csrf_in(&page.body)
    }
}

pub fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap_or_else(|| panic!("no csrf field in the page: {html}")) + marker.len();
    let end = html[start..].find('"').expect("the value attribute closes") + start;
    html[start..end].to_owned()
}

/// A seed roadmap's text, read from `../shared/seeds/`; never copied here.
pub fn seed(prefix: &str) -> String {
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
