//! Inline content: the visible text of a heading, paragraph, item or cell.
//!
//! Markup is already gone here (pulldown-cmark resolved emphasis, escapes and
//! entities); what is kept is what the rules need: which runs were bold,
//! which were links (and where to), where the source lines broke, and where
//! an image stood.

use crate::text::clean_line;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Text {
        text: String,
        strong: bool,
        link: Option<String>,
    },
    /// A soft or hard line break; `line` is the line the next text starts on.
    Break {
        line: u32,
    },
    Image,
}

impl Piece {
    pub fn text(text: &str, strong: bool, link: Option<&String>) -> Piece {
        Piece::Text { text: text.to_string(), strong, link: link.cloned() }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Inline {
    pub pieces: Vec<Piece>,
}

/// An item or line read as `**Name** - description` / `[Name](url) - description`.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Labelled {
    pub title: String,
    pub url: Option<String>,
    pub description: Option<String>,
}

const SEPARATORS: [&str; 4] = ["-", "–", "—", ":"];

impl Inline {
    pub fn push(&mut self, piece: Piece) {
        // Adjacent text with the same style is one run (pulldown-cmark splits at escapes).
        if let (Some(Piece::Text { text, strong, link }), Piece::Text { text: more, strong: s2, link: l2 }) =
            (self.pieces.last_mut(), &piece)
            && *strong == *s2
            && link == l2
        {
            text.push_str(more);
            return;
        }
        self.pieces.push(piece);
    }

    /// The visible text, line breaks as spaces, tidied to one line.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text { text, .. } => out.push_str(text),
                Piece::Break { .. } => out.push(' '),
                Piece::Image => {}
            }
        }
        clean_line(&out)
    }

    /// The visible text with line breaks kept.
    pub fn plain_multiline(&self) -> String {
        self.lines().iter().map(|(_, l)| l.plain()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
    }

    fn texts(&self) -> impl Iterator<Item = (&str, bool, Option<&String>)> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Text { text, strong, link } => Some((text.as_str(), *strong, link.as_ref())),
            _ => None,
        })
    }

    pub fn has_text(&self) -> bool {
        self.texts().any(|(t, _, _)| !t.trim().is_empty())
    }

    pub fn has_image(&self) -> bool {
        self.pieces.iter().any(|p| matches!(p, Piece::Image))
    }

    /// Every visible character is bold (a "bold topic line").
    pub fn is_all_strong(&self) -> bool {
        self.has_text() && self.texts().all(|(t, strong, _)| strong || t.trim().is_empty())
    }

    /// Only links to `#anchors` of the same document (a table-of-contents entry).
    pub fn is_anchor_links(&self) -> bool {
        self.has_text()
            && self.texts().all(|(t, _, link)| t.trim().is_empty() || link.is_some_and(|l| l.starts_with('#')))
    }

    /// Splits at line breaks: (first line number offset marker, inline) pairs.
    /// The first part's line is `None` (it starts where the block starts).
    pub fn lines(&self) -> Vec<(Option<u32>, Inline)> {
        let mut out = vec![(None, Inline::default())];
        for piece in &self.pieces {
            match piece {
                Piece::Break { line } => out.push((Some(*line), Inline::default())),
                other => {
                    if let Some((_, last)) = out.last_mut() {
                        last.push(other.clone());
                    }
                }
            }
        }
        out
    }

    /// Reads `**Name** - description`, `**Name**: description`, `**Name:** description`,
    /// `[Name](url) - description` and `[Name](url)`. `None` when the text
    /// does not start with a bold or linked run.
    pub fn labelled(&self) -> Option<Labelled> {
        let mut pieces = self.pieces.iter().filter(|p| !matches!(p, Piece::Image)).peekable();
        // Skip leading whitespace-only text.
        while let Some(Piece::Text { text, .. }) = pieces.peek() {
            if text.trim().is_empty() {
                pieces.next();
            } else {
                break;
            }
        }
        let Some(Piece::Text { text: head, strong, link }) = pieces.next() else {
            return None;
        };
        if !*strong && link.is_none() {
            return None;
        }
        let mut title = head.clone();
        // A bold link or a link inside bold: join runs with the same link/strong.
        let mut rest = Inline::default();
        let mut in_head = true;
        for piece in pieces {
            match piece {
                Piece::Text { text, strong: s, link: l } if in_head && s == strong && l == link => {
                    title.push_str(text);
                }
                other => {
                    in_head = false;
                    rest.push(other.clone());
                }
            }
        }
        let url = link.clone().filter(|l| !l.starts_with('#'));
        let mut title = clean_line(&title);
        let rest_text = rest.plain();
        let colon_inside = title.ends_with(':');
        if colon_inside {
            title.pop();
            title = title.trim_end().to_string();
        }
        if rest_text.is_empty() {
            return Some(Labelled { title, url, description: None });
        }
        if colon_inside {
            return Some(Labelled { title, url, description: Some(rest_text) });
        }
        for sep in SEPARATORS {
            if let Some(desc) = rest_text.strip_prefix(sep)
                && (sep == ":" || desc.starts_with(char::is_whitespace))
            {
                let desc = desc.trim();
                return Some(Labelled { title, url, description: (!desc.is_empty()).then(|| desc.to_string()) });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, strong: bool, link: Option<&str>) -> Piece {
        Piece::Text { text: text.into(), strong, link: link.map(String::from) }
    }

    fn inline(pieces: Vec<Piece>) -> Inline {
        let mut i = Inline::default();
        for p in pieces {
            i.push(p);
        }
        i
    }

    #[test]
    fn labels_split_title_url_and_description() {
        let i = inline(vec![t("Pandas", true, None), t(" - data frames", false, None)]);
        let l = i.labelled().unwrap_or_default();
        assert_eq!((l.title.as_str(), l.description.as_deref()), ("Pandas", Some("data frames")));

        let i = inline(vec![t("Goal:", true, None), t(" Master basics", false, None)]);
        let l = i.labelled().unwrap_or_default();
        assert_eq!((l.title.as_str(), l.description.as_deref()), ("Goal", Some("Master basics")));

        let i = inline(vec![t("Book", false, Some("https://x.org")), t(" — a good one", false, None)]);
        let l = i.labelled().unwrap_or_default();
        assert_eq!(l.url.as_deref(), Some("https://x.org"));
        assert_eq!(l.description.as_deref(), Some("a good one"));

        // Bold inside a sentence is not a label.
        let i = inline(vec![t("Lists", true, None), t(" and more", false, None)]);
        assert_eq!(i.labelled(), None);
        let i = inline(vec![t("Use ", false, None), t("this", true, None)]);
        assert_eq!(i.labelled(), None);
    }
}
