//! Markdown blocks to the roadmap tree.
//!
//! Headings open sections that nest by level (skipped levels still nest
//! under the nearest shallower heading); lists become topics nested by
//! their own structure; a bold-only line or a short line ending in `:` right
//! above a list is a block holding that list; tables become timeline rows.
//! What is never content (tables of contents, badges, HTML, rules) is
//! recorded as dropped, with its lines, so nothing disappears unexplained.

use pyroad_model::{Node, NodeKind, Roadmap};

use crate::DropReason;
use crate::blocks::{Block, Item};
use crate::inline::Inline;
use crate::nodes::{self, Ctx, ItemOutcome, ItemText};
use crate::outline;
use crate::table;
use crate::text::{clean_line, has_sentence_break};

/// Longest line that may still act as a `Label:` above a list.
const MAX_LABEL_CHARS: usize = 100;

pub(crate) fn build(blocks: Vec<Block>, fallback_title: &str, ctx: &mut Ctx) -> Roadmap {
    let mut blocks: Rest = blocks.into();
    let mut roadmap = Roadmap::new(fallback_title);

    // Leading badges, HTML and rules, then an H1: the roadmap's title, and the
    // prose right under it its description.
    while blocks.front().is_some_and(is_decoration) {
        if let Some(block) = blocks.pop_front() {
            drop_decoration(&block, ctx);
        }
    }
    if let Some(Block::Heading { level: 1, .. }) = blocks.front()
        && let Some(Block::Heading { inline, line, .. }) = blocks.pop_front()
    {
        let title = inline.plain();
        if title.is_empty() {
            ctx.drop_lines(line, line, DropReason::Empty);
        } else {
            roadmap.title = title;
            ctx.drop_lines(line, line, DropReason::Title);
        }
        let mut description = Vec::new();
        loop {
            let is_prose = match blocks.front() {
                Some(Block::Paragraph { inline, .. }) => {
                    // A label paragraph right above a list is a block, not prose.
                    let label_above_list = ends_with_colon(inline) && matches!(blocks.get(1), Some(Block::List { .. }));
                    !(is_label_or_outline(inline) || label_above_list)
                }
                Some(Block::Quote { .. }) => true,
                _ => false,
            };
            if !is_prose {
                break;
            }
            let Some(block) = blocks.pop_front() else { break };
            // Badges between the title and the prose are decoration too.
            if is_decoration(&block) {
                drop_decoration(&block, ctx);
                continue;
            }
            let text = prose_text(&block);
            if !text.is_empty() {
                description.push(text);
            }
        }
        if !description.is_empty() {
            roadmap.description = Some(description.join("\n\n"));
        }
    }

    let mut tree = Tree::new(ctx);
    while let Some(block) = blocks.pop_front() {
        tree.block(block, Some(&mut blocks));
    }
    roadmap.children = tree.finish();
    roadmap
}

fn is_decoration(block: &Block) -> bool {
    match block {
        Block::Html { .. } | Block::Rule { .. } => true,
        Block::Paragraph { inline, .. } => !inline.has_text() && inline.has_image(),
        _ => false,
    }
}

fn drop_decoration(block: &Block, ctx: &mut Ctx) {
    match block {
        Block::Html { line, end_line } => ctx.drop_lines(*line, *end_line, DropReason::Html),
        Block::Rule { line } => ctx.drop_lines(*line, *line, DropReason::Rule),
        Block::Paragraph { line, inline } => {
            let end = line + inline.lines().len() as u32 - 1;
            ctx.drop_lines(*line, end, DropReason::Badge);
        }
        _ => {}
    }
}

fn ends_with_colon(inline: &Inline) -> bool {
    let text = inline.plain();
    (text.ends_with(':') || text.ends_with('：'))
        && text.chars().count() <= MAX_LABEL_CHARS
        && !has_sentence_break(&text)
        && inline.lines().len() == 1
}

fn is_label_or_outline(inline: &Inline) -> bool {
    inline.is_all_strong() || outline::is_outline(inline)
}

/// The text of a prose block (paragraph or quote), line breaks kept.
fn prose_text(block: &Block) -> String {
    match block {
        Block::Paragraph { inline, .. } | Block::Heading { inline, .. } => inline.plain_multiline(),
        Block::Quote { blocks } => {
            blocks.iter().map(prose_text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n")
        }
        Block::List { items } => items
            .iter()
            .flat_map(|i| i.blocks.iter())
            .map(prose_text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Code { text, .. } => text.trim_end().to_string(),
        _ => String::new(),
    }
}

type Rest = std::collections::VecDeque<Block>;

/// The open sections while blocks stream in.
struct Tree<'c> {
    ctx: &'c mut Ctx,
    root: Vec<Node>,
    /// (heading level, section, the section held only a table of contents)
    open: Vec<(u8, Node, bool)>,
}

impl<'c> Tree<'c> {
    fn new(ctx: &'c mut Ctx) -> Self {
        Tree { ctx, root: Vec::new(), open: Vec::new() }
    }

    fn inherited(&self) -> Option<NodeKind> {
        self.open.last().map(|(_, n, _)| n.kind).filter(|k| !k.is_learnable())
    }

    fn container(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some((_, node, _)) => &mut node.children,
            None => &mut self.root,
        }
    }

    fn close_one(&mut self) {
        if let Some((_, node, toc_only)) = self.open.pop() {
            if toc_only && node.children.is_empty() {
                self.ctx.drop_lines(node.line, node.line, DropReason::TableOfContents);
                return;
            }
            self.container().push(node);
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close_one();
        }
        self.root
    }

    fn block(&mut self, block: Block, rest: Option<&mut Rest>) {
        match block {
            Block::Heading { level, inline, line } => {
                while self.open.last().is_some_and(|(l, _, _)| *l >= level) {
                    self.close_one();
                }
                let title = inline.plain();
                if title.is_empty() {
                    self.ctx.drop_lines(line, line, DropReason::Empty);
                    return;
                }
                let inherited = self.inherited();
                let node = nodes::section(&title, line, inherited, self.ctx);
                self.open.push((level, node, false));
            }
            Block::Paragraph { inline, line } => self.paragraph(&inline, line, rest),
            Block::List { items } => {
                if is_toc(&items) {
                    let (first, last) = span(&items);
                    self.ctx.drop_lines(first, last, DropReason::TableOfContents);
                    if let Some((_, node, toc_only)) = self.open.last_mut()
                        && node.children.is_empty()
                    {
                        *toc_only = true;
                    }
                    return;
                }
                let inherited = self.inherited();
                let mut statements = Vec::new();
                let mut made = Vec::new();
                for item in items {
                    list_item(item, inherited, self.ctx, &mut made, &mut statements);
                }
                if let Some((_, parent, _)) = self.open.last_mut() {
                    for facts in &statements {
                        nodes::apply_statement(parent, facts);
                    }
                }
                self.container().extend(made);
            }
            Block::Code { text, line, end_line } => {
                self.ctx.drop_lines(line, line, DropReason::CodeFence);
                self.ctx.drop_lines(end_line, end_line, DropReason::CodeFence);
                let target = match self.open.last_mut() {
                    Some((_, node, _)) => match node.children.last_mut() {
                        Some(child) => Some(child),
                        None => Some(node),
                    },
                    None => self.root.last_mut(),
                };
                match target {
                    Some(node) => attach_code(node, &text),
                    None => {
                        let mut node = Node::new(NodeKind::Note, "Code", line);
                        node.code = Some(text.trim_end_matches('\n').to_string());
                        self.root.push(node);
                    }
                }
            }
            Block::Table { head, rows, line, end_line } => {
                let inherited = self.inherited();
                let made = table::rows(&head, rows, line, end_line, inherited, self.ctx);
                self.container().extend(made);
            }
            Block::Quote { blocks } => {
                for inner in blocks {
                    let inner = match inner {
                        // A heading inside a quote is emphasis, not structure.
                        Block::Heading { inline, line, .. } => Block::Paragraph { inline, line },
                        other => other,
                    };
                    self.block(inner, None);
                }
            }
            decoration @ (Block::Html { .. } | Block::Rule { .. }) => drop_decoration(&decoration, self.ctx),
        }
    }

    fn paragraph(&mut self, inline: &Inline, line: u32, rest: Option<&mut Rest>) {
        if !inline.has_text() {
            if inline.has_image() {
                drop_decoration(&Block::Paragraph { inline: inline.clone(), line }, self.ctx);
            }
            return;
        }
        if inline.is_anchor_links() {
            let end = line + inline.lines().len() as u32 - 1;
            self.ctx.drop_lines(line, end, DropReason::TableOfContents);
            return;
        }
        let inherited = self.inherited();
        if let Some(topics) = outline::split(inline, line, None, inherited, self.ctx) {
            self.container().extend(topics);
            return;
        }
        let list_follows = rest.as_ref().is_some_and(|r| matches!(r.front(), Some(Block::List { .. })));
        let bold = inline.is_all_strong() && inline.lines().len() == 1;
        if bold || (list_follows && ends_with_colon(inline)) {
            let mut label = nodes::section(&inline.plain(), line, inherited, self.ctx);
            if list_follows
                && let Some(rest) = rest
                && let Some(Block::List { items }) = rest.pop_front()
            {
                let inner = Some(label.kind).filter(|k| !k.is_learnable());
                let mut statements = Vec::new();
                for item in items {
                    list_item(item, inner, self.ctx, &mut label.children, &mut statements);
                }
                for facts in &statements {
                    nodes::apply_statement(&mut label, facts);
                }
            }
            self.container().push(label);
            return;
        }
        // Lines that all start with the same symbol ("✅ Can deploy", "🔥 ...")
        // are a list written with emoji bullets: one item each, the symbol kept.
        if let Some(items) = symbol_lines(inline, line) {
            for (at, text) in items {
                let item = ItemText { title: text, url: None, description: None, checked: None, weeks: None };
                match nodes::item(item, at, inherited, self.ctx) {
                    ItemOutcome::Node(node) | ItemOutcome::Statement(node, _) => self.container().push(node),
                }
            }
            return;
        }
        // "**Label:** value" lines: one note each.
        let lines = inline.lines();
        if lines.iter().all(|(_, l)| l.labelled().is_some_and(|x| x.description.is_some())) {
            for (at, part) in &lines {
                let at = at.unwrap_or(line);
                let Some(labelled) = part.labelled() else { continue };
                let text = ItemText {
                    title: labelled.title,
                    url: labelled.url,
                    description: labelled.description,
                    checked: None,
                    weeks: crate::classify::week_label(&part.plain()),
                };
                let kind = inherited.unwrap_or(NodeKind::Note);
                match nodes::item(text, at, Some(kind), self.ctx) {
                    ItemOutcome::Node(node) | ItemOutcome::Statement(node, _) => self.container().push(node),
                }
            }
            return;
        }
        let text = inline.plain();
        let facts = pyroad_model::time::scan(&text);
        if facts.is_statement
            && let Some((_, parent, _)) = self.open.last_mut()
        {
            nodes::apply_statement(parent, &facts);
        }
        let note = nodes::note(&text, line);
        self.container().push(note);
    }
}

fn attach_code(node: &mut Node, text: &str) {
    let text = text.trim_end_matches('\n');
    match &mut node.code {
        Some(code) => {
            code.push_str("\n\n");
            code.push_str(text);
        }
        None => node.code = Some(text.to_string()),
    }
}

/// A list whose every entry is a link to an anchor of this document.
fn is_toc(items: &[Item]) -> bool {
    !items.is_empty()
        && items.iter().all(|item| {
            item.blocks.iter().all(|b| match b {
                Block::Paragraph { inline, .. } => inline.is_anchor_links(),
                Block::List { items } => is_toc(items),
                _ => false,
            })
        })
}

fn span(items: &[Item]) -> (u32, u32) {
    let first = items.first().map_or(0, |i| i.line);
    let mut last = first;
    for item in items {
        last = last.max(item.line);
        for block in &item.blocks {
            if let Block::List { items } = block {
                last = last.max(span(items).1);
            }
        }
    }
    (first, last)
}

/// One list item (and what it holds) as nodes appended to `out`.
fn list_item(
    item: Item,
    inherited: Option<NodeKind>,
    ctx: &mut Ctx,
    out: &mut Vec<Node>,
    statements: &mut Vec<pyroad_model::time::TimeFacts>,
) {
    let Item { checked, blocks, line } = item;
    let mut blocks = blocks.into_iter().peekable();
    let first = blocks.next_if(|b| matches!(b, Block::Paragraph { .. }));
    let mut outline_children = Vec::new();

    let mut node = match &first {
        Some(Block::Paragraph { inline, .. }) if inline.has_text() => {
            let lines = inline.lines();
            // "1. Intro\n1.1 Basics": the first line is the item, the rest an outline under it.
            let (head, outline_rest) = if lines.len() > 1 && outline::is_outline_tail(inline) {
                (lines[0].1.clone(), Some(inline))
            } else {
                (inline.clone(), None)
            };
            let labelled = head.labelled();
            let text = match labelled {
                Some(l) => ItemText {
                    weeks: crate::classify::week_label(&l.title),
                    title: l.title,
                    url: l.url,
                    description: l.description,
                    checked,
                },
                None => ItemText { title: head.plain(), url: None, description: None, checked, weeks: None },
            };
            if let Some(inline) = outline_rest
                && let Some(children) = outline::split(inline, line, Some(1), inherited, ctx)
            {
                outline_children = children;
            }
            if text.title.is_empty() {
                None
            } else {
                match nodes::item(text, line, inherited, ctx) {
                    ItemOutcome::Node(node) => Some(node),
                    ItemOutcome::Statement(node, facts) => {
                        statements.push(facts);
                        Some(node)
                    }
                }
            }
        }
        Some(Block::Paragraph { inline, line }) => {
            if inline.has_image() {
                drop_decoration(&Block::Paragraph { inline: inline.clone(), line: *line }, ctx);
            }
            None
        }
        _ => None,
    };

    let mut children = outline_children;
    let mut child_statements = Vec::new();
    for block in blocks {
        match block {
            Block::List { items } => {
                for child in items {
                    list_item(child, inherited, ctx, &mut children, &mut child_statements);
                }
            }
            Block::Code { text, line, end_line } => {
                ctx.drop_lines(line, line, DropReason::CodeFence);
                ctx.drop_lines(end_line, end_line, DropReason::CodeFence);
                match node.as_mut() {
                    Some(n) => attach_code(n, &text),
                    None => {
                        let mut n = Node::new(NodeKind::Note, "Code", line);
                        n.code = Some(text.trim_end_matches('\n').to_string());
                        children.push(n);
                    }
                }
            }
            Block::Table { head, rows, line, end_line } => {
                children.extend(table::rows(&head, rows, line, end_line, inherited, ctx));
            }
            Block::Html { line, end_line } => ctx.drop_lines(line, end_line, DropReason::Html),
            Block::Rule { line } => ctx.drop_lines(line, line, DropReason::Rule),
            other => {
                let text = prose_text(&other);
                if text.is_empty() {
                    continue;
                }
                match node.as_mut() {
                    // A later paragraph of a loose item describes it.
                    Some(n) => {
                        let desc = n.description.get_or_insert_with(String::new);
                        if !desc.is_empty() {
                            desc.push_str("\n\n");
                        }
                        desc.push_str(&clean_line(&text));
                    }
                    None => children.push(nodes::note(&text, line_of(&other))),
                }
            }
        }
    }
    match node {
        Some(mut n) => {
            if !children.is_empty() {
                // "Choose a specialization:" over its options reads as a label.
                n.title = crate::text::strip_label_colon(&n.title);
            }
            for facts in &child_statements {
                nodes::apply_statement(&mut n, facts);
            }
            n.children.extend(children);
            out.push(n);
        }
        // An item with no text of its own: its children stand in its place.
        None => out.extend(children),
    }
}

fn line_of(block: &Block) -> u32 {
    match block {
        Block::Heading { line, .. }
        | Block::Paragraph { line, .. }
        | Block::Code { line, .. }
        | Block::Table { line, .. }
        | Block::Html { line, .. }
        | Block::Rule { line } => *line,
        Block::List { items } => items.first().map_or(0, |i| i.line),
        Block::Quote { blocks } => blocks.first().map_or(0, line_of),
    }
}

/// A paragraph of two or more lines that all begin with the same non-letter
/// symbol: (line, text) per line.
fn symbol_lines(inline: &Inline, line: u32) -> Option<Vec<(u32, String)>> {
    let lines = inline.lines();
    if lines.len() < 2 {
        return None;
    }
    let texts: Vec<(u32, String)> = lines.iter().map(|(at, l)| (at.unwrap_or(line), l.plain())).collect();
    let first = texts[0].1.chars().next()?;
    let is_symbol = |c: char| !c.is_alphanumeric() && !c.is_ascii() && !c.is_whitespace();
    (is_symbol(first) && texts.iter().all(|(_, t)| t.starts_with(first))).then_some(texts)
}
