//! CSRF protection for the HTML forms. Every form carries a hidden `csrf`
//! field: an HMAC-SHA256, under a secret drawn fresh for each server process,
//! of the learner the page was rendered for. [`CsrfForm`] checks it (in
//! constant time) before a handler sees the form, so no form POST changes
//! anything without it. A cross-site page cannot read the token (same-origin
//! policy), so it cannot forge a form that passes. The JSON API is guarded
//! differently: it only accepts `Content-Type: application/json`, which a
//! cross-site form cannot send without a CORS preflight this server never
//! grants.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use pyroad_store::{LearnerId, Store};
use serde::de::DeserializeOwned;
use sha2::Sha256;

use crate::error::{ApiError, PageError};
use crate::learner::Learner;
use crate::state::AppState;

type HmacSha256 = Hmac<Sha256>;

/// The form field holding the token.
pub const FIELD: &str = "csrf";

pub struct CsrfKey {
    secret: [u8; 32],
}

impl CsrfKey {
    pub fn random() -> anyhow::Result<Self> {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret).map_err(|e| anyhow::anyhow!("cannot draw a random CSRF secret: {e}"))?;
        Ok(CsrfKey { secret })
    }

    fn mac(&self, learner: LearnerId) -> HmacSha256 {
        // HMAC takes keys of any length, so this cannot fail.
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.secret).expect("HMAC accepts a 32-byte key");
        mac.update(b"pyroad-csrf:");
        mac.update(&learner.0.to_be_bytes());
        mac
    }

    /// The token to put in the learner's forms.
    pub fn token(&self, learner: LearnerId) -> String {
        hex::encode(self.mac(learner).finalize().into_bytes())
    }

    /// Whether `token` is the learner's token (constant-time comparison).
    pub fn verify(&self, learner: LearnerId, token: &str) -> bool {
        match hex::decode(token.trim()) {
            Ok(bytes) => self.mac(learner).verify_slice(&bytes).is_ok(),
            Err(_) => false,
        }
    }
}

/// A urlencoded form whose CSRF token has been checked. `T` ignores the
/// `csrf` field (serde skips unknown fields by default).
pub struct CsrfForm<T>(pub T);

impl<S: Store + 'static, T: DeserializeOwned> FromRequest<AppState<S>> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState<S>) -> Result<Self, Self::Rejection> {
        let learner = request
            .extensions()
            .get::<Learner>()
            .copied()
            .ok_or_else(|| ApiError::Internal("no learner attached to the request".into()))?;
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(ApiError::UnsupportedMediaType(
                "forms must be sent as application/x-www-form-urlencoded".into(),
            )
            .into());
        }
        let bytes = Bytes::from_request(request, state).await.map_err(ApiError::from)?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| ApiError::BadRequest(format!("the form does not decode: {e}")))?;
        let token = pairs.iter().find(|(k, _)| k == FIELD).map(|(_, v)| v.as_str()).unwrap_or("");
        if !state.csrf.verify(learner.0, token) {
            return Err(ApiError::Csrf.into());
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| ApiError::Invalid(format!("the form has a wrong field: {e}")))?;
        Ok(CsrfForm(form))
    }
}

/// Defence in depth for every state change, forms and API alike: a POST a
/// browser marks as cross-site (`Sec-Fetch-Site`), or whose `Origin` is not
/// this server's `Host`, is refused before any handler runs.
pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    let headers = request.headers();
    let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let refused = match (text("sec-fetch-site"), text(header::ORIGIN.as_str()), text(header::HOST.as_str())) {
        (Some("cross-site"), _, _) => Some("Sec-Fetch-Site: cross-site".to_owned()),
        (_, Some(origin), Some(host)) if origin_host(origin) != Some(host) => Some(format!("Origin {origin}")),
        _ => None,
    };
    match refused {
        None => next.run(request).await,
        Some(why) => {
            let error = ApiError::CrossOrigin(why);
            if request.uri().path().starts_with("/api/") {
                error.into_response()
            } else {
                PageError(error).into_response()
            }
        }
    }
}

/// `host[:port]` of an `Origin` value (`null` and opaque origins give `None`).
fn origin_host(origin: &str) -> Option<&str> {
    origin.split_once("://").map(|(_, rest)| rest.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_for_their_learner_and_key() {
        let key = CsrfKey::random().expect("random key");
        let other = CsrfKey::random().expect("random key");
        let token = key.token(LearnerId::LOCAL);
        assert_eq!(token.len(), 64);
        assert!(key.verify(LearnerId::LOCAL, &token));
        assert!(!key.verify(LearnerId(2), &token));
        assert!(!other.verify(LearnerId::LOCAL, &token));
        assert!(!key.verify(LearnerId::LOCAL, ""));
        assert!(!key.verify(LearnerId::LOCAL, "zz"));
        assert!(!key.verify(LearnerId::LOCAL, &token[..62]));
    }
}
