//! End-to-end test of `pyroad serve` in headless Chromium (issue 8): a new
//! learner uploads seed 001, previews and saves it, marks topics done,
//! writes a note, logs time, and sees the dashboard and the log chart
//! change; solves an exercise (first failing, then passing) and answers a
//! review card; a hostile roadmap's script never runs. Screenshots of every page
//! land in `<target>/e2e/`. Without chromium and chromedriver the test
//! fails: a skipped browser test proves nothing.

mod harness;

use std::path::PathBuf;
use std::time::Duration;

use harness::{Page, browser, require_browser, screenshot_dir, start_chromedriver, start_server};

/// A seed roadmap's path in the shared folder; never copied into the repo.
fn seed(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()));
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()))
}

/// A roadmap whose title is a script and whose items carry a `javascript:`
/// link and an inline event handler: each would set `window.__pwned`.
const HOSTILE: &str = "# <script>window.__pwned = 1; alert(1)</script>\n\n\
- [Click me](javascript:window.__pwned=2)\n\
- Images <img src=x onerror=\"window.__pwned=3\">\n\
- <a href=\"javascript:window.__pwned=4\">raw link</a>\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn learner_flow_in_chromium() {
    require_browser();
    let data = tempfile::tempdir().expect("a temporary data directory");
    let profile = tempfile::tempdir().expect("a temporary browser profile");
    let (_server, base) = start_server(data.path());
    let (_driver, driver_addr) = start_chromedriver();
    let client = browser(driver_addr, profile.path()).await;
    let page = Page { client: &client, base: &base, shots: screenshot_dir() };
    let flow = tokio::time::timeout(Duration::from_secs(180), async {
        learner_flow(&page).await;
        practice_and_review(&page, data.path()).await;
        hostile_roadmap_stays_inert(&page).await;
    })
    .await;
    let _ = client.close().await;
    flow.expect("the browser flow finishes within 3 minutes");
}

async fn learner_flow(page: &Page<'_>) {
    // A new learner: nothing stored yet.
    page.open("/").await;
    assert!(page.text("main").await.contains("No roadmap yet"), "a new learner's dashboard offers to add one");
    let streak_before = page.text(".card:nth-child(1) .big").await;
    let week_before = page.text(".card:nth-child(2) .big").await;
    assert_eq!(streak_before, "0 days");
    page.shot("01-dashboard-new").await;

    // Upload seed 001 through the file picker; the script fills the paste box.
    page.open("/roadmaps").await;
    page.fill("#rm-name", "python").await;
    let file = page.find("#rm-file").await;
    let path = seed("001").canonicalize().expect("seed 001 has a canonical path");
    file.send_keys(&path.to_string_lossy()).await.expect("the file input takes a path");
    let expected = std::fs::read_to_string(&path).expect("seed 001 reads");
    let mut filled = 0;
    for _ in 0..50 {
        let value = page.script("return document.getElementById('rm-text').value.length;").await;
        filled = value.as_u64().unwrap_or(0);
        if filled > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(filled > 0, "choosing the file did not fill the paste box");
    let pasted = page.script("return document.getElementById('rm-text').value;").await;
    let first_line = expected.lines().map(str::trim).find(|l| !l.is_empty()).expect("seed 001 has text");
    assert!(pasted.as_str().is_some_and(|v| v.contains(first_line)), "the paste box holds seed 001's text");
    page.shot("02-roadmaps-upload").await;

    // Preview, then save.
    page.submit("form[action='/roadmaps/preview'] button[type=submit]", "form[action='/roadmaps']").await;
    let heading = page.text("h1").await;
    assert!(heading.starts_with("Preview:"), "{heading}");
    let summary = page.text("main p").await;
    assert!(summary.contains("nodes") && summary.contains("Nothing is saved"), "{summary}");
    assert!(page.count("main li").await > 20, "the preview shows seed 001's parsed tree");
    page.shot("03-preview").await;
    page.submit("form[action='/roadmaps'] button[type=submit]", "tr.active").await;
    let row = page.text("tr.active").await;
    assert!(row.contains("python") && row.contains("0/"), "the saved roadmap is active with nothing done: {row}");
    page.shot("04-roadmaps-saved").await;

    page.open("/roadmap").await;
    page.shot("05-roadmap").await;
    page.open("/").await;
    let progress_before = page.text(".card:nth-child(3)").await;
    assert!(progress_before.contains("0%"), "{progress_before}");

    // Mark the first two suggested topics done, from their topic pages.
    let mut marked = Vec::new();
    for _ in 0..2 {
        page.open("/").await;
        let link = page.find("ol.next li a").await;
        let title = link.text().await.expect("the topic link has a title");
        link.click().await.expect("the topic link opens");
        page.find(".actions").await;
        page.submit(".actions form:has(input[name=status][value=done]) button", ".meta").await;
        let meta = page.text(".meta").await;
        assert!(meta.contains("done"), "{title}: {meta}");
        marked.push(title);
    }
    page.fill("#note-body", "Slicing copies; assignment does not.").await;
    page.submit("form[action='/notes'] button[type=submit]", "blockquote.note").await;
    assert!(page.text("blockquote.note").await.contains("Slicing copies; assignment does not."));
    page.shot("06-topic-done-with-note").await;

    // Log an hour and a half for today.
    page.open("/log").await;
    assert_eq!(page.count("svg.chart text.value").await, 0, "nothing logged yet, no bar labels");
    page.shot("07-log-empty").await;
    page.fill("input[name=duration]", "90m").await;
    page.submit("form[action='/log'] button[type=submit]", "table tbody tr").await;
    let entry = page.text("table tbody tr").await;
    assert!(entry.contains("1h 30m"), "the log lists the entry: {entry}");
    let bars: Vec<String> = {
        let mut out = Vec::new();
        for e in page.client.find_all(fantoccini::Locator::Css("svg.chart text.value")).await.expect("chart labels") {
            out.push(e.text().await.unwrap_or_default());
        }
        out
    };
    assert_eq!(bars, vec!["1.5".to_owned()], "this week's bar shows 1.5 hours");
    page.shot("08-log-with-entry").await;

    // The dashboard moved: streak, this week's hours, topics done.
    page.open("/").await;
    let streak = page.text(".card:nth-child(1) .big").await;
    let week = page.text(".card:nth-child(2) .big").await;
    let progress = page.text(".card:nth-child(3)").await;
    assert_eq!(streak, "1 day", "today counts");
    assert_ne!(week, week_before);
    assert_eq!(week, "1h 30m");
    assert!(progress.contains("2 of "), "two topics done: {progress}");
    let next = page.text("ol.next").await;
    for title in &marked {
        assert!(!next.lines().any(|l| l.trim() == title), "{title} is done and no longer next: {next}");
    }
    page.shot("09-dashboard-after").await;
}

/// The exercise page checks with real CPython: the starter fails with the
/// failing expression shown, the solution passes and lands in the CLI's
/// practice folder; then a review card of a done topic is answered.
async fn practice_and_review(page: &Page<'_>, data: &std::path::Path) {
    let ex = pyroad_check::exercise::embedded("leap-year").expect("the built-in leap-year exercise");
    page.open("/exercise/leap-year").await;
    let code = page.script("return document.getElementById('code').value;").await;
    assert!(code.as_str().is_some_and(|c| c.contains("def is_leap")), "the editor holds the starter: {code}");
    page.shot("15-exercise").await;
    page.submit("#editor button[type=submit]", "section.verdict-fail").await;
    let verdict = page.text("#verdict").await;
    assert!(verdict.contains("of 11 tests passed") && verdict.contains("is_leap(1900)"), "{verdict}");
    page.shot("16-exercise-failing").await;
    page.submit("#hints button[type=submit]", "p.hint").await;
    page.fill("#code", ex.solution.as_deref().expect("leap-year has a solution")).await;
    page.submit("#editor button[type=submit]", "section.verdict-pass").await;
    assert!(page.text("#verdict").await.contains("All 11 tests passed"));
    assert!(page.text("main").await.contains("Hint 1:"), "the hint stays shown");
    page.shot("17-exercise-passing").await;
    page.open("/exercises").await;
    assert!(page.text("main .lead").await.starts_with("1 of "), "the practice list counts the pass");
    page.shot("18-practice-list").await;
    let saved = std::fs::read_to_string(data.join("exercises/leap-year/leap.py")).expect("the practice folder's file");
    assert!(saved.contains("year % 400 == 0"), "the passing code is the CLI's file: {saved}");

    // The topics marked done put their cards in the queue.
    page.open("/").await;
    let due = page.text(".card a[href='/review']").await;
    assert!(due.ends_with(" due") && due != "0 due", "the dashboard links the due reviews: {due}");
    page.open("/review").await;
    let front = page.text(".review-card .front").await;
    assert!(!front.is_empty(), "a card's question");
    page.find(".review-card summary").await.click().await.expect("the answer opens");
    assert!(!page.text(".review-card .back").await.is_empty(), "its answer");
    page.shot("19-review-card").await;
    page.submit("button[name=rating][value=good]", "p.flash").await;
    let flash = page.text("p.flash").await;
    assert!(flash.contains("comes back in"), "{flash}");
    page.shot("20-review-rated").await;
    // The map shows the recall of the reviewed topic.
    page.open("/roadmap").await;
    assert!(page.count("li .badge.retention").await > 0, "a recall mark on the map");
    page.shot("21-roadmap-marks").await;
}

async fn hostile_roadmap_stays_inert(page: &Page<'_>) {
    page.open("/roadmaps").await;
    page.fill("#rm-name", "hostile").await;
    // Pasted, not uploaded: the other way in.
    page.fill("#rm-text", HOSTILE).await;
    page.submit("form[action='/roadmaps/preview'] button[type=submit]", "form[action='/roadmaps']").await;
    page.assert_inert("the preview").await;
    // The importer may keep the tag as text or drop it; either way no script runs.
    let heading = page.text("h1").await;
    assert!(
        heading.starts_with("Preview:") && heading.contains("window.__pwned"),
        "the payload is shown as text: {heading}"
    );
    page.shot("10-hostile-preview").await;
    page.submit("form[action='/roadmaps'] button[type=submit]", "tr.active").await;
    page.assert_inert("the roadmaps page").await;
    let row = page.text("tr.active").await;
    assert!(row.contains("hostile"), "the hostile roadmap is now active: {row}");
    for (path, name) in [("/", "11-hostile-dashboard"), ("/roadmap", "12-hostile-roadmap"), ("/log", "13-hostile-log")]
    {
        page.open(path).await;
        page.assert_inert(path).await;
        page.shot(name).await;
    }
    // Every topic page of the hostile roadmap, and a click on each link.
    page.open("/roadmap").await;
    let mut hrefs = Vec::new();
    for link in page.client.find_all(fantoccini::Locator::Css("main a[href^='/topic/']")).await.expect("topic links") {
        hrefs.push(link.attr("href").await.ok().flatten().unwrap_or_default());
    }
    assert!(hrefs.len() >= 3, "the hostile roadmap's items are listed: {hrefs:?}");
    for (i, href) in hrefs.iter().enumerate() {
        page.open(href).await;
        page.assert_inert(href).await;
        for link in page.client.find_all(fantoccini::Locator::Css("main a")).await.expect("links") {
            let target = link.attr("href").await.ok().flatten().unwrap_or_default();
            if !target.starts_with('/') && !target.starts_with('#') {
                let _ = link.click().await;
                tokio::time::sleep(Duration::from_millis(200)).await;
                page.assert_inert(&format!("{href} after clicking {target:?}")).await;
            }
        }
        page.shot(&format!("14-hostile-topic-{i}")).await;
    }
}
