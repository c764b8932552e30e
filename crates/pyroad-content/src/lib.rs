//! The built-in curriculum, "Python from zero to professional": topics with
//! lessons, checked examples, predict-the-output questions and review
//! cards, embedded in the binary; the checks that keep it honest; coverage
//! of any imported roadmap by its topics; and FSRS review scheduling.
//!
//! ```
//! let curriculum = pyroad_content::Curriculum::builtin().expect("the embedded content parses");
//! assert!(curriculum.validate().is_empty());
//! let lists = curriculum.find("lists").expect("a lists topic");
//! assert!(lists.cards.len() >= 3);
//! ```
//!
//! This crate is synchronous and knows nothing of the web, databases or
//! async runtimes. It runs `python3` only in [`verify`].

/// Coverage of a roadmap's learnable items by built-in topics.
pub mod coverage;
/// The set of topics: loading, lookup, statistics and structural checks.
pub mod curriculum;
/// Review items (cards, questions) and which topics a roadmap studied.
pub mod deck;
/// The topic file format: TOML front matter and a markdown lesson.
pub mod format;
/// Topic lookup and prerequisites from tables built at compile time.
pub mod index;
/// Token normalisation, stemming and fuzzy scoring used by coverage.
pub mod matcher;
/// A lesson rendered for the terminal.
pub mod render;
/// FSRS scheduling of review cards, with the caller's clock.
pub mod review;
/// Verified topics and nodes (every exercise of a topic passed).
pub mod verified;
/// Running examples and questions with real Python.
pub mod verify;

pub use coverage::{Report, coverage};
pub use curriculum::{Curriculum, Stats, TRACKS};
pub use format::{Card, Check, Doc, Example, Question, Topic};
pub use verify::{VerifyOptions, VerifyReport, verify};

/// Why content could not be loaded or checked.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("{path}:{line}: {message}")]
    Parse { path: String, line: usize, message: String },
    #[error("invalid content:\n{}", .0.join("\n"))]
    Invalid(Vec<String>),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Python(String),
}
