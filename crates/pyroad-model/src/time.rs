//! Reading time statements out of roadmap text: "(4-6 weeks)", "2–3 weeks",
//! "(2h)", "~3 days", "15-20 hours/week", "Suggested time: 2-3 weeks, about
//! 5 hours per week."
//!
//! Roadmap titles are full of numbers that are not estimates ("Python 3.10+",
//! "Week 1-2: ...", "Top 10 tips", "at least 2-3 projects"), so [`scan`] only
//! takes a fragment from three places, and only when the whole place reads:
//!
//! 1. a parenthesised group holding nothing but time facts: "Closures (2h)";
//! 2. the end of the text, after a separator (` - `, ` – `, ` — `, `: `,
//!    `, `) or as trailing words: "Fundamentals — 2–3 weeks", "Recursion ~3
//!    days" (trailing words need a digit and must not follow a word that
//!    makes them part of a sentence: "Learn Python in 30 days");
//! 3. the whole text, maybe after a lead-in label: "Duration: 6 weeks".
//!
//! The scanner is hand-written (no regex): it runs on every title during
//! import and returns at once for text with no digit and no unit word.

use std::borrow::Cow;

use crate::{Estimate, TimeUnit};

/// What [`scan`] found in one piece of text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeFacts {
    /// The text with every recognised time fragment removed and tidied; the
    /// exact input when nothing was recognised.
    pub rest: String,
    /// Lengths found, in order ("4-6 weeks", "(2h)", "4-5 months").
    pub lengths: Vec<Estimate>,
    /// A weekly rate found ("15-20 hours/week"), as (min, max) hours. The
    /// first one wins if the text has several.
    pub weekly_hours: Option<(f64, f64)>,
    /// True when the text was nothing but time facts, a lead-in label and filler.
    pub is_statement: bool,
    /// Fragments that look like a time statement but could not be read
    /// ("(6-4 weeks)", "1 hour a day"), for a linter. They are left in `rest`.
    pub unreadable: Vec<String>,
}

/// Reads the time facts in `text`. See the module docs for where fragments
/// are taken from.
///
/// ```
/// use pyroad_model::{time::scan, TimeUnit};
///
/// let facts = scan("Phase 1: Python Fundamentals (4-6 weeks)");
/// assert_eq!(facts.rest, "Phase 1: Python Fundamentals");
/// assert_eq!((facts.lengths[0].min, facts.lengths[0].max), (4.0, 6.0));
/// assert_eq!(facts.lengths[0].unit, TimeUnit::Weeks);
///
/// let facts = scan("Suggested time: 2-3 weeks, about 5 hours per week.");
/// assert_eq!(facts.weekly_hours, Some((5.0, 5.0)));
/// assert!(facts.is_statement);
///
/// assert!(scan("Week 1-2: Learn a framework").lengths.is_empty());
/// ```
pub fn scan(text: &str) -> TimeFacts {
    let mut out = TimeFacts::default();
    if !may_hold_time(text) {
        out.rest = text.to_owned();
        return out;
    }
    let mut found: Vec<Fact> = Vec::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();

    // 1. Parenthesised groups, at any depth, wherever they are.
    if text.contains('(') {
        let mut opens = Vec::new();
        for (i, b) in text.bytes().enumerate() {
            if b == b'(' {
                opens.push(i);
            } else if let (b')', Some(open)) = (b, opens.last().copied()) {
                opens.pop();
                if parse_facts(&text[..i], open + 1, Mode::Scan, &mut found) {
                    cuts.push((open, i + 1));
                } else if looks_like_time(&text[open + 1..i]) {
                    out.unreadable.push(text[open..=i].to_owned());
                }
            }
        }
    }

    // 2 and 3. The tail of the text, with extracted groups blanked out so
    // that byte offsets stay those of `text`.
    cuts.sort_unstable();
    let w: Cow<'_, str> = if cuts.is_empty() { Cow::Borrowed(text) } else { Cow::Owned(blank(text, &cuts)) };
    let end = w.trim_end().len();
    let mut tail_start = None;
    if ends_with_unit_word(&w[..end]) {
        if let Some(start) = find_tail(&w[..end], &mut found) {
            cuts.push((start, end));
            tail_start = Some(start);
        } else if let Some(seg) = unreadable_tail(&w[..end]) {
            out.unreadable.push(seg.to_owned());
        }
    }

    if found.is_empty() {
        out.rest = text.to_owned();
        return out;
    }
    found.sort_by_key(|f| f.at);
    for f in found {
        match f.unit {
            Some(unit) => {
                out.lengths.push(Estimate { raw: text[f.at..f.end].to_owned(), min: f.min, max: f.max, unit });
            }
            None => {
                out.weekly_hours.get_or_insert((f.min, f.max));
            }
        }
    }
    out.is_statement = is_lead_in(&w[..tail_start.unwrap_or(w.len())]);
    cuts.sort_unstable();
    out.rest = build_rest(text, &cuts);
    out
}

/// Reads a string that should be exactly one length, such as a command-line
/// argument: "45m", "3h", "1.5h", "2 days", "90min", "1h30m", "2-3 weeks".
/// Here a bare `m` means minutes (nobody types "3m" on a command line to
/// mean three months). Weekly rates and anything else give `None`.
pub fn parse_length(text: &str) -> Option<Estimate> {
    let text = text.trim();
    let mut c = Cursor { s: text, pos: 0 };
    let f = parse_fact(&mut c, Mode::Length)?;
    let unit = f.unit.filter(|_| c.at_end())?;
    Some(Estimate { raw: text.to_owned(), min: f.min, max: f.max, unit })
}

/// Canonical text for a length in weeks ("4-6 weeks", "3 weeks", "1 week"),
/// which [`scan`] reads back. Numbers are rounded to two decimals and
/// trailing zeros dropped (2.5, not 2.50); `min` should not exceed `max`.
pub fn render_weeks(min: f64, max: f64) -> String {
    render(min, max, "week", "weeks", "")
}

/// Canonical text for a weekly rate ("15-20 hours/week", "1 hour/week"),
/// which [`scan`] reads back as `weekly_hours`. Rounded like [`render_weeks`].
pub fn render_hours_per_week(min: f64, max: f64) -> String {
    render(min, max, "hour", "hours", "/week")
}

fn render(min: f64, max: f64, one: &str, many: &str, suffix: &str) -> String {
    let (lo, hi) = (round2(min), round2(max));
    let unit = if lo == 1.0 && hi == 1.0 { one } else { many };
    if lo == hi { format!("{lo} {unit}{suffix}") } else { format!("{lo}-{hi} {unit}{suffix}") }
}

/// Two decimals; `f64`'s `Display` then prints the shortest text that
/// parses back to the same value, so render and scan agree exactly.
fn round2(x: f64) -> f64 {
    let r = if x.abs() < 1e15 { (x * 100.0).round() / 100.0 } else { x };
    if r == 0.0 { 0.0 } else { r } // no "-0"
}

mod vocabulary;
use vocabulary::{
    APPROX_WORDS, DASHES, JOIN_WORDS, JOINERS, LABEL_CORE, LABEL_GLUE, ORDINAL_LABELS, SENTENCE_WORDS, TIME_TALK,
    UNIT_STEMS, Unit, in_list, number_word, scale, unit_of,
};

// ---------------------------------------------------------------------------
// The fact grammar.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    /// Titles and text: a bare `m` is not a unit (minutes? months?).
    Scan,
    /// [`parse_length`]: a bare `m` means minutes.
    Length,
}

/// One fact as read: a length when `unit` is set, else a weekly rate in
/// hours. `at..end` is its raw text (offsets into the scanned text; the
/// `String` is only made once the fact is kept).
#[derive(Debug, Clone, Copy)]
struct Fact {
    at: usize,
    end: usize,
    min: f64,
    max: f64,
    unit: Option<TimeUnit>,
}

/// A position in a string, always on a char boundary (it only moves over
/// ASCII bytes, whole literals and trimmed whitespace).
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }
    fn skip_ws(&mut self) -> usize {
        let r = self.rest();
        let n = r.len() - r.trim_start().len();
        self.pos += n;
        n
    }
    fn eat(&mut self, lit: &str) -> bool {
        let hit = self.rest().starts_with(lit);
        if hit {
            self.pos += lit.len();
        }
        hit
    }
    fn eat_any(&mut self, lits: &[&str]) -> bool {
        lits.iter().any(|l| self.eat(l))
    }
    /// One of `words` (ASCII letters), case-insensitive, as a whole word:
    /// not running on into a letter or digit.
    fn eat_word_any(&mut self, words: &[&str]) -> bool {
        let run = self.alpha_run();
        let hit =
            !run.is_empty() && in_list(run, words) && !self.rest()[run.len()..].starts_with(char::is_alphanumeric);
        if hit {
            self.pos += run.len();
        }
        hit
    }
    fn alpha_run(&self) -> &'a str {
        let r = self.rest();
        &r[..r.bytes().take_while(u8::is_ascii_alphabetic).count()]
    }
    /// True when the cursor is not in the middle of a word or number.
    fn at_boundary(&self) -> bool {
        !self.rest().starts_with(char::is_alphanumeric)
    }
}

/// Whether `s[start..]` reads as one or more facts joined by commas, "and"
/// and the like, with nothing else but whitespace and a final full stop.
/// Pushes them onto `out` if so, leaves `out` as it was if not.
fn parse_facts(s: &str, start: usize, mode: Mode, out: &mut Vec<Fact>) -> bool {
    let before = out.len();
    let read = read_facts(&mut Cursor { s, pos: start }, mode, out);
    if !read {
        out.truncate(before);
    }
    read
}

fn read_facts(c: &mut Cursor<'_>, mode: Mode, out: &mut Vec<Fact>) -> bool {
    c.skip_ws();
    loop {
        let Some(fact) = parse_fact(c, mode) else { return false };
        out.push(fact);
        let mut joined = c.skip_ws() > 0;
        let mut words = false;
        loop {
            if c.eat_any(JOINERS) {
            } else if c.eat_word_any(JOIN_WORDS) {
                words = true;
            } else {
                break;
            }
            joined = true;
            c.skip_ws();
        }
        if c.at_end() || !joined {
            return c.at_end() && !words; // "2 weeks and" is not a statement
        }
    }
}

/// One fact: `[~|about] N[-M|+] unit [/week]`, or an hours-and-minutes
/// compound ("1h 30min"). Fails, leaving the cursor anywhere, when the text
/// at the cursor is not exactly that.
fn parse_fact(c: &mut Cursor<'_>, mode: Mode) -> Option<Fact> {
    let run = c.alpha_run();
    if !run.is_empty() && number_word(run).is_none() && !in_list(run, APPROX_WORDS) {
        return None; // most words: leave at once
    }
    let mut raw_start = c.pos;
    if c.eat("~") || c.eat("≈") {
        c.skip_ws();
    } else if c.eat_word_any(APPROX_WORDS) {
        c.eat(".");
        if c.skip_ws() == 0 {
            return None;
        }
        raw_start = c.pos;
    }
    let (lo, kind) = number(c)?;
    let (mut hi, mut wordy) = (lo, kind != Num::Digits);
    let save = c.pos;
    let gap = c.skip_ws();
    if kind != Num::Article && (c.eat_any(DASHES) || (gap > 0 && c.eat_word_any(&["to", "or"]))) {
        c.skip_ws();
        let (n, k) = number(c)?;
        (hi, wordy) = (n, wordy || k != Num::Digits);
    } else {
        c.pos = save;
    }
    let plus = c.eat("+");
    c.skip_ws();
    let word = c.alpha_run();
    let unit = unit_of(word, mode)?;
    if wordy && word.len() == 1 {
        return None; // "a h", "two d": not how people write
    }
    c.pos += word.len();
    let (num, den, time_unit) = scale(unit);
    let (mut lo, mut hi) = (lo * num / den, hi * num / den);
    if unit == Unit::Hour && !plus {
        let save = c.pos;
        c.skip_ws();
        match minutes(c) {
            Some(m) => (lo, hi) = (lo + m / 60.0, hi + m / 60.0),
            None => c.pos = save,
        }
    }
    if !c.at_boundary() || lo > hi || !hi.is_finite() {
        return None; // "2hx", "6-4 weeks"
    }
    let (at, end) = (raw_start, c.pos);
    let unit = match rate(c) {
        Rate::None => Some(time_unit),
        Rate::Weekly if time_unit == TimeUnit::Hours => None,
        _ => return None, // "1 hour a day", "3 days a week": a rate we do not read
    };
    Some(Fact { at, end, min: lo, max: hi, unit })
}

/// The minutes of "1h 30min", "1h30m", "1 hour 30 minutes" (a bare `m` is
/// clear here, right after hours).
fn minutes(c: &mut Cursor<'_>) -> Option<f64> {
    let (m, kind) = number(c)?;
    if kind != Num::Digits {
        return None;
    }
    c.skip_ws();
    let unit = c.alpha_run();
    if unit.eq_ignore_ascii_case("m") || unit_of(unit, Mode::Scan) == Some(Unit::Minute) {
        c.pos += unit.len();
        return Some(m);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Digits,
    Word,
    /// "a", "an": never in a range, never before a one-letter unit.
    Article,
}

/// An integer or decimal ("1.5", never "1." or ".5"), or a number word.
fn number(c: &mut Cursor<'_>) -> Option<(f64, Num)> {
    let r = c.rest().as_bytes();
    let mut n = r.iter().take_while(|b| b.is_ascii_digit()).count();
    if n > 0 {
        if r.get(n) == Some(&b'.') && r.get(n + 1).is_some_and(u8::is_ascii_digit) {
            n += 1 + r[n + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        }
        let v: f64 = c.rest().get(..n)?.parse().ok()?;
        c.pos += n;
        return v.is_finite().then_some((v, Num::Digits));
    }
    let run = c.alpha_run();
    let v = number_word(run)?;
    c.pos += run.len();
    c.at_boundary().then_some((v, if run.len() <= 2 { Num::Article } else { Num::Word }))
}

#[derive(Debug, PartialEq)]
enum Rate {
    None,
    Weekly,
    Other,
}

/// A rate suffix after a unit: "/week", "/wk", "/w", " per week", " a week",
/// " weekly"; other periods ("a day", "daily") are `Other`. Consumes it.
fn rate(c: &mut Cursor<'_>) -> Rate {
    let save = c.pos;
    let gap = c.skip_ws();
    let per = c.eat("/") || (gap > 0 && c.eat_word_any(&["per", "a", "an", "each", "every"]) && c.skip_ws() > 0);
    let word = {
        c.skip_ws();
        c.alpha_run()
    };
    let rate = if per {
        match unit_of(word, Mode::Scan) {
            Some(Unit::Week) => Rate::Weekly,
            Some(Unit::Day | Unit::Month | Unit::Year) => Rate::Other,
            _ => Rate::None,
        }
    } else if gap > 0 && word.eq_ignore_ascii_case("weekly") {
        Rate::Weekly
    } else if gap > 0 && (word.eq_ignore_ascii_case("daily") || word.eq_ignore_ascii_case("monthly")) {
        Rate::Other
    } else {
        Rate::None
    };
    c.pos += word.len();
    if rate == Rate::None || !c.at_boundary() {
        c.pos = save;
        return Rate::None;
    }
    rate
}

// ---------------------------------------------------------------------------
// Where fragments may be, and what is left.

/// The cheap check: a fact needs a digit, or a spelled unit after a number word.
fn may_hold_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(u8::is_ascii_digit)
        || (0..b.len()).any(|i| {
            matches!(b[i] | 0x20, b'h' | b'd' | b'w' | b'm' | b'y')
                && UNIT_STEMS
                    .iter()
                    .any(|s| b[i..].get(..s.len()).is_some_and(|t| t.eq_ignore_ascii_case(s.as_bytes())))
        })
}

/// Whether the text ends (before a final full stop) with a unit or rate
/// word; tails that do not are skipped without parsing.
fn ends_with_unit_word(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | '!'));
    let n = t.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let word = &t[t.len() - n..];
    n > 0 && (unit_of(word, Mode::Length).is_some() || in_list(word, &["weekly", "daily", "monthly"]))
}

/// Longest statement is ~60 bytes; bounding the search keeps long lines linear.
const MAX_TAIL: usize = 256;

/// The longest suffix of `body` that reads as facts and stands where a
/// fragment may stand: pushes its facts onto `out` and gives its start.
fn find_tail(body: &str, out: &mut Vec<Fact>) -> Option<usize> {
    let mut from = body.len().saturating_sub(MAX_TAIL);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let mut back = body[..from].chars().rev();
    let (mut prev, mut prev2) = (back.next(), back.next());
    for (i, ch) in body[from..].char_indices() {
        let (i, p, p2) = (from + i, prev, prev2);
        (prev2, prev) = (prev, Some(ch));
        let starts = match p {
            None => true,
            Some(':') => !p2.is_some_and(|c: char| c.is_ascii_digit()), // not "10:30 min"
            Some(c) => c.is_whitespace() || c == ',' || c == ';',
        };
        if !starts || !(ch.is_ascii_alphanumeric() || ch == '~' || ch == '≈') {
            continue;
        }
        let kept = out.len();
        if parse_facts(body, i, Mode::Scan, out) {
            if tail_may_start(&body[..i], &body[i..]) {
                return Some(i);
            }
            out.truncate(kept);
        }
    }
    None
}

/// Whether a tail `seg` that reads as facts may be taken after `prefix`.
fn tail_may_start(prefix: &str, seg: &str) -> bool {
    let t = prefix.trim_end();
    let Some(last) = t.chars().next_back() else { return true };
    let before = &t[..t.len() - last.len_utf8()];
    let mut words = before.split_whitespace().rev();
    match last {
        ':' | ',' | ';' | '|' => true,
        '-' | '–' | '—' => {
            // Spaced only ("2–3 weeks" is a range), and "at least 2 - 3
            // hours" is a range too unless the number is a label's.
            (before.is_empty() || before.ends_with(char::is_whitespace))
                && match words.next() {
                    Some(w) if is_number_token(w) => words.next().is_some_and(|l| in_list(bare(l), ORDINAL_LABELS)),
                    _ => true,
                }
        }
        _ => {
            let w = bare(t.split_whitespace().next_back().unwrap_or(""));
            seg.bytes().any(|b| b.is_ascii_digit())
                && !is_number_token(w)
                && !in_list(w, SENTENCE_WORDS)
                && !in_list(w, ORDINAL_LABELS)
        }
    }
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// "2", "~1.5", "two"; not "3.10+" or "v2".
fn is_number_token(word: &str) -> bool {
    let w = word.trim_start_matches(['~', '≈']).trim_end_matches([',', ';', ':']);
    (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')) || number_word(w).is_some()
}

/// The longest time-looking suffix after a separator that does not read,
/// for `unreadable`.
fn unreadable_tail(body: &str) -> Option<&str> {
    let b = body.as_bytes();
    let after_separators = body.char_indices().filter_map(|(i, ch)| {
        let next = i + ch.len_utf8();
        let spaced = b.get(next) == Some(&b' ');
        match ch {
            ':' | ',' | ';' if spaced => Some(next + 1),
            '-' | '–' | '—' | '|' if spaced && i > 0 && b[i - 1] == b' ' => Some(next + 1),
            _ => None,
        }
    });
    let mut scratch = Vec::new();
    std::iter::once(0)
        .chain(after_separators)
        .map(|i| body[i..].trim())
        .find(|seg| looks_like_time(seg) && !parse_facts(seg, 0, Mode::Scan, &mut scratch))
}

/// A fragment that looks like a time statement: a digit right before a unit
/// ("6-4 weeks", "4-x weeks", "3hrs?") and no word outside the time
/// vocabulary. Parenthesised text inside is left to the group pass.
fn looks_like_time(s: &str) -> bool {
    if !s.bytes().any(|b| b.is_ascii_digit()) || s.contains(['(', ')']) {
        return false;
    }
    let (mut after_digit, mut hit) = (false, false);
    for tok in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/')) {
        if tok.bytes().any(|b| b.is_ascii_digit()) {
            let t = tok.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            let n = t.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
            hit |= unit_of(&t[t.len() - n..], Mode::Length).is_some();
            after_digit = true;
            continue;
        }
        let w = bare(tok);
        if w.is_empty() {
            continue;
        }
        if unit_of(w, Mode::Length).is_some() {
            hit |= after_digit;
        } else if !in_list(w, TIME_TALK) && !is_number_token(w) {
            return false;
        }
        after_digit = false;
    }
    hit
}

/// Whether what is left of a text beside its facts is nothing, filler or a
/// lead-in label ("Duration", "Suggested time:").
fn is_lead_in(left: &str) -> bool {
    let t = left.trim_end_matches(|c: char| c.is_whitespace() || ":,;.|-–—".contains(c)).trim_start();
    if t.is_empty() {
        return true;
    }
    let mut core = false;
    // "Part-time" is a name, not "part" + "time": hyphens join words here.
    for w in t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()) {
        if in_list(w, LABEL_CORE) {
            core = true;
        } else if !in_list(w, LABEL_GLUE) && !w.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    core
}

/// `text` with the byte ranges `cuts` (sorted, disjoint) replaced by
/// spaces, so offsets into it are offsets into `text`.
fn blank(text: &str, cuts: &[(usize, usize)]) -> String {
    let mut w = String::with_capacity(text.len());
    let mut pos = 0;
    for &(s, e) in cuts {
        w.push_str(&text[pos..s]);
        w.push_str(&" ".repeat(e - s));
        pos = e;
    }
    w.push_str(&text[pos..]);
    w
}

/// `text` without `cuts` (sorted; a tail cut may hold group cuts), tidied: emptied parentheses
/// are gone with their group, spaces collapsed, and a separator left
/// dangling at the end dropped (a colon only if it was right before a cut).
fn build_rest(text: &str, cuts: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut colon_before = false;
    for &(s, e) in cuts {
        if e <= pos {
            continue; // a group inside the tail cut
        }
        let s = s.max(pos);
        append(&mut out, &text[pos..s]);
        colon_before = out.ends_with(':');
        pos = e;
    }
    let cut_at_end = text[pos..].trim().is_empty();
    append(&mut out, &text[pos..]);
    let mut rest = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        if !rest.is_empty() {
            rest.push(' ');
        }
        rest.push_str(word);
    }
    if cut_at_end {
        for sep in [",", ";", " -", " –", " —", " |", ":"] {
            if rest.ends_with(sep) && (sep != ":" || colon_before) {
                rest.truncate(rest.len() - sep.len());
                break;
            }
        }
    }
    if cuts.first().is_some_and(|&(s, _)| text[..s].trim().is_empty()) {
        for sep in ["- ", "– ", "— ", ": ", ", ", "| "] {
            if let Some(r) = rest.strip_prefix(sep) {
                rest = r.to_owned();
                break;
            }
        }
    }
    if rest.bytes().all(|b| b.is_ascii_punctuation() || b == b' ') {
        rest.clear(); // "(2h)." leaves no text, not "."
    }
    rest.trim().to_owned()
}

/// Joins a kept piece to `out` with one space, or none before closing
/// punctuation and after an opening parenthesis.
fn append(out: &mut String, piece: &str) {
    let p = piece.trim();
    if p.is_empty() {
        return;
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    if !out.is_empty() && !out.ends_with('(') && !p.starts_with([':', ',', '.', ';', '!', '?', ')']) {
        out.push(' ');
    }
    out.push_str(p);
}

#[cfg(test)]
mod tests;
