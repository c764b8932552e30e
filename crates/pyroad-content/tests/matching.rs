//! How coverage reads the ways roadmaps phrase items, on small roadmaps
//! written for these tests: sentences, "X for Y" names, items that only make
//! sense under their heading, and headings that group non-learnable blocks.

use pyroad_content::{Curriculum, Report, coverage};

fn report(markdown: &str) -> Report {
    let curriculum = Curriculum::builtin().expect("the embedded curriculum parses");
    let imported = pyroad_import::import(markdown.as_bytes(), &pyroad_import::Options::default());
    coverage(&curriculum, &imported.roadmap)
}

/// The topic ids and how the item titled `title` matched.
fn matched(report: &Report, title: &str) -> (Vec<String>, Option<String>) {
    let item = report.items.iter().find(|i| i.title == title).unwrap_or_else(|| panic!("no item {title:?}"));
    (item.topics.iter().map(|t| t.id.clone()).collect(), item.how.clone())
}

#[test]
fn a_sentence_matches_the_things_it_names() {
    let r = report(
        "# Plan\n\n## Web\n\n\
         - Get comfortable with handling failures using try and except blocks.\n\
         - Explore Celery for running background jobs.\n",
    );
    assert_eq!(matched(&r, "Get comfortable with handling failures using try and except blocks.").0, ["exceptions"]);
    assert_eq!(matched(&r, "Explore Celery for running background jobs.").0, ["distributed-systems"]);
}

#[test]
fn a_thing_named_before_its_use_matches_the_thing() {
    let r = report("# Plan\n\n## Collections\n\n- deque for fast appends at both ends\n- Async with statement\n");
    assert_eq!(matched(&r, "deque for fast appends at both ends").0, ["collections-module"]);
    // `async with` is a statement, not "async" used with something.
    assert_ne!(matched(&r, "Async with statement").0, ["concurrency-concepts"]);
}

#[test]
fn short_items_are_read_under_their_nearest_meaningful_heading() {
    let r = report("# Plan\n\n## Option B: Django (batteries included)\n\n### Forms\n\n- Form validation\n");
    let (topics, how) = matched(&r, "Form validation");
    assert_eq!(topics, ["django"]);
    assert_eq!(how.as_deref(), Some("context"));
}

#[test]
fn items_made_of_noise_words_match_a_name_they_contain() {
    let r = report("# Plan\n\n## Start\n\n- Introduction to Python\n- Python 2 vs Python 3\n");
    assert_eq!(matched(&r, "Introduction to Python").0, ["first-program"]);
    assert_eq!(matched(&r, "Python 2 vs Python 3").0, ["first-program"]);
}

#[test]
fn a_heading_over_only_paths_is_not_an_item_but_a_real_topic_still_is() {
    let r = report(
        "# Plan\n\n## Where to go next\n\n### Data engineer path\n\n- Spark\n\n\
         ## Decorators\n\n- Writing a decorator\n",
    );
    assert!(r.items.iter().all(|i| i.title != "Where to go next"), "{:?}", r.items);
    assert_eq!(matched(&r, "Decorators").0, ["decorators"]);
}

#[test]
fn something_no_topic_teaches_stays_unmatched() {
    let r = report("# Plan\n\n## Frontend\n\n- Styling pages with CSS grid and flexbox\n- Knitting patterns\n");
    assert_eq!(matched(&r, "Knitting patterns").1, None);
    assert_eq!(matched(&r, "Styling pages with CSS grid and flexbox").1, None);
}
