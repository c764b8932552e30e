//! The one error enum of the HTTP edge. Store errors, bad input and
//! rejections of axum's extractors are mapped here once, to a status and a
//! stable code; the API shows them as `{"error": {"code", "message"}}` and
//! the pages as an HTML page ([`PageError`]).

use axum::Json;
use axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use pyroad_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    NotFound(String),
    /// The body or a parameter could not be read at all (malformed JSON).
    #[error("{0}")]
    BadRequest(String),
    /// Well-formed input with wrong types or values.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Conflict(String),
    #[error("the request body is larger than the {limit} bytes this server accepts", limit = crate::BODY_LIMIT)]
    TooLarge,
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the form's CSRF token is missing or wrong; reload the page and try again")]
    Csrf,
    #[error("a state change from another site ({0}) is refused")]
    CrossOrigin(String),
    #[error("the database is busy; try again in a moment")]
    Busy,
    /// A service the request needs is missing here (no Python to check with).
    #[error("{0}")]
    Unavailable(String),
    /// Anything the client cannot fix; the details go to the log only.
    #[error("internal error")]
    Internal(String),
}

/// The JSON shape of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `not_found`, `bad_request`, `invalid`,
    /// `conflict`, `too_large`, `unsupported_media_type`, `csrf`, `cross_origin`, `busy`, `unavailable`,
    /// `internal`.
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Csrf | ApiError::CrossOrigin(_) => StatusCode::FORBIDDEN,
            ApiError::Busy | ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound(_) => "not_found",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Invalid(_) => "invalid",
            ApiError::Conflict(_) => "conflict",
            ApiError::TooLarge => "too_large",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::Csrf => "csrf",
            ApiError::CrossOrigin(_) => "cross_origin",
            ApiError::Busy => "busy",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    fn body(&self) -> ErrorBody {
        if let ApiError::Internal(detail) = self {
            tracing::error!(%detail, "internal error");
        }
        ErrorBody { error: ErrorDetail { code: self.code(), message: self.to_string() } }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => ApiError::NotFound(e.to_string()),
            StoreError::AlreadyExists { .. } => ApiError::Conflict(e.to_string()),
            StoreError::Invalid(m) => ApiError::Invalid(m),
            StoreError::Busy => ApiError::Busy,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// A body over [`crate::BODY_LIMIT`] shows up as a 413 rejection.
fn rejection(status: StatusCode, text: String) -> ApiError {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType(text),
        StatusCode::UNPROCESSABLE_ENTITY => ApiError::Invalid(text),
        _ => ApiError::BadRequest(text),
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        rejection(r.status(), r.body_text())
    }
}

impl From<FormRejection> for ApiError {
    fn from(r: FormRejection) -> Self {
        rejection(r.status(), r.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        ApiError::BadRequest(r.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> Self {
        ApiError::BadRequest(r.body_text())
    }
}

impl From<axum::extract::rejection::BytesRejection> for ApiError {
    fn from(r: axum::extract::rejection::BytesRejection) -> Self {
        rejection(r.status(), r.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status(), Json(self.body())).into_response()
    }
}

/// The same errors, shown to a browser as a small HTML page.
#[derive(Debug)]
pub struct PageError(pub ApiError);

impl<E: Into<ApiError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let message = self.0.body().error.message;
        let page = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{code} · pyroad</title>\
             <link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main class=\"error\">\
             <h1>{code} {reason}</h1><p>{message}</p><p><a href=\"/\">Back to the dashboard</a></p></main></body></html>\n",
            code = status.as_u16(),
            reason = status.canonical_reason().unwrap_or("error"),
            message = escape_html(&message),
        );
        (status, Html(page)).into_response()
    }
}

/// Unknown paths outside the API get the HTML 404 page; inside `/api/v1`
/// the JSON shape (see `api::routes`).
pub async fn not_found_page() -> PageError {
    PageError(ApiError::NotFound("no page here".into()))
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
