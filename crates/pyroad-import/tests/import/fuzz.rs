//! Random input never panics the importer (a structured fuzzer; the
//! coverage-guided one is `fuzz/`, run by `.ci/run`).

use proptest::prelude::*;
use pyroad_import::{Options, export, import};

/// Markdown-ish lines: the syntax the importer cares about, mixed at random.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[#]{1,7} [a-zA-Z0-9 :()~–-]{0,20}",
        "[ \t]{0,6}[-*+] (\\[[ xX]\\] )?[a-zA-Z0-9 *_`\\[\\]()#:|-]{0,30}",
        "[ ]{0,4}[0-9]{1,3}(\\.[0-9]{1,2}){0,3}[.)]? [a-z ]{0,12}",
        "\\|[a-z0-9 |:-]{0,30}\\|",
        "[=-]{3,6}",
        "(```|~~~)[a-z]{0,6}",
        "<!--|-->|<details>|</details>",
        "\\*\\*[A-Za-z ]{0,12}:?\\*\\*( - [a-z ]{0,10})?",
        "[A-Z &/]{3,20}",
        "[A-Za-z ]{1,20}:",
        "\\([0-9~]{0,3}[-–]?[0-9]{0,3} ?(weeks|h|min|days|months|hours/week)?\\)",
        "[^\n]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn markdownish_input_never_panics(lines in prop::collection::vec(line(), 0..40), crlf in any::<bool>()) {
        let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
        text.push('\n');
        let imported = import(text.as_bytes(), &Options::default());
        let _ = export::to_markdown(&imported.roadmap);
        let _ = pyroad_import::lint::lint(&imported);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let imported = import(&bytes, &Options::default());
        let _ = export::to_markdown(&imported.roadmap);
    }
}
