//! Markdown to a small block tree, using pulldown-cmark's events.
//!
//! The importer's rules are about blocks (headings, lists, items, tables), so
//! the event stream is first folded into [`Block`]s that keep what those rules
//! need: visible inline text with its styling, link targets, checkboxes and
//! source lines. Nothing here decides what a node is; `tree.rs` does.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::inline::{Inline, Piece};
use crate::lines::LineIndex;

#[derive(Debug)]
pub(crate) enum Block {
    Heading {
        level: u8,
        inline: Inline,
        line: u32,
    },
    Paragraph {
        inline: Inline,
        line: u32,
    },
    List {
        items: Vec<Item>,
    },
    Code {
        text: String,
        line: u32,
        end_line: u32,
    },
    Table {
        head: Vec<Inline>,
        rows: Vec<(u32, Vec<Inline>)>,
        line: u32,
        end_line: u32,
    },
    Quote {
        blocks: Vec<Block>,
    },
    /// HTML blocks (comments, `<details>` tags, badges written as HTML).
    Html {
        line: u32,
        end_line: u32,
    },
    Rule {
        line: u32,
    },
}

#[derive(Debug)]
pub(crate) struct Item {
    pub checked: Option<bool>,
    pub blocks: Vec<Block>,
    pub line: u32,
}

/// Containers still open while events stream in.
enum Open {
    Quote(Vec<Block>),
    List(Vec<Item>),
    Item(Item),
    Heading(u8, Inline, u32),
    Paragraph(Inline, u32),
    Code(String, u32),
    Table {
        head: Vec<Inline>,
        rows: Vec<(u32, Vec<Inline>)>,
        row: Vec<Inline>,
        row_line: u32,
        cell: Inline,
        in_head: bool,
        line: u32,
    },
    Html(u32),
}

pub(crate) fn parse(src: &str, lines: &LineIndex) -> Vec<Block> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut b = Builder {
        src,
        lines,
        dunder: Vec::new(),
        root: Vec::new(),
        stack: Vec::new(),
        strong: 0,
        image: 0,
        link: Vec::new(),
    };
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        b.event(event, range.start, range.end);
    }
    while !b.stack.is_empty() {
        b.close(src.len());
    }
    b.root
}

struct Builder<'a> {
    src: &'a str,
    lines: &'a LineIndex,
    /// For each open strong span: was it a `__dunder__` name?
    dunder: Vec<bool>,
    root: Vec<Block>,
    stack: Vec<Open>,
    strong: u32,
    image: u32,
    link: Vec<String>,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, start: usize, end: usize) {
        let line = self.lines.line_of(start);
        match event {
            Event::Start(tag) => self.start(tag, line, start, end),
            Event::End(tag) => self.end(tag, end),
            Event::Text(text) => {
                if let Some(Open::Code(code, _)) = self.stack.last_mut() {
                    code.push_str(&text);
                } else if self.image == 0 {
                    self.push_piece(Piece::text(&text, self.strong > 0, self.link.last()), line);
                }
            }
            Event::Code(code) => {
                if self.image == 0 {
                    self.push_piece(Piece::text(&code, self.strong > 0, self.link.last()), line);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                let next_line = self.lines.line_of(end);
                self.push_piece(Piece::Break { line: next_line }, line);
            }
            Event::InlineHtml(html) => {
                if html.trim().eq_ignore_ascii_case("<br>") || html.trim().eq_ignore_ascii_case("<br/>") {
                    let next_line = self.lines.line_of(end);
                    self.push_piece(Piece::Break { line: next_line }, line);
                }
            }
            Event::TaskListMarker(checked) => {
                if let Some(Open::Item(item)) = self.innermost_item() {
                    item.checked = Some(checked);
                }
            }
            Event::Rule => self.emit(Block::Rule { line }),
            Event::Html(_) | Event::InlineMath(_) | Event::DisplayMath(_) | Event::FootnoteReference(_) => {}
        }
    }

    fn innermost_item(&mut self) -> Option<&mut Open> {
        self.stack.iter_mut().rev().find(|o| matches!(o, Open::Item(_)))
    }

    fn is_dunder(&self, start: usize, end: usize) -> bool {
        let Some(span) = self.src.get(start..end) else { return false };
        span.len() > 4
            && span.starts_with("__")
            && span.ends_with("__")
            && span[2..span.len() - 2].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    }

    fn start(&mut self, tag: Tag<'_>, line: u32, start: usize, end: usize) {
        match tag {
            Tag::Paragraph => self.stack.push(Open::Paragraph(Inline::default(), line)),
            Tag::Heading { level, .. } => {
                self.close_implicit_paragraph();
                self.stack.push(Open::Heading(level as u8, Inline::default(), line));
            }
            Tag::BlockQuote(_) => {
                self.close_implicit_paragraph();
                self.stack.push(Open::Quote(Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.close_implicit_paragraph();
                let _: CodeBlockKind<'_> = kind;
                self.stack.push(Open::Code(String::new(), line));
            }
            Tag::HtmlBlock => {
                self.close_implicit_paragraph();
                self.stack.push(Open::Html(line));
            }
            Tag::List(_) => {
                self.close_implicit_paragraph();
                self.stack.push(Open::List(Vec::new()));
            }
            Tag::Item => self.stack.push(Open::Item(Item { checked: None, blocks: Vec::new(), line })),
            Tag::Table(_) => {
                self.close_implicit_paragraph();
                self.stack.push(Open::Table {
                    head: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    row_line: line,
                    cell: Inline::default(),
                    in_head: false,
                    line,
                });
            }
            Tag::TableHead => {
                if let Some(Open::Table { in_head, row_line, .. }) = self.stack.last_mut() {
                    *in_head = true;
                    *row_line = line;
                }
            }
            Tag::TableRow => {
                if let Some(Open::Table { row_line, row, .. }) = self.stack.last_mut() {
                    *row_line = line;
                    row.clear();
                }
            }
            Tag::TableCell => {
                if let Some(Open::Table { cell, .. }) = self.stack.last_mut() {
                    *cell = Inline::default();
                }
            }
            Tag::Strong => {
                // `__init__` parses as bold "init"; in a Python roadmap it is the dunder name.
                if self.is_dunder(start, end) {
                    self.dunder.push(true);
                    self.push_piece(Piece::text("__", self.strong > 0, self.link.last()), line);
                } else {
                    self.dunder.push(false);
                    self.strong += 1;
                }
            }
            Tag::Image { .. } => self.image += 1,
            Tag::Link { dest_url, .. } => self.link.push(dest_url.into_string()),
            Tag::Emphasis
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd, end: usize) {
        match tag {
            TagEnd::Strong => {
                if self.dunder.pop() == Some(true) {
                    self.push_piece(Piece::text("__", self.strong > 0, self.link.last()), 0);
                } else {
                    self.strong = self.strong.saturating_sub(1);
                }
            }
            TagEnd::Image => {
                self.image = self.image.saturating_sub(1);
                if self.image == 0 {
                    self.push_piece(Piece::Image, 0);
                }
            }
            TagEnd::Link => {
                self.link.pop();
            }
            TagEnd::TableCell => {
                if let Some(Open::Table { cell, row, .. }) = self.stack.last_mut() {
                    row.push(std::mem::take(cell));
                }
            }
            TagEnd::TableHead => {
                if let Some(Open::Table { in_head, row, head, .. }) = self.stack.last_mut() {
                    *in_head = false;
                    *head = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Open::Table { row, rows, row_line, .. }) = self.stack.last_mut() {
                    rows.push((*row_line, std::mem::take(row)));
                }
            }
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Table => self.close(end),
            TagEnd::Item => {
                self.close_implicit_paragraph();
                self.close(end);
            }
            TagEnd::Emphasis
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Tight list items hold inline content with no paragraph around it.
    fn push_piece(&mut self, piece: Piece, line: u32) {
        match self.stack.last_mut() {
            Some(Open::Paragraph(inline, _)) | Some(Open::Heading(_, inline, _)) => inline.push(piece),
            Some(Open::Table { cell, .. }) => cell.push(piece),
            Some(Open::Item(_)) => {
                let mut inline = Inline::default();
                inline.push(piece);
                self.stack.push(Open::Paragraph(inline, line));
            }
            _ => {}
        }
    }

    fn close_implicit_paragraph(&mut self) {
        let parent_is_item = self.stack.len() >= 2 && matches!(self.stack[self.stack.len() - 2], Open::Item(_));
        if parent_is_item && matches!(self.stack.last(), Some(Open::Paragraph(..))) {
            self.close(0);
        }
    }

    fn close(&mut self, end: usize) {
        let Some(open) = self.stack.pop() else { return };
        let block = match open {
            Open::Paragraph(inline, line) => Block::Paragraph { inline, line },
            Open::Heading(level, inline, line) => Block::Heading { level, inline, line },
            Open::Quote(blocks) => Block::Quote { blocks },
            Open::Code(text, line) => Block::Code { text, line, end_line: self.lines.line_of(end.saturating_sub(1)) },
            Open::Html(line) => Block::Html { line, end_line: self.lines.line_of(end.saturating_sub(1)) },
            Open::List(items) => Block::List { items },
            Open::Item(item) => {
                if let Some(Open::List(items)) = self.stack.last_mut() {
                    items.push(item);
                }
                return;
            }
            Open::Table { head, rows, line, .. } => {
                Block::Table { head, rows, line, end_line: self.lines.line_of(end.saturating_sub(1)) }
            }
        };
        self.emit(block);
    }

    fn emit(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Open::Quote(blocks)) => blocks.push(block),
            Some(Open::Item(item)) => item.blocks.push(block),
            Some(Open::List(_)) => {
                // A block straight inside a list (cannot happen in CommonMark); keep it.
                self.root.push(block);
            }
            Some(_) => {}
            None => self.root.push(block),
        }
    }
}
