//! Numbered outlines written as plain lines: `1.`, `1.1`, `1.1.1`.
//!
//! CommonMark folds such lines into one paragraph (or into one list item's
//! text, as lazy continuation lines), because `1.1` does not start a list.
//! Here they are split again and nested by how many numbers they carry.
//! The number stays in the title: it is what the author wrote.

use pyroad_model::{Node, NodeKind};

use crate::inline::Inline;
use crate::nodes::{self, Ctx, ItemOutcome, ItemText};

/// The outline number a line starts with, as its component count, if any:
/// "1.2.3 Foo" → 3, "4. Foo" / "4) Foo" → 1, "2019 was" → none.
fn outline_depth(line: &str) -> Option<usize> {
    let mut components = 0;
    let mut chars = line.char_indices().peekable();
    let mut trailing_mark = false;
    loop {
        let mut digits = 0;
        while chars.next_if(|(_, c)| c.is_ascii_digit()).is_some() {
            digits += 1;
        }
        if digits == 0 || digits > 3 {
            return None;
        }
        components += 1;
        match chars.next() {
            Some((_, '.')) => {
                if chars.peek().is_some_and(|(_, c)| c.is_ascii_digit()) {
                    continue;
                }
                trailing_mark = true;
            }
            Some((_, ')')) => trailing_mark = true,
            Some((_, c)) if c.is_whitespace() => {
                if components >= 2 {
                    break;
                }
                return None;
            }
            _ => return None,
        }
        // After "1." / "1)" a space and text must follow.
        match chars.next() {
            Some((_, c)) if c.is_whitespace() => break,
            _ => return None,
        }
    }
    let _ = trailing_mark;
    chars.any(|(_, c)| !c.is_whitespace()).then_some(components)
}

/// A paragraph that is an outline: two or more lines, the first numbered,
/// and at least one number with two or more components.
pub(crate) fn is_outline(inline: &Inline) -> bool {
    let lines = inline.lines();
    if lines.len() < 2 {
        return false;
    }
    let depths: Vec<Option<usize>> = lines.iter().map(|(_, l)| outline_depth(&l.plain())).collect();
    depths[0].is_some() && depths.iter().flatten().any(|&d| d >= 2)
}

/// An item's text whose continuation lines carry multi-part numbers.
pub(crate) fn is_outline_tail(inline: &Inline) -> bool {
    let lines = inline.lines();
    lines.len() >= 2 && outline_depth(&lines[1].1.plain()).is_some_and(|d| d >= 2)
}

/// Splits an outline into nested topics. For a paragraph (`item_depth` is
/// `None`) every line is an entry; for an item's text (`Some(1)`) the first
/// line is the item itself and the entries become its children.
pub(crate) fn split(
    inline: &Inline,
    line: u32,
    item_depth: Option<usize>,
    inherited: Option<NodeKind>,
    ctx: &mut Ctx,
) -> Option<Vec<Node>> {
    let lines = inline.lines();
    let skip = usize::from(item_depth.is_some());
    if item_depth.is_none() && !is_outline(inline) {
        return None;
    }
    // Entries: (depth, text, line); unnumbered lines continue the previous entry.
    let mut entries: Vec<(usize, String, u32)> = Vec::new();
    for (at, part) in lines.into_iter().skip(skip) {
        let text = part.plain();
        let at = at.unwrap_or(line);
        match outline_depth(&text) {
            Some(depth) => entries.push((depth, text, at)),
            None => match entries.last_mut() {
                Some((_, prev, _)) => {
                    prev.push(' ');
                    prev.push_str(&text);
                }
                None => entries.push((1, text, at)),
            },
        }
    }
    let shallowest = entries.iter().map(|(d, _, _)| *d).min()?;
    // Nest with a stack of open entries: (depth, node).
    let mut roots: Vec<Node> = Vec::new();
    let mut open: Vec<(usize, Node)> = Vec::new();
    let close = |open: &mut Vec<(usize, Node)>, roots: &mut Vec<Node>| {
        if let Some((_, node)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(node),
                None => roots.push(node),
            }
        }
    };
    for (depth, text, at) in entries {
        let depth = depth - shallowest;
        while open.last().is_some_and(|(d, _)| *d >= depth) {
            close(&mut open, &mut roots);
        }
        let item = ItemText { title: text, url: None, description: None, checked: None, weeks: None };
        let node = match nodes::item(item, at, inherited, ctx) {
            ItemOutcome::Node(node) | ItemOutcome::Statement(node, _) => node,
        };
        open.push((depth, node));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    Some(roots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_numbers() {
        assert_eq!(outline_depth("1. Intro"), Some(1));
        assert_eq!(outline_depth("1) Intro"), Some(1));
        assert_eq!(outline_depth("1.1 Basics"), Some(2));
        assert_eq!(outline_depth("1.1. Basics"), Some(2));
        assert_eq!(outline_depth("2.3.1 Deep"), Some(3));
        assert_eq!(outline_depth("2019 was a year"), None);
        assert_eq!(outline_depth("3.10 is out"), Some(2));
        assert_eq!(outline_depth("1.1"), None);
        assert_eq!(outline_depth("Python 3.10"), None);
    }
}
