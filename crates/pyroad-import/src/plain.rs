//! Plain-text roadmaps: a small line-based reader.
//!
//! The shapes people use without markdown: a first-line title, ALL-CAPS
//! lines standing alone as parts, `Heading:` lines followed by their items
//! (indented or not), prose paragraphs (kept whole as one note, wrapped
//! lines joined), bullets (`-`, `*`, `•`) and indentation for nesting.

use pyroad_model::{Node, Roadmap};

use crate::DropReason;
use crate::nodes::{self, Ctx, ItemOutcome, ItemText};
use crate::text::{clean_line, has_sentence_break};

/// A line this long that ends a part with a full stop is a closing remark.
const REMARK_CHARS: usize = 100;
/// Lines at least this long whose next line starts in lower case were wrapped.
const WRAPPED_CHARS: usize = 50;
const MAX_TITLE_CHARS: usize = 100;

struct Line<'a> {
    no: u32,
    text: &'a str,
    indent: usize,
}

fn indent_of(text: &str) -> usize {
    text.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

fn is_decoration(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| "=-_*~#+.".contains(c)) && t.len() >= 3
}

fn is_part(text: &str) -> bool {
    let t = text.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && t.chars().count() <= 60
        && t.chars().filter(|c| c.is_alphabetic()).all(|c| !c.is_lowercase())
        && t.chars().any(|c| c.is_uppercase())
        && !t.ends_with('.')
}

fn is_heading(text: &str) -> bool {
    let t = text.trim();
    (t.ends_with(':') || t.ends_with('：'))
        && t.chars().count() <= MAX_TITLE_CHARS
        && !has_sentence_break(t)
        && t.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

fn strip_bullet(text: &str) -> &str {
    let t = text.trim();
    for bullet in ["- ", "* ", "• ", "– ", "+ ", "· "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    t
}

/// Reads a plain-text roadmap.
pub(crate) fn build(text: &str, fallback_title: &str, ctx: &mut Ctx) -> Roadmap {
    let lines: Vec<Line<'_>> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            let l = l.strip_suffix('\r').unwrap_or(l);
            Line { no: u32::try_from(i + 1).unwrap_or(u32::MAX), text: l, indent: indent_of(l) }
        })
        .collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.text.trim().is_empty());
    let mut roadmap = Roadmap::new(fallback_title);
    let mut reader = Reader { ctx, root: Vec::new(), part: None, group: None, items: Vec::new() };

    let mut i = 0;
    while i < lines.len() && blank(i) {
        i += 1;
    }
    // The first line is the title when it reads like one.
    if let Some(first) = lines.get(i) {
        let t = first.text.trim();
        if t.chars().count() <= MAX_TITLE_CHARS
            && !has_sentence_break(t)
            && !t.ends_with(':')
            && !t.ends_with('.')
            && blank(i + 1)
        {
            roadmap.title = clean_line(t);
            reader.ctx.drop_lines(first.no, first.no, DropReason::Title);
            i += 1;
        }
    }

    while i < lines.len() {
        let line = &lines[i];
        let t = line.text.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        if is_decoration(t) {
            reader.ctx.drop_lines(line.no, line.no, DropReason::Rule);
            i += 1;
            continue;
        }
        if blank(i.wrapping_sub(1)) && is_part(t) && !is_heading(t) {
            reader.start_part(t, line.no);
            i += 1;
            continue;
        }
        if is_heading(t) && next_is_content(&lines, i) {
            reader.start_group(t, line.no);
            i += 1;
            continue;
        }
        // Prose: joins every line of the paragraph it starts.
        if let Some(end) = prose_end(&lines, i, reader.group.is_none()) {
            let text = lines[i..end].iter().map(|l| l.text.trim()).collect::<Vec<_>>().join(" ");
            reader.prose(&text, line.no);
            i = end;
            continue;
        }
        // An item, with any wrapped continuation lines.
        let mut end = i + 1;
        let mut text = strip_bullet(t).to_string();
        while end < lines.len() && is_wrapped(lines[end - 1].text, lines[end].text) {
            text.push(' ');
            text.push_str(lines[end].text.trim());
            end += 1;
        }
        reader.item(&text, line.no, line.indent);
        i = end;
    }
    roadmap.children = reader.finish();
    roadmap
}

/// `next` continues `prev` (a wrapped line): `prev` is long and does not end
/// a sentence or a heading, and `next` starts in lower case.
fn is_wrapped(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next = next.trim();
    prev.chars().count() >= WRAPPED_CHARS
        && !prev.ends_with([':', '.', '!', '?', ';'])
        && next.chars().next().is_some_and(char::is_lowercase)
}

fn next_is_content(lines: &[Line<'_>], i: usize) -> bool {
    lines[i + 1..].iter().find(|l| !l.text.trim().is_empty()).is_some_and(|l| !is_heading(l.text))
}

/// Where the prose paragraph starting at `i` ends (exclusive), if line `i`
/// is prose. Prose is a line with a sentence break inside, a long closing
/// sentence at the end of a part, or (outside any `Heading:` group) a
/// paragraph of wrapped lines.
fn prose_end(lines: &[Line<'_>], i: usize, ungrouped: bool) -> Option<usize> {
    let t = lines[i].text.trim();
    let paragraph_end = |from: usize| {
        let mut end = from + 1;
        while end < lines.len() {
            let next = lines[end].text;
            if next.trim().is_empty() || is_part(next) || is_heading(next) {
                break;
            }
            end += 1;
        }
        end
    };
    // Inside a `Heading:` group every line is an item, even a two-sentence one.
    if ungrouped && has_sentence_break(t) {
        return Some(paragraph_end(i));
    }
    if ungrouped && i + 1 < lines.len() && is_wrapped(lines[i].text, lines[i + 1].text) {
        return Some(paragraph_end(i));
    }
    // A paragraph whose first line is a whole sentence and whose later lines
    // read as prose is one paragraph, not an item and then a note.
    if ungrouped && t.ends_with(['.', '!', '?']) {
        let end = paragraph_end(i);
        let prose_later = (i + 1..end).any(|j| {
            has_sentence_break(lines[j].text) || (j + 1 < end && is_wrapped(lines[j].text, lines[j + 1].text))
        });
        if prose_later {
            return Some(end);
        }
    }
    // A closing remark: long full sentences up to the end of the part.
    let mut end = i;
    while end < lines.len() {
        let l = lines[end].text.trim();
        if l.is_empty() {
            break;
        }
        let sentence = l.chars().count() >= REMARK_CHARS || has_sentence_break(l);
        if !(l.ends_with(['.', '!']) && (sentence || end > i)) {
            return None;
        }
        end += 1;
    }
    let next = lines[end..].iter().find(|l| !l.text.trim().is_empty());
    let at_part_end = next.is_none_or(|l| is_part(l.text));
    (end > i && at_part_end).then_some(end)
}

struct Reader<'c> {
    ctx: &'c mut Ctx,
    root: Vec<Node>,
    part: Option<Node>,
    group: Option<Node>,
    /// Open items of the current group by indentation: (indent, node).
    items: Vec<(usize, Node)>,
}

impl Reader<'_> {
    fn close_items(&mut self, down_to: Option<usize>) {
        while let Some((indent, _)) = self.items.last() {
            if down_to.is_some_and(|d| *indent < d) {
                break;
            }
            let Some((_, node)) = self.items.pop() else { break };
            match self.items.last_mut() {
                Some((_, parent)) => parent.children.push(node),
                None => self.container().push(node),
            }
        }
    }

    fn container(&mut self) -> &mut Vec<Node> {
        if let Some(group) = self.group.as_mut() {
            &mut group.children
        } else if let Some(part) = self.part.as_mut() {
            &mut part.children
        } else {
            &mut self.root
        }
    }

    fn close_group(&mut self) {
        self.close_items(None);
        if let Some(group) = self.group.take() {
            self.container().push(group);
        }
    }

    fn close_part(&mut self) {
        self.close_group();
        if let Some(part) = self.part.take() {
            self.root.push(part);
        }
    }

    fn start_part(&mut self, text: &str, line: u32) {
        self.close_part();
        self.part = Some(nodes::section(text, line, None, self.ctx));
    }

    fn start_group(&mut self, text: &str, line: u32) {
        self.close_group();
        let inherited = self.part.as_ref().map(|p| p.kind).filter(|k| !k.is_learnable());
        self.group = Some(nodes::section(text, line, inherited, self.ctx));
    }

    fn prose(&mut self, text: &str, line: u32) {
        // Prose ends a group: it speaks of the part.
        self.close_group();
        let facts = pyroad_model::time::scan(text);
        if facts.is_statement
            && let Some(part) = self.part.as_mut()
        {
            nodes::apply_statement(part, &facts);
        }
        let note = nodes::note(text, line);
        self.container().push(note);
    }

    fn item(&mut self, text: &str, line: u32, indent: usize) {
        self.close_items(Some(indent));
        let inherited = self.group.as_ref().or(self.part.as_ref()).map(|n| n.kind).filter(|k| !k.is_learnable());
        let item = ItemText { title: text.to_string(), url: None, description: None, checked: None, weeks: None };
        let node = match nodes::item(item, line, inherited, self.ctx) {
            ItemOutcome::Node(node) => node,
            ItemOutcome::Statement(node, facts) => {
                let parent = match self.items.last_mut() {
                    Some((_, parent)) => Some(parent),
                    None => self.group.as_mut().or(self.part.as_mut()),
                };
                if let Some(parent) = parent {
                    nodes::apply_statement(parent, &facts);
                }
                node
            }
        };
        self.items.push((indent, node));
    }

    fn finish(mut self) -> Vec<Node> {
        self.close_part();
        self.root
    }
}

/// Whether text reads as plain text rather than markdown: no markdown
/// structure at all (headings, lists, links, emphasis, tables, fences).
pub(crate) fn looks_plain(text: &str) -> bool {
    // Dash bullets and `**` are common in plain text too; only syntax that
    // plain writers never type by accident marks a document as markdown.
    let mut previous_blank = true;
    for line in text.lines().take(2000) {
        let t = line.trim_start();
        let hashes = t.len() - t.trim_start_matches('#').len();
        let atx = (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) && !t[hashes..].trim().is_empty();
        let setext = !previous_blank && !t.is_empty() && t.trim_end().chars().all(|c| c == '=');
        let markdown = atx
            || setext
            || t.starts_with("```")
            || t.starts_with("~~~")
            || (t.starts_with('|') && t.trim_end().ends_with('|'))
            || t.contains("](")
            || t.starts_with("<!--")
            || t.starts_with("<details")
            || t.starts_with("- [ ]")
            || t.starts_with("- [x]");
        if markdown {
            return false;
        }
        previous_blank = t.is_empty();
    }
    true
}
