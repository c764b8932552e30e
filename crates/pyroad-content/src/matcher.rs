//! Text matching for coverage: normalised tokens with light stemming, fuzzy
//! token equality (Jaro-Winkler for spelling variants) and a Dice score over
//! the token sets. Nothing here knows any particular roadmap.

use unicode_normalization::UnicodeNormalization;

/// Words that say nothing about *what* is taught.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "in",
    "on",
    "to",
    "for",
    "with",
    "your",
    "you",
    "how",
    "into",
    "vs",
    "versus",
    "python",
    "pythons",
    "basic",
    "basics",
    "intro",
    "introduction",
    "understanding",
    "understand",
    "learn",
    "learning",
    "using",
    "use",
    "working",
    "work",
    "getting",
    "started",
    "get",
    "start",
    "overview",
    "fundamental",
    "concepts",
    "concept",
    "topics",
    "topic",
    "phase",
    "level",
    "stage",
    "week",
    "weeks",
    "month",
    "months",
    "part",
    "step",
    "steps",
    "module",
    "chapter",
    "section",
    "essentials",
    "essential",
    "core",
    "key",
    "main",
    "mastering",
    "master",
    "deep",
    "dive",
    "practical",
    "practice",
    "e",
    "g",
    "eg",
    "etc",
    "ie",
    "i",
    "s",
    "about",
    "their",
    "its",
    "it",
    "from",
    "by",
    "or",
    "at",
    "as",
    "is",
    "are",
    "be",
    "what",
    "when",
    "why",
    "which",
    "like",
    "such",
    "other",
    "more",
    "common",
    "important",
    "beginner",
    "beginners",
    "days",
    "day",
    "hours",
    "hour",
    "h",
    "optional",
    "recommended",
    "them",
    "this",
    "that",
    "these",
    "those",
    "all",
    "also",
    "up",
    "new",
    "own",
    "first",
    "simple",
];

/// Lowercase ASCII-folded words of `text`, split on anything that is not a
/// letter or digit.
pub fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .nfkd()
        .filter(|c| c.is_ascii() || c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().map(str::to_owned).collect()
}

/// A stemmed form that makes singular/plural and verb forms meet.
pub fn stem(word: &str) -> String {
    let w = word;
    let n = w.len();
    for (suffix, replace, min) in
        [("ies", "y", 5), ("sses", "ss", 5), ("ing", "", 6), ("ed", "", 5), ("es", "", 5), ("s", "", 4)]
    {
        if n >= min && w.ends_with(suffix) && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
            return format!("{}{replace}", &w[..n - suffix.len()]);
        }
    }
    w.to_owned()
}

/// The meaningful, stemmed tokens of `text` (no stopwords, no bare numbers).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        if STOPWORDS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let s = stem(&w);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Two stemmed tokens name the same thing: equal, or long and nearly equal
/// (a spelling variant such as "serialization"/"serialisation").
pub fn same_token(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.min(lb) >= 6 && la.abs_diff(lb) <= 2 && strsim::jaro_winkler(a, b) >= 0.94
}

/// How well `item` tokens and `name` tokens agree, in `0.0..=1.0` (Dice
/// over fuzzy-equal tokens); also whether the name is fully contained.
pub fn score(item: &[String], name: &[String]) -> (f64, bool) {
    if item.is_empty() || name.is_empty() {
        return (0.0, false);
    }
    let hit_item = item.iter().filter(|t| name.iter().any(|n| same_token(t, n))).count();
    let hit_name = name.iter().filter(|n| item.iter().any(|t| same_token(t, n))).count();
    let dice = (hit_item + hit_name) as f64 / (item.len() + name.len()) as f64;
    (dice, hit_name == name.len())
}

/// The initials of a multi-word name ("object oriented programming" ->
/// "oop"), so an acronym in a roadmap meets the spelled-out topic.
pub fn acronym(text: &str) -> Option<String> {
    let ws: Vec<String> = words(text).into_iter().filter(|w| !matches!(w.as_str(), "and" | "of" | "the")).collect();
    if ws.len() < 2 || ws.len() > 5 || ws.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    Some(ws.iter().filter_map(|w| w.chars().next()).collect())
}

/// Splits an item into the parts that may each name a topic:
/// "Lists, tuples and sets (mutability)" -> ["Lists", "tuples", "sets", "mutability"].
pub fn segments(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    for c in text.chars() {
        if matches!(c, ',' | ';' | '(' | ')' | '/' | ':' | '&' | '[' | ']' | '|' | '+' | '\u{2013}' | '\u{2014}') {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    let mut out = Vec::new();
    for part in parts {
        for piece in part.split(" and ").flat_map(|p| p.split(" - ")).flat_map(|p| p.split(" or ")) {
            let piece = piece.trim();
            if !tokens(piece).is_empty() {
                out.push(piece.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_drop_noise_and_stem() {
        assert_eq!(tokens("Phase 2: Working with Dictionaries"), ["dictionary"]);
        assert_eq!(tokens("List comprehensions"), ["list", "comprehension"]);
        assert_eq!(tokens("Décorateurs"), ["decorateur"]);
    }

    #[test]
    fn fuzzy_tokens_need_length_and_closeness() {
        assert!(same_token("serialization", "serialisation"));
        assert!(!same_token("set", "get"));
    }

    #[test]
    fn score_is_dice_over_tokens() {
        let a = tokens("error handling");
        let b = tokens("exception handling");
        assert!(score(&a, &b).0 < 0.75);
        assert_eq!(score(&tokens("Handling errors"), &tokens("error handling")), (1.0, true));
    }

    #[test]
    fn segments_and_acronyms() {
        assert_eq!(segments("Lists, tuples and sets (mutability)"), ["Lists", "tuples", "sets", "mutability"]);
        assert_eq!(acronym("Object-Oriented Programming").as_deref(), Some("oop"));
        assert_eq!(acronym("Lists"), None);
    }
}
