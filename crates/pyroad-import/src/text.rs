//! Title and text hygiene shared by both readers.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// One tidy line: NFC, every run of white space (no-break spaces and line
/// breaks included) folded to one space, trimmed. Never truncates.
pub(crate) fn clean_line(text: &str) -> String {
    // Already tidy ASCII (the usual title): nothing to fold or normalise.
    let bytes = text.as_bytes();
    if text.is_ascii()
        && bytes.first().is_none_or(|&b| b != b' ')
        && bytes.last().is_none_or(|&b| b != b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|&b| b.is_ascii_whitespace() && b != b' ' || b == 0x0b)
    {
        return text.to_owned();
    }
    // Most titles are already NFC (all ASCII ones are): skip the rebuild.
    let normalised: Cow<'_, str> = if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    let mut out = String::with_capacity(normalised.len());
    for word in normalised.split(|c: char| c.is_whitespace() || c == '\u{200b}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A heading or label title: a trailing colon marks it as a heading, it is
/// not part of the name.
pub(crate) fn strip_label_colon(title: &str) -> String {
    let t = title.trim_end();
    match t.strip_suffix(':').or_else(|| t.strip_suffix('：')) {
        Some(rest) => rest.trim_end().to_string(),
        None => t.to_string(),
    }
}

/// The title with leading list-like numbering, emoji and symbols removed,
/// lower-cased: what keyword rules and matching look at.
pub(crate) fn key(title: &str) -> String {
    let lower = title.to_lowercase();
    let start = lower.char_indices().find(|&(_, c)| c.is_alphabetic()).map_or(lower.len(), |(i, _)| i);
    lower[start..].to_string()
}

/// Whether a line looks like prose rather than an item: it holds a sentence
/// boundary (". " followed by a capital) somewhere inside.
pub(crate) fn has_sentence_break(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(3).enumerate().any(|(i, w)| {
        matches!(w[0], b'.' | b'!' | b'?')
            && w[1] == b' '
            && (w[2] as char).is_ascii_uppercase()
            // "e.g. Python", "vs. Java": a short word before the dot is an abbreviation.
            && !text[..i].rsplit(' ').next().is_some_and(is_abbreviation)
    })
}

/// "e.g", "vs", "Dr", "(i.e": a short word or one with an inner dot.
fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.len() <= 3 || word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_folds_space_and_normalises() {
        assert_eq!(clean_line("  a\u{a0} b\n\tc  "), "a b c");
        assert_eq!(clean_line("Cafe\u{301}"), "Café");
    }

    #[test]
    fn keys_and_colons() {
        assert_eq!(key("🟢 PHASE 1 — Basics"), "phase 1 — basics");
        assert_eq!(key("1️⃣ Setup"), "setup");
        assert_eq!(strip_label_colon("Basic Syntax:"), "Basic Syntax");
        assert_eq!(strip_label_colon("Ratio 1:2"), "Ratio 1:2");
    }

    #[test]
    fn sentence_breaks() {
        assert!(has_sentence_break("It is broad. It is deep."));
        assert!(!has_sentence_break("Flask (e.g. Flask-Login)"));
        assert!(!has_sentence_break("Version Control (e.g. Git):"));
        assert!(!has_sentence_break("Dr. Who"));
    }
}
