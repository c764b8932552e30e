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
    "fundamentals",
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
    "best",
    "practices",
    "capabilities",
    "capability",
    "techniques",
    "technique",
    "considerations",
    "usage",
    "implementation",
    "explore",
    "familiarize",
    "familiarise",
    "familiarity",
    "yourself",
    "knowledge",
    "trade",
    "offs",
    "tradeoffs",
    "between",
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
    "others",
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

/// Words that only carry an instruction when a roadmap item is written as a
/// sentence ("Familiarize yourself with the X library for Y"): dropped from
/// sentence-like items so the things named remain.
const INSTRUCTION_WORDS: &[&str] = &[
    "learn",
    "stay",
    "updated",
    "latest",
    "familiarize",
    "familiarise",
    "familiarity",
    "explore",
    "tools",
    "tool",
    "understand",
    "make",
    "sure",
    "have",
    "solid",
    "strong",
    "choose",
    "chosen",
    "popular",
    "choices",
    "choice",
    "review",
    "solidify",
    "brush",
    "knowledge",
    "including",
    "include",
    "library",
    "libraries",
    "leveraging",
    "leverage",
    "implement",
    "implementing",
    "handle",
    "handling",
    "write",
    "writing",
    "create",
    "creating",
    "define",
    "if",
    "interested",
    "using",
    "use",
    "interact",
    "works",
    "work",
    "way",
    "ways",
    "various",
    "different",
    "specific",
    "many",
    "well",
    "good",
    "great",
    "lightweight",
    "flexible",
    "high",
];

/// Whether `text` reads as a sentence rather than a name: it ends with a
/// full stop, runs to six words or more, or opens with an instruction.
pub fn is_sentence(text: &str) -> bool {
    let t = text.trim();
    let ws = words(t);
    (t.ends_with('.') && !t.ends_with(".."))
        || ws.len() >= 6
        || ws.first().is_some_and(|w| INSTRUCTION_WORDS.contains(&w.as_str()))
}

/// A sentence-like item without its instruction words, keeping punctuation
/// so it can still be split into parts; `None` when `text` is a name or
/// nothing would change.
pub fn sentence_core(text: &str) -> Option<String> {
    if !is_sentence(text) {
        return None;
    }
    // The words that join a thing to what it is for or built with separate
    // parts like a semicolon; so does a full stop inside the sentence.
    let mut joined = format!(" {} ", text.trim().trim_end_matches('.'));
    for joint in [" like ", " for ", " such as ", " with ", " using ", " via ", " e.g. ", ". "] {
        joined = joined.replace(joint, " ; ");
    }
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !INSTRUCTION_WORDS.contains(&word.to_lowercase().as_str()) {
            out.push_str(word);
        }
        word.clear();
    };
    for c in joined.chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    let core = out.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ;", ";");
    (core != text.trim() && !tokens(&core).is_empty()).then_some(core)
}

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
        // "status", "analysis" keep their s; "apis" is a plural.
        let latin = w.ends_with("us") || (w.ends_with("is") && n > 4);
        if n >= min && w.ends_with(suffix) && !w.ends_with("ss") && !latin {
            return drop_final_e(format!("{}{replace}", &w[..n - suffix.len()]));
        }
    }
    drop_final_e(w.to_owned())
}

/// "type"/"types", "route"/"routes"/"routing" and "create"/"created" meet
/// once a silent final e is gone.
fn drop_final_e(mut stem: String) -> String {
    if stem.len() >= 4 && stem.ends_with('e') {
        stem.pop();
    }
    stem
}

/// The meaningful, stemmed tokens of `text` (no stopwords, no bare numbers).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words(text).into_iter().enumerate() {
        // "datetime module" names datetime, but "Module caching" is about
        // modules: the word only says nothing when it trails a name.
        let leading_module = i == 0 && w == "module";
        if (STOPWORDS.contains(&w.as_str()) && !leading_module) || w.chars().all(|c| c.is_ascii_digit()) {
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
    // A word plus a suffix is another word ("function"/"functional",
    // "transform"/"transformer"), not a spelling variant; one extra letter
    // is a stemming leftover ("formatt"/"format").
    if (a.starts_with(b) || b.starts_with(a)) && la.abs_diff(lb) >= 2 {
        return false;
    }
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
        assert_eq!(tokens("Data types"), tokens("data type"));
        assert_eq!(tokens("datetime module"), ["datetim"]);
        assert_eq!(tokens("Module caching"), ["modul", "cach"]);
        assert_eq!(tokens("REST APIs and CNNs"), ["rest", "api", "cnn"]);
        assert_eq!(tokens("Data analysis status"), ["data", "analysis", "status"]);
        assert_eq!(tokens("R² score"), ["r2", "scor"]);
        assert_eq!(tokens("Routing"), tokens("routes"));
        assert_eq!(tokens("API design best practices"), ["api", "design"]);
        assert_eq!(tokens("Décorateurs"), ["decorateur"]);
    }

    #[test]
    fn fuzzy_tokens_need_length_and_closeness() {
        assert!(same_token("serialization", "serialisation"));
        assert!(!same_token("set", "get"));
        assert!(!same_token("transform", "transformer"));
        assert!(same_token("formatt", "format"));
    }

    #[test]
    fn score_is_dice_over_tokens() {
        let a = tokens("error handling");
        let b = tokens("exception handling");
        assert!(score(&a, &b).0 < 0.75);
        assert_eq!(score(&tokens("Handling errors"), &tokens("error handling")), (1.0, true));
    }

    #[test]
    fn sentences_lose_their_instruction_words_names_do_not() {
        assert_eq!(
            sentence_core("Familiarize yourself with the X library for data preprocessing, and model evaluation.")
                .as_deref(),
            Some("yourself; the X; data preprocessing, and model evaluation")
        );
        assert_eq!(
            sentence_core("Choose a web framework. Flask and Django are popular choices.").as_deref(),
            Some("a web framework; Flask and Django are")
        );
        // Names stay as they are: "Writing tests" is not a sentence.
        assert_eq!(sentence_core("Unit tests"), None);
        assert_eq!(sentence_core("Familiarity with tools like Celery").as_deref(), Some(";; Celery"));
        assert!(is_sentence("Understand how web servers work."));
        assert!(!is_sentence("Thread creation"));
    }

    #[test]
    fn segments_and_acronyms() {
        assert_eq!(segments("Lists, tuples and sets (mutability)"), ["Lists", "tuples", "sets", "mutability"]);
        assert_eq!(acronym("Object-Oriented Programming").as_deref(), Some("oop"));
        assert_eq!(acronym("Lists"), None);
    }
}
