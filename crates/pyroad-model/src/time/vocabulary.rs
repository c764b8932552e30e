//! The words time statements are made of: units, number words, dashes,
//! joiners, and the labels and sentence words that tell a time fact from
//! ordinary prose. Comparisons are ASCII case-insensitive.

use super::Mode;
use crate::TimeUnit;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Substrings one of which any text holding a time fact must contain when it
/// has no digit (a number word alone is never a fact: it needs a unit).
pub(super) const UNIT_STEMS: &[&str] = &["hour", "hr", "day", "week", "wk", "month", "min", "year", "yr"];

/// Dropped from `raw`; `~` and `≈` are kept.
pub(super) const APPROX_WORDS: &[&str] = &["approximately", "approx", "about", "around", "roughly", "circa"];
pub(super) const DASHES: &[&str] = &["-", "–", "—"];
/// What may stand between two facts of one statement.
pub(super) const JOINERS: &[&str] = &[",", ";", ".", "&", "@", "|", "-", "–", "—"];
pub(super) const JOIN_WORDS: &[&str] = &["and", "at", "with", "plus"];

/// Words a time-looking fragment may hold besides numbers and units, so that
/// "1 hour a day" or "at least 2 weeks" is reported as unreadable while
/// "(25 min focus, 5 min break)" is plain text.
pub(super) const TIME_TALK: &[&str] = &[
    "approximately",
    "approx",
    "about",
    "around",
    "roughly",
    "circa",
    "and",
    "at",
    "with",
    "plus",
    "or",
    "to",
    "per",
    "a",
    "an",
    "each",
    "every",
    "daily",
    "weekly",
    "monthly",
    "least",
    "most",
    "more",
    "less",
    "than",
    "over",
    "under",
    "up",
    "m",
];

/// A lead-in label must hold one of these ("Duration:", "Suggested time:")
/// and otherwise only `LABEL_GLUE` words or numbers; so "Testing: 1 week"
/// is a topic with an estimate, not a statement.
pub(super) const LABEL_CORE: &[&str] = &[
    "time",
    "duration",
    "estimate",
    "estimated",
    "est",
    "eta",
    "timeline",
    "timeframe",
    "commitment",
    "pace",
    "length",
    "schedule",
    "effort",
    "total",
    "weekly",
    "hours",
];
pub(super) const LABEL_GLUE: &[&str] = &[
    "suggested",
    "recommended",
    "expected",
    "approximate",
    "approx",
    "typical",
    "average",
    "needed",
    "required",
    "to",
    "complete",
    "completion",
    "for",
    "this",
    "the",
    "of",
    "phase",
    "section",
    "path",
    "level",
    "module",
    "stage",
    "part",
    "step",
    "study",
    "learning",
    "per",
    "week",
    "overall",
    "how",
    "long",
    "it",
    "takes",
    "time",
    "total",
];

/// A word right before trailing words that makes them part of a sentence:
/// "Learn Python in 30 days", "Spend 2 hours", "Code for at least 30 minutes".
pub(super) const SENTENCE_WORDS: &[&str] = &[
    "for",
    "at",
    "least",
    "most",
    "in",
    "within",
    "of",
    "every",
    "each",
    "per",
    "than",
    "to",
    "the",
    "a",
    "an",
    "next",
    "first",
    "last",
    "over",
    "under",
    "after",
    "before",
    "only",
    "just",
    "up",
    "by",
    "with",
    "and",
    "or",
    "from",
    "until",
    "till",
    "during",
    "another",
    "those",
    "these",
    "couple",
    "few",
    "several",
    "some",
    "all",
    "whole",
    "entire",
    "full",
    "extra",
    "more",
    "less",
    "additional",
    "spend",
    "spent",
    "spending",
    "take",
    "takes",
    "took",
    "taking",
    "need",
    "needs",
    "give",
    "allow",
    "allocate",
    "dedicate",
    "invest",
    "lasts",
    "is",
    "are",
    "was",
    "be",
    "it",
    "this",
    "that",
    "ago",
];

/// Words whose number is an ordinal label: in "Phase 1 - 2 weeks" the dash
/// separates the label "Phase 1" from the length.
pub(super) const ORDINAL_LABELS: &[&str] = &[
    "phase", "week", "weeks", "day", "days", "month", "months", "part", "step", "module", "chapter", "level", "stage",
    "lesson", "unit", "section", "lecture", "session", "sprint",
];

pub(super) fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// `word` in lower case, in `buf`; empty if too long for any vocabulary.
fn lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> &'b [u8] {
    let Some(dst) = buf.get_mut(..word.len()) else { return &[] };
    for (d, s) in dst.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    dst
}

pub(super) fn unit_of(word: &str, mode: Mode) -> Option<Unit> {
    Some(match lower(word, &mut [0; 16]) {
        b"min" | b"mins" | b"minute" | b"minutes" => Unit::Minute,
        b"m" if mode == Mode::Length => Unit::Minute,
        b"h" | b"hr" | b"hrs" | b"hour" | b"hours" => Unit::Hour,
        b"d" | b"day" | b"days" => Unit::Day,
        b"w" | b"wk" | b"wks" | b"week" | b"weeks" => Unit::Week,
        b"mo" | b"mos" | b"month" | b"months" => Unit::Month,
        b"yr" | b"yrs" | b"year" | b"years" => Unit::Year,
        _ => return None,
    })
}

/// "a" and "an" count as one ("an hour", "a week").
pub(super) fn number_word(word: &str) -> Option<f64> {
    Some(match lower(word, &mut [0; 16]) {
        b"a" | b"an" | b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" => 12.0,
        _ => return None,
    })
}

/// (factor numerator, denominator, stored unit). Multiplying before dividing
/// keeps "3 months" at exactly 13 weeks.
pub(super) fn scale(unit: Unit) -> (f64, f64, TimeUnit) {
    match unit {
        Unit::Minute => (1.0, 60.0, TimeUnit::Hours),
        Unit::Hour => (1.0, 1.0, TimeUnit::Hours),
        Unit::Day => (1.0, 1.0, TimeUnit::Days),
        Unit::Week => (1.0, 1.0, TimeUnit::Weeks),
        Unit::Month => (52.0, 12.0, TimeUnit::Weeks),
        Unit::Year => (52.0, 1.0, TimeUnit::Weeks),
    }
}
