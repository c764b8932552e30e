//! Authoring aid: `cargo run -p pyroad-content --example coverage -- SEED...`
//! prints every unmatched item of the given roadmaps.

use pyroad_content::{Curriculum, coverage};

fn main() {
    let curriculum = match Curriculum::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let all = std::env::args().any(|a| a == "--all");
    for path in std::env::args().skip(1).filter(|a| a != "--all") {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let imported = pyroad_import::import(&bytes, &pyroad_import::Options::default());
        let report = coverage(&curriculum, &imported.roadmap);
        println!("== {path}: {}/{} matched", report.matched, report.total);
        for item in &report.items {
            if all || item.how.is_none() {
                let topics: Vec<&str> = item.topics.iter().map(|t| t.id.as_str()).collect();
                println!("{:>5} {:8} {:60} {:?} {}", item.line, item.kind, item.title, item.how, topics.join(","));
            }
        }
    }
}
