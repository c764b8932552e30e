//! Whose data a request touches. Handlers take a [`Learner`] argument and
//! never assume a global one: in single-learner mode (loopback, no login)
//! the `local_learner` middleware attaches [`LearnerId::LOCAL`] to every
//! request; accounts will attach the session's learner the same way.

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use pyroad_store::LearnerId;

use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Learner(pub LearnerId);

impl<S: Send + Sync> FromRequestParts<S> for Learner {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Learner>()
            .copied()
            // Only reachable if the router was built without a learner layer.
            .ok_or_else(|| ApiError::Internal("no learner attached to the request".into()))
    }
}

/// Single-learner mode: every request acts for the local learner.
pub async fn local_learner(mut request: Request, next: Next) -> Response {
    request.extensions_mut().insert(Learner(LearnerId::LOCAL));
    next.run(request).await
}
