//! A lesson as terminal text: headings, wrapped paragraphs, lists, code
//! blocks indented, links with their address. ANSI styles only when asked.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::format::Topic;

struct Style {
    color: bool,
}

impl Style {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }
}

/// Renders `topic` (summary, lesson, docs) for a terminal `width` wide.
pub fn terminal(topic: &Topic, color: bool, width: usize) -> String {
    let style = Style { color };
    let width = width.clamp(40, 120);
    let mut out = String::new();
    out.push_str(&style.wrap("1", &format!("{}  [{}, ~{}h]", topic.title, topic.track, topic.estimate_hours)));
    out.push('\n');
    out.push_str(&fill(&topic.summary, width, ""));
    out.push('\n');
    if !topic.prerequisites.is_empty() {
        out.push_str(&style.wrap("2", &format!("Before this: {}", topic.prerequisites.join(", "))));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&markdown(&topic.lesson, &style, width));
    out
}

/// Renders markdown for the terminal.
fn markdown(text: &str, style: &Style, width: usize) -> String {
    let mut out = String::new();
    let mut para = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut item_prefix: Option<String> = None;
    let mut code: Option<(String, String)> = None;
    let mut heading: Option<HeadingLevel> = None;
    let mut link: Vec<String> = Vec::new();
    let flush = |para: &mut String, out: &mut String, prefix: &mut Option<String>, depth: usize| {
        let text = para.trim();
        if !text.is_empty() {
            let indent = "  ".repeat(depth);
            let first = prefix.take().map_or_else(|| indent.clone(), |p| format!("{indent}{p}"));
            let rest = " ".repeat(first.chars().count());
            let body = fill(text, width.saturating_sub(rest.len()).max(20), &rest);
            out.push_str(&first);
            out.push_str(body.trim_start());
            out.push('\n');
        }
        para.clear();
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some(level),
            Event::End(TagEnd::Heading(_)) => {
                let text = para.trim().to_owned();
                para.clear();
                let shown = match heading.take() {
                    Some(HeadingLevel::H1) => style.wrap("1;4", &text.to_uppercase()),
                    _ => style.wrap("1", &text),
                };
                out.push_str(&shown);
                out.push_str("\n\n");
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((info, body)) = code.take() {
                    let label = match info.split_whitespace().next() {
                        Some("output") => Some("output:"),
                        _ => None,
                    };
                    if let Some(label) = label {
                        out.push_str(&style.wrap("2", &format!("    {label}")));
                        out.push('\n');
                    }
                    let colour = if label.is_some() { "32" } else { "36" };
                    for line in body.lines() {
                        out.push_str(&style.wrap(colour, &format!("    {line}")));
                        out.push('\n');
                    }
                    out.push('\n');
                }
            }
            Event::Text(t) => match code.as_mut() {
                Some((_, body)) => body.push_str(&t),
                None => para.push_str(&t),
            },
            Event::Code(c) => para.push_str(&style.wrap("36", &c)),
            Event::Start(Tag::Strong) if style.color => para.push_str("\x1b[1m"),
            Event::End(TagEnd::Strong) if style.color => para.push_str("\x1b[22m"),
            Event::Start(Tag::Link { dest_url, .. }) => link.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.pop() {
                    para.push_str(&format!(" <{url}>"));
                }
            }
            Event::SoftBreak => para.push(' '),
            Event::HardBreak => para.push('\n'),
            Event::Start(Tag::List(start)) => {
                flush(&mut para, &mut out, &mut item_prefix, lists.len());
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut para, &mut out, &mut item_prefix, lists.len().saturating_sub(1));
                item_prefix = Some(match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                });
            }
            Event::End(TagEnd::Item) => flush(&mut para, &mut out, &mut item_prefix, lists.len().saturating_sub(1)),
            Event::End(TagEnd::Paragraph) => {
                flush(&mut para, &mut out, &mut item_prefix, lists.len().saturating_sub(1));
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Rule => out.push_str(&format!("{}\n\n", "-".repeat(width.min(60)))),
            _ => {}
        }
    }
    flush(&mut para, &mut out, &mut item_prefix, 0);
    out
}

/// Greedy word wrap; continuation lines start with `indent`.
fn fill(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in text.split_whitespace() {
        let len = visible_len(word);
        if col > 0 && col + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            col = indent.len();
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
    }
    out
}

/// Characters that take a column (ANSI escapes take none).
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in s.chars() {
        match (in_escape, c) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_topic;

    #[test]
    fn renders_headings_lists_code_and_links_without_colour() {
        let text = "+++\nid = \"t\"\ntitle = \"Lists\"\ntrack = \"fundamentals\"\norder = 1\nsummary = \"All about lists.\"\nestimate_hours = 2\n+++\n# Lists\n\nA **list** holds `items`.\n\n- one\n- two\n\n```python\nprint(1)\n```\n```output\n1\n```\n\nSee [the docs](https://docs.python.org/3/).\n";
        let topic = parse_topic("fundamentals/t.md", text).expect("valid topic");
        let shown = terminal(&topic, false, 80);
        assert!(!shown.contains('\x1b'));
        assert!(shown.contains("LISTS\n"), "{shown}");
        assert!(shown.contains("A list holds items."), "{shown}");
        assert!(shown.contains("- one\n- two\n"), "{shown}");
        assert!(shown.contains("    print(1)\n\n    output:\n    1\n"), "{shown}");
        assert!(shown.contains("the docs <https://docs.python.org/3/>"), "{shown}");
        assert!(terminal(&topic, true, 80).contains("\x1b[1m"));
    }

    #[test]
    fn fill_wraps_at_width() {
        assert_eq!(fill("aa bb cc", 5, "  "), "aa bb\n  cc");
    }
}
