//! The Review page: the first due card, its answer behind a `<details>`
//! (no JavaScript needed), and Again/Hard/Good/Easy as one form.

use axum::extract::{Query, State};
use axum::response::{Html, Redirect};
use pyroad_store::Store;
use serde::Deserialize;

use super::render;
use crate::csrf::CsrfForm;
use crate::error::PageError;
use crate::learner::Learner;
use crate::reviews;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct PageQuery {
    /// The card just rated: the page says when it comes back.
    rated: Option<String>,
}

pub async fn page<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    Query(query): Query<PageQuery>,
) -> Result<Html<String>, PageError> {
    let due = reviews::due(&state, me).await?;
    let rated = match &query.rated {
        Some(card) => state.store.card_states(me).await?.into_iter().find(|s| s.card == *card).map(|s| {
            minijinja::context! { card => s.card, when => reviews::when(s.due, state.clock.now().timestamp()) }
        }),
        None => None,
    };
    render(
        &state,
        me,
        "review.html",
        "review",
        minijinja::context! { rated, card => due.first(), due => due.len(), ratings => ["again", "hard", "good", "easy"] },
    )
}

#[derive(Deserialize)]
pub struct RateForm {
    card: String,
    rating: String,
}

pub async fn rate<S: Store>(
    State(state): State<AppState<S>>,
    Learner(me): Learner,
    CsrfForm(form): CsrfForm<RateForm>,
) -> Result<Redirect, PageError> {
    let saved = reviews::rate(&state, me, &form.card, &form.rating).await?;
    Ok(Redirect::to(&format!("/review?rated={}", super::encode_query(&saved.card))))
}
