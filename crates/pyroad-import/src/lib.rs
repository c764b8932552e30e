//! Reads learning roadmaps (markdown or plain text) into a [`Roadmap`] tree,
//! and writes trees back out.
//!
//! ```
//! let src = "# Go\n\n## Basics (2 weeks)\n\n- [x] Syntax (3h)\n- [ ] Slices\n";
//! let imported = pyroad_import::import(src.as_bytes(), &pyroad_import::Options::default());
//! let basics = &imported.roadmap.children[0];
//! assert_eq!(basics.title, "Basics");
//! assert_eq!(basics.duration.as_ref().map(|d| d.max_weeks), Some(2.0));
//! assert_eq!(basics.children[0].checked, Some(true));
//! assert_eq!(basics.children[0].estimate.as_ref().map(|e| e.max), Some(3.0));
//! ```
//!
//! The format comes from the content, not the file name. Markdown goes
//! through pulldown-cmark (`blocks`, then `markdown` builds the tree);
//! plain text through a small line reader (`plain`). Both make nodes the same
//! way (`nodes`). Import never fails: broken input gives warnings.

mod blocks;
mod classify;
pub mod encoding;
pub mod export;
mod inline;
mod lines;
pub mod lint;
mod markdown;
mod nodes;
mod outline;
mod plain;
mod table;
mod text;

use pyroad_model::Roadmap;
use serde::Serialize;

/// How to read the input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a format; `None` detects it from the content.
    pub format: Option<Format>,
    /// Keep mis-encoded text as it is (`--raw-encoding`).
    pub raw_encoding: bool,
    /// The title when the document has none (the CLI passes the file stem).
    pub fallback_title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Plain,
}

/// Something the reader noticed; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: Option<u32>,
    pub message: String,
}

/// Why source lines made no node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropReason {
    Title,
    TableOfContents,
    TableHeader,
    Badge,
    Html,
    Rule,
    CodeFence,
    Empty,
}

/// Source lines that made no node, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dropped {
    pub line: u32,
    pub end_line: u32,
    pub reason: DropReason,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    pub roadmap: Roadmap,
    pub format: Format,
    /// `Some("Mac OS Roman")` when mis-encoded text was repaired.
    pub repaired_from: Option<&'static str>,
    pub warnings: Vec<Warning>,
    pub dropped: Vec<Dropped>,
    /// The decoded text the tree was read from (line numbers refer to it).
    pub text: String,
}

/// Reads a roadmap from raw bytes. Never panics, never fails: undecodable or
/// odd input gives a best-effort tree and warnings.
pub fn import(bytes: &[u8], options: &Options) -> Imported {
    let decoded = encoding::decode(bytes, !options.raw_encoding);
    let text = decoded.text;
    let mut ctx = nodes::Ctx::default();
    for message in decoded.warnings {
        ctx.warnings.push(Warning { line: None, message });
    }
    let format =
        options.format.unwrap_or_else(|| if plain::looks_plain(&text) { Format::Plain } else { Format::Markdown });
    let fallback = options.fallback_title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("Untitled roadmap");
    let mut roadmap = match format {
        Format::Markdown => {
            let index = lines::LineIndex::new(&text);
            let blocks = blocks::parse(&text, &index);
            markdown::build(blocks, fallback, &mut ctx)
        }
        Format::Plain => plain::build(&text, fallback, &mut ctx),
    };
    table::apply_phase_rows(&mut roadmap.children, &ctx.phase_rows);
    pyroad_model::ids::assign(&mut roadmap);
    Imported {
        roadmap,
        format,
        repaired_from: decoded.repaired_from,
        warnings: ctx.warnings,
        dropped: ctx.dropped,
        text,
    }
}

/// Reads a roadmap from text (already decoded).
pub fn import_str(text: &str, options: &Options) -> Imported {
    import(text.as_bytes(), options)
}
