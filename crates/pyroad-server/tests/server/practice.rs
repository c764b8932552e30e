//! Exercise and review cases (generic over the store, run on both backends
//! through `all_cases!`).

use pyroad_store::{LearnerId, ReviewRating, ReviewSource, Store};
use serde_json::json;

use crate::app::{App, csrf_in};

/// A roadmap with the curriculum's booleans-and-conditions (through an
/// alias; `leap-year` and three more exercises practise it) and modules
/// (one exercise, `module-main-guard`).
const CONDITIONS: &str = "# Mine\n\n## Basics\n\n- [ ] Conditionals\n- [ ] Lists\n- [ ] Modules and Imports\n";

async fn add_roadmap<S: Store + 'static>(app: &App<S>) -> String {
    let csrf = app.csrf().await;
    let saved = app.post_form("/roadmaps", &[("csrf", &csrf), ("name", "mine"), ("markdown", CONDITIONS)]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let stored = app.state.store.active_roadmap(LearnerId::LOCAL).await.expect("read").expect("active");
    pyroad_model::Roadmap::walk(&stored.roadmap).find(|n| n.title == "Conditionals").expect("the topic").id.clone()
}

fn solution() -> String {
    pyroad_check::exercise::embedded("leap-year").expect("leap-year").solution.expect("it has a solution")
}

pub async fn exercise_page_checks_like_the_cli<S: Store + 'static>(store: S) {
    let app = App::practising(store);
    let topic = add_roadmap(&app).await;
    // The topic page lists the exercise, not tried yet.
    let page = app.get(&format!("/topic/{topic}")).await;
    assert!(page.body.contains("href=\"/exercise/leap-year\""), "{}", page.body);
    assert!(page.body.contains("not tried"), "{}", page.body);

    let page = app.get("/exercise/leap-year").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<h1>Leap year</h1>") && page.body.contains("<textarea id=\"code\" name=\"code\""));
    assert_eq!(page.body.matches("Leap year</h1>").count(), 1, "the statement's own title is not repeated");
    assert!(page.body.contains("<code>is_leap(year)</code>"), "the statement is rendered markdown: {}", page.body);
    assert!(page.body.contains("return year % 4 == 0\n"), "the starter is in the editor: {}", page.body);
    let csrf = csrf_in(&page.body);

    // Without the token nothing runs or is recorded.
    let refused = app.post_form("/exercise/leap-year/check", &[("code", "x = 1\n")]).await;
    assert_eq!(refused.status, 403, "{}", refused.body);

    // The starter fails: the verdict names the failing expression and values.
    let starter = pyroad_check::exercise::embedded("leap-year").expect("leap-year").starter.expect("a starter");
    let failed = app.post_form("/exercise/leap-year/check", &[("csrf", &csrf), ("code", &starter)]).await;
    assert_eq!(failed.status, 200, "{}", failed.body);
    assert!(failed.body.contains("6 of 11 tests passed"), "{}", failed.body);
    assert!(failed.body.contains("<strong>FAIL</strong> test_century_is_not_leap"), "{}", failed.body);
    assert!(failed.body.contains("is_leap(1900)"), "the failing expression: {}", failed.body);

    // A hint, counted like `pyroad hint`.
    let hinted = app.post_form("/exercise/leap-year/hint", &[("csrf", &csrf)]).await;
    assert_eq!((hinted.status.as_u16(), hinted.header("location")), (303, "/exercise/leap-year#hints"));
    let page = app.get("/exercise/leap-year").await;
    assert!(page.body.contains("Hint 1:") && page.body.contains("2 left"), "{}", page.body);

    // The solution passes (sent with the browser's CRLF line ends).
    let crlf = solution().replace('\n', "\r\n");
    let passed = app.post_form("/exercise/leap-year/check", &[("csrf", &csrf), ("code", &crlf)]).await;
    assert!(passed.body.contains("All 11 tests passed"), "{}", passed.body);

    // Recorded like the CLI: both checks, the hint with the pass; the file
    // is the CLI's practice folder's.
    let results = app.state.store.exercise_results(LearnerId::LOCAL, Some("leap-year")).await.expect("results");
    let seen: Vec<(bool, u32, u32, u32)> =
        results.iter().map(|r| (r.passed, r.tests_passed, r.tests_total, r.hints_used)).collect();
    assert_eq!(seen, [(false, 6, 11, 0), (true, 11, 11, 1)]);
    // Each check is also a review of the exercise's item, rated as the CLI
    // rates it: the failing check again, the pass after a hint hard.
    let log = app.state.store.review_log(LearnerId::LOCAL, None).await.expect("review log");
    let reviews: Vec<(&str, ReviewRating, ReviewSource)> =
        log.iter().map(|r| (r.card.as_str(), r.rating, r.source)).collect();
    let item = reviews.first().map(|r| r.0).unwrap_or_default();
    assert!(item.ends_with("#x-leap-year"), "the item is filed under the exercise's home topic: {reviews:?}");
    assert_eq!(
        reviews,
        [(item, ReviewRating::Again, ReviewSource::Exercise), (item, ReviewRating::Hard, ReviewSource::Exercise)]
    );
    assert_eq!(app.state.store.passed_exercises(LearnerId::LOCAL).await.expect("passed"), ["leap-year"]);
    let folder = app.practice.as_ref().expect("a practice folder").path();
    let file = std::fs::read_to_string(folder.join("leap-year/leap.py")).expect("the learner's file");
    assert_eq!(file, solution());
    assert!(std::fs::read_to_string(folder.join(".pyroad-state.json")).expect("state").contains("\"passed\": true"));
    let list = app.get("/exercises").await;
    assert!(list.body.contains("1 of ") && list.body.contains("href=\"/exercise/leap-year\""), "{}", list.body);
    // The editor now holds the passing code and the topic shows the verdict.
    assert!(app.get("/exercise/leap-year").await.body.contains("last check: <strong class=\"verdict-pass\">passed"));
    assert!(app.get(&format!("/topic/{topic}")).await.body.contains("<strong class=\"verdict-pass\">passed</strong>"));
}

pub async fn exercise_api_and_bad_input<S: Store + Clone + 'static>(store: S) {
    let app = App::practising(store);
    let list = app.get("/api/v1/exercises").await;
    assert_eq!(list.status, 200);
    assert!(list.json().as_array().is_some_and(|a| a.len() >= 50), "{}", list.body);
    let detail = app.get("/api/v1/exercises/leap-year").await.json();
    assert_eq!((detail["hints_total"].as_u64(), detail["last"].is_null()), (Some(3), true), "{detail}");

    let r =
        app.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": "def is_leap(y):\n    return (\n" })).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["status"], "error", "a syntax error: {}", r.body);
    let r = app.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": solution() })).await;
    let v = r.json();
    assert_eq!((v["status"].as_str(), v["passed"].as_u64(), v["total"].as_u64()), (Some("pass"), Some(11), Some(11)));
    let list = app.get("/api/v1/exercises").await.json();
    let leap = list.as_array().and_then(|a| a.iter().find(|e| e["id"] == "leap-year")).expect("listed");
    assert_eq!((leap["last"]["passed"].as_bool(), leap["last"]["tests_total"].as_u64()), (Some(true), Some(11)));
    let hint = app.post_json("/api/v1/exercises/leap-year/hint", &json!({})).await;
    assert_eq!(hint.json()["shown"].as_array().map(Vec::len), Some(1), "{}", hint.body);

    // One check at a time per learner: a second one while the first runs
    // (its code sleeps on import) is refused, not queued.
    let slow = format!("import time\ntime.sleep(2)\n{}", solution());
    let slow = json!({ "code": slow });
    let first = app.post_json("/api/v1/exercises/leap-year/check", &slow);
    let second = async {
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        app.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": solution() })).await
    };
    let (first, second) = tokio::join!(first, second);
    assert_eq!(first.json()["status"], "pass", "{}", first.body);
    assert_eq!((second.status.as_u16(), second.error_code()), (409, "conflict".into()), "{}", second.body);
    let r = app.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": solution() })).await;
    assert_eq!(r.json()["status"], "pass", "the next check runs once the first ended: {}", r.body);

    // Unknown ids: 404 in the API's shape and as an HTML page.
    for uri in ["/api/v1/exercises/nope", "/api/v1/exercises/..%2F..%2Fetc"] {
        let r = app.get(uri).await;
        assert_eq!((r.status.as_u16(), r.error_code()), (404, "not_found".into()), "{uri}");
    }
    let r = app.post_json("/api/v1/exercises/nope/check", &json!({ "code": "" })).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (404, "not_found".into()));
    let page = app.get("/exercise/nope").await;
    assert_eq!(page.status, 404);
    assert!(page.header("content-type").starts_with("text/html"), "{}", page.body);
    let csrf = app.csrf().await;
    assert_eq!(app.post_form("/exercise/nope/check", &[("csrf", &csrf), ("code", "")]).await.status, 404);
    assert_eq!(app.post_form("/exercise/nope/hint", &[("csrf", &csrf)]).await.status, 404);
    assert_eq!(app.post_form("/exercise/leap-year/hint", &[]).await.status, 403);
    // Malformed and wrong bodies.
    let r = app.post_raw("/api/v1/exercises/leap-year/check", "application/json", "{\"code\":").await;
    assert_eq!((r.status.as_u16(), r.error_code()), (400, "bad_request".into()));
    let r = app.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": 5 })).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (422, "invalid".into()));
    let r = app.post_form("/exercise/leap-year/check", &[("csrf", &csrf)]).await;
    assert_eq!(r.status, 422, "no code field: {}", r.body);

    // A server without a practice folder shows the page but refuses checks.
    let bare = App::new(app.state.store.as_ref().clone());
    let page = bare.get("/exercise/leap-year").await;
    assert!(page.status == 200 && page.body.contains("Checking is not set up"), "{}", page.body);
    let r = bare.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": solution() })).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (503, "unavailable".into()));
}

pub async fn review_page_and_api<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let empty = app.get("/review").await;
    assert!(empty.status == 200 && empty.body.contains("Nothing to review now"), "{}", empty.body);
    let topic = add_roadmap(&app).await;
    assert!(app.get("/").await.body.contains("<a href=\"/review\">0 due</a>"));
    let csrf = app.csrf().await;
    let done = app.post_form("/status", &[("csrf", &csrf), ("topic", &topic), ("status", "done")]).await;
    assert_eq!(done.status, 303);

    // The done topic's cards are due, new.
    let queue = app.get("/api/v1/review").await.json();
    let due = queue["due"].as_u64().expect("a count");
    assert!(due >= 2, "{queue}");
    let first = queue["cards"][0].clone();
    let card = first["id"].as_str().expect("an id").to_owned();
    assert!(card.starts_with("booleans-and-conditions#") && first["new"] == true, "{first}");
    let home = app.get("/").await;
    assert!(home.body.contains(&format!("<a href=\"/review\">{due} due</a>")), "{}", home.body);
    let page = app.get("/review").await;
    assert!(page.body.contains(&format!("<code>{card}</code>")) && page.body.contains("Show the answer"));

    // Rate it through the form: stored with its log line, like `pyroad review`.
    assert_eq!(app.post_form("/review", &[("card", &card), ("rating", "good")]).await.status, 403);
    let rated = app.post_form("/review", &[("csrf", &csrf), ("card", &card), ("rating", "good")]).await;
    assert_eq!(rated.status, 303, "{}", rated.body);
    let back = app.get(rated.header("location")).await;
    assert!(back.body.contains("it comes back in 2.3 days"), "{}", back.body);
    let log = app.state.store.review_log(LearnerId::LOCAL, Some(&card)).await.expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].source, log[0].rating.as_str()), (ReviewSource::Review, "good"));
    assert_eq!(app.get("/api/v1/review").await.json()["due"].as_u64(), Some(due - 1));

    // The API rates too; bad cards and ratings are clear 4xx.
    let second = app.get("/api/v1/review").await.json()["cards"][0]["id"].as_str().expect("an id").to_owned();
    let r = app.post_json("/api/v1/review", &json!({ "card": second, "rating": "easy" })).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["reps"], 1);
    let r = app.post_json("/api/v1/review", &json!({ "card": "nope#1", "rating": "good" })).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (404, "not_found".into()));
    let r = app.post_json("/api/v1/review", &json!({ "card": second, "rating": "perfect" })).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (422, "invalid".into()));
    let r = app.post_form("/review", &[("csrf", &csrf), ("card", "nope#1"), ("rating", "good")]).await;
    assert_eq!(r.status, 404);
    assert!(r.header("content-type").starts_with("text/html"));
    let r = app.post_form("/review", &[("csrf", &csrf), ("card", &card)]).await;
    assert_eq!(r.status, 422, "no rating: {}", r.body);
}

pub async fn log_page_charts<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let page = app.get("/log").await;
    assert!(page.body.contains("aria-label=\"Study days\"") && !page.body.contains("Topics done over time"));
    let stored = app
        .state
        .store
        .add_roadmap(LearnerId::LOCAL, "small", &crate::cases::import(crate::cases::SMALL))
        .await
        .expect("add");
    app.state
        .store
        .set_status(LearnerId::LOCAL, stored.id, "variables", pyroad_store::Status::Done)
        .await
        .expect("mark");
    let csrf = app.csrf().await;
    assert_eq!(app.post_form("/log", &[("csrf", &csrf), ("duration", "90m")]).await.status, 303);
    let page = app.get("/log").await;
    assert!(page.body.contains("<rect class=\"day l3\""), "today's 90 minutes: {}", page.body);
    assert!(page.body.contains("2026-11-23: 1h 30m"), "{}", page.body);
    assert!(
        page.body.contains("by the end of the week of 2026-11-23: 2 done"),
        "the checked install and variables: {}",
        page.body
    );
    assert!(page.body.contains("by the end of the week of 2026-11-16: 0 done"), "{}", page.body);
    assert!(page.body.contains("Keep a plan on the"), "no kept plan, no burn-down: {}", page.body);
    // With a kept plan from three weeks ago the burn-down has both lines.
    let kept = app.post_form("/plan", &[("csrf", &csrf), ("hours", "3"), ("start", "2026-11-02")]).await;
    assert_eq!(kept.status, 303);
    let page = app.get("/log").await;
    assert!(page.body.contains("aria-label=\"Burn-down of remaining estimated hours\""), "{}", page.body);
    assert!(page.body.contains("<polyline class=\"planned\"") && page.body.contains("<polyline class=\"actual\""));
    assert!(page.body.contains("week of 2026-11-02: plan"), "{}", page.body);
}

pub async fn map_marks_verified_and_retention<S: Store + 'static>(store: S) {
    let app = App::practising(store);
    let topic = add_roadmap(&app).await;
    let map = app.get("/roadmap").await;
    assert_eq!(map.status, 200, "{}", map.body);
    assert!(!map.body.contains("title=\"every exercise") && !map.body.contains("title=\"chance to recall"));
    // One of Conditionals' four exercises passed: not verified yet. Modules'
    // only exercise passed: verified.
    let r = app.post_json("/api/v1/exercises/leap-year/check", &json!({ "code": solution() })).await;
    assert_eq!(r.json()["status"], "pass", "{}", r.body);
    let guard = pyroad_check::exercise::embedded("module-main-guard").expect("exists").solution.expect("a solution");
    let r = app.post_json("/api/v1/exercises/module-main-guard/check", &json!({ "code": guard })).await;
    assert_eq!(r.json()["status"], "pass", "{}", r.body);
    let map = app.get("/roadmap").await;
    let line = |title: &str| {
        let at = map.body.find(&format!(">{title}</a>")).unwrap_or_else(|| panic!("{title} on the map: {}", map.body));
        map.body[at..].split("</li>").next().unwrap_or("").to_owned()
    };
    assert!(line("Modules and Imports").contains("badge verified"), "{}", map.body);
    assert!(!line("Conditionals").contains("badge verified"), "{}", map.body);
    // A reviewed card of Conditionals' topic shows its recall.
    let csrf = app.csrf().await;
    app.post_form("/status", &[("csrf", &csrf), ("topic", &topic), ("status", "done")]).await;
    let card = app.get("/api/v1/review").await.json()["cards"][0]["id"].as_str().expect("a card").to_owned();
    let r = app.post_json("/api/v1/review", &json!({ "card": card, "rating": "good" })).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let map = app.get("/roadmap").await;
    let conditions = map.body.split(">Conditionals</a>").nth(1).and_then(|s| s.split("</li>").next()).unwrap_or("");
    assert!(conditions.contains("100% recall"), "just reviewed: {}", map.body);
}
