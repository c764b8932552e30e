//! The layers around every route: the learner, request ids (set when the
//! client sent none, echoed in the response), tracing spans carrying the id,
//! gzip, the body limit, and security headers.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Request, header};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Scripts only from our own origin (no inline script, no `eval`), no
/// plugins, no framing, no `<base>` tricks, forms post only to us.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub fn apply(app: Router) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    let layers = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let id = request
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or("-")
                        .to_owned();
                    tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id = %id)
                })
                // One INFO line per response: status and latency, inside the span.
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(x_request_id))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        // `same-origin`, not `no-referrer`: under `no-referrer` Chromium sends
        // `Origin: null` on our own form POSTs, which `same_origin_writes`
        // then refuses (found by the browser test). Links out still carry
        // no referrer.
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        // Pages and API answers reflect live progress: never cached (assets
        // set their own long-lived header).
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    app.layer(axum::middleware::from_fn(crate::learner::local_learner))
        .layer(axum::middleware::from_fn(crate::csrf::same_origin_writes))
        .layer(DefaultBodyLimit::max(crate::BODY_LIMIT))
        .layer(layers)
}
