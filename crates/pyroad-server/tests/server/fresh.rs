//! The dashboard and the map are kept per learner (`view_cache`): every
//! write must show on the very next GET, whichever way it came in.

use pyroad_server::view_cache::FRESH_FOR;
use pyroad_store::{LearnerId, Status, Store};
use serde_json::json;

use crate::app::App;

const SMALL: &str =
    "# Python start\n\n## Basics\n\n- [ ] Variables (2h)\n- [ ] Lists\n- [ ] Loops\n\n## Web\n\n- [ ] Flask basics\n";

/// The map's `<li>` class for `topic`, e.g. `status-done`.
fn map_status(map: &str, topic: &str) -> String {
    let link = format!("href=\"/topic/{topic}\"");
    let at = map.find(&link).unwrap_or_else(|| panic!("no {link} in the map: {map}"));
    let open = "<li class=\"";
    let li = map[..at].rfind(open).expect("the link sits in a list item") + open.len();
    let class = map[li..].split('"').next().expect("the class attribute closes");
    let status = class.split_whitespace().find(|c| c.starts_with("status-")).expect("the item has a status class");
    status.to_owned()
}

/// The dashboard's "This week" card showing `time`.
fn week(time: &str) -> String {
    format!("<h2>This week</h2><p class=\"big\">{time}</p>")
}

pub async fn writes_show_on_the_next_get<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let csrf = app.csrf().await;
    // Kept while there is no roadmap; saving one through the form shows at once.
    assert!(app.get("/").await.body.contains("No roadmap yet"));
    assert_eq!(app.get("/roadmap").await.status, 404);
    let saved =
        app.post_form("/roadmaps", &[("csrf", &csrf), ("name", "small"), ("markdown", SMALL), ("activate", "1")]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let home = app.get("/").await;
    assert!(home.body.contains("Next up in") && home.body.contains("0 of 4 done"), "{}", home.body);
    let map = app.get("/roadmap").await.body;
    assert_eq!(map_status(&map, "variables"), "status-todo");
    assert_eq!(app.get("/roadmap").await.body, map, "a second GET serves the same page");

    // A mark through the form: map and dashboard both change.
    let r = app.post_form("/status", &[("csrf", &csrf), ("topic", "variables"), ("status", "done")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(map_status(&app.get("/roadmap").await.body, "variables"), "status-done");
    assert!(app.get("/").await.body.contains("1 of 4 done"));

    // A mark through the API.
    let r = app.post_json("/api/v1/roadmaps/small/progress", &json!({"topic": "lists", "status": "learning"})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(map_status(&app.get("/roadmap").await.body, "lists"), "status-learning");
    let home = app.get("/").await.body;
    assert!(home.contains("<em>learning</em>"), "{home}");

    // Logged time, through the form and then the API: this week's total.
    assert!(home.contains(&week("0m")), "{home}");
    let r = app.post_form("/log", &[("csrf", &csrf), ("duration", "40m"), ("date", "")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let home = app.get("/").await.body;
    assert!(home.contains(&week("40m")), "{home}");
    let r = app.post_json("/api/v1/log", &json!({"minutes": 20})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(app.get("/").await.body.contains(&week("1h")));

    // Notes: the form and the API, shown on the topic page right away.
    let r = app.post_form("/notes", &[("csrf", &csrf), ("topic", "lists"), ("body", "negative indexes")]).await;
    assert_eq!(r.status, 303);
    let r = app.post_json("/api/v1/roadmaps/small/notes", &json!({"topic": "lists", "body": "slices copy"})).await;
    assert_eq!(r.status, 201);
    let topic = app.get("/topic/lists").await.body;
    assert!(topic.contains("negative indexes") && topic.contains("slices copy"), "{topic}");

    // Keeping a plan: the dashboard measures against it.
    assert!(app.get("/").await.body.contains("No plan kept yet"));
    let r = app.post_form("/plan", &[("csrf", &csrf), ("hours", "3"), ("start", "2026-11-02")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(app.get("/").await.body.contains("plan: 3 h a week from 2026-11-02"));

    // A second roadmap made active: both pages switch to it.
    let other = "# Second road\n\n- [ ] Decorators\n";
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "other", "markdown": other})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(app.post_json("/api/v1/roadmaps/other/activate", &json!({})).await.status, 204);
    assert!(app.get("/roadmap").await.body.contains("Second road"));
    assert!(app.get("/").await.body.contains("Next up in <a href=\"/roadmap\">Second road</a>"));
    // A refused write (no CSRF token) changes nothing and still serves the page.
    let r = app.post_form("/status", &[("topic", "decorators"), ("status", "done")]).await;
    assert_eq!(r.status, 403);
    assert_eq!(map_status(&app.get("/roadmap").await.body, "decorators"), "status-todo");
}

/// Writes this app cannot see (the CLI on the same file) show once the
/// kept page is older than `FRESH_FOR`, or at once after `invalidate`.
pub async fn writes_behind_the_apps_back_show_within_the_freshness_bound<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let me = LearnerId::LOCAL;
    let stored = app.state.store.add_roadmap(me, "small", &crate::cases::import(SMALL)).await.expect("add");
    assert_eq!(map_status(&app.get("/roadmap").await.body, "loops"), "status-todo");
    app.state.store.set_status(me, stored.id, "loops", Status::Done).await.expect("mark as the CLI does");
    app.state.invalidate(me);
    assert_eq!(map_status(&app.get("/roadmap").await.body, "loops"), "status-done", "invalidate shows it at once");
    app.state.store.set_status(me, stored.id, "loops", Status::Skipped).await.expect("mark as the CLI does");
    assert_eq!(map_status(&app.get("/roadmap").await.body, "loops"), "status-done", "kept within the bound");
    tokio::time::sleep(FRESH_FOR + std::time::Duration::from_millis(50)).await;
    assert_eq!(map_status(&app.get("/roadmap").await.body, "loops"), "status-skipped", "rebuilt after the bound");
}
