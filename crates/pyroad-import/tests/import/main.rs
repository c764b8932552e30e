//! The importer's integration tests, one binary (see ARCHITECTURE.md, Tests).
//!
//! `seeds` reads the five real roadmaps from `../shared/seeds/` (never copied
//! here); `fixtures` our own roadmaps in `tests/fixtures/`; `rules` one small
//! document per importer rule; `roundtrip` export then re-import; `fuzz`
//! random input never panics.

#![allow(clippy::unwrap_used)]

mod common;
mod fixtures;
mod fuzz;
mod roundtrip;
mod rules;
mod seeds;
