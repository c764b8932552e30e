//! Turning the bytes of a roadmap file into text, repairing common mojibake.
//!
//! Roadmaps reach us from copy-paste chains, and a frequent accident is UTF-8
//! that some tool decoded as a legacy single-byte encoding (Mac OS Roman or
//! Windows-1252) and saved again as UTF-8: `🐍` becomes `üêç` (Mac) or `ðŸ`
//! plus two invisible C1 controls (Windows), `é` becomes `√©` or `Ã©`. Such
//! a file is *valid* UTF-8, so it has to be recognised from its content.
//!
//! The repair is deliberately conservative: it is applied only when the whole
//! document encodes back to the legacy encoding without a single unmappable
//! character, those bytes are valid UTF-8, and the result scores as less
//! suspicious than the input. Correct UTF-8 practically never passes the round
//! trip (a lone `é` in the legacy encoding is never valid UTF-8), so real text
//! in any script comes back unchanged. Unicode normalisation is left to the
//! caller, so that `decode` with repair off is a faithful view of the bytes.

use std::sync::OnceLock;

use encoding_rs::{DecoderResult, Encoding, MACINTOSH, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::char::compose;

/// The result of [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text to import. Not normalised: the caller decides on NFC.
    pub text: String,
    /// `Some(name)` of the legacy encoding when mojibake was repaired,
    /// e.g. `Some("Mac OS Roman")` or `Some("Windows-1252")`.
    pub repaired_from: Option<&'static str>,
    /// One-line human-readable messages about lossy decoding. A successful
    /// repair is reported through `repaired_from`, not here.
    pub warnings: Vec<String>,
}

/// The legacy encodings whose misreading of UTF-8 we undo, with the name
/// shown in `Decoded::repaired_from`. On a tie in plausibility the earlier
/// one wins.
const CANDIDATES: [(&str, &Encoding); 2] = [("Mac OS Roman", MACINTOSH), ("Windows-1252", WINDOWS_1252)];

/// Code points below this are looked up by direct index: all but four
/// alphabet chars (◊, U+F8FF, ﬁ, ﬂ) live there, which keeps the scans fast.
const DIRECT: usize = 0x2300;

/// The byte each candidate encodes `c` to (0: ASCII or unmappable).
///
/// This is the "mojibake alphabet" of each candidate: the chars its bytes
/// 0x80-0xFF decode to. It is built from encoding_rs itself, so it agrees
/// exactly with the encoder used for the round trip, including the C1
/// controls that WHATWG's Windows-1252 maps 0x81, 0x8D, 0x8F, 0x90, 0x9D to.
fn legacy_bytes(c: char) -> [u8; 2] {
    type Alphabets = (Vec<[u8; 2]>, Vec<(char, [u8; 2])>); // (direct, sorted others)
    static ALPHABETS: OnceLock<Alphabets> = OnceLock::new();
    let (direct, others) = ALPHABETS.get_or_init(|| {
        let (mut direct, mut others) = (vec![[0; 2]; DIRECT], Vec::<(char, [u8; 2])>::new());
        let high: Vec<u8> = (0x80..=0xFF).collect();
        for (i, (_, encoding)) in CANDIDATES.iter().enumerate() {
            let decoded = encoding.decode_without_bom_handling(&high).0;
            for (c, byte) in decoded.chars().zip(0x80..=0xFF) {
                if let Some(slot) = direct.get_mut(c as usize) {
                    slot[i] = byte;
                } else if let Some(entry) = others.iter_mut().find(|e| e.0 == c) {
                    entry.1[i] = byte;
                } else {
                    let mut bytes = [0; 2];
                    bytes[i] = byte;
                    others.push((c, bytes));
                }
            }
        }
        others.sort_unstable();
        (direct, others)
    });
    if let Some(&bytes) = direct.get(c as usize) {
        return bytes;
    }
    let found = others.binary_search_by_key(&c, |e| e.0);
    found.map_or([0; 2], |i| others[i].1)
}

/// Quick reject, in one pass over the text: for each candidate, whether
/// every non-ASCII char is in its alphabet (otherwise it is unmappable) and
/// the legacy bytes have the lead/continuation shape of UTF-8. Correct text
/// fails both at its first non-ASCII char or so (a CJK char is unmappable,
/// `é` is a lone byte), which spares the full encode. The exact check
/// (`str::from_utf8` on encoding_rs's output) comes after.
fn may_round_trip(text: &str) -> [bool; 2] {
    // Per candidate: continuation bytes still expected, or None once rejected.
    let mut pending = [Some(0u8); 2];
    for c in text.chars() {
        for (state, byte) in pending.iter_mut().zip(legacy_bytes(c)) {
            *state = match (c.is_ascii(), byte, *state) {
                (_, _, None) | (true, _, Some(1..)) => None,
                (true, _, Some(0)) => Some(0),
                (false, 0x80..=0xBF, Some(n @ 1..)) => Some(n - 1),
                (false, 0xC2..=0xDF, Some(0)) => Some(1),
                (false, 0xE0..=0xEF, Some(0)) => Some(2),
                (false, 0xF0..=0xF4, Some(0)) => Some(3),
                _ => None,
            };
        }
        if pending == [None; 2] {
            break;
        }
    }
    pending.map(|state| state == Some(0))
}

/// Decodes a roadmap file. `repair = false` (the CLI's `--raw-encoding`)
/// never alters valid text beyond removing a byte order mark.
///
/// Never panics. Invalid UTF-8 is decoded lossily (U+FFFD) with a warning.
pub fn decode(bytes: &[u8], repair: bool) -> Decoded {
    let (text, warnings) = if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8(body, 3)
    } else if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(UTF_16LE, body)
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(UTF_16BE, body)
    } else {
        decode_utf8(bytes, 0)
    };
    // Lossily decoded text contains U+FFFD, which no candidate can encode,
    // and a partially broken file is not one we want to second-guess.
    let repaired = (repair && warnings.is_empty()).then(|| repair_mojibake(&text));
    let (text, repaired_from) = match repaired.flatten() {
        Some((fixed, name)) => (fixed, Some(name)),
        None => (text, None),
    };
    Decoded { text, repaired_from, warnings }
}

/// UTF-8 decoding; `offset` is the BOM length, so warnings give file offsets.
fn decode_utf8(bytes: &[u8], offset: usize) -> (String, Vec<String>) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), Vec::new());
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut first_bad = None;
    let (mut bad_bytes, mut places, mut pos) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        pos += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            first_bad.get_or_insert(pos);
            text.push(char::REPLACEMENT_CHARACTER);
            bad_bytes += invalid.len();
            places += 1;
            pos += invalid.len();
        }
    }
    let at = first_bad.unwrap_or(0);
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    let warning = format!(
        "invalid UTF-8 at line {line}, byte {column} (file offset {}): {} in {} replaced with U+FFFD",
        at + offset,
        plural(bad_bytes, "byte"),
        plural(places, "place"),
    );
    (text, vec![warning])
}

/// Decodes UTF-16 (BOM already removed), counting malformed sequences
/// (unpaired surrogates, an odd trailing byte) so the warning is precise.
fn decode_utf16(encoding: &'static Encoding, body: &[u8]) -> (String, Vec<String>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(body.len());
    let mut text = String::with_capacity(capacity.unwrap_or(body.len()));
    let mut input = body;
    let (mut errors, mut first_line) = (0usize, None);
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder.max_utf8_buffer_length_without_replacement(input.len());
                text.reserve(more.unwrap_or(input.len()).max(16));
            }
            DecoderResult::Malformed(_, _) => {
                errors += 1;
                first_line.get_or_insert_with(|| text.matches('\n').count() + 1);
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    let warnings = match first_line {
        Some(line) => vec![format!(
            "malformed {} at line {line}: {} replaced with U+FFFD",
            encoding.name(),
            plural(errors, "sequence"),
        )],
        None => Vec::new(),
    };
    (text, warnings)
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Tries every candidate and returns the most plausible repair, if any.
///
/// Trying all candidates (rather than taking the first that round-trips)
/// matters: Windows-1252 mojibake made only of `Ã`-sequences (`Ã©` for é)
/// also encodes to valid UTF-8 in Mac OS Roman, yielding combining marks
/// (`Ã©` → U+0329); the plausibility score penalises those.
fn repair_mojibake(text: &str) -> Option<(String, &'static str)> {
    if text.is_ascii() {
        return None; // the common case: nothing any candidate could change
    }
    let viable = may_round_trip(text);
    let mut input_score = None; // computed only if some candidate gets that far
    let mut best: Option<((usize, usize), String, &'static str)> = None;
    for ((name, encoding), _) in CANDIDATES.iter().zip(viable).filter(|(_, ok)| *ok) {
        let (bytes, _, unmappable) = encoding.encode(text);
        if unmappable || bytes.as_ref() == text.as_bytes() {
            continue;
        }
        let Ok(fixed) = std::str::from_utf8(&bytes) else {
            continue;
        };
        // The original file may have had a BOM that got mangled too.
        let fixed = fixed.strip_prefix('\u{FEFF}').unwrap_or(fixed);
        if fixed.chars().any(is_forbidden) || private_use(fixed) > private_use(text) {
            continue;
        }
        let score = suspicion(fixed);
        let input_score = *input_score.get_or_insert_with(|| suspicion(text).0);
        if score.0 < input_score && best.as_ref().is_none_or(|(s, _, _)| score < *s) {
            best = Some((score, fixed.to_owned(), *name));
        }
    }
    best.map(|(_, fixed, name)| (fixed, name))
}

/// Characters a repair must never produce: C1 controls (the tell-tale of
/// `C2 80`-`C2 9F` sequences), noncharacters and U+FFFD.
fn is_forbidden(c: char) -> bool {
    let u = u32::from(c);
    (0x80..=0x9F).contains(&u) || (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE || u == 0xFFFD
}

/// Private-use characters; Mac OS Roman maps 0xF0 (the lead byte of every
/// emoji) to U+F8FF, so mojibake input contains them but a repair should
/// not add any.
fn private_use(text: &str) -> usize {
    text.chars().filter(|&c| ('\u{E000}'..='\u{F8FF}').contains(&c)).count()
}

/// How mojibake-like a text looks, as `(score, marks)`; lower is better.
///
/// `score` counts adjacent pairs of chars from the union of the mojibake
/// alphabets, plus chars in U+02B0-U+037F (spacing modifiers, combining
/// diacritics, archaic Greek) that do not compose with the char before them:
/// that is what mis-repairs of Windows-1252 `Ã`/`À`/`Õ` sequences through
/// Mac OS Roman produce (`Aur` + U+0329 + `lien`), whereas decomposed (NFD)
/// accents, common in text copied on macOS, compose and cost nothing. A
/// genuine repair lowers `score` by at least one per repaired char. `marks`
/// counts U+02B0-U+037F regardless and only breaks ties between candidates
/// (`SÃ£o` is `S` + U+0323 in Mac OS Roman, and `Ṣ` composes).
fn suspicion(text: &str) -> (usize, usize) {
    let (mut score, mut marks) = (0, 0);
    let (mut previous_mojibake, mut base) = (false, None);
    for c in text.chars() {
        // ASCII is neither mojibake nor a mark: the common case, kept cheap.
        if c.is_ascii() {
            previous_mojibake = false;
            base = Some(c);
            continue;
        }
        let current = legacy_bytes(c) != [0; 2];
        score += usize::from(previous_mojibake && current);
        previous_mojibake = current;
        let mark = ('\u{2B0}'..='\u{37F}').contains(&c);
        let composed = base.filter(|_| mark).and_then(|b| compose(b, c));
        marks += usize::from(mark);
        score += usize::from(mark && composed.is_none());
        base = Some(composed.unwrap_or(c));
    }
    (score, marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Simulates the accident: UTF-8 bytes decoded as a legacy encoding.
    fn mojibake(original: &str, encoding: &'static Encoding) -> String {
        encoding.decode_without_bom_handling(original.as_bytes()).0.into_owned()
    }

    /// Decodes `input` with repair on and checks the outcome, and that
    /// repair off returns the input unchanged.
    fn check(input: &str, expected: &str, repaired_from: Option<&str>) {
        let decoded = decode(input.as_bytes(), true);
        assert_eq!((decoded.text.as_str(), decoded.repaired_from), (expected, repaired_from));
        assert!(decoded.warnings.is_empty());
        assert_eq!(decode(input.as_bytes(), false).text, input);
    }

    /// Checks that the mojibake of `original` made by `CANDIDATES[which]`
    /// is repaired back to it.
    fn check_repair(original: &str, which: usize) {
        let (name, encoding) = CANDIDATES[which];
        check(&mojibake(original, encoding), original, Some(name));
    }

    const MAC: usize = 0;
    const WIN: usize = 1;

    const SAMPLE: &str = "# 🐍 Python Roadmap — Basic → Pro\n\n## 1️⃣ Setup ✅\n\
        * Aurélien Géron, Łukasz, Zoë, São Paulo, Ýmir, Ålesund, naïve façade\n\
        * “quotes” ‘single’ – … • © ® ™ ½ ≤ ≥ ∞ €5\n* 中文 Привет Ελληνικά 🚀🔥 #️⃣\n";

    #[test]
    fn repairs_mac_roman_and_windows_1252_mojibake() {
        check_repair(SAMPLE, MAC);
        check_repair(SAMPLE, WIN);
        // 🐍 = F0 9F 90 8D, Ý = C3 9D, Á = C3 81: Windows-1252 leaves 0x81,
        // 0x8D, 0x90, 0x9D undefined and encoding_rs maps them to C1 controls.
        assert!(mojibake("🐍 Ýmir", WINDOWS_1252).contains("\u{90}\u{8D} Ã\u{9D}"));
        check_repair("🐍 Ýmir Ábel", WIN);
        // The original file's BOM, mangled too, is dropped.
        check(&mojibake("\u{FEFF}Café", MACINTOSH), "Café", Some("Mac OS Roman"));
        // Decomposed accents (as copied on macOS) compose, so they are fine.
        check_repair("Ame\u{301}lie, cafe\u{301}", MAC);
        check_repair("Cre\u{300}me bru\u{302}le\u{301}e, a\u{308}\u{304}", MAC);
    }

    #[test]
    fn windows_mojibake_that_also_round_trips_through_mac_roman() {
        // Through Mac OS Roman, "AurÃ©lien" is "Aur" + U+0329 + "lien".
        assert!(!MACINTOSH.encode(&mojibake("Aurélien", WINDOWS_1252)).2);
        check_repair("Aurélien Géron, café", WIN);
        // Through Mac OS Roman, "Ṣo Paulo, ṇo, mątre": the marks compose.
        check_repair("São Paulo, não, maître", WIN);
    }

    #[test]
    fn implausible_repairs_are_refused() {
        // "Ã∞" is Mac OS Roman for CC B0: a lone U+0330 after a space.
        check("x Ã∞ y", "x Ã∞ y", None);
        // C2 80 (U+0080), C2 81, EF B7 90 (U+FDD0), EE 80 80 (U+E000).
        for text in ["¬Ä", "Â€", "Â\u{81}", "Ô∑ê", "ï·\u{90}", "ÓÄÄ"] {
            check(text, text, None);
        }
        // One char the legacy encoding cannot represent blocks the repair.
        for (_, encoding) in CANDIDATES {
            let broken = format!("{} 中", mojibake("🐍 Aurélien — 1️⃣", encoding));
            check(&broken, &broken, None);
        }
    }

    #[test]
    fn correct_text_is_unchanged() {
        let samples = [
            "plain ASCII roadmap\n- [ ] lists\n",
            SAMPLE,
            "Aurélien Géron — Hands-On ML, ü ö ä ß",
            "Python 入门路线图：基础 → 进阶",
            "Дорожная карта Python — «основы»",
            "Οδηγός Python για αρχάριους",
            "العربية و עברית",
            "São Paulo — NÃO, À bientôt, Õ",
            "naïve façade, Ça va? Ñandú",
            "emoji only 🐍🚀✅1️⃣",
            "€ £ ¥ © ® ° ± × ÷ ½",
            "e\u{301} combining and \u{F8FF} apple",
            "Ã alone, Â alone",
        ];
        for text in samples {
            check(text, text, None);
        }
    }

    #[test]
    fn byte_order_marks() {
        let text = "# Roadmap 🐍 — é\n";
        let utf16 = |bom: [u8; 2], to_bytes: fn(u16) -> [u8; 2]| -> Vec<u8> {
            bom.into_iter().chain(text.encode_utf16().flat_map(to_bytes)).collect()
        };
        let le = utf16([0xFF, 0xFE], u16::to_le_bytes);
        let be = utf16([0xFE, 0xFF], u16::to_be_bytes);
        for bytes in [le, be, [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()] {
            let decoded = decode(&bytes, true);
            assert_eq!((decoded.text.as_str(), decoded.warnings.len()), (text, 0));
        }
        // An unpaired surrogate on line 2 and an odd trailing byte.
        let decoded = decode(&[0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0, b'c'], true);
        assert_eq!(decoded.text, "a\n\u{FFFD}b\u{FFFD}");
        let warning = "malformed UTF-16LE at line 2: 2 sequences replaced with U+FFFD";
        assert_eq!(decoded.warnings, [warning]);
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_naming_the_line() {
        let decoded = decode(b"# Title\n- ok\n- caf\xE9 cr\xE8me\n- trunc \xE2\x80", true);
        let expected = "# Title\n- ok\n- caf\u{FFFD} cr\u{FFFD}me\n- trunc \u{FFFD}";
        assert_eq!(decoded.text, expected);
        assert_eq!(decoded.repaired_from, None);
        let warning = "invalid UTF-8 at line 3, byte 6 (file offset 18): \
                       4 bytes in 3 places replaced with U+FFFD";
        assert_eq!(decoded.warnings, [warning]);
        let decoded = decode(b"\xEF\xBB\xBF\xFF", true);
        assert_eq!(decoded.text, "\u{FFFD}");
        assert!(decoded.warnings[0].contains("line 1, byte 1 (file offset 3): 1 byte in 1 place"));
    }

    #[test]
    fn real_seeds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).unwrap_or_else(|e| panic!("seed file {} is missing: {e}", path.display()))
        };
        let seed = decode(&read("002_6fb6dadca086c5a6.txt"), true);
        assert_eq!(seed.repaired_from, Some("Mac OS Roman"));
        for expected in ["🐍", "1️⃣", "—"] {
            assert!(seed.text.contains(expected), "seed 002 lacks {expected}");
        }
        assert!(!seed.text.contains("üêç"));
        let seed = decode(&read("001_5523af28420022c7.txt"), true);
        assert_eq!(seed.repaired_from, Some("Mac OS Roman"));
        assert!(seed.text.contains("Aurélien") && seed.text.contains('—'));
        for name in ["000_a2848317c3100bcd", "003_4e8512502f1d8ba6", "004_6ea962d7058b10fe"] {
            let bytes = read(&format!("{name}.txt"));
            let seed = decode(&bytes, true);
            assert_eq!(seed.text.as_bytes(), bytes.as_slice(), "seed {name} changed");
            assert!(seed.repaired_from.is_none() && seed.warnings.is_empty(), "seed {name}");
        }
    }

    /// Words of one script each. Latin words use only lowercase accented
    /// letters (no œ, ÿ): in Mac OS Roman those are all UTF-8 continuation
    /// bytes and in Windows-1252 all lead bytes, so runs of them can never
    /// re-encode to valid UTF-8. Punctuation from the alphabets (— – “ ” …)
    /// only appears between spaces. This mirrors real text and rules out
    /// strings that genuinely are mojibake (like "Ã©"), which would be
    /// ambiguous by nature; arbitrary mixes are covered by
    /// `repair_is_always_reversible`.
    fn natural_text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            "[a-zA-Z0-9_()`]{1,8}",
            "[a-zàáâãäåæçèéêëìíîïñòóôõöøùúûüß]{1,8}",
            "[α-ωΑ-Ω]{1,8}",
            "[а-яА-Я]{1,8}",
            "[一-龥]{1,4}",
            "[🌀-🙏✅→⚡]{1,3}",
        ];
        let separator = prop::sample::select(vec![" ", "\n", ", ", " — ", " – ", " “", "” ", "… "]);
        prop::collection::vec((word, separator), 0..40)
            .prop_map(|parts| parts.into_iter().map(|(w, s)| w + s).collect())
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(
            bytes in prop::collection::vec(any::<u8>(), 0..600),
            prefix in prop::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]),
        ) {
            let input = [prefix, &bytes].concat();
            for repair in [true, false] {
                let decoded = decode(&input, repair);
                if let Ok(text) = std::str::from_utf8(&input) {
                    prop_assert!(decoded.warnings.is_empty());
                    if !repair {
                        prop_assert_eq!(decoded.text, text.strip_prefix('\u{FEFF}').unwrap_or(text));
                    }
                }
            }
        }

        #[test]
        fn natural_text_is_unchanged(text in natural_text()) {
            let decoded = decode(text.as_bytes(), true);
            prop_assert_eq!(&decoded.text, &text);
            prop_assert_eq!(decoded.repaired_from, None);
        }

        #[test]
        fn mojibake_of_natural_text_is_repaired(text in natural_text(), which in 0..2usize) {
            let (name, encoding) = CANDIDATES[which];
            let decoded = decode(mojibake(&text, encoding).as_bytes(), true);
            prop_assert_eq!(decoded.repaired_from, (!text.is_ascii()).then_some(name));
            prop_assert_eq!(decoded.text, text);
        }

        /// Any string, including ones built from alphabet chars: a repair,
        /// when made, is exactly undone by re-creating the mojibake.
        #[test]
        fn repair_is_always_reversible(
            text in "[ -~ÀÃÂâäåéèêëîïñóôöüçœ©®°±¶•–—“”‘’…√∏≈≤ƒ¬Ä€ŠŸ\u{81}\u{90}\u{9D}🐍中]{0,30}",
        ) {
            let decoded = decode(text.as_bytes(), true);
            let encoding = CANDIDATES.iter().find(|c| Some(c.0) == decoded.repaired_from);
            match encoding {
                None => prop_assert_eq!(&decoded.text, &text),
                Some(&(_, encoding)) => prop_assert_eq!(mojibake(&decoded.text, encoding), text),
            }
        }
    }
}
