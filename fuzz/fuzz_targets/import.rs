//! Any bytes: the importer must return a tree (never panic, never loop), and
//! what it returns must export and re-import without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyroad_import::{Format, Options, export, import};

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(Format::Markdown), Some(Format::Plain)] {
        let options = Options { format, ..Options::default() };
        let imported = import(data, &options);
        let markdown = export::to_markdown(&imported.roadmap);
        let _ = import(markdown.as_bytes(), &Options::default());
        let _ = export::to_json(&imported.roadmap);
        let _ = pyroad_import::lint::lint(&imported);
    }
});
