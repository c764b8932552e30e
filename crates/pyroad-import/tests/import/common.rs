//! Helpers shared by the test modules.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use pyroad_import::{Imported, Options, export, import};
use pyroad_model::{Node, Roadmap};

/// The folder of real roadmaps beside the repository. Missing is a failure.
pub fn seeds_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds"));
    assert!(dir.is_dir(), "the seed roadmaps must be at {} (../shared/seeds beside the repository)", dir.display());
    dir
}

pub fn seed_bytes(prefix: &str) -> Vec<u8> {
    let dir = seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read(entry.path()).unwrap()
}

pub fn seed(prefix: &str) -> Imported {
    import(&seed_bytes(prefix), &Options { fallback_title: Some(format!("seed {prefix}")), ..Options::default() })
}

pub fn md(text: &str) -> Roadmap {
    import(text.as_bytes(), &Options::default()).roadmap
}

pub const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// A short stable hash, so snapshots can name a title without holding it.
pub fn short_hash(text: &str) -> String {
    // FNV-1a, 24 bits are plenty to spot a change.
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", h & 0x00ff_ffff)
}

/// The first words of a title, enough to orient a reviewer.
pub fn abbreviate(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().take(3).collect();
    let mut s = words.join(" ");
    if s.chars().count() > 24 {
        s = s.chars().take(24).collect();
    }
    if s.len() < title.len() {
        s.push('…');
    }
    s
}

fn num(n: f64) -> String {
    let s = format!("{n:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Every field of every node, one line each. `full` writes titles and texts
/// whole (our fixtures); otherwise abbreviated with a hash (the seeds).
pub fn render(roadmap: &Roadmap, full: bool) -> String {
    let text = |t: &str| if full { format!("{t:?}") } else { format!("\"{}\"#{}", abbreviate(t), short_hash(t)) };
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", text(&roadmap.title));
    if let Some(d) = &roadmap.description {
        let _ = writeln!(out, "description: {}", text(d));
    }
    for (depth, n) in roadmap.walk_with_depth() {
        let _ = write!(out, "{}{} {} L{}", "  ".repeat(depth), n.kind, text(&n.title), n.line);
        if full {
            let _ = write!(out, " id={}", n.id);
        }
        if let Some(c) = n.checked {
            let _ = write!(out, " checked={c}");
        }
        if let Some(e) = &n.estimate {
            let _ = write!(out, " est={}-{}{} raw={:?}", num(e.min), num(e.max), e.unit.as_str(), e.raw);
        }
        if let Some(d) = &n.duration {
            let _ = write!(out, " dur={}-{}w", num(d.min_weeks), num(d.max_weeks));
            if let (Some(a), Some(b)) = (d.hours_per_week_min, d.hours_per_week_max) {
                let _ = write!(out, "@{}-{}h/w", num(a), num(b));
            }
        }
        if let Some([a, b]) = n.weeks {
            let _ = write!(out, " weeks={a}-{b}");
        }
        if let Some(h) = n.hours {
            let _ = write!(out, " hours={}", num(h));
        }
        if let Some(u) = &n.url {
            let _ = write!(out, " url={}", if full { u.clone() } else { short_hash(u) });
        }
        if let Some(d) = &n.description {
            let _ = write!(out, " desc={}", text(d));
        }
        if let Some(c) = &n.code {
            let _ = write!(out, " code={}", if full { format!("{c:?}") } else { short_hash(c) });
        }
        out.push('\n');
    }
    out
}

/// Lower-cased runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

fn node_text(n: &Node, out: &mut String) {
    let parts = [Some(&n.title), n.description.as_ref(), n.url.as_ref(), n.code.as_ref()];
    for part in parts.into_iter().flatten() {
        out.push_str(part);
        out.push('\n');
    }
    if let Some(e) = &n.estimate {
        out.push_str(&e.raw);
        out.push('\n');
    }
    if let Some(d) = &n.duration {
        out.push_str(&export::duration_text(d));
        out.push('\n');
    }
    if let Some([a, b]) = n.weeks {
        let _ = writeln!(out, "week {a} {b}");
    }
    if let Some(h) = n.hours {
        let _ = writeln!(out, "{h}");
    }
}

const TIME_GLUE: &[&str] = &["at", "about", "around", "roughly", "approximately", "approx", "per"];

/// Words of the source (outside dropped lines) that the tree does not hold,
/// counted: every occurrence in the source must have one in the tree.
pub fn lost_words(imported: &Imported) -> Vec<(u32, String)> {
    let mut tree = String::new();
    tree.push_str(&imported.roadmap.title);
    tree.push('\n');
    if let Some(d) = &imported.roadmap.description {
        tree.push_str(d);
        tree.push('\n');
    }
    for n in imported.roadmap.walk() {
        node_text(n, &mut tree);
    }
    let mut have: HashMap<String, i64> = HashMap::new();
    for w in words(&tree) {
        *have.entry(w).or_default() += 1;
    }
    let dropped = |line: u32| imported.dropped.iter().any(|d| d.line <= line && line <= d.end_line);
    let mut lost = Vec::new();
    for (i, line) in imported.text.lines().enumerate() {
        let no = u32::try_from(i + 1).unwrap();
        if dropped(no) {
            continue;
        }
        for w in words(&decode_entities(strip_list_marker(line))) {
            // Glue of a time phrase ("3 months at 30 hours/week") goes with
            // the phrase into the estimate and duration fields.
            if TIME_GLUE.contains(&w.as_str()) {
                continue;
            }
            let n = have.entry(w.clone()).or_default();
            *n -= 1;
            if *n < 0 {
                lost.push((no, w));
            }
        }
    }
    lost
}

/// A list item's bullet or number and its checkbox are markup, not text.
fn strip_list_marker(line: &str) -> &str {
    let mut rest = line.trim_start().trim_start_matches(['>', ' ']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if let Some(after) = rest.strip_prefix(['-', '*', '+']) {
        rest = after;
    } else if digits > 0 && digits < 10 {
        if let Some(after) = rest[digits..].strip_prefix(['.', ')']) {
            if after.is_empty() || after.starts_with([' ', '\t']) {
                rest = after;
            }
        }
    }
    let rest = rest.trim_start();
    for box_ in ["[ ]", "[x]", "[X]"] {
        if let Some(after) = rest.strip_prefix(box_) {
            return after;
        }
    }
    rest
}

/// `&amp;` and friends are markup; their decoded text is what counts.
fn decode_entities(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match after.find(';') {
            Some(j) if j <= 10 && after[1..j].chars().all(|c| c.is_alphanumeric() || c == '#') => {
                out.push(' ');
                rest = &after[j + 1..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// No markdown syntax, entities or line breaks in any title; NFC; trimmed.
pub fn assert_clean_titles(roadmap: &Roadmap, name: &str) {
    use unicode_normalization::UnicodeNormalization;
    for n in roadmap.walk() {
        let t = &n.title;
        let where_ = format!("{name}:{} {t:?}", n.line);
        assert!(!t.is_empty(), "empty title at {where_}");
        assert_eq!(t.trim(), t, "untrimmed title at {where_}");
        assert!(!t.contains('\n'), "multi-line title at {where_}");
        assert_eq!(t.nfc().collect::<String>(), *t, "title not NFC at {where_}");
        assert!(!has_bold_span(t), "bold markup left in title at {where_}");
        for bad in ["](", "\\_", "\\*", "[ ]", "[x]", "[X]", "&amp;", "&lt;", "&nbsp;", "<!--"] {
            assert!(!t.contains(bad), "markup {bad:?} left in title at {where_}");
        }
        assert!(!t.starts_with('#'), "heading marker left in title at {where_}");
        assert!(!t.starts_with("- "), "bullet left in title at {where_}");
    }
}

/// `**word ... word**`: a bold span the importer should have unwrapped.
/// A lone `**` (the power operator, a glob) is text.
fn has_bold_span(title: &str) -> bool {
    let mut parts = title.split("**");
    parts.next();
    let spans: Vec<&str> = parts.collect();
    // Text between an opening and a closing `**`: every odd piece.
    spans.len() >= 2
        && spans.iter().step_by(2).take(spans.len() / 2).any(|inner| {
            !inner.is_empty() && !inner.starts_with(char::is_whitespace) && !inner.ends_with(char::is_whitespace)
        })
}
